"""Trend arithmetic: a Poisson z-score with a floor and a minimum volume, explained in words."""
import math

import pytest

from forum.tags import trends


def test_a_big_real_rise_outranks_a_tiny_noisy_one():
    # 1 -> 3 a week is +200%, 40 -> 90 a week is +125%: the second is the trend.
    ranked = trends.trending({"tiny": (3, 8), "busy": (90, 320), "quiet": (6, 8)}, min_recent=1)
    assert [t.name for t in ranked] == ["busy", "quiet"]  # 1 -> 3 is within the floored expectation
    assert ranked[0].score == pytest.approx((90 - 40) / math.sqrt(40))


def test_the_expectation_is_floored_so_nothing_explodes_from_zero():
    assert trends.z_score(4, 0.0) == pytest.approx((4 - 3) / math.sqrt(3))
    assert trends.z_score(4, 10.0) == pytest.approx((4 - 10) / math.sqrt(10))


def test_below_the_minimum_volume_nothing_trends_and_falls_are_left_out():
    ranked = trends.trending({"four": (4, 0), "five": (5, 0), "falling": (10, 320)})
    assert [t.name for t in ranked] == ["five"]


def test_ties_are_ordered_by_volume_then_name():
    ranked = trends.trending({"b": (10, 16), "a": (10, 16)})
    assert [t.name for t in ranked] == ["a", "b"]


@pytest.mark.parametrize("recent, baseline, words", [
    (90, 320, "up 125% on the 8-week average, 90 questions"),
    (20, 320, "down 50% on the 8-week average, 20 questions"),
    (40, 320, "level with the 8-week average, 40 questions"),
    (7, 0, "new: 7 questions, none in the 8 weeks before"),
    (1, 0, "new: 1 question, none in the 8 weeks before"),
])
def test_trends_are_explained_in_words(recent, baseline, words):
    assert trends.trend("x", recent, baseline).in_words() == words


def test_other_window_lengths_scale_the_baseline():
    t = trends.trend("x", 10, 56, recent_days=1, baseline_days=56)
    assert t.expected == 1.0


@pytest.mark.parametrize("values, expected", [([], None), ([5], 5), ([1, 9], 5), ([3, 1, 2], 2), ([4, 1, 3, 2], 2.5)])
def test_median(values, expected):
    assert trends.median(values) == expected


def test_share():
    assert trends.share(1, 4) == 0.25
    assert trends.share(0, 0) is None
