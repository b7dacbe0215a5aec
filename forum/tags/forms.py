"""Moderators' tag forms: description, a synonym, a merge."""
from __future__ import annotations

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import BaseForm
from .service import DESCRIPTION_MAX


class DescriptionForm(BaseForm):
    description = TextAreaField("Description", description="What belongs under this tag, in a sentence or two.",
                                validators=[Length(max=DESCRIPTION_MAX,
                                                   message=f"A description is at most {DESCRIPTION_MAX:,} characters")])


class SynonymForm(BaseForm):
    synonym = StringField("Synonym", description="Another name people type for this tag, like tfn for tax-file-number",
                          validators=[DataRequired("Enter the synonym")])


class MergeForm(BaseForm):
    into = StringField("Merge into", description="Every question moves to this tag, and this name becomes its synonym",
                       validators=[DataRequired("Enter the tag to merge into")])
