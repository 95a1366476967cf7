"""Draft policies open for public comment, and the document library."""

from django.db import models
from django.urls import reverse


class Policy(models.Model):
    """A department policy published as a draft for public comment."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "policies"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:list")
