"""Addresses of the comparison, each decree's page and the downloads."""

from django.urls import path

from . import views

app_name = "comparisons"
urlpatterns = [
    path("", views.decree_list, name="list"),
    path("data.csv", views.decrees_csv, name="csv"),
    path("data.json", views.decrees_json, name="json"),
    path("<slug:slug>/", views.decree_detail, name="detail"),
]
