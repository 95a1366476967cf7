from django.utils.translation import gettext_lazy as _

from reform_site.views import placeholder

policy_list = placeholder(_("Draft Policies & Documents"))
document_list = placeholder(_("Documents"))
