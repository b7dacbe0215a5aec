"""Account use cases: register, sign in, change password, agencies and roles.

Each function does one whole use case and commits once, or raises a DomainError
and leaves the database as it was.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from moderation.types import Action, Role

from ..errors import Conflict, InvalidInput, NotFound
from ..extensions import db, utcnow
from ..moderation import audit
from ..permissions import require as _require
from ..suggestions import service as suggestions
from .models import Agency, User, new_session_token
from .passwords import hash_password, password_problem, verify_password

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to check against when the email is unknown, so timing does not tell
    which addresses have accounts."""
    return hash_password("no-such-account-placeholder")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def _commit_or_conflict(message: str, field: str | None = None) -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(message, field=field) from None


def create_user(email: str, password: str, display_name: str, *, role: str = Role.CITIZEN,
                agency_slug: str | None = None, check_password: bool = True) -> User:
    """Create an account. Raises Conflict for a taken email, InvalidInput for a bad password,
    role or agency."""
    email = normalise_email(email)
    display_name = display_name.strip()
    if check_password and (problem := password_problem(password, email=email, name=display_name)):
        raise InvalidInput(problem, field="password")
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput(f"Unknown role {role!r}: choose one of {', '.join(Role)}", field="role") from None
    agency = _moderators_agency(role, agency_slug, "A moderator must belong to an agency")
    if find_user_by_email(email) is not None:
        raise Conflict("An account with this email address already exists", field="email")
    user = User(email=email, display_name=display_name, password_hash=hash_password(password),
                role=role.value, agency=agency)
    db.session.add(user)
    # The unique constraint settles a race between two registrations of one address.
    _commit_or_conflict("An account with this email address already exists", field="email")
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user whose email and password match, with last_login_at updated; else None."""
    user = find_user_by_email(email)
    if user is None:
        verify_password(_dummy_hash(), password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Change the password and sign out every other session of this account."""
    if not verify_password(user.password_hash, current):
        raise InvalidInput("Your current password is not correct", field="current_password")
    if problem := password_problem(new, email=user.email, name=user.display_name):
        raise InvalidInput(problem, field="new_password")
    user.password_hash = hash_password(new)
    user.session_token = new_session_token()
    db.session.commit()


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the id is '<id>:<session_token>'."""
    ident, _, token = user_id.partition(":")
    if not ident.isdigit() or not token:
        return None
    user = db.session.get(User, int(ident))
    if user is None or user.session_token != token:
        return None
    return user


# ── agencies and roles ────────────────────────────────────────────────────────

def _moderators_agency(role: Role, agency_slug: str | None, missing: str) -> Agency | None:
    """Only moderators belong to an agency: theirs is required, anyone else's is None."""
    if role != Role.MODERATOR:
        return None
    if not agency_slug:
        raise InvalidInput(missing, field="agency")
    return agency_by_slug(agency_slug)


def agency_by_slug(slug: str) -> Agency:
    agency = db.session.scalar(select(Agency).where(Agency.slug == slug))
    if agency is None:
        raise NotFound(f"There is no agency {slug!r}", field="agency")
    return agency


def list_agencies() -> list[Agency]:
    return list(db.session.scalars(select(Agency).order_by(Agency.name)))


def add_agency(actor: User | None, name: str, slug: str, description: str = "") -> Agency:
    """Create an agency. `actor` None means the command line, which is trusted."""
    if actor is not None:
        _require(actor, Action.MANAGE_AGENCIES)
    name, slug = name.strip(), slug.strip().lower()
    if not SLUG_RE.match(slug):
        raise InvalidInput("Use lower-case letters, digits and single hyphens, like 'tax-office'",
                           field="slug")
    clash = db.session.scalar(select(Agency).where(
        (func.lower(Agency.name) == name.lower()) | (Agency.slug == slug)))
    if clash is not None:
        field = "slug" if clash.slug == slug else "name"
        raise Conflict(f"An agency with this {field} already exists", field=field)
    agency = Agency(name=name, slug=slug, description=description.strip())
    db.session.add(agency)
    db.session.flush()
    audit.record(actor, "add_agency", "agency", agency.id, details=f"{name} ({slug})")
    _commit_or_conflict("An agency with this name or slug already exists", field="name")
    return agency


SUPPORT_THRESHOLD_MAX = 1_000_000


def update_agency(actor: User, agency: Agency, name: str, description: str,
                  support_threshold: int | None = None) -> Agency:
    """Rename or describe an agency, and set the support at which suggestions await its response."""
    _require(actor, Action.MANAGE_AGENCIES)
    name = name.strip()
    if support_threshold is not None and not 1 <= support_threshold <= SUPPORT_THRESHOLD_MAX:
        raise InvalidInput(f"The support threshold must be a whole number from 1 to {SUPPORT_THRESHOLD_MAX:,}",
                           field="support_threshold")
    clash = db.session.scalar(select(Agency.id).where(
        func.lower(Agency.name) == name.lower(), Agency.id != agency.id))
    if clash is not None:
        raise Conflict("Another agency already has this name", field="name")
    agency.name, agency.description = name, description.strip()
    if support_threshold is not None and support_threshold != agency.support_threshold:
        agency.support_threshold = support_threshold
        suggestions.apply_support_threshold(agency.id, support_threshold)
    audit.record(actor, "update_agency", "agency", agency.id,
                 details=f"{name}; support threshold {agency.support_threshold}")
    _commit_or_conflict("Another agency already has this name", field="name")
    return agency


def set_role(actor: User | None, user: User, role: str, agency_slug: str | None) -> User:
    """Give `user` a role, and for moderators the agency they work for."""
    if actor is not None:
        _require(actor, Action.MANAGE_USERS)
        if actor.id == user.id and role != Role.ADMIN:
            raise InvalidInput("You cannot remove your own administrator role", field="role")
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput("Choose a role from the list", field="role") from None
    agency = _moderators_agency(role, agency_slug, "Choose the agency this moderator works for")
    before = f"{user.role}" + (f" at {user.agency.slug}" if user.agency else "")
    user.role = role.value
    user.agency = agency
    audit.record(actor, "set_role", "user", user.id,
                 details=f"{before} -> {role.value}" + (f" at {agency.slug}" if agency else ""))
    db.session.commit()
    return user


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("There is no such user")
    return user
