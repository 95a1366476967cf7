"""Site-wide records: the one-record base that staff edit, and the site's own settings.

The site's identity (its name, city, department) is read by every app and
page, so it lives on the ground floor with the base it is built on.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .colours import HEX, contrast
from .markdown import MarkdownField

DEFAULT_ACCENT = "#0b3d66"
# The header, buttons and borders are drawn in the accent colour with white words on it.
ACCENT_MINIMUM_CONTRAST = 4.5


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
    accent_color = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[
            RegexValidator(HEX, _("Give a colour as # and six hex digits, such as #0b3d66."))
        ],
        help_text=_(
            "The colour of the header, buttons and borders, as # and six hex digits. White "
            "words are written on it, so it must be dark enough to read them (4.5 to 1)."
        ),
    )

    logo = models.ImageField(
        _("logo"),
        upload_to="site/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_(
            "Optional: a JPEG, PNG or WebP picture shown before the site’s name in the "
            "header, 40 pixels high. Screen readers read the site’s name, not the picture, "
            "so any words in it must also be in the name."
        ),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

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

    def clean(self):
        if HEX.match(self.accent_color or ""):
            ratio = contrast(self.accent_color, "#ffffff")
            if ratio < ACCENT_MINIMUM_CONTRAST:
                raise ValidationError(
                    {
                        "accent_color": _(
                            "White words on %(colour)s have a contrast of only %(ratio).1f to 1; "
                            "they need 4.5 to 1 to be read. Choose a darker colour."
                        )
                        % {"colour": self.accent_color, "ratio": ratio}
                    }
                )

    @property
    def has_own_accent(self):
        return self.accent_color.lower() != DEFAULT_ACCENT


class Page(models.Model):
    """A page of the site's own that staff write: the accessibility statement, the privacy page.

    One record per ``slug``; each slug has a fixed address (``/accessibility/``,
    ``/privacy/``) and a footer link on every page, so the records are created on
    ``migrate`` (``core.pages``) and cannot be deleted, only edited.
    """

    class Slug(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy")

    slug = models.CharField(max_length=40, choices=Slug, unique=True)
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two sentences under the title; also what search engines and shared links show."
        ),
    )
    body = MarkdownField(_("body"), help_text=_("Markdown. Use ## for the page's sections."))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title or self.get_slug_display()

    def get_absolute_url(self):
        return reverse(self.slug)
