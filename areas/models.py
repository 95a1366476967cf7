"""Areas of improvement: the reform's chapters, as residents read them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from reform_site.markdown import render_markdown


class Area(models.Model):
    """One area of improvement, such as Use of Force or Training."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    subtitle = models.CharField(
        max_length=120, blank=True, help_text=_("A second line under the title, if any.")
    )
    summary = models.TextField(help_text=_("One or two sentences shown on cards."))
    body = MarkdownxField(blank=True, help_text=_("The area page's text, in Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(default=0, help_text=_("Lower comes first."))

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("areas:detail", args=[self.slug])
