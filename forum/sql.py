"""Small SQL helpers, on SQLite and PostgreSQL: counters kept exact under concurrent requests,
and the reads of the busiest page without SQLAlchemy's per-execution work."""
from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator, NamedTuple

from sqlalchemy import Select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Compiled

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


class _Prepared(NamedTuple):
    sql: str
    compiled: Compiled
    positions: tuple[str, ...] | None  # parameter names in order, for a driver taking ? (SQLite)
    binds: tuple[tuple[str, Callable], ...]  # (parameter, its type's conversion) where there is one
    results: tuple[tuple[int, Callable], ...]  # (column, its type's conversion) where there is one


# Keyed by what the compiled SQL depends on (the dialect, its driver and how that takes
# parameters) and by the statement, which the value holds so that its id is never reused.
_PREPARED: dict[tuple[str, str, str, int], tuple[Select, _Prepared | None]] = {}


def _prepare(statement: Select, dialect) -> _Prepared | None:
    """Compile `statement` for `dialect` once, and take from SQLAlchemy the conversions it
    applies itself: each parameter's on the way in (a bool to 0/1 on SQLite), each column's
    on the way out (text to datetime on SQLite, 0/1 to a bool, the zone UTCDateTime adds)."""
    compiled = statement.compile(dialect=dialect)
    if compiled.post_compile_params or compiled.literal_execute_params or compiled.escaped_bind_names:
        return None  # its SQL depends on the values (an IN list, say), or it renames parameters: SQLAlchemy runs it
    binds = {name: param.type.dialect_impl(dialect).bind_processor(dialect)
             for param, name in compiled.bind_names.items()}
    results = [(position, column.type.dialect_impl(dialect).result_processor(dialect, None))
               for position, column in enumerate(statement.selected_columns)]
    return _Prepared(str(compiled), compiled, tuple(compiled.positiontup) if compiled.positional else None,
                     tuple((name, process) for name, process in binds.items() if process),
                     tuple((position, process) for position, process in results if process))


class PageReader:
    """Runs SELECTs on one connection for sql.page_reads (which see)."""

    def __init__(self, connection):
        self._connection = connection

    def __call__(self, statement: Select, params: dict) -> list[tuple]:
        """The rows, with the values SQLAlchemy's own Result would give."""
        rows, typed = self.raw(statement, params)
        return typed(rows)

    def raw(self, statement: Select, params: dict) -> tuple[list[tuple], Callable[[list[tuple]], list[tuple]]]:
        """The rows as the driver gives them, and the function that gives them SQLAlchemy's
        values: for rows mostly compared (a memo's state, where equal driver values mean equal
        values) and converted only when shown."""
        connection = self._connection
        dialect = connection.dialect
        key = (dialect.name, dialect.driver, dialect.paramstyle, id(statement))
        known = _PREPARED.get(key)
        if known is None or known[0] is not statement:
            known = _PREPARED[key] = (statement, _prepare(statement, dialect))
        prepared = known[1]
        if prepared is None:
            return [tuple(row) for row in connection.execute(statement, params)], _as_they_are
        values = prepared.compiled.construct_params(params)
        for name, process in prepared.binds:
            values[name] = process(values[name])
        sql = prepared.sql
        values = values if prepared.positions is None else tuple(values[k] for k in prepared.positions)
        events = connection.dispatch  # listeners (statement counts, tracing) see it as any statement
        cursor = connection.connection.cursor()
        try:
            for listener in events.before_cursor_execute:  # no execution context: there is none
                sql, values = listener(connection, cursor, sql, values, None, False)
            cursor.execute(sql, values)
            for listener in events.after_cursor_execute:
                listener(connection, cursor, sql, values, None, False)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return rows, partial(_typed, prepared.results) if prepared.results else _as_they_are


def _as_they_are(rows: list[tuple]) -> list[tuple]:
    return rows


def _typed(processors: tuple[tuple[int, Callable], ...], rows: list[tuple]) -> list[tuple]:
    typed = []
    for row in rows:
        row = list(row)
        for position, process in processors:
            row[position] = process(row[position])
        typed.append(tuple(row))
    return typed


@contextmanager
def page_reads() -> Iterator[PageReader]:
    """`read(statement, params)` → the rows of a SELECT as plain tuples, with the values
    SQLAlchemy's own Result would give (`read.raw` for the driver's values), for the few
    statements a busy page runs on every request (the question page).

    SQLAlchemy compiles each statement once per dialect and converts each value with its
    column type's result processor; what is skipped is its per-execution machinery (cache
    key lookup, execution context, Result and Row objects), which cost more than SQLite
    itself for these reads. Engine event listeners see each statement, without an execution
    context; SQL echo does not show them. A statement whose SQL depends on its values (an IN
    list) is run by SQLAlchemy as usual. A request already using the ORM session reads in its
    transaction, after the flush its own execute would make; otherwise (a visitor) on a
    connection of its own for the length of the block, so that no Session is built."""
    if db.session.registry.has():
        session = db.session()
        if session.autoflush:
            session.flush()
        yield PageReader(session.connection())
    else:
        with db.engine.connect() as connection:
            yield PageReader(connection)
