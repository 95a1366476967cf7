"""Addresses of the feedback form and its confirmation pages."""

from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.feedback_form, name="form"),
    path("sent/<str:reference>/", views.sent, name="sent"),
    path("thanks/", views.thanks, name="thanks"),
]
