"""The base of every form: Flask-WTF's CSRF check, plus refusal of what a text field cannot
hold (files, NUL and control characters, bytes that were not UTF-8)."""
from __future__ import annotations

import re

from flask import has_request_context, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import CombinedMultiDict
from wtforms.csrf.core import CSRFTokenField

_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNREADABLE = "\ufffd"  # what invalid UTF-8 decodes to


class BaseForm(FlaskForm):
    class Meta:
        def wrap_formdata(self, form, formdata):
            # Flask-WTF merges request.files into the data, so a file sent in a text field
            # would reach the validators as a FileStorage. No form here takes files: read
            # only the text, and validate() explains the file next to its field.
            formdata = super().wrap_formdata(form, formdata)
            return request.form if isinstance(formdata, CombinedMultiDict) else formdata

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        sent_files = request.files if has_request_context() else {}
        for field in self:
            if field.name in sent_files and not isinstance(field, CSRFTokenField):
                field.errors = [f"{field.label.text} must be typed in: a file cannot be sent here"]
                valid = False
                continue
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
