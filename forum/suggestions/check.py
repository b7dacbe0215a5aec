"""Counters of suggestions, for `flask forum check`: what each should be, as correlated SQL."""
from __future__ import annotations

from sqlalchemy import func, select

from .models import Suggestion, SuggestionSupport


def expected_columns():
    """(model, column, expected value) in the shape forum/qa/check.py works through."""
    supports = select(func.count()).select_from(SuggestionSupport).where(
        SuggestionSupport.suggestion_id == Suggestion.id).scalar_subquery()
    return [(Suggestion, Suggestion.support_count, func.coalesce(supports, 0))]
