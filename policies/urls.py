"""Addresses of the policy list, each draft's page and the document library."""

from django.urls import path

from . import views

app_name = "policies"
urlpatterns = [
    path("policies/", views.policy_list, name="list"),
    path("policies/<slug:slug>/", views.policy_detail, name="detail"),
    path("policies/<slug:slug>/preview/", views.policy_preview, name="preview"),
    path("documents/", views.document_list, name="documents"),
]
