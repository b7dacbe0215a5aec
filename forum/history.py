"""The public history of a post: its versions, newest first, a page at a time.

Questions and answers keep theirs in qa.models.Revision, suggestions in
suggestions.models.SuggestionRevision; both have a number, an editor, a body and (for the
titled ones) a title and tags, and one page shows them the same way (qa/revisions.html).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .extensions import db

REVISIONS_PER_PAGE = 5
MAX_PAGE = 10_000  # the furthest page asked of the database, as on the lists


@dataclass
class RevisionPage:
    """A page of a post's history, newest first: `page` is the Pagination of its versions and
    `previous` the version just before the oldest of them (None when that one is the original)."""
    page: object
    previous: object | None

    def steps(self) -> list[tuple]:
        """(version, the one before it) for each version on the page that has a predecessor."""
        versions = [*self.page.items, *([self.previous] if self.previous else [])]
        return list(zip(versions, versions[1:]))

    @property
    def original(self):
        items = self.page.items
        return items[-1] if items and self.previous is None else None


def history(model, of_post, page: int = 1) -> RevisionPage:
    """One page of the versions of a post (`model`: Revision, or SuggestionRevision; `of_post`
    picks the post's rows), with their editors: three queries (the page, its count, the
    version before it)."""
    versions = db.paginate(select(model).where(of_post).options(joinedload(model.editor))
                           .order_by(model.number.desc()), page=min(max(page, 1), MAX_PAGE),
                           per_page=REVISIONS_PER_PAGE, error_out=False)
    oldest = versions.items[-1].number if versions.items else 0
    previous = db.session.scalar(select(model).where(of_post, model.number < oldest)
                                 .options(joinedload(model.editor)).order_by(model.number.desc()).limit(1))
    return RevisionPage(versions, previous)