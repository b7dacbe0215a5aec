"""The migrations and the models describe the same schema."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from forum.extensions import _render_migration_type, db


def test_migrations_match_the_models(app):
    # The session fixture built this database with `flask db upgrade`.
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "render_item": _render_migration_type})
        assert compare_metadata(context, db.metadata) == []
