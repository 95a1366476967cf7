"""The admin of areas, paragraphs and monitoring reports, with CSV imports of ratings."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin

from .imports import AssessmentImport, ImportFailed, ParagraphImport
from .models import Area, ComplianceAssessment, Level, MonitoringReport, Paragraph

UPLOAD_MAX_BYTES = 10 * 1024 * 1024


@admin.register(Area)
class AreaAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """Areas: the title, the cards' summary and the page's Markdown."""

    list_display = ["title", "subtitle", "order"]
    list_editable = ["order"]
    list_filter = ["subtitle"]
    search_fields = ["title", "subtitle", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]


class CSVUploadForm(forms.Form):
    """The file picker of the admin's CSV imports."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 text, with the column names on the first line. At most 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is larger than 10 MB. Split it into smaller files.")
            )
        return upload


class CSVImportMixin:
    """An admin page where staff upload a CSV file and see every problem in it at once."""

    def csv_import_view(self, request, make_import, title, columns, done_url, obj=None):
        form = CSVUploadForm(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            try:
                result = make_import().run(form.cleaned_data["file"].read())
            except ImportFailed as failure:
                problems = failure.problems
            else:
                self.message_user(
                    request,
                    _("Imported %(file)s: %(result)s")
                    % {"file": form.cleaned_data["file"].name, "result": result},
                    messages.SUCCESS,
                )
                return redirect(done_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "form": form,
            "problems": problems,
            "columns": columns,
            "original": obj,
            "done_url": done_url,
        }
        return TemplateResponse(request, "admin/areas/import_csv.html", context)


class ComplianceAssessmentInline(admin.TabularInline):
    """A report's ratings, listed on its admin page."""

    model = ComplianceAssessment
    fields = ["report", "level", "note", "source"]
    extra = 0
    # A note is a line or two; a full-size box per rating made the page unusable.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}
    }
    ordering = ["-report__period_end"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("report")


class RatingLevelFilter(admin.SimpleListFilter):
    """Paragraphs rated at a level, in the report chosen in the next filter if any.

    Both conditions must hold for the same rating, so this filter applies them
    together (two separate admin filters would match different ratings).
    """

    title = _("rating level")
    parameter_name = "level"

    def __init__(self, request, params, model, model_admin):
        self.report = request.GET.get("report")
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return Level.choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        rating = {"assessments__level": self.value()}
        if self.report:
            rating["assessments__report"] = self.report
        return queryset.filter(**rating).distinct()


class RatedInReportFilter(admin.SimpleListFilter):
    """Paragraphs rated in one report, at the level chosen in the other filter if any."""

    title = _("rated in report")
    parameter_name = "report"

    def __init__(self, request, params, model, model_admin):
        self.level = request.GET.get("level")
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            (str(pk), title) for pk, title in MonitoringReport.objects.values_list("pk", "title")
        ]

    def queryset(self, request, queryset):
        if not self.value() or self.level:
            return queryset  # with a level chosen, RatingLevelFilter applies both
        return queryset.filter(assessments__report=self.value()).distinct()


@admin.register(Paragraph)
class ParagraphAdmin(HistoryAdmin, CSVImportMixin, admin.ModelAdmin):
    """The decree's paragraphs, with their import from CSV."""

    list_display = ["number", "title", "area"]
    list_display_links = ["number", "title"]
    list_filter = ["area", RatingLevelFilter, RatedInReportFilter]
    search_fields = ["=number", "title", "text"]
    list_select_related = ["area"]
    inlines = [ComplianceAssessmentInline]
    change_list_template = "admin/areas/paragraph/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="areas_paragraph_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        return self.csv_import_view(
            request,
            ParagraphImport,
            _("Import paragraphs from a CSV file"),
            ParagraphImport.columns(),
            reverse("admin:areas_paragraph_changelist"),
        )


@admin.register(MonitoringReport)
class MonitoringReportAdmin(HistoryAdmin, CSVImportMixin, admin.ModelAdmin):
    """Monitoring reports: dates, published figures and the import of their ratings."""

    list_display = ["title", "period_start", "period_end", "filed", "is_published", "ratings"]
    list_filter = ["is_published", "figures_as", "confidence"]
    search_fields = ["title", "short_title", "notes"]
    date_hierarchy = "period_end"
    change_form_template = "admin/areas/monitoringreport/change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "short_title"),
                    ("period_start", "period_end", "filed"),
                    "document",
                    "link",
                    "is_published",
                ]
            },
        ),
        (
            _("Summary figures as the monitor published them"),
            {
                "description": _(
                    "Shown only while the report has no per-paragraph ratings; once "
                    "ratings are imported the summary is computed from them, unless they "
                    "cover only some paragraphs."
                ),
                "fields": [
                    "ratings_are_partial",
                    "paragraphs_assessed",
                    "figures_as",
                    ("preliminary", "secondary", "full"),
                    "figures_source",
                    "confidence",
                    "notes",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(rating_count=Count("assessments"))

    @admin.display(description=_("paragraph ratings"), ordering="rating_count")
    def ratings(self, report):
        return report.rating_count

    def get_urls(self):
        return [
            path(
                "<int:object_id>/import-ratings/",
                self.admin_site.admin_view(self.import_view),
                name="areas_monitoringreport_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request, object_id):
        report = get_object_or_404(MonitoringReport, pk=object_id)
        if not self.has_change_permission(request, report):
            raise PermissionDenied
        return self.csv_import_view(
            request,
            lambda: AssessmentImport(report),
            _("Import ratings for %(report)s") % {"report": report},
            AssessmentImport.columns(),
            reverse("admin:areas_monitoringreport_change", args=[report.pk]),
            obj=report,
        )
