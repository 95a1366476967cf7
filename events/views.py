"""The list of meetings and hearings, each one's page, and their calendar files."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from core.models import SiteSettings
from core.preview import StaffPreviewMixin
from policies.models import Policy
from policies.windows import zone_name

from .calendars import calendar_of
from .models import Event, EventLink

PAST_PER_PAGE = 20


def feed_links(request):
    """The calendar feed's address, for calendar programs (https) and apps (webcal)."""
    url = request.build_absolute_uri(reverse("events:calendar"))
    return {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


def event_list(request):
    """Upcoming events, soonest first, then past ones, latest first, with their notes."""
    events = Event.objects.published()
    upcoming = events.upcoming().prefetch_related("links")
    # Sources are for the event's own page; the list links notes and recordings.
    shared = Prefetch("links", EventLink.objects.exclude(kind=EventLink.Kind.SOURCE))
    past = Paginator(events.past().prefetch_related(shared), PAST_PER_PAGE)
    page = past.get_page(request.GET.get("page"))
    context = {
        "upcoming": list(upcoming) if page.number == 1 else [],
        "past_page": page,
        **feed_links(request),
    }
    return render(request, "events/event_list.html", context)


class EventDetailView(DetailView):
    """A published event with its place, how to take part, and what came of it."""

    context_object_name = "event"
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return Event.objects.published().prefetch_related(
            "areas", "links", Prefetch("policies", Policy.objects.published())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(feed_links(self.request), time_zone=zone_name())
        return context


class EventPreviewView(StaffPreviewMixin, EventDetailView):
    """An event being prepared, as it will look, for staff only."""

    preview_queryset = Event.objects.prefetch_related(
        "areas", "links", Prefetch("policies", Policy.objects.published())
    )


event_detail = EventDetailView.as_view()
event_preview = EventPreviewView.as_view()


def _ics_response(events, *, request, name, filename=None):
    body = calendar_of(events, absolute_url=request.build_absolute_uri, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        # A file to add to a calendar program; the feed is read by the program itself.
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_feed(request):
    """Every published event, past and upcoming: the address to subscribe to."""
    site = SiteSettings.load()
    name = _("%(site)s: meetings and hearings") % {"site": site.site_name}
    return _ics_response(Event.objects.published(), request=request, name=name)


def event_calendar(request, slug):
    """One published event, to add to a calendar."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _ics_response(
        [event], request=request, name=event.title, filename=f"{event.slug[:80]}.ics"
    )
