"""Trend and pain-point arithmetic on plain numbers (pure: no Flask, no database).

A trend compares the count in a recent window with what the baseline predicts for a window of
that length. The score is a Poisson z-score, (recent - expected) / sqrt(expected), with the
expectation floored and a minimum recent count, so that a jump from 1 to 3 posts (noise) never
outranks a jump from 40 to 90 (a real change)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

RECENT_DAYS = 7
BASELINE_WEEKS = 8
MIN_EXPECTED = 3.0  # a baseline below this is treated as this: quiet tags cannot "explode" from zero
MIN_RECENT = 5  # fewer posts than this in the window is never a trend


@dataclass(frozen=True)
class Trend:
    name: str
    recent: int
    baseline: int  # posts in the whole baseline period
    expected: float  # baseline scaled to the recent window (before flooring)
    score: float

    @property
    def change(self) -> float | None:
        """Relative change on the baseline average, or None when there was no baseline."""
        return (self.recent - self.expected) / self.expected if self.expected else None

    def in_words(self, noun: str = "question") -> str:
        plural = noun if self.recent == 1 else noun + "s"
        if self.change is None:
            return f"new: {self.recent:,} {plural}, none in the {BASELINE_WEEKS} weeks before"
        percent = round(abs(self.change) * 100)
        direction = "up" if self.change > 0 else "down" if self.change < 0 else "level"
        if direction == "level":
            return f"level with the {BASELINE_WEEKS}-week average, {self.recent:,} {plural}"
        return f"{direction} {percent:,}% on the {BASELINE_WEEKS}-week average, {self.recent:,} {plural}"


def expected_count(baseline: int, baseline_days: float, recent_days: float) -> float:
    return baseline * recent_days / baseline_days if baseline_days > 0 else 0.0


def z_score(recent: int, expected: float, *, floor: float = MIN_EXPECTED) -> float:
    """Poisson z-score of `recent` against `expected` (floored, so a tiny baseline is not a license)."""
    mean = max(expected, floor)
    return (recent - mean) / math.sqrt(mean)


def trend(name: str, recent: int, baseline: int, *, recent_days: float = RECENT_DAYS,
          baseline_days: float = BASELINE_WEEKS * 7) -> Trend:
    expected = expected_count(baseline, baseline_days, recent_days)
    return Trend(name, recent, baseline, expected, z_score(recent, expected))


def trending(counts: dict[str, tuple[int, int]], *, limit: int = 10, min_recent: int = MIN_RECENT,
             recent_days: float = RECENT_DAYS, baseline_days: float = BASELINE_WEEKS * 7) -> list[Trend]:
    """`counts` maps a name to (recent, baseline); the rising ones, highest score first."""
    trends = [trend(name, recent, baseline, recent_days=recent_days, baseline_days=baseline_days)
              for name, (recent, baseline) in counts.items() if recent >= min_recent]
    rising = [t for t in trends if t.score > 0]
    return sorted(rising, key=lambda t: (-t.score, -t.recent, t.name))[:limit]


def median(values: list[float]) -> float | None:
    """The median the SQL computes (mean of the two middle values for an even count); for tests."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return None
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def buckets(per_day: dict[str, int], first: date, last: date, days: int = 1) -> list[tuple[date, int]]:
    """Counts per 'YYYY-MM-DD' day summed into buckets of `days` days from `first` to `last`
    (both included), every bucket present, zeros included."""
    out: dict[date, int] = {}
    day = first
    while day <= last:
        bucket = day - timedelta(days=(day - first).days % days)
        out[bucket] = out.get(bucket, 0) + per_day.get(day.isoformat(), 0)
        day += timedelta(days=1)
    return list(out.items())
