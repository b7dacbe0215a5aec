"""Tag suggestions from the text being written: key terms and co-occurrence with existing tags.

`TagModel` is pure (built from (text, tags) pairs, so it can be measured on held-out posts:
see bench/tag_suggestions.py); `for_text` builds it from recent public questions and keeps it
for a few minutes per process."""
from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable

from .names import MAX_TAGS
from .text import stem, words

SAMPLE = 5_000  # recent questions the model learns from: enough for the vocabulary, cheap to build
TTL_SECONDS = 300


class TagModel:
    def __init__(self, posts: Iterable[tuple[str, Iterable[str]]]):
        self.term_tags: dict[str, Counter[str]] = defaultdict(Counter)
        self.term_docs: Counter[str] = Counter()
        self.tag_docs: Counter[str] = Counter()
        self.pairs: dict[str, Counter[str]] = defaultdict(Counter)
        self.n = 0
        for text, tags in posts:
            tags = list(dict.fromkeys(tags))
            self.n += 1
            self.tag_docs.update(tags)
            for a in tags:
                for b in tags:
                    if a != b:
                        self.pairs[a][b] += 1
            for term in set(words(text)):
                self.term_docs[term] += 1
                self.term_tags[term].update(tags)

    def scores(self, text: str) -> Counter[str]:
        found = set(words(text))
        scores: Counter[str] = Counter()
        for term in found:
            docs = self.term_docs.get(term)
            if not docs:
                continue
            idf = math.log((1 + self.n) / (1 + docs))
            for tag, together in self.term_tags[term].items():
                scores[tag] += idf * together / docs
        for tag in self.tag_docs:  # the tag's own words in the text are strong evidence
            parts = tag.split("-")
            if all(stem(p) in found for p in parts):
                scores[tag] += 2.0 * len(parts)
        return scores

    def suggest(self, text: str, limit: int = MAX_TAGS, exclude: Iterable[str] = ()) -> list[str]:
        scores = self.scores(text)
        if not scores:
            return []
        # Co-occurrence: tags that usually come with the strongest candidates gain a share of their score.
        for lead, lead_score in scores.most_common(3):
            for tag, together in self.pairs.get(lead, {}).items():
                scores[tag] += 0.5 * lead_score * together / self.tag_docs[lead]
        excluded = set(exclude)  # tags already typed: suggest what is still missing
        left = {t: s for t, s in scores.items() if t not in excluded}
        if not left:
            return []
        best = max(left.values())
        ranked = sorted((t for t, s in left.items() if s >= 0.5 * best), key=lambda t: (-left[t], t))
        return ranked[:limit]


_cache: dict[str, tuple[float, TagModel]] = {}
_lock = threading.Lock()


def _load() -> TagModel:
    from sqlalchemy import select

    from ..extensions import db
    from ..qa.models import Question

    rows = db.session.execute(select(Question.title, Question.body_source, Question.tag_names)
                              .where(Question.state == "public").order_by(Question.id.desc()).limit(SAMPLE))
    return TagModel((f"{title} {body[:500]}", names.split()) for title, body, names in rows)


def for_text(text: str, exclude: Iterable[str] = (), *, key: str = "default") -> list[str]:
    """Up to five tags for `text`, from a model of recent questions rebuilt every few minutes."""
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
    if cached is None or now - cached[0] > TTL_SECONDS:
        cached = (now, _load())
        with _lock:
            _cache[key] = cached
    return cached[1].suggest(text, exclude=exclude)


def forget() -> None:
    """Drop the cached model (tests, and after a merge)."""
    with _lock:
        _cache.clear()
