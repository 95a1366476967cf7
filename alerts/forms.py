"""The subscription form and the preferences form, with a message per field that says what to do."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from areas.models import Area
from feedback.abuse import new_form_token
from feedback.forms import LanguageSelect

from .sources import topic_choices, topics


def site_language(code):
    """The site language ``code`` belongs to ("es" for "es-mx"), or the default."""
    codes = [language for language, _name in settings.LANGUAGES]
    code = (code or "").lower()
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else settings.LANGUAGES[0][0]


class ChoicesForm(forms.Form):
    """What to hear about, for which areas, in which language."""

    topics = forms.MultipleChoiceField(
        label=_("Send me an email about"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one kind of news to hear about."),
            "invalid_choice": _("Choose from the list."),
        },
    )
    areas = forms.ModelMultipleChoiceField(
        queryset=Area.objects.all(),
        required=False,
        label=_("Only about these areas (optional)"),
        help_text=_(
            "Leave all unticked to hear about every area. News about the whole decree reaches "
            "everyone."
        ),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose areas from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        widget=LanguageSelect,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices()
        self.fields["language"].choices = settings.LANGUAGES
        self.topic_help = {topic.key: topic.help_text for topic in topics()}

    def topic_options(self):
        """(checkbox, help text) for each topic, for the template to draw them with their help."""
        return [
            (option, self.topic_help.get(option.data["value"], "")) for option in self["topics"]
        ]

    def error_summary(self):
        """(field id or None, message) for every error, form-wide ones first, in field order."""
        items = [(None, message) for message in self.non_field_errors()]
        for field in self:
            anchor = f"{field.auto_id}_0" if field.name in ("topics", "areas") else field.auto_id
            items += [(anchor, message) for message in field.errors]
        return items

    def save_to(self, subscription):
        subscription.topics = self.cleaned_data["topics"]
        subscription.language = self.cleaned_data["language"]
        subscription.save()
        subscription.areas.set(self.cleaned_data["areas"])


class SubscribeForm(ChoicesForm):
    """An email address and its choices. ``website`` is a honeypot; ``form_token`` dates the form.

    Both are checked by the view through ``feedback.abuse``, as on the feedback form.
    """

    email = forms.EmailField(
        max_length=254,
        label=_("Your email address"),
        help_text=_("We use it only to send the alerts you choose."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address, such as name@example.com."),
            "invalid": _("Enter an email address like name@example.com."),
            "max_length": _("Enter an email address of 254 characters or fewer."),
        },
    )
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["email", "topics", "areas", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("topics", [key for key, _label in topic_choices()])
            self.initial.setdefault("language", site_language(get_language()))
            self.initial.setdefault("form_token", new_form_token())

    def clean_email(self):
        # Mail providers treat addresses without regard to case; one subscription per inbox.
        return self.cleaned_data["email"].strip().lower()


class PreferencesForm(ChoicesForm):
    """A subscriber's choices, reached through the signed link in every email."""

    def __init__(self, *args, subscription, **kwargs):
        if not args and "initial" not in kwargs:
            kwargs["initial"] = {
                "topics": subscription.topics,
                "areas": subscription.areas.all(),
                "language": site_language(subscription.language),
            }
        super().__init__(*args, **kwargs)
