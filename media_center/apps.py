from django.apps import AppConfig


class MediaCenterConfig(AppConfig):
    name = "media_center"
    verbose_name = "Media Center"
