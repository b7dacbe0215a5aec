"""The insights dashboard (policy and admin), its public twin, and CSV/JSON exports of every table."""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, jsonify, request

from moderation.types import Action

from ..accounts import service as accounts
from ..extensions import utcnow
from ..tags import service as tags
from ..web import render_form, require
from . import figures, queries
from .forms import PeriodForm

bp = Blueprint("insights", __name__)
FORMATS = ("csv", "json")


@bp.app_template_filter("duration")
def duration(seconds) -> str:
    if seconds is None:
        return "–"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} days {hours} h" if hours else f"{days} days"


@bp.app_template_filter("percent")
def percent(value) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _period() -> tuple[PeriodForm, queries.Period | None]:
    form = PeriodForm(accounts.list_agencies(), tags.tag_id, utcnow().date())
    if not form.validate():
        return form, None
    return form, queries.Period(form.first, form.last, form.chosen_agency, getattr(form, "tag_id", None),
                                form.tag_name)


def _page(public: bool):
    form, period = _period()
    context = dict(public=public, figures=figures.FIGURES, tables=queries.TABLES,
                   export_args={k: v for k, v in request.args.items() if k in ("start", "end", "agency", "tag")})
    if period is None:
        return render_form("insights/dashboard.html", form, data=None, **context)
    return render_form("insights/dashboard.html", form, data=queries.dashboard(period, public=public), **context)


@bp.get("/insights")
@require(Action.VIEW_INSIGHTS)
def dashboard():
    return _page(public=False)


@bp.get("/insights/public")
def public():
    return _page(public=True)


def _export(table: str, fmt: str, public: bool):
    if table not in queries.TABLES or fmt not in FORMATS:
        abort(404)
    form, period = _period()
    if period is None:
        message = " ".join(e for errors in form.errors.values() for e in errors)
        if fmt == "json":
            return jsonify({"error": message}), 400
        abort(400, message)
    data = queries.dashboard(period, public=public)
    columns, rows = queries.table(data, table)
    name = f"insights-{table}-{period.first}-{period.last}"
    if fmt == "json":
        response = jsonify({"table": table, "title": queries.TABLES[table][0], "period": data["period"],
                            "columns": columns, "rows": rows})
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({c: _cell(row[c]) for c in columns} for row in rows)
        response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _cell(value):
    """Spreadsheets run cells that start with = + - @ as formulas: make such text inert."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@bp.get("/insights/export/<table>.<fmt>")
@require(Action.VIEW_INSIGHTS)
def export(table: str, fmt: str):
    return _export(table, fmt, public=False)


@bp.get("/insights/public/export/<table>.<fmt>")
def public_export(table: str, fmt: str):
    return _export(table, fmt, public=True)
