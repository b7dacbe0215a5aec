"""Key terms and text similarity for tag suggestions and pain points (pure, standard library).

Documents are bags of terms: words of the title (lower-cased, stop words dropped, a light
suffix strip so "renewals" meets "renewal") plus the tags as "#tag" terms. Similarity is the
cosine of TF-IDF vectors; grouping is leader clustering (a document joins the most similar
group leader above a threshold), which cannot chain unrelated questions together the way
single-link clustering does."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

_WORD = re.compile(r"[a-z][a-z0-9']+")
STOP_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own same she should so some such than that the their them
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours get got still anyone someone does dont don't im i'm
ive i've can't cant isnt isn't wont won't need needs help please know way long take takes what's
goes going went ago yet find also just really
""".split())
TAG_PREFIX = "#"


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def words(text: str) -> list[str]:
    return [stem(w) for w in surface_words(text)]


def surface_words(text: str) -> list[str]:
    """The words as written (lower-cased, stop words dropped), for labels people can read."""
    return [w for w in (w.strip("'") for w in _WORD.findall(text.lower())) if w not in STOP_WORDS]


def terms(title: str, tags: Iterable[str] = ()) -> Counter[str]:
    bag = Counter(words(title))
    bag.update(TAG_PREFIX + t for t in tags)
    return bag


class Corpus:
    """Document frequencies, so rare terms weigh more than common ones."""

    def __init__(self, documents: Iterable[Counter[str]]):
        self.df: Counter[str] = Counter()
        self.n = 0
        for doc in documents:
            self.n += 1
            self.df.update(doc.keys())

    def idf(self, term: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1

    def vector(self, doc: Counter[str]) -> dict[str, float]:
        weights = {t: (1 + math.log(c)) * self.idf(t) for t, c in doc.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


RECENT_LEADERS = 60


@dataclass
class Group:
    leader: dict[str, float]
    members: list[int] = field(default_factory=list)


def group(vectors: Sequence[dict[str, float]], threshold: float = 0.5, probe: int = 4) -> list[list[int]]:
    """Indexes of `vectors` grouped by similarity, in input order. Each vector is compared only
    with the leaders sharing one of its `probe` heaviest terms, so the cost stays near linear."""
    groups: list[Group] = []
    by_term: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        heaviest = sorted(vector, key=lambda t: (-vector[t], t))[:probe]
        # The most recent leaders per term suffice: a recurring problem keeps recurring.
        candidates = {g for t in heaviest for g in by_term.get(t, ())[-RECENT_LEADERS:]}
        best, best_sim = None, threshold
        for g in sorted(candidates):
            sim = cosine(vector, groups[g].leader)
            if sim >= best_sim:
                best, best_sim = g, sim
        if best is None:
            groups.append(Group(vector, [index]))
            for t in heaviest:
                by_term[t].append(len(groups) - 1)
        else:
            groups[best].members.append(index)
    return [g.members for g in groups]


MIN_AUTHORS = 3  # a label word must be written by this many people: a name typed by one never shows


def tags_used_by(docs: Iterable[Counter[str]], authors: Iterable[int], min_authors: int = MIN_AUTHORS) -> set[str]:
    """The tag terms ("#name") of `docs` that at least `min_authors` different people used."""
    people: dict[str, set[int]] = defaultdict(set)
    for doc, author in zip(docs, authors, strict=True):
        for term in doc:
            if term.startswith(TAG_PREFIX):
                people[term].add(author)
    return {t for t, who in people.items() if len(who) >= min_authors}
UNLABELLED = "Similar posts (no wording shared by 3 or more people yet)"


def label(docs: Sequence[Counter[str]], corpus: Corpus, titles: Sequence[str], authors: Sequence[int],
          size: int = 4, min_authors: int = MIN_AUTHORS, shared_tags: Collection[str] = ()) -> str:
    """A readable label from the terms that characterise a group (frequent inside it, rare
    outside), each written the way the group's titles most often write it. Only terms found in
    the posts of at least `min_authors` different people count: labels are published, and a
    rare word (a person's name, a reference number) typed by one person must not be. Tags in
    `shared_tags` ("#name" terms that many people use elsewhere: see tags_used_by) count too."""
    inside: Counter[str] = Counter()
    people: dict[str, set[int]] = defaultdict(set)
    for doc, author in zip(docs, authors, strict=True):
        inside.update(doc.keys())
        for term in doc:
            people[term].add(author)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for title in titles:
        for word in surface_words(title):
            written[stem(word)][word] += 1
    out: list[str] = []
    shared = (t for t in inside if len(people[t]) >= min_authors or t in shared_tags)
    for term in sorted(shared, key=lambda t: (-inside[t] * corpus.idf(t), t)):
        if term.startswith(TAG_PREFIX):
            parts = term[len(TAG_PREFIX):].split("-")
        else:
            parts = [written[term].most_common(1)[0][0] if written.get(term) else term]
        for part in parts:
            if part not in out and stem(part) not in {stem(o) for o in out}:
                out.append(part)
        if len(out) >= size:
            break
    centre: Counter[str] = Counter()
    vectors = [corpus.vector(doc) for doc in docs]
    for vector in vectors:
        centre.update(vector)
    closeness = [sum(w * centre[t] for t, w in vector.items()) for vector in vectors]
    return " ".join(in_title_order(out[:size], titles, closeness)).capitalize() or UNLABELLED


def in_title_order(chosen: Sequence[str], titles: Sequence[str], closeness: Sequence[float] = ()) -> list[str]:
    """The chosen words in the order of the group's most representative title, so a label reads
    like the topic people wrote rather than a list by weight: the title that has most of them,
    then the closest to the group as a whole (`closeness`, one per title), then the shortest.
    Words it lacks follow, in the order they were chosen. Only the order changes: the words
    stay those chosen, so whatever rule chose them still holds."""
    stems = [stem(w) for w in chosen]

    def places(title: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, word in enumerate(surface_words(title)):
            found.setdefault(stem(word), i)
        return {s: found[s] for s in stems if s in found}

    def fit(index: int):
        return (-len(places(titles[index])), -(closeness[index] if closeness else 0.0), len(titles[index]), index)

    if not titles:
        return list(chosen)
    where = places(titles[min(range(len(titles)), key=fit)])
    placed = sorted((where[s], n) for n, s in enumerate(stems) if s in where)
    return [chosen[n] for _, n in placed] + [w for w, s in zip(chosen, stems) if s not in where]
