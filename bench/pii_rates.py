"""How well `moderation.pii` holds what it should, and how often it holds what it should not.

    python bench/pii_rates.py [ordinary_posts.txt ...]

Generates 1,000 valid tax file numbers and 1,000 valid Medicare card numbers, writes each
in a varied layout inside a varied sentence, and prints the share held as that kind (and
held at all). Then the false-hold rate: the share of ordinary posts that `scan` would
hold, by kind: the demo data's questions, answers and suggestions (as `seed-demo` makes
them), and any text files of posts given, one post per line.
Standard library, `moderation.pii` and the demo content generator (no database).
"""
from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from moderation import pii  # noqa: E402

SAMPLES = 1000
SEED = 61  # Australia's country code: any fixed seed keeps runs comparable

SENTENCES = [
    "My TFN is {n}, is that right?",
    "{n} is the number on my letter from the ATO.",
    "I lodged my return with tax file number {n} but it was rejected.",
    "Can someone check whether {n} looks like a valid number?",
    "The form asked for it ({n}) and then timed out.",
    "number: {n}",
    "I think my Medicare card says {n}. Is that the one?",
    "My son's card number is {n} and his name is missing.",
    "Reference {n}, please advise.",
    "{n}",
    "They told me to quote {n} when I call 13 28 61.",
    "Here it is - {n} - what now?",
]
TFN_WEIGHTS = {9: (1, 4, 3, 7, 5, 8, 6, 9, 10), 8: (10, 7, 8, 4, 6, 3, 5, 1)}
MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


def valid_tfn(rng: random.Random) -> str:
    length = 9 if rng.random() < 0.8 else 8  # most TFNs in use have nine digits
    weights = TFN_WEIGHTS[length]
    while True:
        body = [rng.randint(0, 9) for _ in range(length - 1)]
        total = sum(d * w for d, w in zip(body, weights))
        checks = [c for c in range(10) if (total + c * weights[-1]) % 11 == 0]
        if checks:
            return "".join(map(str, body + checks[:1]))


def valid_medicare(rng: random.Random) -> str:
    body = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(body, MEDICARE_WEIGHTS)) % 10
    tail = [rng.randint(1, 9)] + ([rng.randint(1, 5)] if rng.random() < 0.3 else [])
    return "".join(map(str, body + [check] + tail))


# Groupings as people write them; the usual card and letter groupings with dots too.
def tfn_layout(digits: str, rng: random.Random) -> str:
    if len(digits) == 8:
        layouts = [((8,), " "), ((2, 3, 3), " -"), ((3, 3, 2), " -"), ((4, 4), " -")]
    else:
        layouts = [((9,), " "), ((3, 3, 3), " -."), ((3, 3, 3), " -."), ((3, 6), " -")]
    sizes, separators = rng.choice(layouts)
    return split(digits, sizes, rng.choice(separators))


def medicare_layout(digits: str, rng: random.Random) -> str:
    if len(digits) == 11:
        layouts = [((11,), " "), ((4, 5, 1, 1), "  -"), ((4, 5, 2), "  -"), ((10, 1), "  -")]
    else:
        layouts = [((10,), " "), ((4, 5, 1), "  -."), ((4, 5, 1), "  -."), ((4, 4, 2), "  -"), ((4, 6), "  -")]
    sizes, separators = rng.choice(layouts)
    return split(digits, sizes, rng.choice(separators))


def split(digits: str, sizes: tuple[int, ...], separator: str) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start:start + size])
        start += size
    return separator.join(parts)


def detection_rate(kind: str, make, layout, rng: random.Random) -> tuple[float, float, int]:
    """(share held as `kind`, share held at all, how many samples)."""
    as_kind = held = 0
    for _ in range(SAMPLES):
        written = layout(make(rng), rng)
        sentence = rng.choice(SENTENCES).format(n=written)
        start = sentence.index(written)
        findings = pii.scan(sentence)
        covering = [f for f in findings if f.start <= start and f.end >= start + len(written)]
        held += bool(covering)
        as_kind += any(f.kind == kind for f in covering)
    return as_kind / SAMPLES, held / SAMPLES, SAMPLES


def random_nine_digit_false_rate(rng: random.Random) -> float:
    """Nine random digits pass the TFN check about one time in eleven: the floor of a
    checksum-only detector on numbers that are not tax file numbers at all."""
    tries = 10 * SAMPLES
    hits = sum(bool(pii.scan(f"Application {rng.randrange(10**8, 10**9)} received"))
               for _ in range(tries))
    return hits / tries


def demo_posts(rng: random.Random, questions: int = 1_000, suggestions: int = 200) -> list[str]:
    """Ordinary posts as the demo data has them: titles and bodies of questions, their
    answers, and suggestions."""
    from forum.demo import content

    posts: list[str] = []
    for question in content.questions(rng, questions):
        posts.append(f"{question.title}\n\n{question.body}")
        posts.extend(answer.body for answer in content.answers(rng, question, rng.randint(0, 3)))
    posts.extend(f"{s.title}\n\n{s.body}" for s in content.suggestions(rng, suggestions))
    return posts


def false_hold_rate(source: str, posts: list[str]) -> None:
    posts = [post for post in (p.strip() for p in posts) if post]
    if not posts:
        print(f"{source}: no posts")
        return
    by_kind: Counter[str] = Counter()
    held = 0
    started = time.perf_counter()
    for post in posts:
        found = pii.kinds(pii.scan(post))
        held += bool(found)
        by_kind.update(found)
    elapsed = time.perf_counter() - started
    print(f"false-hold rate on {source}: {held}/{len(posts)} = {held / len(posts):.2%} of ordinary posts "
          f"({elapsed / len(posts) * 1000:.3f} ms per post)")
    for kind, count in by_kind.most_common():
        print(f"  {kind}: {count}")


def main(argv: list[str]) -> int:
    rng = random.Random(SEED)
    for kind, make, layout in ((pii.TAX_FILE_NUMBER, valid_tfn, tfn_layout),
                               (pii.MEDICARE_NUMBER, valid_medicare, medicare_layout)):
        as_kind, held, count = detection_rate(kind, make, layout, rng)
        print(f"{kind}: detected {as_kind:.1%} of {count} (held as any kind: {held:.1%})")
    print(f"random 9-digit reference numbers held: {random_nine_digit_false_rate(rng):.1%}")
    false_hold_rate("the demo data", demo_posts(random.Random(SEED)))
    for name in argv[1:]:
        false_hold_rate(name, Path(name).read_text(encoding="utf-8").splitlines())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
