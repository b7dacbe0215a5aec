"""The base of every form: Flask-WTF's CSRF check, plus refusal of text that cannot be
stored or was not readable (NUL and control characters, bytes that were not UTF-8)."""
from __future__ import annotations

import re

from flask_wtf import FlaskForm

_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNREADABLE = "\ufffd"  # what invalid UTF-8 decodes to


class BaseForm(FlaskForm):
    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if not isinstance(field.data, str):
                continue
            if _UNSTORABLE.search(field.data):
                field.errors = [*field.errors, f"{field.label.text} contains a control character "
                                "that cannot be stored: remove it and try again"]
                valid = False
            elif UNREADABLE in field.data:
                field.errors = [*field.errors, f"{field.label.text} contains characters that could not "
                                "be read (the text was not UTF-8): check it and try again"]
                valid = False
        return valid
