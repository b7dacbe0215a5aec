"""Searching: ask the backend, re-check every hit against the database, fall back to a simple
database search when the index cannot be used. Reads only: nothing here commits."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from flask import current_app, url_for
from markupsafe import Markup

from . import queries
from .backend import Hit, Query, SearchBackend, SearchUnavailable

SIMILAR_LIMIT = 5
LIMITED_NOTE = ("Search is temporarily limited: results come from a simpler search of question titles "
                "and text, without spelling help.")


def backend() -> SearchBackend:
    return current_app.extensions["forum_search"]


@dataclass(frozen=True)
class Result:
    type: str
    title_html: Markup
    snippet_html: Markup
    url: str
    question: object = None  # the Question (with its agency) a question or answer belongs to
    suggestion: object = None  # the Suggestion (with its agency) of a suggestion result


@dataclass
class SearchPage:
    query: Query
    results: list[Result]
    total: int
    corrected: str | None = None
    limited: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


def _question_url(question, answer_id: int | None = None) -> str:
    """A question's address, or an answer's lasting one (it leads to the page of the thread
    that shows the answer)."""
    if answer_id:
        return url_for("qa.answer_link", answer_id=answer_id)
    return url_for("qa.question", question_id=question.id, slug=question.slug)


def _suggestion_url(suggestion) -> str:
    return url_for("suggestions.suggestion", suggestion_id=suggestion.id, slug=suggestion.slug)


def _recheck(hits: list[Hit], checked: bool = False) -> list[Result]:
    """Keep the hits whose rows are public now, whatever the index says. `checked`: the hits
    were just checked with queries.visible_keys, so answers need no second look (their
    questions are loaded anyway, for display, and so checked again)."""
    question_ids = {h.id if h.type == "question" else h.question_id for h in hits if h.type in ("question", "answer")}
    answer_ids = {h.id for h in hits if h.type == "answer"}
    questions, answers = queries.visible({i for i in question_ids if i}, set() if checked else answer_ids)
    if checked:
        answers = answer_ids
    suggestions = queries.visible_suggestions({h.id for h in hits if h.type == "suggestion"})
    results = []
    for hit in hits:
        if hit.type == "question" and hit.id in questions:
            results.append(Result("question", Markup(hit.title_html), Markup(hit.body_html),
                                  _question_url(questions[hit.id]), questions[hit.id]))
        elif hit.type == "answer" and hit.id in answers and hit.question_id in questions:
            q = questions[hit.question_id]
            results.append(Result("answer", Markup(hit.title_html), Markup(hit.body_html),
                                  _question_url(q, hit.id), q))
        elif hit.type == "suggestion" and hit.id in suggestions:
            s = suggestions[hit.id]
            results.append(Result("suggestion", Markup(hit.title_html), Markup(hit.body_html),
                                  _suggestion_url(s), suggestion=s))
    return results


def search(query: Query) -> SearchPage:
    if not re.search(r"\w", query.text or ""):
        return SearchPage(query, [], 0, notes=["Type a word or two to search, like “passport renewal”."]
                          if query.text.strip() else [])
    try:
        found = backend().search(query, queries.visible_keys)
    except SearchUnavailable as error:
        current_app.logger.warning("search unavailable, using the database: %s", error, exc_info=error)
        return _fallback(query)
    return SearchPage(query, _recheck(found.hits, checked=True), found.total, found.corrected, notes=found.notes)


def _fallback(query: Query) -> SearchPage:
    words = re.findall(r"\w+", query.text)
    if query.type == "suggestion":
        page = queries.database_search_suggestions(query, words)
        results = [Result("suggestion", Markup(html.escape(s.title, quote=False)), Markup(html.escape(s.excerpt, quote=False)),
                          _suggestion_url(s), suggestion=s) for s in page.items]
        return SearchPage(query, results, page.total or 0, limited=True)
    if query.type not in (None, "question"):
        return SearchPage(query, [], 0, limited=True)
    page = queries.database_search(query, words)
    results = [Result("question", Markup(html.escape(q.title, quote=False)), Markup(html.escape(q.excerpt, quote=False)),
                      _question_url(q), q) for q in page.items]
    return SearchPage(query, results, page.total or 0, limited=True)


def similar_questions(text: str, limit: int = SIMILAR_LIMIT) -> list[Result]:
    """Up to `limit` public questions like `text` (what someone is about to ask)."""
    if not re.search(r"\w", text or ""):
        return []
    try:
        hits = backend().similar(text, limit * 2)  # some may turn out hidden
    except SearchUnavailable:
        return [r for r in _fallback(Query(" ".join(re.findall(r"\w+", text)[:3]), per_page=limit)).results]
    return _recheck(hits)[:limit]


def similar_suggestions(title: str, limit: int) -> list:
    """Up to `limit` suggestions like `title`, best first, from the index, re-checked against the
    database (duplicates left out: support goes to the original). Raises SearchUnavailable when
    the index cannot be used, for the caller's database fallback."""
    if not re.search(r"\w", title or ""):
        return []
    # Titles only: suggestions on one subject share body words ("online", "form") without
    # being the same idea.
    hits = backend().similar(title, limit * 2, type="suggestion", titles_only=True)
    found = queries.visible_suggestions({h.id for h in hits if h.type == "suggestion"})
    return [found[h.id] for h in hits if h.id in found and found[h.id].status != "duplicate"][:limit]


def index_status() -> dict:
    """The index beside the database: counts, missing and extra documents, pending outbox rows."""
    from .documents import all_keys
    from .outbox import pending

    status = backend().status()
    expected = all_keys()
    indexed = backend().keys() if status.available else set()
    return {"status": status, "expected": len(expected), "missing": sorted(expected - indexed),
            "extra": sorted(indexed - expected), "pending": pending()}


def query_from_args(args) -> tuple[Query, dict[str, str]]:
    """A Query from the page's address; unknown choices fall back to the default, bad dates
    are reported next to their field."""
    from datetime import datetime, time, timezone

    from moderation.workflow import SUGGESTION_STATUSES

    from ..tags.names import TAG_MAX, normalise
    from ..tags.service import canonical
    from .backend import SORTS, TYPES

    errors: dict[str, str] = {}
    dates = {}
    for name, at in (("from", time.min), ("to", time.max)):
        raw = (args.get(name) or "").strip()[:20]
        if raw:
            try:
                dates[name] = datetime.combine(datetime.strptime(raw, "%Y-%m-%d").date(), at, tzinfo=timezone.utc)
            except ValueError:
                errors[name] = "Enter a date like 2026-03-31"
    sort, kind, status = args.get("sort", "relevance"), args.get("type") or None, args.get("status") or None
    page = args.get("page", 1, type=int) or 1
    # A synonym finds its main tag's posts: the index holds main names only.
    tag = canonical(normalise(args.get("tag") or "")[:TAG_MAX]) or None
    return Query(text=(args.get("q") or "")[:2_000], type=kind if kind in TYPES else None, tag=tag,
                 status=status if status in ("answered", "unanswered", *SUGGESTION_STATUSES) else None,
                 agency=(args.get("agency") or "").strip()[:60] or None,
                 accepted=args.get("accepted") == "yes", official=args.get("official") == "yes",
                 date_from=dates.get("from"), date_to=dates.get("to"),
                 sort=sort if sort in SORTS else "relevance", page=min(max(page, 1), 500)), errors
