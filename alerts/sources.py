"""Every app's alert topics and sources (its ``alerts`` module), found once.

See ``core.alert_sources`` for what an app declares.
"""

from functools import cache

from core.registry import app_modules


@cache
def topics():
    """Every topic a resident can choose, in the order of their ``order``."""
    found = [topic for module in app_modules("alerts") for topic in module.TOPICS]
    return sorted(found, key=lambda topic: topic.order)


@cache
def sources():
    """Every source, in the order of INSTALLED_APPS."""
    found = [source for module in app_modules("alerts") for source in module.SOURCES]
    keys = [source.key for source in found]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"Alert source keys must be unique; used twice: {sorted(duplicates)}")
    return found


def source(key):
    """The source with ``key``, or None (one that was removed from the code)."""
    return next((found for found in sources() if found.key == key), None)


def sources_of(model):
    return [found for found in sources() if found.model is model]


def topic_choices():
    return [(topic.key, topic.label) for topic in topics()]


def topic_label(key):
    return next((topic.label for topic in topics() if topic.key == key), key)
