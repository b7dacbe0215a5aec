"""Fixtures for search tests: people, posting through the service, and draining the outbox."""
import pytest

from ..factories import make_user


@pytest.fixture
def asker(app):
    return make_user(app, display_name="Asha Asker")
