"""The search backend interface: what any engine behind forum/search must do.

In the manner of FlaskBB's core/search/base.py. The database is the source of truth; a
backend holds a derived, rebuildable copy. Callers (forum/search/service.py) re-check every
hit against the database, so a backend may be stale but must never be trusted for visibility.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable, Iterator

# Every document has a type; adding one means a loader in forum/search/documents.py (see its
# docstring) and its name here.
TYPES = ("question", "answer", "suggestion")
SORTS = ("relevance", "newest", "votes")


class SearchUnavailable(Exception):
    """The index is missing, corrupt or unreadable: callers fall back to a database search."""


@dataclass(frozen=True)
class Document:
    """One searchable post, in plain values. `key` is "<type>:<id>", unique in the index."""
    type: str
    id: int
    title: str  # searched, and boosted over the body; an answer has none of its own
    body: str
    question_id: int | None = None  # an answer's question (for links and grouping)
    # An answer's question title: shown as its title but not searched, so that a question's
    # words find the question first, not its answers carrying the same boosted title.
    question_title: str = ""
    tags: tuple[str, ...] = ()
    agency: str | None = None  # agency slug
    status: str = ""  # "answered"/"unanswered" for questions; a suggestion's status
    accepted: bool = False  # question has an accepted answer, or answer is the accepted one
    official: bool = False  # a question with a public official answer, or that answer itself
    created_at: datetime | None = None
    score: int = 0

    @property
    def key(self) -> str:
        return f"{self.type}:{self.id}"


# What an index update holds: documents to add or replace, and keys of documents to remove.
Changes = tuple[Iterable[Document], Iterable[str]]


@dataclass(frozen=True)
class Query:
    text: str
    type: str | None = None
    tag: str | None = None
    agency: str | None = None
    accepted: bool = False
    official: bool = False
    status: str | None = None  # "answered"/"unanswered", or a suggestion's status
    date_from: datetime | None = None
    date_to: datetime | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    question_id: int | None
    title_html: str  # escaped HTML with <mark> around matches: safe to render
    body_html: str


@dataclass
class Results:
    hits: list[Hit]
    total: int
    corrected: str | None = None  # "Did you mean ...?" text, when the query looks misspelt
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Status:
    available: bool
    documents: int
    location: str
    problem: str | None = None


class SearchBackend(ABC):
    """A full-text index of public posts.

    The backend owns only its index. It never reads the database, never decides who may see
    what, and may lag behind: forum/search/outbox.py feeds it changes, `rebuild` recreates
    it from scratch. Every method may raise SearchUnavailable when the index cannot be used.
    """

    @abstractmethod
    def apply(self, changes: Callable[[], Changes], *, wait: bool) -> bool:
        """Take the write lock, then call `changes()` for (upserts, removals) and add or replace
        the upserts and remove the documents with keys `removals`, in one commit.

        `changes` is called only while the lock is held, so whatever it reads from the database
        is at least as new as what any earlier writer wrote: two drains can never write an older
        version over a newer one. With wait=False, return False at once (changing nothing, and
        without calling `changes`) when another process holds the write lock; with wait=True
        wait for it (bounded) and return True once committed."""

    @abstractmethod
    def search(self, query: Query, visible: Callable[[list[str]], set[str]]) -> Results:
        """One page of hits for `query`, with highlighted, escaped snippets. Forgiving: any
        text a person can type gives results or none, never an exception other than
        SearchUnavailable.

        `visible(keys)` says which of the keys the reader may see now (the database decides):
        pages, the total and any "Did you mean" are made of those only, so a stale index neither
        lists nor counts nor suggests words from what is hidden."""

    @abstractmethod
    def similar(self, text: str, limit: int, type: str = "question", titles_only: bool = False) -> list[Hit]:
        """Documents of `type` whose title (and body, unless `titles_only`) share words with
        `text` (asking and proposing forms)."""

    @abstractmethod
    def rebuild(self, documents: Iterator[Document], total: int, progress=None) -> int:
        """Build a complete new index from `documents` beside the current one and swap it in at
        the end, so search keeps working meanwhile. `progress(n)` is called as documents go in.
        Returns the number indexed."""

    @abstractmethod
    def keys(self) -> set[str]:
        """Keys of every indexed document (for `search status`)."""

    @abstractmethod
    def status(self) -> Status:
        """Whether the index can be used, and how many documents it holds."""

    @abstractmethod
    def clear(self) -> None:
        """Replace the index with an empty one (tests, fresh installs)."""
