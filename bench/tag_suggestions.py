"""Precision of tag suggestions on held-out demo posts.

    python -m bench.tag_suggestions [--train 3000] [--test 1000] [--seed 7]

Generates demo questions with their true tags (forum.demo.content), learns from the first
`train`, suggests tags for the next `test` from title and body alone, and prints precision
(share of suggested tags that are true tags) and recall, overall and for the top suggestion."""
from __future__ import annotations

import argparse
import random

from forum.demo import content
from forum.tags.suggest import TagModel


def measure(train: int, test: int, seed: int) -> dict[str, float]:
    posts = [(f"{q.title} {q.body[:500]}", q.tags) for q in content.questions(random.Random(seed), train + test)]
    model = TagModel(posts[:train])
    suggested = correct = first_correct = true_total = asked = 0
    for text, tags in posts[train:]:
        got = model.suggest(text)
        truth = set(tags)
        suggested += len(got)
        correct += len(truth.intersection(got))
        first_correct += bool(got) and got[0] in truth
        true_total += len(truth)
        asked += 1
    return {"precision": correct / max(suggested, 1), "recall": correct / max(true_total, 1),
            "top1_precision": first_correct / max(asked, 1), "per_post": suggested / max(asked, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=3000)
    parser.add_argument("--test", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    figures = measure(args.train, args.test, args.seed)
    print(f"held-out posts: {args.test:,} (trained on {args.train:,})")
    for name, value in figures.items():
        print(f"  {name:<15} {value:.3f}")


if __name__ == "__main__":
    main()
