"""The index is written with forum.search.whoosh.codec: the same postings as whoosh's own codec
writes, read back by whoosh's stock reader, in blocks that nest their values' pickle; and the
index's table of contents names only whoosh's classes."""
import random
import zlib
from pathlib import Path

from whoosh import index
from whoosh.codec.whoosh3 import W3Codec

from forum.search.whoosh import WhooshBackend, _fields, make_schema
from forum.search.whoosh.ranking import _leaf

from .test_ranking import _document


def _documents(n=600):
    rng = random.Random(11)
    return [_document(rng, i) for i in range(n)]


def _postings(ix) -> dict:
    """Every term's postings in title and body: (document, weight, positions) in order."""
    found = {}
    with ix.searcher() as searcher:
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            for fieldname in ("title", "body"):
                for btext in reader.lexicon(fieldname):
                    matcher = reader.postings(fieldname, btext)
                    found[fieldname, btext] = [(offset + d, w, p) for d, w, p in _walk(matcher)]
    return found


def _walk(matcher):
    while matcher.is_active():
        yield matcher.id(), matcher.weight(), matcher.value_as("positions")
        matcher.next()


def test_postings_are_whooshs_and_the_index_is_smaller(tmp_path):
    ours = WhooshBackend(tmp_path / "ours")
    ours.rebuild(iter(_documents()), 600)
    (tmp_path / "stock").mkdir()
    stock = index.create_in(str(tmp_path / "stock"), make_schema())
    with stock.writer() as writer:  # whoosh's default codec
        for document in _documents():
            writer.add_document(**_fields(document))
    ix = ours._index()
    assert _postings(ix) == _postings(stock)
    size = lambda folder: sum(p.stat().st_size for p in Path(folder).iterdir())  # noqa: E731
    assert size(ours._current_dir()) < size(tmp_path / "stock")

    # A common word's first block nests its values as one pickle (read with the stock reader).
    with ix.searcher() as searcher:
        reader = searcher.reader()
        matcher = _leaf(reader.postings("body", b"passport"))
        raw = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        assert b"loads" in (zlib.decompress(raw) if matcher._compression else raw)


def test_the_table_of_contents_names_only_whooshs_codec(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    backend.rebuild(iter(_documents(50)), 50)
    backend.apply(lambda: (_documents(60)[50:], []), wait=True)  # a second segment, from a drain
    ix = backend._index()
    segments = ix._segments()
    assert len(segments) == 2 and all(type(segment.codec()) is W3Codec for segment in segments)
    toc = next(Path(backend._current_dir()).glob("_MAIN_*.toc")).read_bytes()
    assert b"forum" not in toc
