"""The search page and the "similar questions" endpoint used while asking."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from ..accounts import service as accounts
from ..suggestions.queries import STATUS_CHOICES
from . import service

bp = Blueprint("search", __name__)


@bp.get("/search")
def search():
    query, errors = service.query_from_args(request.args)
    page = service.search(query) if query.text.strip() else None
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("search/search.html", query=query, page=page, errors=errors, args=args,
                           agencies=accounts.list_agencies(),
                           suggestion_statuses=STATUS_CHOICES)


@bp.get("/search/similar")
def similar():
    results = service.similar_questions((request.args.get("q") or "")[:300])
    return jsonify({"results": [{"title": r.question.title, "url": r.url,
                                 "answers": r.question.answer_count} for r in results]})
