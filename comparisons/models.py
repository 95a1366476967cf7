"""Consent decrees of other cities, for comparison with the site's own."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from reform_site.markdown import render_markdown


def validate_source_links(value):
    """Every line must be an http or https address."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.split():
        try:
            check(line)
        except ValidationError:
            raise ValidationError(
                _("“%(link)s” is not a web address. Give one http:// or https:// link per line."),
                params={"link": line},
            ) from None


class ConsentDecree(models.Model):
    """A city's police consent decree (or similar agreement) and its key facts."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSTAINMENT = "sustainment", _("In sustainment")
        TERMINATED = "terminated", _("Terminated")

    city = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    department = models.CharField(max_length=120)
    agreement_type = models.CharField(max_length=80, default="consent decree")
    entered = models.DateField(help_text=_("When the decree took effect."))
    ended = models.DateField(null=True, blank=True, help_text=_("Blank while active."))
    status = models.CharField(max_length=20, choices=Status, default=Status.ACTIVE)
    paragraph_count = models.PositiveIntegerField(null=True, blank=True)
    monitor = models.CharField(max_length=200, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    milestone = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("One sourced fact worth a line on the home page, if any."),
    )
    notes = MarkdownxField(blank=True)
    notes_html = models.TextField(editable=False, blank=True)
    sources = models.TextField(
        blank=True, validators=[validate_source_links], help_text=_("Source links, one per line.")
    )
    confidence = models.CharField(
        max_length=300,
        default="verified",
        help_text=_("“verified”, or which facts are not verified and why."),
    )
    is_own_decree = models.BooleanField(
        default=False, help_text=_("The decree this site tracks (the reference row).")
    )
    show_on_home = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "city"]

    def __str__(self):
        return f"{self.city} ({self.department})"

    def save(self, *args, **kwargs):
        self.notes_html = render_markdown(self.notes)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("comparisons:detail", args=[self.slug])

    @property
    def source_links(self):
        return [line.strip() for line in self.sources.split() if line.strip()]

    @property
    def is_fully_verified(self):
        return self.confidence.strip().lower() == "verified"

    def years_in_effect(self, today=None):
        """Years from entry to end, or to today while active, to one decimal place."""
        end = self.ended or today or timezone.localdate()
        return round((end - self.entered).days / 365.25, 1)

    @property
    def span(self):
        """Years as residents read them: “2001–2013” or “2019–present”."""
        end = str(self.ended.year) if self.ended else _("present")
        return f"{self.entered.year}–{end}"

    def duration_sentence(self, today=None):
        """A sentence computed from the dates, never typed in."""
        years = round(self.years_in_effect(today))
        if self.ended:
            return _(
                "It took the %(department)s %(years)s years to complete all their requirements."
            ) % {
                "department": self.department,
                "years": years,
            }
        return _("The %(department)s has been under its decree for %(years)s years.") % {
            "department": self.department,
            "years": years,
        }

    def paragraphs_sentence(self):
        if not self.paragraph_count:
            return ""
        return _("The %(city)s %(kind)s consists of %(count)s paragraphs.") % {
            "city": self.city,
            "kind": self.agreement_type,
            "count": self.paragraph_count,
        }
