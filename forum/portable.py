"""SQL expressions that give identical results on SQLite and PostgreSQL.

Time arithmetic differs between the two (julianday, a float, against EXTRACT(EPOCH ...), exact),
so these small constructs compile per dialect and return whole seconds and 'YYYY-MM-DD' strings.
Durations are taken between the two times each cut to the second, in integer arithmetic on both,
so no rounding of a fraction can make the dialects disagree by a second."""
from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class seconds_between(FunctionElement):  # noqa: N801 - reads like the SQL function it stands for
    """seconds_between(start, end): whole seconds from start to end, each cut to the second."""

    type = Integer()
    inherit_cache = True
    name = "seconds_between"


class day_of(FunctionElement):  # noqa: N801
    """day_of(timestamp): the UTC calendar day as 'YYYY-MM-DD' text."""

    type = String()
    inherit_cache = True
    name = "day_of"


class calendar_day(FunctionElement):  # noqa: N801
    """calendar_day(timestamp): the UTC calendar day, to group by (a date on PostgreSQL, 'YYYY-MM-DD'
    on SQLite): grouping by it and formatting each group with day_of formats each day once."""

    inherit_cache = True
    name = "calendar_day"


@compiles(seconds_between)
def _seconds_sqlite(element, compiler, **kw):
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


@compiles(seconds_between, "postgresql")
def _seconds_postgresql(element, compiler, **kw):
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return (f"CAST(EXTRACT(EPOCH FROM (date_trunc('second', {end}) - date_trunc('second', {start})))"
            " AS INTEGER)")


@compiles(day_of)
def _day_sqlite(element, compiler, **kw):
    (value,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({value})"


@compiles(day_of, "postgresql")
def _day_postgresql(element, compiler, **kw):
    (value,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"to_char({value}, 'YYYY-MM-DD')"


@compiles(calendar_day)
def _calendar_day_sqlite(element, compiler, **kw):
    (value,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({value})"


@compiles(calendar_day, "postgresql")
def _calendar_day_postgresql(element, compiler, **kw):
    (value,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST({value} AS DATE)"
