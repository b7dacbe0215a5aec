"""Per-agency and all-agencies aggregates with an exact median, identical on SQLite and PostgreSQL.

PostgreSQL has an ordered-set aggregate, percentile_cont(0.5): one sort of each group's values,
and GROUPING SETS give every agency and the total in a single pass. SQLite has none, so there the
rows of each group are numbered (ROW_NUMBER and COUNT windows) and the one or two middle values
averaged. Both give the middle value, or the mean of the two middle ones, of whole seconds: the
same number to the last bit (a half of an integer is exact in a double)."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, case, func, literal_column, null, select, tuple_, union_all

from ..extensions import db

ALL = "all"  # the key of the all-agencies row


def grouped(rows, value: str, totals: Sequence[str] = (), overall=None) -> dict:
    """{agency id or ALL: {"n": rows, "median": median of `value` or None, total: its sum, ...}}.

    `rows` is a subquery with an `agency_id`, a `value` (NULL: not counted in the median) and
    the `totals` columns; each row counts for its agency and for ALL. With `overall` (a
    subquery with the same columns but agency_id), the ALL row is made of those rows instead."""
    if db.session.get_bind().dialect.name == "postgresql":
        statement = _percentile(rows, value, totals, overall)
    else:
        statement = _numbered(rows, value, totals, overall)
    out = {}
    for is_all, agency_id, n, median, *sums in db.session.execute(statement):
        if not n:  # the grand total of GROUPING SETS is there even when no row is
            continue
        out[ALL if int(is_all) else agency_id] = {
            "n": int(n), "median": None if median is None else float(median),
            **{name: int(total or 0) for name, total in zip(totals, sums)}}
    return out


def _both(rows, value: str, totals: Sequence[str], overall):
    """Every row once under its agency (is_all 0) and once under ALL (is_all 1)."""
    columns = [value, *totals]
    mine = select(literal_column("0").label("is_all"), rows.c.agency_id, *(rows.c[c] for c in columns))
    source = rows if overall is None else overall
    everyone = select(literal_column("1"), null(), *(source.c[c] for c in columns))
    return union_all(mine, everyone).subquery("both")


def _percentile(rows, value: str, totals: Sequence[str], overall):
    def aggregates(source):
        return (func.count(), func.percentile_cont(literal_column("0.5")).within_group(source.c[value]),
                *(func.sum(source.c[t]) for t in totals))
    if overall is None:
        return (select(func.grouping(rows.c.agency_id), rows.c.agency_id, *aggregates(rows))
                .group_by(func.grouping_sets(tuple_(rows.c.agency_id), tuple_())))
    both = _both(rows, value, totals, overall)
    return select(both.c.is_all, both.c.agency_id, *aggregates(both)).group_by(both.c.is_all, both.c.agency_id)


def _numbered(rows, value: str, totals: Sequence[str], overall):
    both = _both(rows, value, totals, overall)
    group, v = (both.c.is_all, both.c.agency_id), both.c[value]
    ranked = select(both, func.row_number().over(partition_by=group, order_by=(
        case((v.is_(None), 1), else_=0), v)).label("rn"),
        func.count(v).over(partition_by=group).label("n_values")).subquery("ranked")
    r = ranked.c
    middle = case((and_(r[value].is_not(None), r.rn.in_([(r.n_values + 1) // 2, (r.n_values + 2) // 2])), r[value]))
    return (select(r.is_all, r.agency_id, func.count(), func.avg(middle), *(func.sum(r[t]) for t in totals))
            .group_by(r.is_all, r.agency_id))
