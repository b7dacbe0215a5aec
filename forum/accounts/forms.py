"""Account forms: validation and CSRF (Flask-WTF). Forms never write to the database."""
from __future__ import annotations

from wtforms import BooleanField, EmailField, IntegerField, PasswordField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from moderation.types import Role

from ..forms import BaseForm
from .models import EMAIL_MAX, NAME_MAX
from .passwords import MAX_LENGTH, password_problem


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class RegisterForm(BaseForm):
    display_name = StringField(
        "Display name", filters=[_strip],
        description="Shown next to what you post. You can use a nickname.",
        validators=[DataRequired("Enter a display name"),
                    Length(max=NAME_MAX, message=f"Display name must be {NAME_MAX} characters or fewer")])
    email = EmailField(
        "Email address", filters=[_strip],
        description="We never show it to anyone.",
        validators=[DataRequired("Enter your email address"),
                    Length(max=EMAIL_MAX, message=f"Email address must be {EMAIL_MAX} characters or fewer"),
                    Email("Enter an email address in the correct format, like name@example.com")])
    password = PasswordField(
        "Password", description="At least 10 characters. Avoid common passwords; a few random words work well.",
        validators=[DataRequired("Enter a password")])

    def validate_password(self, field):
        problem = password_problem(field.data or "", email=self.email.data or "",
                                   name=self.display_name.data or "")
        if problem:
            raise ValidationError(problem)


class LoginForm(BaseForm):
    email = EmailField("Email address", filters=[_strip],
                       validators=[DataRequired("Enter your email address"),
                                   Length(max=EMAIL_MAX, message="Enter the email address you registered with")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password"),
                                                     Length(max=MAX_LENGTH, message="Password is too long")])
    remember = BooleanField("Keep me signed in on this device")


class ChangePasswordForm(BaseForm):
    current_password = PasswordField("Current password",
                                     validators=[DataRequired("Enter your current password")])
    new_password = PasswordField("New password", description="At least 10 characters, not a common password.",
                                 validators=[DataRequired("Enter a new password")])


class AgencyForm(BaseForm):
    name = StringField("Name", filters=[_strip],
                       validators=[DataRequired("Enter the agency's name"),
                                   Length(max=120, message="Name must be 120 characters or fewer")])
    slug = StringField("Short name for web addresses", filters=[_strip],
                       description="Lower-case letters, digits and hyphens, like tax-office.",
                       validators=[DataRequired("Enter a short name"),
                                   Length(max=60, message="Short name must be 60 characters or fewer"),
                                   Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                          message="Use lower-case letters, digits and single hyphens, like tax-office")])
    description = TextAreaField("Description", filters=[_strip],
                                validators=[Optional(), Length(max=2000, message="Description must be 2,000 characters or fewer")])


class AgencyEditForm(AgencyForm):
    slug = None  # web addresses stay stable once published
    support_threshold = IntegerField(
        "Support threshold for suggestions", invalid_value_message="Enter the support threshold as a whole number, like 50",
        description="When a suggestion to this agency reaches this many supporters, it is shown as "
                    "awaiting the agency's response until a moderator answers.",
        validators=[InputRequired("Enter the support threshold, like 50"),
                    NumberRange(min=1, max=1_000_000, message="The support threshold must be a whole number from 1 to 1,000,000")])


class RoleForm(BaseForm):
    role = SelectField("Role", choices=[SelectChoice(role.value, role.label) for role in Role])
    agency = SelectField("Agency", description="Moderators must belong to an agency.",
                         choices=[], validate_choice=True)

    def validate_agency(self, field):
        if self.role.data == Role.MODERATOR and not field.data:
            raise ValidationError("Choose the agency this moderator works for")
