"""Suggestion pages. Each view parses the request, calls one service, renders or redirects."""
from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from moderation import pii
from moderation.types import Action, Role
from moderation.workflow import STATUS_LABELS, next_statuses

from ..accounts import service as accounts
from ..errors import Conflict, DomainError, InvalidInput
from ..extensions import utcnow
from ..qa.views import revisions_page
from ..web import attach_error, ensure, explain_csrf, form_view, preview_of, rate_limited, render_form, signed_in
from . import queries, service
from .forms import EditSuggestionForm, LinkQuestionForm, ProposeForm, StatusForm

bp = Blueprint("suggestions", __name__)
# Ids in addresses stop at the largest integer a database column holds: a longer number is
# simply not found (404), rather than an error from the database.


@bp.app_template_global()
def suggestion_url(suggestion, anchor: str | None = None) -> str:
    return url_for("suggestions.suggestion", suggestion_id=suggestion.id, slug=suggestion.slug, _anchor=anchor)


# ── reading ──────────────────────────────────────────────────────────────────

@bp.get("/suggestions")
def suggestions():
    filters = queries.ListFilters.from_args(request.args)
    page = queries.list_suggestions(filters, request.args.get("page", 1, type=int) or 1)
    mine = None
    if current_user.is_authenticated and current_user.role in (Role.MODERATOR, Role.ADMIN):
        agency_id = current_user.agency_id if current_user.role == Role.MODERATOR else None
        mine = (current_user.agency, queries.awaiting_count(agency_id))
    return render_template("suggestions/list.html", page=page, filters=filters, sorts=queries.SORTS,
                           statuses=queries.STATUS_CHOICES, agencies=accounts.list_agencies(), awaiting=mine,
                           now=utcnow())


@bp.get("/suggestions/similar")
def similar():
    """JSON for the propose form's script: suggestions whose titles look like `title`."""
    title = (request.args.get("title") or "")[:200]
    return jsonify({"suggestions": [
        {"id": s.id, "title": s.title, "url": suggestion_url(s), "supports": s.support_count,
         "status": s.status_label} for s in queries.similar_suggestions(title)]})


@bp.get("/suggestions/<int:suggestion_id>")
@bp.get("/suggestions/<int:suggestion_id>-<slug>")
def suggestion(suggestion_id: int, slug: str | None = None):
    page = queries.suggestion_page(suggestion_id, current_user)
    s = page.suggestion
    if s.status == "duplicate" and s.duplicate_of_id:
        flash(f"“{s.title}” was merged into this suggestion as a duplicate: its supporters are counted here.", "info")
        return redirect(url_for("suggestions.suggestion", suggestion_id=s.duplicate_of_id))
    if slug != s.slug:
        return redirect(suggestion_url(s), code=301)
    return _suggestion_page(page)


def _status_form(s, form: StatusForm | None = None) -> StatusForm:
    form = form or StatusForm(formdata=None)
    form.set_statuses([(value, STATUS_LABELS[value]) for value in next_statuses(s.status)])
    return form


def _suggestion_page(page: queries.SuggestionPage, status_form=None, link_form=None, status: int = 200):
    s = page.suggestion
    return render_template("suggestions/suggestion.html", page=page, s=s,
                           status_form=_status_form(s, status_form), link_form=link_form or LinkQuestionForm(formdata=None),
                           now=utcnow()), status


# ── proposing ────────────────────────────────────────────────────────────────

@bp.route("/suggestions/new", methods=["GET", "POST"])
@form_view
@signed_in
@rate_limited("FORUM_RATE_POSTING")
def propose():
    ensure(Action.PROPOSE)
    form = ProposeForm()
    form.set_agencies(accounts.list_agencies())
    if request.method == "POST" and request.form.get("action") == "preview":
        form.validate()
        return render_form("suggestions/propose.html", form, preview=preview_of(form),
                           similar=queries.similar_suggestions(form.title.data or ""))
    if form.validate_on_submit():
        try:
            s = service.propose(current_user, form.title.data, form.body.data, form.tag_names, form.agency.data)
        except DomainError as error:
            attach_error(form, error)
            return render_form("suggestions/propose.html", form, status=error.status)
        _published_or_held(s)
        return redirect(suggestion_url(s))
    return render_form("suggestions/propose.html", form)


def _published_or_held(s, published: str = "Your suggestion is published, and your support is counted.") -> None:
    """Tell the author whether the suggestion is public, or held and why (the kinds, never the values)."""
    if s.state == "held":
        found = service.personal_information(s.title, s.body_source)
        flash(f"Your suggestion is saved but not public yet: it seems to contain {pii.in_words(found)}. "
              "Edit it to take that out and it is published at once, or a moderator of the agency "
              "will remove it and publish it; until then only you and the moderators can see it.", "warning")
    else:
        flash(published, "success")


@bp.route("/suggestions/<int:suggestion_id>/edit", methods=["GET", "POST"])
@form_view
@signed_in
@rate_limited("FORUM_RATE_POSTING")
def edit(suggestion_id: int):
    try:
        s = service.editable_suggestion(current_user, suggestion_id)
    except Conflict as error:
        if request.method != "POST":
            raise
        # The agency answered after the form was opened: it comes back with what was typed, and why.
        form = EditSuggestionForm()
        form.form_errors.append(error.message)
        return render_form("suggestions/edit.html", form, status=error.status,
                           s=service.get_suggestion(suggestion_id, with_agency=True))
    was_held = s.state == "held"
    form = EditSuggestionForm(data=None if request.method == "POST" else {
        "title": s.title, "body": s.body_source, "tags": ", ".join(s.tag_list)})
    if form.validate_on_submit():
        try:
            s = service.edit(current_user, s.id, form.title.data, form.body.data, form.tag_names)
        except DomainError as error:
            attach_error(form, error)
            return render_form("suggestions/edit.html", form, status=error.status, s=s)
        if s.state == "held" or was_held:
            _published_or_held(s, "Your suggestion is published: the personal information is no longer in it.")
        else:
            flash("Your suggestion is updated. Earlier versions stay in its history.", "success")
        return redirect(suggestion_url(s))
    return render_form("suggestions/edit.html", form, s=s)


@bp.get("/suggestions/<int:suggestion_id>/revisions")
def revisions(suggestion_id: int):
    s = service.public_suggestion(suggestion_id)
    page = request.args.get("page", 1, type=int) or 1
    return revisions_page(s, queries.revisions(s.id, page), "suggestion", {"suggestion_id": s.id}, suggestion_url(s))


# ── small actions ────────────────────────────────────────────────────────────

@bp.post("/suggestions/<int:suggestion_id>/support")
@signed_in
@rate_limited("FORUM_RATE_VOTING")
def support(suggestion_id: int):
    choice = request.form.get("support", "")
    if choice not in ("yes", "no"):
        raise InvalidInput("Choose to support or to withdraw your support")
    service.set_support(current_user, suggestion_id, choice == "yes")
    flash("Your support is counted." if choice == "yes" else "Your support is withdrawn.", "success")
    return redirect(suggestion_url(service.get_suggestion(suggestion_id), "support"))


@bp.post("/suggestions/<int:suggestion_id>/status")
@form_view
@signed_in
def set_status(suggestion_id: int):
    s = service.get_suggestion(suggestion_id)
    ensure(Action.SET_SUGGESTION_STATUS, s)
    form = _status_form(s, StatusForm())
    if form.validate_on_submit():
        try:
            service.set_status(current_user, suggestion_id, form.status.data, form.response.data, form.duplicate_id())
        except DomainError as error:
            if error.field is None:
                raise
            attach_error(form, error)
        else:
            flash(f"The status is now “{STATUS_LABELS[form.status.data]}”, and your response is on the timeline.",
                  "success")
            return redirect(suggestion_url(service.get_suggestion(suggestion_id), "timeline"))
    explain_csrf(form)
    return _suggestion_page(queries.suggestion_page(suggestion_id, current_user), status_form=form, status=400)


@bp.post("/suggestions/<int:suggestion_id>/links")
@form_view
@signed_in
@rate_limited("FORUM_RATE_VOTING")
def link_question(suggestion_id: int):
    form = LinkQuestionForm()
    if form.validate_on_submit():
        try:
            added = service.link_question(current_user, suggestion_id, form.question.data)
        except DomainError as error:
            if error.field is None:
                raise
            attach_error(form, error)
        else:
            flash("The question is linked." if added else "That question was already linked.", "success")
            return redirect(suggestion_url(service.get_suggestion(suggestion_id), "questions"))
    explain_csrf(form)
    return _suggestion_page(queries.suggestion_page(suggestion_id, current_user), link_form=form, status=400)


@bp.post("/suggestions/<int:suggestion_id>/links/<int:question_id>/delete")
@signed_in
def unlink_question(suggestion_id: int, question_id: int):
    service.unlink_question(current_user, suggestion_id, question_id)
    flash("The link is removed.", "success")
    return redirect(suggestion_url(service.get_suggestion(suggestion_id), "questions"))
