"""Addresses of the meetings and hearings and their calendar files."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/calendar.ics", views.event_calendar, name="ics"),
    path("<slug:slug>/preview/", views.event_preview, name="preview"),
]
