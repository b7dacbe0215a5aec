"""Small SQL helpers that keep counters exact under concurrent requests, on SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite

from .extensions import db


def insert_if_absent(model, **values) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: True when this call added the row.

    The unique constraint decides, not a prior SELECT, so two simultaneous requests
    (a double click, two tabs) can never both count."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model.__table__).values(**values).on_conflict_do_nothing()
    return db.session.execute(statement.returning(model.__table__.c[_first_key(model)])).first() is not None


def _first_key(model) -> str:
    return model.__table__.primary_key.columns.values()[0].name


def bump(model, row_id: int, **deltas: int) -> None:
    """UPDATE model SET column = column + delta … WHERE id = row_id, for each delta that is not 0."""
    changes = {name: getattr(model, name) + delta for name, delta in deltas.items() if delta}
    if changes:
        db.session.execute(db.update(model).where(model.id == row_id).values(**changes))
