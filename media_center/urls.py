from django.urls import path

from . import views

app_name = "media_center"
urlpatterns = [
    path("", views.post_list, name="list"),
    path("announcements/<slug:slug>/", views.announcement_detail, name="announcement"),
    path("<slug:slug>/", views.post_detail, name="detail"),
]
