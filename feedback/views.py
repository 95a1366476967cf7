from django.utils.translation import gettext_lazy as _

from reform_site.views import placeholder

feedback_form = placeholder(_("Feedback"))
