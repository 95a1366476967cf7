"""Small charts that templates shared with other pages draw, such as the area cards."""

from django import template

from areas import charts

register = template.Library()


@register.filter
def standing_bar(area):
    """A compact stacked bar of an area's standing (from ``figures.areas_with_standing()``)."""
    return charts.stacked_bars([area.standing], label=False, plot_width=240, bar=12)


@register.filter
def any_standing(areas):
    """Whether any of the areas (from ``areas_with_standing()``) has ratings to show."""
    return any(getattr(area, "standing", None) for area in areas)
