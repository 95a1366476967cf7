"""The admin pages of the site settings and the site's own pages, and the admin of content
in several languages."""

from functools import reduce
from operator import or_

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .history_admin import HistoryAdmin
from .i18n import DEFAULT_LANGUAGE, missing_translations, site_languages, translated_fields
from .images import prepare_upload
from .models import Page, SiteSettings


def _other_languages():
    return [code for code in site_languages() if code != DEFAULT_LANGUAGE]


def _language(code):
    return get_language_info(code)["name_translated"]


class MissingTranslationFilter(admin.SimpleListFilter):
    """Items with text written in English that still has no copy in another language."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in _other_languages():
            language = _language(code)
            choices += [
                (f"missing-{code}", _("Missing in %(language)s") % {"language": language}),
                (f"complete-{code}", _("Complete in %(language)s") % {"language": language}),
            ]
        return choices

    def queryset(self, request, queryset):
        state, _sep, code = (self.value() or "").partition("-")
        if code not in _other_languages() or state not in ("missing", "complete"):
            return None
        missing = []
        for name in translated_fields(queryset.model):
            english = build_localized_fieldname(name, DEFAULT_LANGUAGE)
            other = build_localized_fieldname(name, code)
            has_english = Q(**{f"{english}__isnull": False}) & ~Q(**{english: ""})
            lacks_other = Q(**{f"{other}__isnull": True}) | Q(**{other: ""})
            missing.append(has_english & lacks_other)
        if not missing:
            return None
        condition = reduce(or_, missing)
        return queryset.filter(condition) if state == "missing" else queryset.exclude(condition)


class ErrorsOnTheEnglishCopy:
    """A model form mixin: an error a model's ``clean`` raises on a translated field
    (``cover_alt``) is shown on its English copy (``cover_alt_en``), the field the
    form has, instead of failing because the form has no field of that name."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            translated = set(translated_fields(self._meta.model))
            errors.error_dict = {
                (
                    build_localized_fieldname(name, DEFAULT_LANGUAGE)
                    if name in translated and name not in self.fields
                    else name
                ): messages
                for name, messages in errors.error_dict.items()
            }
        super()._update_errors(errors)


class TranslatedAdmin(TranslationAdmin):
    """The admin of content written in each language (see ``core.i18n.register_translated``).

    The form shows each translated field once per language, side by side; the
    list says which items still lack a translation, can be filtered by it, and
    searches every language. Combine it with other admin bases, translated
    first: ``class AreaAdmin(TranslatedAdmin, MarkdownxModelAdmin)``.
    """

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (ErrorsOnTheEnglishCopy, form), {})

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    def get_search_fields(self, request):
        translated = translated_fields(self.model)
        fields = []
        for name in super().get_search_fields(request):
            bare = name.lstrip("^=@")
            if bare in translated:
                prefix = name[: len(name) - len(bare)]
                fields += [
                    prefix + build_localized_fieldname(bare, code) for code in site_languages()
                ]
            else:
                fields.append(name)
        return fields

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_status"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                name,
                {**options, "fields": [f for f in options["fields"] if f != "translation_status"]},
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None:
            return fieldsets
        return [(_("Translation"), {"fields": ["translation_status"]}), *fieldsets]

    @admin.display(description=_("translation"))
    def translation_status(self, obj):
        """“Complete”, or which fields still lack each language."""
        gaps = []
        for code in _other_languages():
            missing = missing_translations(obj, code)
            if missing:
                names = ", ".join(
                    str(self.model._meta.get_field(name).verbose_name) for name in missing
                )
                gaps.append(
                    _("Missing in %(language)s: %(fields)s")
                    % {"language": _language(code), "fields": names}
                )
        return "; ".join(str(gap) for gap in gaps) if gaps else _("Complete")


# The logo is shown 40 CSS pixels high: this is enough for screens of any density.
LOGO_MAX_SIDE = 400


class SiteSettingsForm(forms.ModelForm):
    """The logo is checked by its content and kept with its pixels only (``core.images``)."""

    class Meta:
        # A plain file field: the checks of ``prepare_upload`` say what is wrong and what to
        # do, where Django's image field would only say "Upload a valid image".
        field_classes = {"logo": forms.FileField}

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            return prepare_upload(logo, max_side=LOGO_MAX_SIDE)
        return logo


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """One record: staff may change it but neither add a second nor delete it."""

    form = SiteSettingsForm

    fieldsets = [
        (None, {"fields": ["site_name", "city", "department", "tagline", "accent_color", "logo"]}),
        ("What we are doing", {"fields": ["what_heading", "what_intro"]}),
        (
            "Ways to get involved",
            {
                "fields": [
                    "involved_heading",
                    ("areas_card_title", "areas_card_text"),
                    ("media_card_title", "media_card_text"),
                    ("feedback_card_title", "feedback_card_text"),
                ]
            },
        ),
        (
            "Section headings and calls to action",
            {
                "fields": [
                    "areas_heading",
                    "comparisons_heading",
                    ("media_heading", "media_subheading"),
                    "media_empty_text",
                    ("policies_heading", "policies_text"),
                    ("feedback_heading", "feedback_text"),
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """The accessibility statement and the privacy page: staff edit them; their addresses are fixed."""

    list_display = ["title", "address", "updated_at"]
    fields = ["slug", "title", "summary", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    @admin.display(description=_("address"))
    def address(self, page):
        return page.get_absolute_url()

    def get_readonly_fields(self, request, obj=None):
        # The footer links to each page by its slug: changing it would break them.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "slug"] if obj else fields

    def has_add_permission(self, request):
        # Only a page that went missing can be added back (migrate also recreates it).
        missing = Page.objects.count() < len(Page.Slug)
        return missing and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
