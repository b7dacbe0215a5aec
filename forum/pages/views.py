"""Home page and the public agency pages."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from ..accounts import service as accounts
from ..qa import queries
from ..web import visitor_cached

bp = Blueprint("pages", __name__)


@bp.get("/")
@visitor_cached
def home():
    recent = queries.list_questions(queries.ListFilters(sort="active"), 1, per_page=8)
    return render_template("pages/home.html", agencies=accounts.list_agencies(), recent=recent.items)


@bp.get("/agencies")
def agencies():
    return render_template("pages/agencies.html", agencies=accounts.list_agencies())


@bp.get("/agencies/<slug>")
def agency(slug: str):
    agency = accounts.agency_by_slug(slug)
    filters = queries.ListFilters.from_args(request.args)
    filters = queries.ListFilters(sort=filters.sort, tag=filters.tag, agency=agency.slug, answered=filters.answered)
    page = queries.list_questions(filters, request.args.get("page", 1, type=int) or 1)
    return render_template("pages/agency.html", agency=agency, page=page, filters=filters, sorts=queries.SORTS)
