"""Forms for proposing a suggestion, answering it as an agency, and linking a question."""
from __future__ import annotations

from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import BaseForm
from ..qa.forms import MARKDOWN_HINT, AskForm, _strip
from .service import BODY_MAX, RESPONSE_MAX, TITLE_MAX, TITLE_MIN, question_id_from


class ProposeForm(BaseForm):
    title = StringField(
        "Your suggestion", filters=[_strip],
        description="One improvement, in a sentence: “Let people upload documents in the app instead of posting them”.",
        validators=[DataRequired("Enter your suggestion"),
                    Length(min=TITLE_MIN, max=TITLE_MAX,
                           message=f"Your suggestion must be between {TITLE_MIN} and {TITLE_MAX} characters")])
    body = TextAreaField(
        "Description", description="What is hard today, what you propose, and who it would help. " + MARKDOWN_HINT,
        validators=[DataRequired("Describe your suggestion"),
                    Length(max=BODY_MAX, message=f"The description must be {BODY_MAX:,} characters or fewer")])
    tags = StringField("Tags", filters=[_strip], description="1 to 5 topics, separated by commas, like: online-services, forms",
                       validators=[DataRequired("Add at least one tag, like online-services")])
    agency = SelectField("Agency", description="The agency that could make this improvement.",
                         choices=[], validate_choice=False,
                         validators=[DataRequired("Choose the agency your suggestion is for")])

    def set_agencies(self, agencies) -> None:
        self.agency.choices = [SelectChoice("", "Choose an agency")] + [SelectChoice(a.slug, a.name) for a in agencies]

    def validate_agency(self, field):
        if field.data not in {choice.value for choice in field.choices if choice.value}:
            raise ValidationError("Choose the agency your suggestion is for")

    validate_tags = AskForm.validate_tags  # the same tag rules as questions; sets self.tag_names


class EditSuggestionForm(ProposeForm):
    """The author's own changes: the agency stays the one it was proposed to."""
    agency = None


class StatusForm(BaseForm):
    status = SelectField("New status", choices=[], validate_choice=False)
    response = TextAreaField(
        "Public response", description="Shown to everyone on the suggestion's timeline, with your agency's name.",
        validators=[DataRequired("Write the agency's response: it is shown to everyone on the timeline"),
                    Length(max=RESPONSE_MAX, message=f"The response must be {RESPONSE_MAX:,} characters or fewer")])
    duplicate_of = StringField("Duplicate of (only for “Duplicate”)", filters=[_strip],
                               description="The number or web address of the suggestion to keep.",
                               validators=[Optional(), Length(max=300)])

    def set_statuses(self, statuses: list[tuple[str, str]]) -> None:
        self.status.choices = statuses

    def validate_status(self, field):
        if field.data not in {value for value, _ in field.choices}:
            raise ValidationError("Choose a status from the list")

    def duplicate_id(self) -> int | None:
        """'12', '/suggestions/12-slug' or a full address -> 12."""
        text = (self.duplicate_of.data or "").replace("/suggestions/", "/questions/")
        return question_id_from(text)


class LinkQuestionForm(BaseForm):
    question = StringField("Related question", filters=[_strip],
                           description="The web address or number of a question on this forum.",
                           validators=[DataRequired("Give the web address or number of a question"), Length(max=300)])
