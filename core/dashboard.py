"""The staff dashboard's panels: each app says what needs attention in its ``dashboard`` module.

The admin index asks every app of the project that has a ``dashboard`` module
(found with ``core.registry.app_modules``, in the order of INSTALLED_APPS) for
its ``PANELS``: functions that take the request and return a ``Panel``, or
None when the signed-in person may not see that content. A new app (events,
say) adds its panel by adding ``events/dashboard.py``; nothing else changes.
Each panel costs a fixed number of queries, whatever the amount of content.
"""

from dataclasses import dataclass, field

from .registry import app_modules


@dataclass
class Item:
    """One thing that needs attention: what it is, where to deal with it, and a note."""

    text: str
    url: str = ""
    note: str = ""


@dataclass
class Panel:
    """A heading, the items under it, and what to say when there are none."""

    key: str
    title: str
    items: list = field(default_factory=list)
    empty: str = ""
    more_url: str = ""
    more_text: str = ""


def collect_panels(request):
    """Every app's panels that the signed-in person may see, in the order of INSTALLED_APPS."""
    panels = []
    for module in app_modules("dashboard"):
        for make_panel in getattr(module, "PANELS", []):
            panel = make_panel(request)
            if panel is not None:
                panels.append(panel)
    return panels
