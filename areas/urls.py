"""Addresses of the area pages, the progress page and their open data."""

from django.urls import path, re_path

from . import views

app_name = "areas"
FORMAT = r"\.(?P<fmt>csv|json)$"
urlpatterns = [
    path("areas/", views.area_list, name="list"),
    path("areas/<slug:slug>/", views.area_detail, name="detail"),
    re_path(rf"^areas/(?P<slug>[-\w]+)/data{FORMAT}", views.area_data, name="area_data"),
    re_path(rf"^areas/(?P<slug>[-\w]+)/ratings{FORMAT}", views.area_ratings, name="area_ratings"),
    path("progress/", views.progress, name="progress"),
    re_path(rf"^progress/data{FORMAT}", views.progress_data, name="data"),
    re_path(rf"^progress/ratings{FORMAT}", views.progress_ratings, name="ratings"),
]
