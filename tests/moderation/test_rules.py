"""Who may do what: every action for every role, from one table."""
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from moderation.rules import can, why_not
from moderation.types import Action, Role

ME, SOMEONE_ELSE = 1, 2


@dataclass
class Person:
    id: int
    role: str
    agency_id: int | None = None
    suspended_until: datetime | None = None


AGENCY, OTHER_AGENCY = 7, 8


@dataclass
class Post:
    """A question, answer or suggestion, as policy sees it."""
    author_id: int
    agency_id: int | None = AGENCY
    status: str = "open"


EVERYONE = set(Role)
STAFF = {Role.MODERATOR, Role.ADMIN}
# action -> (roles allowed, whose post it must be: "own", "other" or None for no target,
#            and "agency" when a moderator must belong to the post's agency)
TABLE = {
    Action.MANAGE_AGENCIES: ({Role.ADMIN}, None),
    Action.MANAGE_USERS: ({Role.ADMIN}, None),
    Action.VIEW_INSIGHTS: ({Role.POLICY, Role.ADMIN}, None),
    Action.EDIT_TAGS: ({Role.MODERATOR, Role.ADMIN}, None),
    Action.ASK: (EVERYONE, None),
    Action.ANSWER: (EVERYONE, None),
    Action.VOTE: (EVERYONE, "other"),
    Action.ME_TOO: (EVERYONE, "other"),
    Action.RATE_HELPFUL: (EVERYONE, "other"),
    Action.EDIT_POST: (EVERYONE, "own"),
    Action.DELETE_POST: (EVERYONE, "own"),
    Action.ACCEPT_ANSWER: (EVERYONE, "own"),
    Action.PROPOSE: (EVERYONE, None),
    Action.SUPPORT: (EVERYONE, None),  # its author too, once they have withdrawn (closed: below)
    Action.WITHDRAW_SUPPORT: (EVERYONE, None),
    Action.LINK_QUESTION: (EVERYONE, None),
    Action.SET_SUGGESTION_STATUS: (STAFF, "agency"),
    Action.UNLINK_QUESTION: (STAFF, "agency"),
    Action.FLAG_POST: (EVERYONE, "other"),
}

MY_AGENCY = AGENCY


@dataclass
class Question:
    """A moderation target: the question a post belongs to, with the agencies it concerns."""

    author_id: int
    agency_id: int | None
    referred_agency_id: int | None = None


# Where the question sits relative to a moderator of MY_AGENCY.
CONCERNS = {
    "my agency": Question(SOMEONE_ELSE, MY_AGENCY),
    "another agency": Question(SOMEONE_ELSE, OTHER_AGENCY),
    "no agency": Question(SOMEONE_ELSE, None),
    "referred to my agency": Question(SOMEONE_ELSE, OTHER_AGENCY, MY_AGENCY),
    "referred away from my agency": Question(SOMEONE_ELSE, MY_AGENCY, OTHER_AGENCY),
}
ANYWHERE = set(CONCERNS)
MINE = {"my agency", "no agency", "referred to my agency", "referred away from my agency"}
# action -> {role: the concerns on which that role may act}; roles not listed may not act.
MODERATION_TABLE = {
    Action.VIEW_QUEUE: {Role.MODERATOR: ANYWHERE, Role.ADMIN: ANYWHERE},
    Action.VIEW_AUDIT_LOG: {Role.MODERATOR: ANYWHERE, Role.ADMIN: ANYWHERE},
    Action.MODERATE_POST: {Role.MODERATOR: MINE, Role.ADMIN: ANYWHERE},
    Action.REFER_QUESTION: {Role.MODERATOR: MINE, Role.ADMIN: ANYWHERE},
    # The official answer speaks for an agency: an admin belongs to none.
    Action.MARK_OFFICIAL: {Role.MODERATOR: MINE},
}


def test_every_action_is_in_a_table():
    assert set(TABLE) | set(MODERATION_TABLE) | {Action.SUSPEND_USER, Action.UNMARK_OFFICIAL} == set(Action)


@dataclass
class OfficialAnswer:
    author_id: int
    official_agency_id: int | None


@pytest.mark.parametrize("marked_by", [MY_AGENCY, OTHER_AGENCY, None])
@pytest.mark.parametrize("role", list(Role))
def test_who_may_remove_an_official_mark(role, marked_by):
    """The agency that gave the mark (its moderators), or an admin; nobody when there is none."""
    actor = Person(ME, role.value, agency_id=MY_AGENCY if role == Role.MODERATOR else None)
    expected = marked_by is not None and (role == Role.ADMIN or role == Role.MODERATOR and marked_by == MY_AGENCY)
    assert can(actor, Action.UNMARK_OFFICIAL, OfficialAnswer(SOMEONE_ELSE, marked_by)) is expected
    suspended = Person(ME, role.value, MY_AGENCY, suspended_until=datetime.now(timezone.utc) + timedelta(days=1))
    assert can(suspended, Action.UNMARK_OFFICIAL, OfficialAnswer(SOMEONE_ELSE, marked_by)) is False


@pytest.mark.parametrize("concern", list(CONCERNS))
@pytest.mark.parametrize("action", list(MODERATION_TABLE))
@pytest.mark.parametrize("role", list(Role))
def test_moderation_matrix(role, action, concern):
    actor = Person(ME, role.value, agency_id=MY_AGENCY if role == Role.MODERATOR else None)
    expected = concern in MODERATION_TABLE[action].get(role, set())
    assert can(actor, action, CONCERNS[concern]) is expected
    assert (why_not(actor, action, CONCERNS[concern]) is None) is expected


@pytest.mark.parametrize("action", [Action.MODERATE_POST, Action.REFER_QUESTION, Action.MARK_OFFICIAL])
def test_scoped_moderation_needs_a_target(action):
    assert can(Person(ME, "moderator", MY_AGENCY), action, None) is False
    assert can(Person(ME, "admin"), action, None) is False


@pytest.mark.parametrize("target_role", list(Role))
@pytest.mark.parametrize("role", list(Role))
def test_who_may_suspend_whom(role, target_role):
    actor = Person(ME, role.value, agency_id=MY_AGENCY if role == Role.MODERATOR else None)
    target = Person(SOMEONE_ELSE, target_role.value)
    expected = (role == Role.MODERATOR and target_role == Role.CITIZEN) or (
        role == Role.ADMIN and target_role != Role.ADMIN)
    assert can(actor, Action.SUSPEND_USER, target) is expected


def test_nobody_suspends_themself():
    admin = Person(ME, "admin")
    assert can(admin, Action.SUSPEND_USER, admin) is False
    assert can(admin, Action.SUSPEND_USER, None) is False


@pytest.mark.parametrize("action", list(MODERATION_TABLE))
def test_a_suspended_moderator_does_not_moderate(action):
    moderator = Person(ME, "moderator", MY_AGENCY, suspended_until=datetime.now(timezone.utc) + timedelta(days=1))
    assert can(moderator, action, CONCERNS["my agency"]) is False
    assert "suspended" in why_not(moderator, action, CONCERNS["my agency"])


@pytest.mark.parametrize("agency", ["same agency", "other agency"])
@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("action", list(TABLE))
@pytest.mark.parametrize("role", list(Role))
def test_permission_matrix(role, action, whose, agency):
    allowed_roles, needs = TABLE[action]
    actor = Person(ME, role.value, agency_id=AGENCY if role == Role.MODERATOR else None)
    target = Post(ME if whose == "own" else SOMEONE_ELSE, AGENCY if agency == "same agency" else OTHER_AGENCY)
    if needs == "agency":  # admins anywhere, moderators only in their own agency, whoever wrote it
        expected = role == Role.ADMIN or (role == Role.MODERATOR and agency == "same agency")
    else:
        expected = role in allowed_roles and (needs is None or needs == whose)
    assert can(actor, action, target) is expected
    assert (why_not(actor, action, target) is None) is expected


@pytest.mark.parametrize("action", [a for a, (_, needs) in TABLE.items() if needs]
                         + [Action.LINK_QUESTION, Action.SUPPORT, Action.WITHDRAW_SUPPORT])
def test_actions_on_a_post_need_the_post(action):
    assert can(Person(ME, "citizen"), action, None) is False
    assert can(Person(ME, "admin"), action, None) is False


@pytest.mark.parametrize("status", ["implemented", "declined", "duplicate"])
def test_closed_suggestions_cannot_be_supported(status):
    assert can(Person(ME, "citizen"), Action.SUPPORT, Post(SOMEONE_ELSE, status=status)) is False
    assert "closed" in why_not(Person(ME, "citizen"), Action.SUPPORT, Post(SOMEONE_ELSE, status=status))
    assert can(Person(ME, "citizen"), Action.SUPPORT, Post(SOMEONE_ELSE, status="planned")) is True


@pytest.mark.parametrize("status", ["implemented", "declined", "duplicate", "open"])
@pytest.mark.parametrize("whose", [ME, SOMEONE_ELSE])
def test_support_is_withdrawable_always(status, whose):
    assert can(Person(ME, "citizen"), Action.WITHDRAW_SUPPORT, Post(whose, status=status)) is True


def test_a_moderator_without_an_agency_manages_no_suggestion():
    assert can(Person(ME, "moderator", agency_id=None), Action.SET_SUGGESTION_STATUS, Post(2, agency_id=None)) is False


@pytest.mark.parametrize("action", list(Action))
def test_visitors_and_unknown_roles_may_do_nothing(action):
    assert can(None, action) is False
    assert can(Person(ME, "emperor"), action, Post(SOMEONE_ELSE)) is False
    assert why_not(None, action) == "Sign in to do that."


@pytest.mark.parametrize("action", [a for a in TABLE if a not in
                                    (Action.MANAGE_AGENCIES, Action.MANAGE_USERS, Action.VIEW_INSIGHTS)])
def test_suspended_people_read_but_do_not_take_part(action):
    now = datetime.now(timezone.utc)
    suspended = Person(ME, "citizen", suspended_until=now + timedelta(days=1))
    post = Post(ME if TABLE[action][1] == "own" else SOMEONE_ELSE)
    if TABLE[action][1] == "agency" or Role.CITIZEN not in TABLE[action][0]:
        suspended.role = lapsed_role = "admin"  # staff work: a staff member's suspension counts too
    else:
        lapsed_role = "citizen"
    assert can(suspended, action, post) is False
    assert "suspended" in why_not(suspended, action, post)
    lapsed = Person(ME, lapsed_role, suspended_until=now - timedelta(minutes=1))
    assert can(lapsed, action, post) is True


def test_a_suspended_moderator_cannot_edit_tags():
    now = datetime.now(timezone.utc)
    moderator = Person(ME, "moderator", MY_AGENCY, suspended_until=now + timedelta(days=1))
    assert can(moderator, Action.EDIT_TAGS) is False
    assert "suspended" in why_not(moderator, Action.EDIT_TAGS)
    moderator.suspended_until = now - timedelta(minutes=1)
    assert can(moderator, Action.EDIT_TAGS) is True
