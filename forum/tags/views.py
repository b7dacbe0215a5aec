"""Tag pages: the index, a page per tag, moderators' editing, and suggestions for the ask form."""
from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from moderation.rules import can
from moderation.types import Action

from ..errors import DomainError
from ..web import attach_error, ensure, form_view, render_form, signed_in
from . import queries, service, suggest
from .forms import DescriptionForm, MergeForm, SynonymForm
from .names import TAG_MAX, normalise, parse

bp = Blueprint("tags", __name__)
SUGGEST_TEXT_MAX = 4_000


@bp.get("/tags")
def index():
    prefix = normalise(request.args.get("q", ""))[:TAG_MAX]
    page, suggestion_counts = queries.tag_index(request.args.get("page", 1, type=int) or 1, prefix)
    return render_template("tags/index.html", page=page, suggestion_counts=suggestion_counts, prefix=prefix)


@bp.get("/tags/<name>")
def tag(name: str):
    target = queries.synonym_target(name)
    if target:
        return redirect(url_for("tags.tag", name=target), code=301)
    editor = current_user.is_authenticated and can(current_user, Action.EDIT_TAGS)
    return render_template("tags/tag.html", page=queries.tag_page(name, with_events=editor), editor=editor)


def _edit_page(name: str, status: int | None = None, **posted):
    """The edit page; `posted` is the one form just sent (kept filled in, with its errors)."""
    page = queries.tag_page(name, with_events=True)
    forms = {"description_form": DescriptionForm(formdata=None, description=page.tag.description),
             "synonym_form": SynonymForm(formdata=None), "merge_form": MergeForm(formdata=None), **posted}
    main = next(iter(posted.values()), forms["description_form"])
    return render_form("tags/edit.html", main, status=status, page=page, **forms)


@bp.get("/tags/<name>/edit")
@signed_in
def edit(name: str):
    ensure(Action.EDIT_TAGS)
    return _edit_page(name)


def _change(name: str, form_key: str, form, action, success: str):
    ensure(Action.EDIT_TAGS)
    if form.validate_on_submit():
        try:
            result = action(form)
        except DomainError as error:
            attach_error(form, error)
            return _edit_page(name, status=error.status, **{form_key: form})
        flash(success, "success")
        suggest.forget()
        return redirect(url_for("tags.edit", name=result))
    return _edit_page(name, **{form_key: form})


@bp.post("/tags/<name>/description")
@form_view
@signed_in
def describe(name: str):
    return _change(name, "description_form", DescriptionForm(), lambda f: service.describe(
        current_user, name, f.description.data or "").name, "The description is saved.")


@bp.post("/tags/<name>/synonyms")
@form_view
@signed_in
def add_synonym(name: str):
    form = SynonymForm()
    return _change(name, "synonym_form", form, lambda f: (service.add_synonym(current_user, name, f.synonym.data),
                                                          name)[1],
                   f"“{normalise(form.synonym.data or '')}” now stands for “{name}” on new posts.")


@bp.post("/tags/<name>/merge")
@form_view
@signed_in
def merge(name: str):
    form = MergeForm()
    return _change(name, "merge_form", form, lambda f: service.merge(current_user, name, f.into.data).name,
                   f"“{name}” is merged.")


@bp.get("/tags/suggest")
def suggestions():
    """JSON for the ask form's script: {"tags": [...]} from the title and details typed so far."""
    text = f"{request.args.get('title', '')} {request.args.get('body', '')}"[:SUGGEST_TEXT_MAX]
    try:
        have = parse(request.args.get("tags", ""), minimum=0, maximum=50)
    except ValueError:
        have = []
    have = service.canonical_names(have)
    return jsonify({"tags": suggest.for_text(text, exclude=have) if text.strip() else []})
