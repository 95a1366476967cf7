"""Template tags for the Media Center's images."""

from django import template

from core.templatetags.translated import lang_attr

from ..images import srcset

register = template.Library()

# What a cover image fills, for the browser to pick a rendition (see static/css).
SIZES = {
    "thumbnail": "(min-width: 40rem) 12rem, calc(100vw - 2rem)",
    "article": "(min-width: 46rem) 44rem, calc(100vw - 2rem)",
}


@register.inclusion_tag("media_center/includes/cover_image.html")
def cover_image(post, slot="thumbnail", loading="lazy"):
    """The post's cover as an <img> with its renditions: nothing when it has none.

    ``slot`` names the space the image fills on the page (a thumbnail in a list,
    or the article column), so a phone is sent the rendition for its screen, not the original.
    """
    items = post.cover_renditions
    if not items:
        return {}
    largest = items[-1]
    return {
        "src": items[min(1, len(items) - 1)].url,
        "srcset": srcset(items),
        "sizes": SIZES[slot],
        "width": largest.width,
        "height": largest.height,
        "alt": post.cover_alt,
        "alt_lang": lang_attr(post, "cover_alt"),
        "loading": loading,
    }
