"""The backend's own ranking of plain-word queries gives whoosh's order and exact counts, across
segments with deleted documents, for every sort and with filters, and so does its matching of
phrases; what it cannot rank (a phrase with slop, fields that are not scored) is left to whoosh."""
import random
from datetime import datetime, timedelta

import pytest
from whoosh import qparser, query as wq

from forum.search.backend import Document, Query
from forum.search.whoosh import WhooshBackend, _filters, _parse

WORDS = ("passport renewal licence council rates parking permit refund tax office online form "
         "payment claim carer childcare subsidy letter address change appointment fee").split()


def _document(rng, n, kind=None):
    kind = kind or rng.choice(("question", "answer", "suggestion"))
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7))) if kind != "answer" else ""
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
    return Document(kind, n, title, body, question_id=n if kind == "answer" else None,
                    agency=rng.choice(("tax-office", "council", None)), accepted=rng.random() < 0.3,
                    created_at=datetime(2026, 1, 1) + timedelta(hours=rng.randint(0, 2000)),
                    score=rng.randint(-2, 5))


@pytest.fixture
def backend(tmp_path):
    rng = random.Random(7)
    backend = WhooshBackend(tmp_path / "index")
    backend.rebuild(iter([_document(rng, n) for n in range(400)]), 400)
    for start in (400, 410):  # two more segments; updates leave deleted copies in the first
        changed = [_document(rng, n) for n in range(start, start + 10)] + [_document(rng, n) for n in (3, 5, 7, 11)]
        backend.apply(lambda changed=changed: (changed, ["question:20", "answer:21"]), wait=True)
    return backend


SORTS = {"relevance": {}, "newest": {"sortedby": "created", "reverse": True},
         "votes": {"sortedby": ["score", "created"], "reverse": True}}


def assert_ranks_as_whoosh(ranker, text: str, sort: str, filters: dict) -> None:
    """The ranker's first 5 and first 200 for `text` are whoosh's, and its count is exact."""
    searcher = ranker.searcher
    query = Query(text, sort=sort, **filters)
    parsed = _parse(searcher.schema, text, qparser.AndGroup)
    filter_q = _filters(query)
    for limit in (5, 200):
        ranked, total = ranker.top(parsed, filter_q, sort, limit)
        expected = searcher.search(parsed, limit=limit, optimize=False, filter=filter_q, **SORTS[sort])
        assert ranked == [docnum for _score, docnum in expected.top_n], (text, limit)
        matching = set(searcher.docs_for_query(parsed))
        if filter_q is not None:
            matching &= set(searcher.docs_for_query(filter_q))
        assert total == len(matching), text


@pytest.mark.parametrize("sort", ["relevance", "newest", "votes"])
@pytest.mark.parametrize("filters", [{}, {"type": "question"}, {"agency": "council", "accepted": True}])
def test_plain_word_queries_rank_and_count_as_whoosh_does(backend, sort, filters):
    ranker = backend._ranker()
    assert len(ranker.leaves) == 3 and any(deleted for _reader, _offset, deleted in ranker.leaves)
    for text in ("passport", "council rates", "tax office refund", "title:carer", "nothing-like-it"):
        assert_ranks_as_whoosh(ranker, text, sort, filters)


@pytest.mark.parametrize("sort", ["relevance", "newest", "votes"])
@pytest.mark.parametrize("filters", [{}, {"type": "question"}, {"agency": "council", "accepted": True}])
def test_phrases_match_rank_and_count_as_whoosh_does(backend, sort, filters):
    ranker = backend._ranker()
    searcher = ranker.searcher
    three = " ".join(_document(random.Random(7), 0).body.split()[2:5])  # in the first document, as it was made
    texts = ['"passport renewal"', '"tax office refund"', '"council rates" online', '"office office"',
             'title:"parking permit"', '"renewal passport fee"', '"nothing like it"', '"passport"', f'"{three}"']
    assert ranker.top(_parse(searcher.schema, f'"{three}"', qparser.AndGroup), None, "newest", 5)[1] >= 1
    for text in texts:
        assert_ranks_as_whoosh(ranker, text, sort, filters)
    # The documents a phrase matches are whoosh's, one by one.
    for words in (["passport", "renewal"], ["office", "office"], ["rates", "parking", "permit"]):
        phrase = wq.Phrase("body", words)
        assert ranker.docs(phrase) == set(searcher.docs_for_query(phrase)), words


def test_what_the_ranker_cannot_match_is_left_to_whoosh(backend):
    ranker = backend._ranker()
    assert ranker.top(wq.Phrase("body", ["passport", "renewal"], slop=3), None, "relevance", 20) is None
    assert ranker.top(wq.Term("type", "question"), None, "relevance", 20) is None  # not a scored field
