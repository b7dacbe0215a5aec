"""The vocabulary of moderation policy: roles, actions, and the shapes policy reads.

Pure: no Flask, no SQLAlchemy, no import of `forum`. The forum's models satisfy the
Protocols below structurally.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Role(StrEnum):
    CITIZEN = "citizen"
    MODERATOR = "moderator"  # staff of exactly one agency
    POLICY = "policy"  # reads insights
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"citizen": "Citizen", "moderator": "Agency moderator",
                "policy": "Policy team", "admin": "Administrator"}[self.value]


class Action(StrEnum):
    # administration
    MANAGE_AGENCIES = "manage_agencies"
    MANAGE_USERS = "manage_users"
    VIEW_INSIGHTS = "view_insights"
    EDIT_TAGS = "edit_tags"  # descriptions, synonyms, merges
    # taking part (refused while suspended)
    ASK = "ask"
    ANSWER = "answer"
    VOTE = "vote"  # target: the post voted on (never one's own)
    ME_TOO = "me_too"  # target: the question (not one's own)
    RATE_HELPFUL = "rate_helpful"  # target: the accepted answer (not one's own)
    EDIT_POST = "edit_post"  # target: the post (one's own)
    DELETE_POST = "delete_post"  # target: the post (one's own)
    ACCEPT_ANSWER = "accept_answer"  # target: the question (one's own)
    # suggestions
    PROPOSE = "propose"
    SUPPORT = "support"  # target: the suggestion (not closed; its author's support is counted on creation)
    WITHDRAW_SUPPORT = "withdraw_support"  # target: the suggestion (always possible, its author's too)
    LINK_QUESTION = "link_question"  # target: the suggestion
    # agency work: moderators of the target's agency, and admins (refused while suspended)
    SET_SUGGESTION_STATUS = "set_suggestion_status"  # target: the suggestion
    UNLINK_QUESTION = "unlink_question"  # target: the suggestion
    # moderation
    FLAG_POST = "flag_post"  # target: the post or suggestion (not one's own)
    # moderation (refused while suspended); targets are Concerns: the question a post belongs to,
    # or the suggestion itself
    VIEW_QUEUE = "view_queue"  # no target: the queue, filtered by agency
    VIEW_AUDIT_LOG = "view_audit_log"  # no target
    MODERATE_POST = "moderate_post"  # dismiss, hide, restore, delete, release, lock, close
    MARK_OFFICIAL = "mark_official"  # mark an official answer for the moderator's agency
    UNMARK_OFFICIAL = "unmark_official"  # target: the official answer (its agency's moderators, and admins)
    REFER_QUESTION = "refer_question"  # hand a question to another agency
    SUSPEND_USER = "suspend_user"  # target: the user (citizens only, unless by an admin)


class Actor(Protocol):
    """Someone who acts: a signed-in user (anonymous visitors are passed as None)."""

    id: int
    role: str
    agency_id: int | None
    suspended_until: datetime | None


class Concern(Protocol):
    """What a moderation action is about: a question (for an answer, its question), or a
    suggestion. The agencies it concerns are its own and the one a question was referred to
    (a suggestion has no referral: the attribute may be absent)."""

    agency_id: int | None
    referred_agency_id: int | None


class Post(Protocol):
    """A question or an answer, as policy sees it."""

    author_id: int


class Suggestion(Protocol):
    """A suggested improvement, as policy sees it."""

    author_id: int
    agency_id: int
    status: str


# Why a post may be flagged, with the words shown to the person flagging.
FLAG_REASONS = {
    "spam": "Spam or advertising",
    "abusive": "Abusive or offensive",
    "off_topic": "Off topic",
    "personal_information": "Contains personal information",
    "other": "Something else (say what)",
}
FLAG_STATUSES = ("open", "dismissed", "actioned")
