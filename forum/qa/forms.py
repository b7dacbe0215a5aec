"""Forms for asking, answering and editing. Validation only: services do the writing."""
from __future__ import annotations

from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..forms import BaseForm
from ..tags.names import TagError, parse
from .service import BODY_MAX, TITLE_MAX, TITLE_MIN

MARKDOWN_HINT = ("You can use Markdown: *italic*, **bold**, [a link](https://example.org), "
                 "lists starting with - or 1., and `code`. Do not include personal details "
                 "such as tax file or Medicare numbers.")


NO_AGENCY = "Not sure / none"


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class AskForm(BaseForm):
    title = StringField(
        "Your question", filters=[_strip],
        description="Be specific, as if asking a person at the counter: "
                    "“Payment delayed after I changed my bank details — how long does it take?”",
        validators=[DataRequired("Enter your question"),
                    Length(min=TITLE_MIN, max=TITLE_MAX,
                           message=f"Your question must be between {TITLE_MIN} and {TITLE_MAX} characters")])
    body = TextAreaField(
        "Details", description="What happened, what you have tried, and what you need. " + MARKDOWN_HINT,
        validators=[DataRequired("Enter the details of your question"),
                    Length(max=BODY_MAX, message=f"Details must be {BODY_MAX:,} characters or fewer")])
    tags = StringField(
        "Tags", filters=[_strip],
        description="1 to 5 topics, separated by commas, like: payments, tax-return",
        validators=[DataRequired("Add at least one tag, like payments")])
    # Missing counts as "none"; an unknown value gets validate_agency's words, not WTForms'.
    agency = SelectField("Agency (optional)", description="The agency your question is about, if you know it.",
                         choices=[], default="", validate_choice=False)

    def set_agencies(self, agencies) -> None:
        self.agency.choices = [SelectChoice("", NO_AGENCY)] + [SelectChoice(a.slug, a.name) for a in agencies]

    def validate_agency(self, field):
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(f"Choose an agency from the list, or “{NO_AGENCY}”")

    def validate_tags(self, field):
        try:
            self.tag_names = parse(field.data or "")
        except TagError as error:
            raise ValidationError(str(error)) from None


class AnswerForm(BaseForm):
    body = TextAreaField(
        "Your answer", description=MARKDOWN_HINT,
        validators=[DataRequired("Write your answer"),
                    Length(max=BODY_MAX, message=f"Your answer must be {BODY_MAX:,} characters or fewer")])
