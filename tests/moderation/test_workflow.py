"""Which status a suggestion may move to: the agency's public road from idea to done."""
import pytest

from moderation.workflow import CLOSED, SUGGESTION_STATUSES, can_move, is_closed, next_statuses, why_not_move


@pytest.mark.parametrize("current, new", [
    ("open", "under_review"), ("open", "planned"), ("under_review", "planned"), ("planned", "in_progress"),
    ("in_progress", "implemented"), ("open", "declined"), ("planned", "declined"), ("open", "duplicate"),
    ("under_review", "duplicate"), ("declined", "under_review"),
])
def test_allowed_moves(current, new):
    assert can_move(current, new) and why_not_move(current, new) is None


@pytest.mark.parametrize("current, new, message", [
    ("planned", "open", "cannot become open"),
    ("in_progress", "under_review", "cannot become under review"),
    ("open", "open", "already open"),
    ("implemented", "declined", "can no longer change"),
    ("duplicate", "open", "can no longer change"),
    ("declined", "implemented", "cannot become implemented"),
    ("open", "finished", "Choose a status"),
])
def test_refused_moves_say_why(current, new, message):
    assert not can_move(current, new)
    assert message in why_not_move(current, new)


def test_final_statuses_have_no_way_out():
    assert next_statuses("implemented") == next_statuses("duplicate") == ()
    assert next_statuses("nonsense") == ()


def test_every_open_status_can_be_declined_or_merged():
    for status in SUGGESTION_STATUSES:
        if not is_closed(status):
            assert {"declined", "duplicate"} <= set(next_statuses(status))
    assert CLOSED == {"implemented", "declined", "duplicate"}
