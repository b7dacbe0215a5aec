"""Snippets hand the fragmenter only the tokens near a match, and come out exactly as when it is
given every token, whatever the spacing, punctuation and density of matches."""
import random

from whoosh import highlight

from forum.search.whoosh import SNIPPET_CHARS, _highlight

VOCABULARY = ("passport renewal a I of tax office refunds council rates e.g. 3.5 payment claims "
              "carer x appointment letters").split()
SEPARATORS = (" ", " ", " ", ", ", ". ", "! ", "...", "      ", "\n\n", "-", " (", ") ")


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(VOCABULARY) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 400)))


def test_snippets_are_the_same_as_from_every_token():
    rng = random.Random(5)
    checked = 0
    for _ in range(400):
        text = _text(rng)
        words = frozenset(rng.sample(["passport", "renew", "tax", "refund", "council", "x", "3.5", "claim"],
                                     rng.randint(1, 3)))
        for fragmenter, top in ((highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60), 2),
                                (highlight.ContextFragmenter(maxchars=80, surround=10), 3),
                                (highlight.WholeFragmenter(), 3)):
            expected = _highlight(text, words, fragmenter, top, every_token=True)
            assert _highlight(text, words, fragmenter, top) == expected, (text, words)
            checked += bool(expected)
    assert checked > 600  # most texts have a match, and so a snippet
