"""Ranking the queries people type most (words, in any field, joined by AND or OR) without
Whoosh's matchers.

Whoosh walks posting lists one document at a time in Python and decodes every block it passes
(ids, weights and pickled positions) on every search: at 100,000 posts a common word costs it
tens of milliseconds before scoring or counting begins. Here the ids and weights of the terms
searched lately stay decoded, per segment (a segment never changes once written, only which of
its documents are deleted), and a query is worked out with set operations, so the count is
exact and cheap. Scores are Whoosh's BM25F, computed term by term with the same formula and
statistics, so the order is the one Whoosh gives (tests compare the two). A phrase (its words
one after another: Whoosh's Phrase with its default slop of 1) is matched per segment without
Whoosh's span matchers: its rarest word's postings are read first, each other word's only in
the blocks that can hold a document still in the running, and positions only in documents
that hold every word; it is scored as Whoosh scores it (its words'
BM25F summed as Whoosh's matcher tree sums them, times the phrase's boost); a searcher keeps
the phrases it matched, so changing the sort costs nothing more. Anything else (NOT, a phrase
with slop, fields that are not scored) gets None, and the caller asks Whoosh.
"""
from __future__ import annotations

import heapq
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from itertools import accumulate
from typing import NamedTuple

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

# Postings kept decoded per process, across all segments and terms (8 bytes each): a common
# word of the demo data at 100,000 posts has about 30,000.
BUDGET = 4_000_000
_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


class _Postings(NamedTuple):
    """A term's postings in one segment: document numbers (deleted ones included), and for each
    a code, `weight index * 256 + coded field length`, into `weights` and the 256 lengths, so
    that scoring a posting is one look-up in a table made per query."""
    ids: array
    codes: array | None  # None for a field without lengths (not scored)
    weights: tuple[float, ...]


class PostingsCache:
    """Decoded postings and columns of the segments searched lately, shared by a process's threads.
    Entries are keyed by segment id; `keep` drops those of segments that are gone (merged, or
    left behind by a rebuild)."""

    def __init__(self, budget: int = BUDGET):
        self.budget = budget
        self._lock = threading.Lock()
        self._terms: OrderedDict = OrderedDict()  # (segment, field, bytes) -> (ids, weights), least recent first
        self._columns: dict = {}  # (segment, column name) -> array of values, one per document
        self._size = 0

    def postings(self, reader, fieldname: str, btext: bytes) -> _Postings:
        key = (reader.segment().segment_id(), fieldname, btext)
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        ids, weights = _decode(reader.postings(fieldname, btext))
        distinct = tuple(sorted(set(weights)))
        codes = None
        if reader.schema[fieldname].scorable:
            lengths = self.column(reader, fieldname, LENGTHS_COLUMN)
            if len(distinct) == 1:
                codes = array("I", map(lengths.__getitem__, ids))
            else:
                index = {w: i << 8 for i, w in enumerate(distinct)}
                codes = array("I", [index[w] | lengths[d] for d, w in zip(ids, weights)])
        found = _Postings(ids, codes, distinct)
        with self._lock:
            if key not in self._terms:
                self._terms[key] = found
                self._size += len(ids)
                while self._size > self.budget and len(self._terms) > 1:
                    self._size -= len(self._terms.popitem(last=False)[1].ids)
        return found

    def column(self, reader, name: str, column=None) -> array | list:
        """A column's raw (sortable) values for every document of the segment; `column` for the
        hidden per-field length columns, which the schema does not name."""
        key = (reader.segment().segment_id(), name)
        found = self._columns.get(key)
        if found is None:
            if column is None:
                found = _values(reader.column_reader(name, translate=False), reader.doc_count_all())
            else:
                found = _lengths(reader, name, column)
            with self._lock:
                self._columns[key] = found
        return found

    def keep(self, segment_ids: set[str]) -> None:
        with self._lock:
            for key in [k for k in self._terms if k[0] not in segment_ids]:
                self._size -= len(self._terms.pop(key).ids)
            for key in [k for k in self._columns if k[0] not in segment_ids]:
                del self._columns[key]


def _leaf(matcher):
    """A segment's postings matcher without its deletions wrapper (deletions are the caller's)."""
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def _blockwise(matcher) -> bool:
    """Whether `matcher` is the whoosh3 codec's leaf matcher, read here a block at a time."""
    return (hasattr(matcher, "_read_data") and hasattr(matcher, "_next_block") and hasattr(matcher, "_maxid")
            and not getattr(matcher, "_byteids", True))


def _block(matcher) -> tuple[list[int], array | list[float]]:
    """The document numbers and weights of the block `matcher` stands on, from its data at once.
    A block holds (ids as differences from the one before, weights, values); its weights are None
    when all are 1.0, or one number when all are the same."""
    matcher._read_data()
    deltas, weights, _values = matcher._data
    ids = list(accumulate(deltas))
    if weights is None or isinstance(weights, float):
        weights = [1.0 if weights is None else weights] * len(ids)
    return ids, weights


def _gather(matcher, wanted: set[int] | None) -> dict[int, tuple[float, bytes]]:
    """{document: (weight, value)} for the postings of one segment's `matcher` (deleted documents
    included) that fall among `wanted` (None: all of them). A block of postings holding none of
    `wanted` is passed over on its header alone: its data is never read or unpickled."""
    found = {}
    if not _blockwise(matcher):
        while matcher.is_active():  # another codec: a posting at a time
            if wanted is None or matcher.id() in wanted:
                found[matcher.id()] = (matcher.weight(), matcher.value())
            matcher.next()
        return found
    ordered = sorted(wanted) if wanted is not None else None
    i = 0
    while matcher.is_active():
        if ordered is not None:
            if i == len(ordered):
                break
            if ordered[i] > matcher._maxid:  # the block's last document
                matcher._next_block()
                continue
        ids, weights = _block(matcher)
        matcher._read_values()
        values = matcher._values
        if ordered is None:
            found.update(zip(ids, zip(weights, values)))
        else:
            end = bisect_right(ordered, matcher._maxid, i)
            for doc in ordered[i:end]:
                j = bisect_left(ids, doc)
                if j < len(ids) and ids[j] == doc:
                    found[doc] = (weights[j], values[j])
            i = end
        matcher._next_block()
    return found


def _in_phrase(reader, fieldname: str, words: list[bytes], format_, deleted):
    """(document, the words' weights in order) for each document of one segment where `words`
    stand one after another (whoosh's Phrase with slop 1: the first word at p, the next at
    p + 1, and so on), in document order. The rarest word's postings are read first, and each
    next word's only in the blocks that hold a document still in the running; positions are
    decoded only for documents that hold every word, a word at a time until one rules it out."""
    distinct = sorted(set(words), key=lambda word: reader.doc_frequency(fieldname, word))
    postings, wanted = {}, None
    for word in distinct:
        postings[word] = _gather(_leaf(reader.postings(fieldname, word)), wanted)
        wanted = postings[word].keys()
        if not wanted:
            return
    decode = format_.decode_positions
    for doc in sorted(wanted):
        if doc in deleted:
            continue
        starts = None
        for k, word in enumerate(words):
            shifted = {p - k for p in decode(postings[word][doc][1])}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                break
        else:
            yield doc, [postings[word][doc][0] for word in words]


def _tree_sum(values: list[float]) -> float:
    """The sum as whoosh's make_binary_tree of intersection matchers adds its children's scores:
    halves first, the first half on the left."""
    if len(values) == 1:
        return values[0]
    half = len(values) // 2
    return _tree_sum(values[:half]) + _tree_sum(values[half:])


def _decode(matcher) -> tuple[array, array]:
    matcher = _leaf(matcher)  # deletions: left to the caller, per searcher
    ids, weights = array("I"), array("f")
    if _blockwise(matcher):  # a whole block at a time, not a posting at a time
        while matcher.is_active():
            block_ids, block_weights = _block(matcher)
            ids.extend(block_ids)
            weights.extend(block_weights)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return ids, weights


def _values(creader, count: int) -> array | list:
    """All of a numeric column's values, read at once where the column is a plain array of
    fixed-size big-endian numbers (as whoosh writes them), else one by one."""
    typecode = getattr(creader, "_typecode", None)
    try:
        if typecode is None or array(typecode).itemsize != creader._fixedlen:
            raise AttributeError(typecode)
        values = array(typecode, creader._dbfile.get(creader._basepos, creader._count * creader._fixedlen))
    except AttributeError:
        return list(creader)
    if sys.byteorder == "little" and values.itemsize > 1:
        values.byteswap()
    values.extend(array(typecode, [creader._default]) * (count - len(values)))
    return values


def _lengths(reader, fieldname: str, column) -> array | list:
    """The byte-coded length of a field in every document of a segment."""
    try:
        creader = reader._perdoc.column_reader(f"_{fieldname}_len", column)
    except Exception:  # no column (no document has the field), or another codec
        from whoosh.util.numeric import length_to_byte
        return [length_to_byte(reader.doc_field_length(d, fieldname, 0) or 0) for d in range(reader.doc_count_all())]
    return _values(creader, reader.doc_count_all())


class Ranker:
    """One searcher's documents: its segments with their offsets and deletions."""

    def __init__(self, searcher, cache: PostingsCache):
        self.searcher = searcher
        self.cache = cache
        self.leaves = []
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            if reader.segment() is None:  # an empty index: no segment, no documents
                continue
            deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
            self.leaves.append((reader, offset, deleted))
        cache.keep({reader.segment().segment_id() for reader, _o, _d in self.leaves})
        weighting = searcher.weighting
        self._bm25 = weighting if type(weighting) is BM25F else None
        self._sets: dict = {}  # filter terms' documents, for this searcher
        self._phrases: dict = {}  # (field, words) -> {document: score}, for this searcher
        self._columns: dict = {}

    # ── which documents ──────────────────────────────────────────────────────

    def docs(self, q, exact_only: bool = True) -> set[int] | None:
        """The (global) numbers of the documents `q` matches; None for a query this module does
        not evaluate itself, or, with exact_only=False, Whoosh's answer for those."""
        if isinstance(q, wq.Term):
            return self._term_docs(q)
        if isinstance(q, wq.Phrase):
            found = self._phrase(q)
            if found is not None:
                return set(found)
            if exact_only:
                return None
        if isinstance(q, (wq.And, wq.Or)) and q.subqueries:
            parts = [self.docs(sub, exact_only) for sub in q.subqueries]
            if any(part is None for part in parts):
                return None
            if isinstance(q, wq.Or):
                return set().union(*parts)
            parts.sort(key=len)
            return set(parts[0]).intersection(*parts[1:])
        return None if exact_only else set(self.searcher.docs_for_query(q))

    def _term_docs(self, q) -> set[int]:
        found = self._term(q)
        if found is None:
            return set()
        key = (q.fieldname, found)
        if key in self._sets:
            return set(self._sets[key])
        docs = set()
        for reader, offset, deleted in self.leaves:
            if (q.fieldname, found) not in reader:
                continue
            ids = self.cache.postings(reader, q.fieldname, found).ids
            if offset or deleted:
                docs.update(d + offset for d in ids if d not in deleted)
            else:
                docs.update(ids)
        if len(self._sets) < 64:
            self._sets[key] = frozenset(docs)
        return docs

    def _phrase(self, q) -> dict[int, float] | None:
        """{document: score} for the documents where the phrase's words stand one after another
        (the score before the phrase's boost; 0 when the field is not scored); None for a phrase
        this module does not match itself (another slop, a field without positions)."""
        field = self._field(q.fieldname)
        if q.slop != 1 or field is None or not field.format or not field.format.supports("positions"):
            return None
        key = (q.fieldname, tuple(q.words))
        if key in self._phrases:
            return self._phrases[key]
        try:
            words = [field.to_bytes(word) for word in q.words]
        except ValueError:
            words = []
        found: dict[int, float] = {}
        idfs = None  # None: the field is not scored
        if words and self._bm25 is not None and field.scorable:
            norm, k1p1 = self._bm25_norms(q.fieldname)
            idfs = [self.searcher.idf(q.fieldname, word) for word in words]
        for reader, offset, deleted in self.leaves:
            if not words or any((q.fieldname, word) not in reader for word in words):
                continue
            lengths = self.cache.column(reader, q.fieldname, LENGTHS_COLUMN) if idfs else None
            for doc, weights in _in_phrase(reader, q.fieldname, words, field.format, deleted):
                if idfs:
                    n = norm[lengths[doc]]  # the formula of _bm25_norms, as _term_scores's table holds it
                    found[doc + offset] = _tree_sum([idf * ((w * k1p1) / (w + n)) for idf, w in zip(idfs, weights)])
                else:
                    found[doc + offset] = 0.0
        if len(self._phrases) < 64:
            self._phrases[key] = found
        return found

    def _field(self, name: str):
        """The schema's field `name`, or None for a field the schema does not have."""
        schema = self.searcher.schema
        return schema[name] if name in schema else None

    def _term(self, q) -> bytes | None:
        field = self._field(q.fieldname)
        if field is None:
            return None
        try:
            return field.to_bytes(q.text)
        except ValueError:
            return None

    # ── how well they match ──────────────────────────────────────────────────

    def scores(self, q, docs: set[int], every: bool = False) -> dict[int, float] | None:
        """Whoosh's score for each document of `docs` that `q` matches (`every`: `docs` holds
        every document `q` matches); None when this module cannot reproduce it."""
        if self._bm25 is None:
            return None
        if isinstance(q, wq.Term):
            found = self._term_scores(q, docs, every)
        elif isinstance(q, wq.Phrase):
            field = self._field(q.fieldname)
            matched = self._phrase(q) if field is not None and field.scorable else None
            if matched is None:
                return None
            found = {d: s for d, s in matched.items() if d in docs}
        elif isinstance(q, (wq.And, wq.Or)) and q.subqueries:
            every = every and isinstance(q, wq.Or)  # an And's parts match more than the And
            parts = [self.scores(sub, docs, every) for sub in q.subqueries]
            if any(part is None for part in parts):
                return None
            found = _combine(q, parts, self)
            if found is None:
                return None
        else:
            return None
        if q.boost != 1.0:
            found = {d: s * q.boost for d, s in found.items()}
        return found

    def _term_scores(self, q, docs: set[int], every: bool) -> dict[int, float] | None:
        field = self._field(q.fieldname)
        if field is not None and not field.scorable:
            return None  # whoosh scores such a term by its weight alone: leave it to whoosh
        btext = self._term(q)
        if btext is None or not docs:
            return {}
        idf = self.searcher.idf(q.fieldname, btext)
        norm, k1p1 = self._bm25_norms(q.fieldname)
        found: dict[int, float] = {}
        for reader, offset, deleted in self.leaves:
            if (q.fieldname, btext) not in reader:
                continue
            ids, codes, weights = self.cache.postings(reader, q.fieldname, btext)
            table = [idf * ((w * k1p1) / (w + n)) for w in weights for n in norm]
            if every and not deleted:
                found.update(zip(map(offset.__add__, ids) if offset else ids, map(table.__getitem__, codes)))
            elif len(docs) * 16 < len(ids):  # few documents: look each one up
                end = offset + reader.doc_count_all()
                for doc in docs:
                    if offset <= doc < end:
                        i = bisect_left(ids, doc - offset)
                        if i < len(ids) and ids[i] == doc - offset:
                            found[doc] = table[codes[i]]
            else:
                found.update((d + offset, s) for d, s in zip(ids, map(table.__getitem__, codes)) if d + offset in docs)
        return found

    def _bm25_norms(self, fieldname: str) -> tuple[list[float], float]:
        """whoosh.scoring.bm25's length normalisation for each of the 256 coded field lengths,
        and K1 + 1: a posting then scores idf * ((w * k1p1) / (w + norm[length byte])), the same
        operations in the same order as whoosh, so the same floats."""
        weighting = self._bm25
        avgfl = self.searcher.avg_field_length(fieldname) or 1
        B, K1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
        return [K1 * ((1 - B) + B * length / avgfl) for length in _LENGTH_OF_BYTE], K1 + 1

    # ── the page ─────────────────────────────────────────────────────────────

    def top(self, q, filter_q, sort: str, limit: int) -> tuple[list[int], int] | None:
        """The first `limit` document numbers for `q` among those `filter_q` keeps (None: all),
        ordered as whoosh orders them, and how many there are in all; None when `q` is one
        for whoosh itself."""
        docs = self.docs(q)
        if docs is None:
            return None
        if filter_q is not None:
            docs &= self.filter(filter_q)
        if sort == "relevance":
            scores = self.scores(q, docs, every=filter_q is None)
            if scores is None:
                return None
            # Highest score first; equal scores in document order, as whoosh's collector keeps them.
            return _first(limit, scores.keys(), scores.values(), lambda d: (-scores[d], d), reverse=False), len(docs)
        if not docs:
            return [], 0
        created = self.column("created")
        if sort == "newest":
            return (_first(limit, docs, map(created.__getitem__, docs), lambda d: (created[d], d), reverse=True),
                    len(docs))
        score = self.column("score")
        return _first(limit, docs, map(score.__getitem__, docs), lambda d: (score[d], created[d], d),
                      reverse=True), len(docs)

    def filter(self, filter_q) -> set[int] | frozenset[int]:
        return self.docs(filter_q, exact_only=False)

    def column(self, name: str):
        """A sortable column's raw values for every document of the searcher."""
        if name not in self._columns:
            parts = [self.cache.column(reader, name) for reader, _o, _d in self.leaves]
            whole = parts[0] if len(parts) == 1 else _joined(parts)
            self._columns[name] = whole
        return self._columns[name]


def _first(limit, keys, values, order, reverse) -> list:
    """The first `limit` of `keys` in `order` (descending with `reverse`). `values`, in the order
    of `keys`, are their leading sort values, larger first: the `limit`-th largest is the least a
    key needs to make it, so only the keys that reach it are sorted."""
    if len(keys) > limit:
        values = list(values)
        least = heapq.nlargest(limit, values)[-1]
        keys = [key for key, value in zip(keys, values) if value >= least]
    else:
        keys = list(keys)
    keys.sort(key=order, reverse=reverse)
    return keys[:limit]


def _joined(parts):
    if all(isinstance(part, array) and part.typecode == parts[0].typecode for part in parts):
        whole = array(parts[0].typecode)
        for part in parts:
            whole.extend(part)
        return whole
    return [value for part in parts for value in part]


def _combine(q, parts: list[dict[int, float]], ranker: Ranker) -> dict[int, float] | None:
    """An And's or Or's score from its parts' scores, as whoosh's matchers add them up."""
    if isinstance(q, wq.And):
        parts = sorted(parts, key=len)
        rest = parts[1:]
        return {d: s + sum(part[d] for part in rest) for d, s in parts[0].items()
                if all(d in part for part in rest)}
    found = parts[0]
    for part in parts[1:]:
        both = {d: found[d] + part[d] for d in found.keys() & part.keys()}
        found = {**found, **part, **both}
    if not q.scale:
        return found
    # whoosh's CoordMatcher: a bonus for each further term a document has.
    if not all(isinstance(sub, wq.Term) for sub in q.subqueries):
        return None
    present = [sub for sub in q.subqueries if ranker._term(sub) is not None
               and any((sub.fieldname, ranker._term(sub)) in reader for reader, _o, _d in ranker.leaves)]
    termcount, scale = len(present), q.scale
    if termcount == 0 or termcount == scale:
        return {d: 0 for d in found}
    matching = Counter()
    for part in parts:
        matching.update(part.keys())
    bonus = [((m - 1) / (termcount - scale) ** 2) for m in range(len(parts) + 1)]
    factor = (termcount - 1) / termcount
    return {d: (s + bonus[matching[d]]) * factor for d, s in found.items()}
