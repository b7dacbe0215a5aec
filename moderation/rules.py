"""Who may do what: the one place that answers `can(actor, action, target)`.

Views and services ask here; nothing else decides permissions. Pure policy: the rules
look only at roles, agencies, authorship and suspension, never at the database.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from .types import Action, Actor, Role
from .workflow import is_closed

# Decided by role alone, suspended or not: administrators cannot be suspended, and reading
# insights is reading. Anything that changes content (tags too) is staff work below.
ADMINISTRATION = {
    Action.MANAGE_AGENCIES: {Role.ADMIN},
    Action.MANAGE_USERS: {Role.ADMIN},
    Action.VIEW_INSIGHTS: {Role.POLICY, Role.ADMIN},
}

# Taking part is open to every signed-in role that is not suspended; some actions also
# look at the target's author.
_own = lambda actor, target: target is not None and target.author_id == actor.id  # noqa: E731
_not_own = lambda actor, target: target is not None and target.author_id != actor.id  # noqa: E731
PARTICIPATION: dict[Action, Callable[[Actor, Any], bool]] = {
    Action.ASK: lambda actor, target: True,
    Action.ANSWER: lambda actor, target: True,
    Action.VOTE: _not_own,
    Action.ME_TOO: _not_own,
    Action.RATE_HELPFUL: _not_own,
    Action.EDIT_POST: _own,
    Action.DELETE_POST: _own,
    Action.ACCEPT_ANSWER: _own,
    Action.PROPOSE: lambda actor, target: True,
    Action.SUPPORT: lambda actor, target: target is not None and not is_closed(target.status),
    Action.WITHDRAW_SUPPORT: lambda actor, target: target is not None,
    Action.LINK_QUESTION: lambda actor, target: target is not None,
    Action.FLAG_POST: _not_own,
}


def _concerns_my_agency(actor: Actor, target: Any) -> bool:
    """A moderator acts on questions about their agency, referred to it, or about no agency."""
    if target is None:
        return False
    agencies = {getattr(target, "agency_id", None), getattr(target, "referred_agency_id", None)} - {None}
    return not agencies or actor.agency_id in agencies


def _moderator_or_admin(scoped: bool) -> Callable[[Actor, Any], bool]:
    def rule(actor: Actor, target: Any) -> bool:
        if actor.role == Role.ADMIN:
            return not scoped or target is not None
        return actor.role == Role.MODERATOR and (not scoped or _concerns_my_agency(actor, target))
    return rule


def _may_suspend(actor: Actor, target: Any) -> bool:
    # Moderators suspend citizens; an admin suspends anyone but another admin or themself.
    if target is None or target.id == actor.id:
        return False
    if actor.role == Role.ADMIN:
        return target.role != Role.ADMIN
    return actor.role == Role.MODERATOR and target.role == Role.CITIZEN


def _may_unmark(actor: Actor, target: Any) -> bool:
    """An official mark is removed by a moderator of the agency that gave it, or by an admin
    (a wrong mark must be removable even though admins give none)."""
    agency = getattr(target, "official_agency_id", None)
    if agency is None:
        return False
    return actor.role == Role.ADMIN or actor.role == Role.MODERATOR and actor.agency_id == agency


def _agency_staff(actor: Actor, target: Any) -> bool:
    """Admins, or moderators of the agency the target concerns."""
    role = role_of(actor)
    return target is not None and (role == Role.ADMIN or (
        role == Role.MODERATOR and actor.agency_id is not None and actor.agency_id == target.agency_id))


# Staff work: moderators within their agency's remit, and admins (refused while suspended).
MODERATION: dict[Action, Callable[[Actor, Any], bool]] = {
    Action.VIEW_QUEUE: _moderator_or_admin(scoped=False),
    Action.VIEW_AUDIT_LOG: _moderator_or_admin(scoped=False),
    Action.EDIT_TAGS: _moderator_or_admin(scoped=False),  # tags are shared by every agency
    Action.MODERATE_POST: _moderator_or_admin(scoped=True),
    Action.REFER_QUESTION: _moderator_or_admin(scoped=True),
    # An official answer speaks for one agency, so only that agency's moderators give it.
    Action.MARK_OFFICIAL: lambda actor, target: actor.role == Role.MODERATOR and _concerns_my_agency(actor, target),
    Action.UNMARK_OFFICIAL: _may_unmark,
    Action.SUSPEND_USER: _may_suspend,
    # A suggestion always concerns one agency: only its moderators (and admins) answer for it.
    Action.SET_SUGGESTION_STATUS: _agency_staff,
    Action.UNLINK_QUESTION: _agency_staff,
}


def is_answerable(action: Action) -> bool:
    """Staff work and flagging: a refused attempt at one of these is kept in the audit log."""
    return action in ADMINISTRATION or action in MODERATION or action == Action.FLAG_POST


def role_of(actor: Actor | None) -> Role | None:
    if actor is None or not getattr(actor, "is_authenticated", True):
        return None
    try:
        return Role(actor.role)
    except ValueError:
        return None  # an unknown role is treated as no role at all


def is_suspended(actor: Actor, now: datetime | None = None) -> bool:
    until = actor.suspended_until
    return until is not None and until > (now or datetime.now(timezone.utc))


def can(actor: Actor | None, action: Action, target: Any = None) -> bool:
    """True when `actor` may perform `action` (on `target`, where the action has one)."""
    role = role_of(actor)
    if role is None:
        return False
    if action in ADMINISTRATION:
        return role in ADMINISTRATION[action]
    if is_suspended(actor):
        return False
    if action in MODERATION:
        return MODERATION[action](actor, target)
    return PARTICIPATION[action](actor, target)


def why_not(actor: Actor | None, action: Action, target: Any = None) -> str | None:
    """A sentence for the person refused, or None when `can` would allow it."""
    if can(actor, action, target):
        return None
    if role_of(actor) is None:
        return "Sign in to do that."
    if action not in ADMINISTRATION and is_suspended(actor):
        return "Your account is suspended: you can read, but not post, vote or flag."
    return {
        Action.VOTE: "You cannot vote on your own post.",
        Action.ME_TOO: "You asked this question, so it already counts you.",
        Action.RATE_HELPFUL: "You cannot rate your own answer.",
        Action.EDIT_POST: "Only the author can edit this post.",
        Action.DELETE_POST: "Only the author can delete this post.",
        Action.ACCEPT_ANSWER: "Only the person who asked can accept an answer.",
        Action.SUPPORT: "This suggestion is closed, so it can no longer be supported.",
        Action.SET_SUGGESTION_STATUS: "Only moderators of the agency this suggestion concerns can change its status.",
        Action.UNLINK_QUESTION: "Only moderators of the agency this suggestion concerns can remove a link.",
        Action.FLAG_POST: "You cannot flag your own post.",
        Action.VIEW_QUEUE: "Only moderators and administrators can see the moderation queue.",
        Action.VIEW_AUDIT_LOG: "Only moderators and administrators can see the moderation log.",
        Action.EDIT_TAGS: "Only moderators and administrators can edit tags.",
        Action.MODERATE_POST: "Only a moderator of the agency this question concerns can do that.",
        Action.REFER_QUESTION: "Only a moderator of the agency this question concerns can refer it.",
        Action.MARK_OFFICIAL: "Only a moderator of the agency this question concerns can give its official answer.",
        Action.UNMARK_OFFICIAL: "Only a moderator of the agency that gave this official answer, or an administrator, "
                                "can remove its mark.",
        Action.SUSPEND_USER: "Moderators can suspend citizens; administrators anyone but an administrator.",
    }.get(action, "You do not have permission to do that.")

