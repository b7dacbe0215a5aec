"""Fixtures for the questions and answers tests: a question (people and count_queries are in tests/helpers.py)."""
import pytest

from ..factories import make_question


@pytest.fixture
def question(app, asker):
    return make_question(app, asker)
