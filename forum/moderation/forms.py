"""Forms for flagging, referring, closing as a duplicate and suspending. Validation only."""
from __future__ import annotations

import re

from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from moderation.types import FLAG_REASONS

from ..forms import BaseForm
from .models import REASON_MAX
from .service import SUSPENSION_DAYS

_QUESTION_NUMBER = re.compile(r"(?:/questions/)?(\d{1,9})(?:-[\w-]*)?/?$")


class FlagForm(BaseForm):
    reason = SelectField("Why should a moderator look at this post?",
                         choices=[SelectChoice("", "Choose a reason")] + [SelectChoice(k, v) for k, v in FLAG_REASONS.items()],
                         validators=[DataRequired("Choose why you are flagging this post")])
    text = TextAreaField("Anything a moderator should know (optional)",
                         description="Required when you choose “Something else”. Do not repeat personal details.",
                         validators=[Optional(), Length(max=REASON_MAX, message=f"Keep it to {REASON_MAX} characters or fewer")])


class ReferForm(BaseForm):
    agency = SelectField("Refer to", choices=[], validate_choice=True,
                         validators=[DataRequired("Choose the agency to refer this question to")])
    note = TextAreaField("Note for the other agency", description="Shown on the question page, so the person who asked knows why.",
                         validators=[DataRequired("Write a note for the other agency"),
                                     Length(max=REASON_MAX, message=f"The note must be {REASON_MAX} characters or fewer")])

    def set_agencies(self, agencies) -> None:
        self.agency.choices = [SelectChoice("", "Choose an agency")] + [SelectChoice(a.slug, a.name) for a in agencies]


class DuplicateForm(BaseForm):
    original = StringField("The original question", description="Its number or its address, like /questions/12",
                           validators=[DataRequired("Enter the number or address of the original question")])
    reason = TextAreaField("Reason (optional)", validators=[Optional(), Length(max=REASON_MAX)])

    def validate_original(self, field):
        match = _QUESTION_NUMBER.search((field.data or "").strip())
        if not match:
            raise ValidationError("Enter a question number like 12, or its address like /questions/12")
        self.original_id = int(match.group(1))


class SuspendForm(BaseForm):
    days = SelectField("For how long", choices=[SelectChoice(str(d), f"{d} day{'s' if d > 1 else ''}") for d in SUSPENSION_DAYS],
                       validate_choice=True)
    reason = TextAreaField("Reason", description="Kept in the moderation log.",
                           validators=[DataRequired("Give a reason: it is kept in the moderation log"),
                                       Length(max=REASON_MAX, message=f"The reason must be {REASON_MAX} characters or fewer")])
