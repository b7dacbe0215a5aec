"""The period and filter form of the insights pages (a GET form: nothing to protect with CSRF)."""
from __future__ import annotations

from datetime import date, timedelta

from flask import request
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from ..forms import BaseForm
from ..tags.names import normalise

DEFAULT_DAYS = 90
LONGEST = timedelta(days=3 * 366)
# Nothing was posted before this; and the trend baseline reaches 9 weeks before the period, which
# from a date near year 1 would fall outside what Python's dates can hold.
EARLIEST = date(2000, 1, 1)


def _date(field, label: str) -> date:
    raw = (field.data or "").strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(f"{label} must be a real date, like 2026-03-31") from None
    if day < EARLIEST:
        raise ValidationError(f"{label} must be {EARLIEST.isoformat()} or later")
    return day


class PeriodForm(BaseForm):
    class Meta:
        csrf = False

    start = StringField("From", description="First day, like 2026-03-01")
    end = StringField("To", description="Last day (included)")
    agency = SelectField("Agency", choices=[], validate_choice=False)
    tag = StringField("Tag (optional)")

    def __init__(self, agencies, tag_exists, today: date):
        defaults = {"start": (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat(), "end": today.isoformat()}
        args = request.args.copy()
        for key, value in defaults.items():
            if not args.get(key):
                args[key] = value
        super().__init__(formdata=args)
        self.today, self._tag_exists = today, tag_exists
        self.agency.choices = [SelectChoice("", "All agencies")] + [SelectChoice(a.slug, a.name) for a in agencies]
        self._agencies = {a.slug: a for a in agencies}
        self.first = self.last = None
        self.chosen_agency = None
        self.tag_name = None

    def validate_start(self, field):
        self.first = _date(field, "The first day")

    def validate_end(self, field):
        self.last = _date(field, "The last day")
        if self.last > self.today:
            raise ValidationError(f"The period cannot end in the future: choose {self.today.isoformat()} or earlier")
        if self.first and self.first > self.last:
            raise ValidationError("The last day must be on or after the first day")
        if self.first and self.last - self.first > LONGEST:
            raise ValidationError("Choose a period of at most 3 years")

    def validate_agency(self, field):
        if field.data and field.data not in self._agencies:
            raise ValidationError("Choose an agency from the list")
        self.chosen_agency = self._agencies.get(field.data or "")

    def validate_tag(self, field):
        name = normalise(field.data or "")
        if not name:
            return
        tag_id = self._tag_exists(name)
        if tag_id is None:
            raise ValidationError(f"There is no tag called “{name[:40]}”")
        self.tag_name, self.tag_id = name, tag_id
