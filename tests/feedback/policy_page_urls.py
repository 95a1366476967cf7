"""A stand-in for the draft policy page, built the way its docstring tells it to be."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import path
from django.views.decorators.cache import never_cache

from feedback.intake import handle_submission
from policies.models import Policy
from reform_site.urls import urlpatterns as site_urlpatterns

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block content %}<h1>{{ policy.title }}</h1>
<section><h2>Comment on this draft</h2>
{% include "feedback/includes/form.html" with form=feedback_form heading_level=3 %}
</section>{% endblock %}"""
)


@never_cache
def policy_page(request, slug):
    policy = get_object_or_404(Policy, slug=slug)
    intake = handle_submission(request, policy=policy)
    if intake.response:
        return intake.response
    context = {"policy": policy, "feedback_form": intake.form}
    return HttpResponse(PAGE.render(context, request))


urlpatterns = [
    path("test-policy/<slug:slug>/", policy_page, name="policy-under-test"),
    *site_urlpatterns,
]
