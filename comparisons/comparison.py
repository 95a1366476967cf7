"""Everything the comparison page shows, computed from one list of decrees for one day."""

from django.contrib.humanize.templatetags.humanize import ordinal
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .charts import NARROW, ParagraphChart, Timeline


class Comparison:
    """The table's rows, the reference row, the charts and the summary sentences.

    ``today`` is fixed once per request, so every figure on the page counts to
    the same day. The site's own decree is pinned above the other rows as the
    reference, whatever the order; ``reference_rank`` says where it would fall.
    """

    def __init__(self, decrees, sort, today):
        self.today = today
        self.sort = sort
        ordered = sort.apply(decrees, today)
        for decree in ordered:
            # Figures to the request's day, for the table.
            decree.years = decree.years_in_effect(today)
        self.count = len(ordered)
        self.reference = next((decree for decree in ordered if decree.is_own_decree), None)
        self.reference_rank = ordered.index(self.reference) + 1 if self.reference else None
        self.others = [decree for decree in ordered if not decree.is_own_decree]
        self.timeline = Timeline(ordered, today)
        self.timeline_narrow = Timeline(ordered, today, NARROW)
        self.paragraph_chart = ParagraphChart(ordered)
        self.paragraph_chart_narrow = ParagraphChart(ordered, NARROW)

    @property
    def reference_sentence(self):
        if not self.reference:
            return ""
        return _(
            "%(city)s, this site’s decree, stays at the top for reference; in this order "
            "it would come %(rank)s of %(count)s."
        ) % {"city": self.reference.city, "rank": ordinal(self.reference_rank), "count": self.count}

    @property
    def summary(self):
        """Sentences comparing the decrees, every figure taken from the data."""
        sentences = []
        if self.reference:
            sentences.append(self.reference.duration_sentence(self.today))
        ended = [decree for decree in self.others if not decree.is_active]
        if self.others:
            active = len(self.others) - len(ended)
            parts = {
                "count": len(self.others),
                "ended": ngettext("%(n)s has ended", "%(n)s have ended", len(ended))
                % {"n": len(ended)},
                "active": ngettext("%(n)s is still in effect", "%(n)s are still in effect", active)
                % {"n": active},
            }
            sentences.append(
                ngettext(
                    "Of the %(count)s other decree listed, %(ended)s and %(active)s.",
                    "Of the %(count)s other decrees listed, %(ended)s and %(active)s.",
                    len(self.others),
                )
                % parts
            )
        if ended:
            years = sorted(decree.whole_years_in_effect(self.today) for decree in ended)
            sentences.append(
                _("The decrees that have ended lasted between %(least)s and %(most)s years.")
                % {"least": years[0], "most": years[-1]}
                if years[0] != years[-1]
                else ngettext(
                    "The decrees that have ended lasted %(years)s year.",
                    "The decrees that have ended lasted %(years)s years.",
                    years[0],
                )
                % {"years": years[0]}
            )
        counted = [decree for decree in self.others if decree.paragraph_count]
        counts = sorted(decree.paragraph_count for decree in counted)
        if self.reference and self.reference.paragraph_count and counts:
            sentences.append(
                ngettext(
                    "%(city)s’s decree has %(own)s paragraphs; the %(count)s other decree "
                    "with a known count has %(least)s.",
                    "%(city)s’s decree has %(own)s paragraphs; the %(count)s other decrees "
                    "with a known count have between %(least)s and %(most)s.",
                    len(counts),
                )
                % {
                    "city": self.reference.city,
                    "own": self.reference.paragraph_count,
                    "count": len(counts),
                    "least": counts[0],
                    "most": counts[-1],
                }
            )
            unverified = [decree.city for decree in counted if decree.paragraph_count_unverified]
            if self.reference.paragraph_count_unverified:
                unverified.insert(0, self.reference.city)
            if unverified:
                sentences.append(
                    _("Not confirmed by a source yet: the paragraph count for %(cities)s.")
                    % {"cities": ", ".join(unverified)}
                )
        return sentences
