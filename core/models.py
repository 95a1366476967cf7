"""Site-wide records: the one-record base that staff edit, and the site's own settings.

The site's identity (its name, city, department) is read by every app and
page, so it lives on the ground floor with the base it is built on.
"""

from django.core.cache import cache
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .markdown import MarkdownField


class SingletonModel(models.Model):
    """A model with one record (pk 1), cached, that staff edit in the admin."""

    CACHE_KEY = None  # each subclass names its own

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        # Again once committed, in case a request cached the old record meanwhile.
        transaction.on_commit(lambda: cache.delete(self.CACHE_KEY), using=kwargs.get("using"))

    @classmethod
    def load(cls):
        """Return the record, cached; an unsaved one with the defaults before setup."""
        found = cache.get(cls.CACHE_KEY)
        if found is None:
            found = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, found, 300)
        return found


class SiteSettings(SingletonModel):
    """The one record holding the site's name and the home page's own words.

    A single row (pk 1), so that staff change the words in the admin and
    templates hold only interface labels.
    """

    CACHE_KEY = "site-settings"

    site_name = models.CharField(max_length=120, default="Police Reform Progress")
    city = models.CharField(max_length=80, default="Chicago")
    department = models.CharField(max_length=120, default="Chicago Police Department")
    tagline = models.CharField(max_length=200, blank=True)

    what_heading = models.CharField(_("“What we are doing” heading"), max_length=120)
    what_intro = MarkdownField(_("“What we are doing” introduction"), blank=True)

    involved_heading = models.CharField(max_length=120)
    areas_card_title = models.CharField(max_length=80)
    areas_card_text = models.TextField()
    media_card_title = models.CharField(max_length=80)
    media_card_text = models.TextField()
    feedback_card_title = models.CharField(max_length=80)
    feedback_card_text = models.TextField()

    areas_heading = models.CharField(max_length=120)
    comparisons_heading = models.CharField(max_length=120)
    media_heading = models.CharField(max_length=120)
    media_subheading = models.CharField(max_length=120, blank=True)
    media_empty_text = models.CharField(
        max_length=200, default="No recent posts have been published at this time."
    )
    policies_heading = models.CharField(max_length=120)
    policies_text = models.TextField(blank=True)
    feedback_heading = models.CharField(max_length=120)
    feedback_text = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        # Kept from when the model lived in reform_site: no data moves.
        db_table = "reform_site_sitesettings"
        verbose_name = _("site settings and home page")
        verbose_name_plural = _("site settings and home page")

    def __str__(self):
        return str(_("Site settings and home page"))
