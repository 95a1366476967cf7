"""The one feedback form, for general feedback and comments on a draft policy."""

import re
from functools import cached_property

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from areas.models import Area

from .abuse import new_form_token
from .models import MESSAGE_MAX_LENGTH, Feedback, FeedbackPage

# Control characters never carry meaning in a message; lone surrogates cannot be
# stored. Tabs and line breaks survive in the message only.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\r\n]+")
_ZIP = re.compile(r"([0-9]{5})(?:-?[0-9]{4})?")


class TextField(forms.CharField):
    """A CharField that drops control characters and never truncates what was pasted.

    Browsers cut pasted text at ``maxlength`` without a word, so the limit is
    checked on the server instead, with a message that says by how much.
    """

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
            value = _CONTROL.sub("", value)
            if not self.multiline:
                value = _LINE_BREAKS.sub(" ", value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class LanguageSelect(forms.Select):
    """A select whose options carry ``lang``, so screen readers say “Español” in Spanish."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class FeedbackForm(forms.ModelForm):
    """Everything a resident fills in, with a message per field that says what to do.

    With ``policy`` the form is a comment on that draft: the topic question is
    dropped and the message is labelled as a comment. ``website`` is a honeypot
    and ``form_token`` carries the one-time id and the time the form was first
    shown; both are checked by ``feedback.intake.handle_submission``, not here.
    """

    area = forms.ModelChoiceField(
        queryset=Area.objects.all(),
        required=False,
        empty_label=_("General"),
        label=_("Topic"),
        help_text=_("Choose the area of the reform your message is about, or General."),
        error_messages={"invalid_choice": _("Choose a topic from the list, or General.")},
    )
    message = TextField(
        multiline=True,
        max_length=MESSAGE_MAX_LENGTH,
        label=_("Your message"),
        help_text=_("Up to 5,000 characters. Please leave out private details about other people."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your message before you send it."),
            "max_length": _(
                "Your message is %(show_value)s characters long. Please shorten it to "
                "%(limit_value)s characters or fewer; everything you wrote is still here."
            ),
        },
    )
    may_contact = forms.BooleanField(
        required=False,
        label=_("Please reply to me. You may contact me about this message."),
        help_text=_("We need your email address to reply."),
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        label=_("Email address"),
        help_text=_("We only keep your email if you ask for a reply."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _(
                "Enter an email address like name@example.com, or leave it empty "
                "if you do not want a reply."
            ),
            "max_length": _("Enter an email address of 254 characters or fewer."),
        },
    )
    language = forms.ChoiceField(
        required=False,
        label=_("Language for our reply"),
        widget=LanguageSelect,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    name = TextField(
        required=False,
        max_length=200,
        label=_("Your name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": _("Enter a name of 200 characters or fewer.")},
    )
    zip_code = TextField(
        required=False,
        label=_("ZIP code"),
        help_text=_("Five digits, such as 60601. It tells us which neighborhoods we hear from."),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": 10}
        ),
    )
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Feedback
        fields = ["area", "message", "may_contact", "email", "language", "name", "zip_code"]

    def __init__(self, *args, policy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        if policy is not None:
            del self.fields["area"]
            self.fields["message"].label = _("Your comment on this draft")
        self.fields["language"].choices = [
            ("", _("No preference")),
            *settings.FEEDBACK_REPLY_LANGUAGES,
        ]
        if not self.is_bound:
            self.initial.setdefault("language", (get_language() or "")[:2])
            self.initial.setdefault("form_token", new_form_token())

    @cached_property
    def page(self):
        """The staff-edited notices shown with the form (emergencies, complaints, privacy)."""
        return FeedbackPage.load()

    @property
    def personal_data_days(self):
        return settings.FEEDBACK_PERSONAL_DATA_DAYS

    def error_summary(self):
        """(field id or None, message) for every error, form-wide ones first, in field order."""
        items = [(None, message) for message in self.non_field_errors()]
        for field in self:
            items += [(field.auto_id, message) for message in field.errors]
        return items

    def clean_zip_code(self):
        value = self.cleaned_data["zip_code"].replace(" ", "")
        if not value:
            return ""
        match = _ZIP.fullmatch(value)
        if not match:
            raise forms.ValidationError(
                _("Enter a five-digit ZIP code, such as 60601, or leave it empty."),
                code="invalid",
            )
        return match.group(1)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("may_contact"):
            # No reply asked for, so no reason to keep an address (the help text says so);
            # a mistyped one must not hold up the message either.
            self._errors.pop("email", None)
            cleaned["email"] = ""
        elif not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    _(
                        "Enter your email address so we can reply, or untick "
                        "“Please reply to me” if you do not want a reply."
                    ),
                    code="required",
                ),
            )
        return cleaned

    def save(self, commit=True):
        self.instance.policy = self.policy
        if self.policy is not None:
            # A comment on a draft is about the draft's area (its first, if it has several).
            self.instance.area = self.policy.areas.first()
        return super().save(commit=commit)
