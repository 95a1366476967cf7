from django.urls import path

from . import views

app_name = "comparisons"
urlpatterns = [
    path("", views.decree_list, name="list"),
    path("<slug:slug>/", views.decree_detail, name="detail"),
]
