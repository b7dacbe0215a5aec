"""The Whoosh backend: the only package that imports whoosh (ranking.py works out the common
queries faster than whoosh's own matchers do).

Layout of FORUM_SEARCH_DIR: one sub-directory per build ("index-<timestamp>-<random>") and a
file CURRENT naming the one in use. `rebuild` writes a new sub-directory and swaps CURRENT
with os.replace (atomic), so readers never see a half-built index.

Facts this relies on (see TOOLING.md): a plain writer raises LockError at once when another
process writes, so every writer is opened with an explicit timeout; the default stemmer is the
old Porter one ("running" -> "runn"), so the analyser uses porter2.
"""
from __future__ import annotations

import html
import os
import re
import secrets
import shutil
import threading
import time
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from whoosh import highlight, index, qparser, query as wq
from whoosh.analysis import StemmingAnalyzer, Token
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem

from ..backend import Changes, Document, Hit, Query, Results, SearchBackend, SearchUnavailable, Status
from .codec import CODEC
from .ranking import PostingsCache, Ranker

WAIT_SECONDS = 30.0  # a blocking writer (indexer, rebuild) gives up after this long
MAX_QUERY_CHARS = 500  # longer text is cut: a 2,000-character paste still searches its start
MAX_TERMS = 30
RETRY_PAUSES = (0.0, 0.05)  # seconds before the second and the third try of a failed search
SNIPPET_CHARS = 240
HIGHLIGHT_CHARS = 3_000
# Result sets up to this size are re-checked against the database whole, for an exact count
# (see _visible_page); at most this many hits are checked when a stale index makes pages short.
CHECK_LIMIT = 200
MAX_CHECKED = 10_000


def _analyzer():
    return StemmingAnalyzer(stemfn=stem)


def make_schema() -> Schema:
    analyzer = _analyzer()
    return Schema(
        key=ID(unique=True, stored=True, sortable=True),  # a column: read fast for visibility checks
        type=ID(stored=True),
        id=STORED(),
        question_id=STORED(),
        question_title=STORED(),  # an answer's question: shown, never searched
        title=TEXT(analyzer=analyzer, field_boost=3.0, stored=True, spelling=True),
        # Spelling suggestions come from titles only: a second, unstemmed copy of every body
        # slowed rebuilds by a third for little gain.
        body=TEXT(analyzer=analyzer, stored=True),
        tags=KEYWORD(stored=True, lowercase=True, scorable=True, field_boost=2.0),
        agency=ID(stored=True),
        status=ID(stored=True),
        accepted=BOOLEAN(stored=True),
        official=BOOLEAN(stored=True),
        created=DATETIME(stored=True, sortable=True),
        score=NUMERIC(stored=True, sortable=True, signed=True, bits=32),
    )


def _signature(schema) -> list[tuple]:
    """What an index's fields must match to be used (whoosh schemas do not compare equal)."""
    return sorted((name, type(field).__name__, field.stored, field.column_type is not None)
                  for name, field in schema.items())


_SIGNATURE = _signature(make_schema())


class _EscapingFormatter(highlight.Formatter):
    """Whoosh's HtmlFormatter copies the text as it is: a post containing <script> would come
    back as markup. Here every piece of text is escaped and only <mark> is added."""

    between = " … "

    def _text(self, text):
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return "<mark>%s</mark>" % self._text(highlight.get_text(text, token, replace))


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


_CLEAN = re.compile(r"[\x00-\x1f\x7f]+")


def clean_text(text: str) -> str:
    return _CLEAN.sub(" ", text or "").strip()[:MAX_QUERY_CHARS]


class WhooshBackend(SearchBackend):
    def __init__(self, directory: str | os.PathLike):
        self.root = Path(directory)
        self._local = threading.local()
        self._postings = PostingsCache()

    # ── opening ──────────────────────────────────────────────────────────────

    def _current_dir(self) -> Path:
        try:
            name = (self.root / "CURRENT").read_text().strip()
        except OSError as error:
            raise SearchUnavailable(f"no index at {self.root}") from error
        path = self.root / name
        if not name or "/" in name or not path.is_dir():
            raise SearchUnavailable(f"index directory {path} is missing")
        return path

    def _index(self):
        path = self._current_dir()
        try:
            ix = index.open_dir(str(path))
        except Exception as error:  # EmptyIndexError, a truncated TOC, unpickling errors…
            raise SearchUnavailable(f"index at {path} cannot be opened: {error}") from error
        _check_schema(ix, path)
        return ix

    def _searcher(self):
        """A searcher per thread, refreshed when another process committed since."""
        path = self._current_dir()
        cached = getattr(self._local, "searcher", None)
        try:
            if cached is None or self._local.path != path or not cached.up_to_date():
                # (Searcher.refresh() fails on an index with no segments, so reopen instead.)
                if cached is not None:
                    cached.close()
                cached = self._index().searcher()
                self._local.path = path
        except SearchUnavailable:
            self._local.searcher = None  # the cached one may be closed already
            raise
        except Exception as error:
            self._local.searcher = None
            raise SearchUnavailable(f"index at {path} cannot be read: {error!r}") from error
        ranker = getattr(self._local, "ranker", None)
        if ranker is None or ranker.searcher is not cached:
            self._local.ranker = Ranker(cached, self._postings)
        self._local.searcher = cached
        return cached

    def _ranker(self) -> Ranker:
        self._searcher()
        return self._local.ranker

    # ── writing ──────────────────────────────────────────────────────────────

    def apply(self, changes: Callable[[], Changes], *, wait: bool) -> bool:
        while True:
            path = self._current_dir()
            try:
                ix = index.open_dir(str(path))
                _check_schema(ix, path)
                writer = ix.writer(timeout=WAIT_SECONDS if wait else 0.0, delay=0.05, codec=CODEC)
            except index.LockError:
                if wait:
                    raise SearchUnavailable("the index stayed locked") from None
                return False
            except SearchUnavailable:
                raise
            except Exception as error:
                if self._current_dir() != path:
                    continue  # a rebuild removed the old index while we waited for its lock
                raise SearchUnavailable(f"index at {path} cannot be opened: {error}") from error
            if self._current_dir() == path:
                break
            # A rebuild swapped in a new index while we waited for the old one's lock: writing
            # to the old one would lose these changes, so start again on the new one.
            writer.cancel()
            if not wait:
                return False
        try:
            upserts, removals = (list(part) for part in changes())
            for key in removals:
                writer.delete_by_term("key", key)
            for document in upserts:
                writer.update_document(**_fields(document))
        except BaseException:
            writer.cancel()
            raise
        if upserts or removals:
            writer.commit()
        else:
            writer.cancel()  # another drain took the rows first: no new generation for nothing
        return True

    def rebuild(self, documents: Iterator[Document], total: int, progress=None) -> int:
        self.root.mkdir(parents=True, exist_ok=True)
        old = None
        try:
            old = self._index()
        except SearchUnavailable:
            pass
        # Hold the old index's lock while building: drains meanwhile leave their outbox rows,
        # which are then applied to the new index, so no change made during the rebuild is lost.
        old_writer = old.writer(timeout=WAIT_SECONDS, delay=0.05) if old is not None else None
        name = f"index-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
        try:
            new_dir = self.root / name
            new_dir.mkdir()
            ix = index.create_in(str(new_dir), make_schema())
            writer = ix.writer(timeout=WAIT_SECONDS, limitmb=256, codec=CODEC)
            count = 0
            for document in documents:
                writer.add_document(**_fields(document))
                count += 1
                if progress is not None:
                    progress(1)
            writer.commit(optimize=True)
            pointer = self.root / "CURRENT.tmp"
            pointer.write_text(name)
            os.replace(pointer, self.root / "CURRENT")
        except BaseException:
            shutil.rmtree(self.root / name, ignore_errors=True)
            raise
        finally:
            if old_writer is not None:
                old_writer.cancel()
        self._remove_old(keep=name)
        return count

    def _remove_old(self, keep: str) -> None:
        for path in self.root.glob("index-*"):
            if path.name != keep:
                shutil.rmtree(path, ignore_errors=True)

    def clear(self) -> None:
        self.rebuild(iter(()), 0)

    # ── reading ──────────────────────────────────────────────────────────────

    def keys(self) -> set[str]:
        searcher = self._searcher()
        return {fields["key"] for fields in searcher.reader().all_stored_fields() or ()}

    def status(self) -> Status:
        try:
            searcher = self._searcher()
            return Status(True, searcher.doc_count(), str(self._current_dir()))
        except SearchUnavailable as error:
            return Status(False, 0, str(self.root), str(error))

    def search(self, query: Query, visible: Callable[[list[str]], set[str]]) -> Results:
        """Search; a search that fails while reading (a reader that vanished mid-search, or a
        table of contents removed as it was opened, while another process committed) is tried
        again on a freshly opened searcher, twice, a moment apart, before giving up."""
        for pause in RETRY_PAUSES:
            try:
                return self._search(query, visible)
            except SearchUnavailable as error:
                if error.__cause__ is None:  # the index is missing or refused: trying again changes nothing
                    raise
                time.sleep(pause)
        return self._search(query, visible)

    def _search(self, query: Query, visible: Callable[[list[str]], set[str]]) -> Results:
        text = clean_text(query.text)
        ranker = self._ranker()
        if not ranker.leaves:
            # An index with no segment yet (nothing indexed, or cleared): nothing to find, and
            # whoosh's empty reader has no columns or word lists to read.
            return Results([], 0)
        searcher = ranker.searcher
        parsed = _parse(searcher.schema, text, qparser.AndGroup)
        if parsed is None:
            return Results([], 0)
        filters = _filters(query)
        page = max(query.page, 1)
        try:
            shown, total = _visible_page(ranker, parsed, page, query.per_page, visible, filters, query.sort)
            notes = []
            if total == 0:
                # No post the reader may see has every word: show posts with some of them instead.
                loose = _parse(searcher.schema, text, qparser.OrGroup.factory(0.9))
                if loose is not None:
                    shown, total = _visible_page(ranker, loose, page, query.per_page, visible, filters, query.sort)
                    if total:
                        notes.append("No post has all of your words; these have some of them.")
            corrected = None
            if total < 3:
                # A shared first letter keeps the corrector's search small (typos rarely start a word).
                correction = searcher.correct_query(parsed, text, prefix=1, maxdist=2)
                # The word list still holds words of hidden posts, and of deleted ones until the
                # segments merge: offer a correction only if it finds a post the reader may see.
                if (correction.query != parsed and correction.string.strip().lower() != text.lower()
                        and _any_visible(ranker, correction.query, filters, visible)):
                    corrected = correction.string
            hits = _hits(searcher, parsed, shown)
        except Exception as error:  # a reader that vanished mid-search (rebuild swap, disk gone)
            self._local.searcher = None
            raise SearchUnavailable(f"search failed: {error!r}") from error
        return Results(hits, total, corrected, notes)

    def similar(self, text: str, limit: int, type: str = "question", titles_only: bool = False) -> list[Hit]:
        words = [token.text for token in _analyzer()(clean_text(text))][:MAX_TERMS]
        if not words:
            return []
        ranker = self._ranker()
        terms = [wq.Term("title", w, boost=2.0) for w in words] + ([] if titles_only else [wq.Term("body", w) for w in words])
        try:
            similar = wq.Or(terms)
            docnums, _total = _ranked(ranker, similar, wq.Term("type", type), "relevance", limit)
            return _hits(ranker.searcher, similar, docnums)
        except Exception as error:
            self._local.searcher = None
            raise SearchUnavailable(f"search failed: {error!r}") from error


def _check_schema(ix, path: Path) -> None:
    """An index built by another version (other fields) is unusable until rebuilt: say so, rather
    than fail on a missing field in the middle of a search or an update."""
    if _signature(ix.schema) != _SIGNATURE:
        raise SearchUnavailable(f"index at {path} was built by another version: rebuild it")


def _fields(document: Document) -> dict:
    return {
        "key": document.key, "type": document.type, "id": document.id, "question_id": document.question_id,
        "title": document.title or "", "question_title": document.question_title or "",
        "body": document.body or "", "tags": " ".join(document.tags),
        "agency": document.agency or "", "status": document.status or "", "accepted": document.accepted,
        "official": document.official, "created": _naive_utc(document.created_at) or datetime(1970, 1, 1),
        "score": int(document.score),
    }


def _parse(schema, text: str, group):
    """Parse what a person typed; any syntax the parser chokes on falls back to plain words."""
    if not re.search(r"\w", text):
        return None
    # Tags are keywords without positions (a phrase over them would fail): filter by tag instead.
    parser = qparser.MultifieldParser(["title", "body"], schema, group=group)
    # Wildcards and ranges are slow or surprising for citizens; fields (title:) and phrases stay.
    for plugin in (qparser.WildcardPlugin, qparser.RangePlugin, qparser.BoostPlugin, qparser.PlusMinusPlugin):
        parser.remove_plugin_class(plugin)
    try:
        parsed = parser.parse(text)
    except Exception:
        parsed = None
    if parsed is None or parsed is wq.NullQuery or not list(parsed.iter_all_terms()):
        words = re.findall(r"\w+", text)[:MAX_TERMS]
        if not words:
            return None
        plain = parser.parse(" ".join(w for w in words if w.upper() not in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")))
        return None if plain is wq.NullQuery or not list(plain.iter_all_terms()) else plain
    return parsed


def _ranked(ranker: Ranker, parsed, filters, sort: str, limit: int) -> tuple[list[int], int]:
    """The first `limit` document numbers for `parsed` in `sort` order, and how many match."""
    fast = ranker.top(parsed, filters, sort, limit)
    if fast is not None:
        return fast
    # Phrases and the like: whoosh's own matchers, with the filter as a ready set of documents.
    kwargs = {"filter": ranker.filter(filters) if filters is not None else None}
    if sort == "newest":
        kwargs.update(sortedby="created", reverse=True)
    elif sort == "votes":
        # Ties go to the newer post, as in the database fallback: an order that does not
        # depend on which segment a document landed in.
        kwargs.update(sortedby=["score", "created"], reverse=True)
    # Without quality optimisations the collector counts as it goes: no second pass to count.
    results = ranker.searcher.search(parsed, limit=limit, optimize=False, **kwargs)
    return [docnum for _score, docnum in results.top_n], len(results)


def _visible_page(ranker: Ranker, parsed, page: int, per_page: int, visible, filters, sort: str):
    """The document numbers of page `page` among those `visible` keeps, and the total to show.

    A result set of up to CHECK_LIMIT hits (as any query that singles out a hidden post gives)
    is checked whole, so its count is exact. A larger one is checked up to the end of the page
    and counted as the index says, less what was found hidden. A page that comes out short
    while unchecked hits remain is checked further, so a page is only short (or empty) at the
    true end of the results."""
    start, end = (page - 1) * per_page, page * per_page
    checking = end
    keys = ranker.searcher.reader().column_reader("key")
    while True:
        found, total = _ranked(ranker, parsed, filters, sort, max(CHECK_LIMIT, checking))
        if total > CHECK_LIMIT:
            found = found[:checking]
        allowed = visible([keys[docnum] for docnum in found])
        shown = [docnum for docnum in found if keys[docnum] in allowed]
        unchecked = total - len(found)
        if len(shown) >= end or not unchecked or checking >= MAX_CHECKED:
            return shown[start:end], len(shown) + unchecked
        checking = min(checking * 4, MAX_CHECKED)


def _any_visible(ranker: Ranker, q, filters, visible) -> bool:
    """Whether `q` finds a post the reader may see, as _visible_page would count it (more than
    CHECK_LIMIT hits count as the index says), without ranking anything."""
    docs = ranker.docs(q, exact_only=False)
    if filters is not None:
        docs = docs & ranker.filter(filters)
    if len(docs) > CHECK_LIMIT:
        return True
    keys = ranker.searcher.reader().column_reader("key")
    return bool(docs) and bool(visible([keys[docnum] for docnum in docs]))


def _filters(query: Query):
    parts = []
    if query.type:
        parts.append(wq.Term("type", query.type))
    if query.tag:
        parts.append(wq.Term("tags", query.tag.lower()))
    if query.agency:
        parts.append(wq.Term("agency", query.agency))
    if query.accepted:
        parts.append(wq.Term("accepted", True))
    if query.status:
        parts.append(wq.Term("status", query.status))
    if query.official:
        parts.append(wq.Term("official", True))
    if query.date_from or query.date_to:
        parts.append(wq.DateRange("created", _naive_utc(query.date_from), _naive_utc(query.date_to)))
    return wq.And(parts) if parts else None


def _hits(searcher, parsed, docnums: list[int]) -> list[Hit]:
    """Hits with highlighted, escaped titles and snippets: the words of `parsed` are marked
    wherever they occur in the stored text, as whoosh's highlighter marks them."""
    words = {}
    for fieldname, text in parsed.iter_all_terms():
        words.setdefault(fieldname, set()).add(text)
    title_words, body_words = frozenset(words.get("title", ())), frozenset(words.get("body", ()))
    hits = []
    for docnum in docnums:
        fields = searcher.stored_fields(docnum)
        title = (_highlight(fields["title"], title_words, highlight.WholeFragmenter(), top=3)
                 or html.escape(fields["title"] or fields["question_title"], quote=False))
        # Snippets come from the start of the text: re-analysing 20,000 characters per hit is slow.
        body = _highlight(fields["body"][:HIGHLIGHT_CHARS], body_words,
                          highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60), top=2)
        if not body:
            plain = fields["body"]
            body = html.escape(plain[:SNIPPET_CHARS] + ("…" if len(plain) > SNIPPET_CHARS else ""), quote=False)
        hits.append(Hit(fields["type"], fields["id"], fields.get("question_id"), title, body))
    return hits


_WORD = re.compile(r"\w+(\.?\w+)*")  # the analyser's tokenizer (whoosh's default pattern)
_stem = lru_cache(maxsize=50_000)(stem)


def _highlight(text: str, words: frozenset[str], fragmenter, top: int, every_token: bool = False) -> str:
    """whoosh's Highlighter.highlight_hit, fed by a plain tokenizer: the analyser's pipeline of
    generators costs several times more per word, and only the words' places are needed.

    Only the tokens that can change the fragments are handed to the fragmenter (`every_token`:
    all of them, as tests compare): for whoosh's WholeFragmenter the matched ones; for its
    ContextFragmenter those from `surround` + 1 tokens before a match (its context before is
    at most `surround` characters, and tokens are at least two characters apart) to
    2 * `surround` + 1 after (the most a fragment goes on after a match, each token shortening
    its countdown by one character at least). A text without a match costs one pass of the
    regular expression and no fragmenter at all."""
    if not text or not words:
        return ""
    spans, stems, matched = [], [], []
    for match in _WORD.finditer(text):
        word = _stem(match.group().lower())  # fragments are scored by distinct words
        if word in words:
            matched.append(len(spans))
        spans.append(match.span())
        stems.append(word)
    if not matched:
        return ""
    if every_token:
        keep = range(len(spans))
    elif isinstance(fragmenter, highlight.WholeFragmenter):
        keep = matched
    else:
        before, after = fragmenter.surround + 1, 2 * fragmenter.surround + 1
        keep, last = [], -1
        for i in matched:
            first = max(i - before, last + 1)
            last = min(i + after, len(spans) - 1)
            keep.extend(range(first, last + 1))
    hits = set(matched)

    def tokens():
        token = Token(chars=True)
        for i in keep:
            token.startchar, token.endchar = spans[i]
            token.text = stems[i]
            token.matched = i in hits
            yield token

    fragments = highlight.top_fragments(fragmenter.fragment_tokens(text, tokens()), top,
                                        highlight.BasicFragmentScorer(), highlight.FIRST, minscore=1)
    return _EscapingFormatter().format(fragments)
