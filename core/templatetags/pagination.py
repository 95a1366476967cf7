"""Links between the pages of a paginated list, the same on every list of the site."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/pagination.html")
def pagination(page_obj, label):
    """``{% pagination page_obj _("Pages of posts") %}``: links that keep the rest of the query."""
    return {
        "page_obj": page_obj,
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2),
        "label": label,
    }
