"""Domain errors: raised by services, mapped to a message and an HTTP status by the web layer."""
from __future__ import annotations


class DomainError(Exception):
    """Base of every error a service raises on purpose. `status` is the HTTP status to answer."""

    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field  # the form field the message belongs next to, when there is one


class NotFound(DomainError):
    status = 404


class Forbidden(DomainError):
    status = 403


class Conflict(DomainError):
    """The request clashes with what is stored (a duplicate, or already handled)."""

    status = 409


class InvalidInput(DomainError):
    status = 400


class TooManyPosts(DomainError):
    """A new account has posted as often as its first day allows."""

    status = 429
