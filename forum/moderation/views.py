"""Moderation pages: the queue, the log, flagging, and the staff buttons on question pages.

Buttons (queue decisions, lock, official mark) are plain POST forms that redirect back;
actions that need words (flag, refer, duplicate, suspend) have their own form page.
"""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from moderation import pii
from moderation.types import Action

from ..accounts import service as accounts
from ..accounts.models import User
from ..errors import DomainError, InvalidInput, NotFound
from ..extensions import db
from ..qa.views import to_answer_url
from ..suggestions.models import Suggestion
from ..web import (YES_NO, attach_error, choice, ensure, form_view, id_arg, rate_limited, render_form, safe_next,
                   signed_in)
from . import audit, queries, service
from .forms import DuplicateForm, FlagForm, ReferForm, SuspendForm

bp = Blueprint("moderation", __name__)
KIND = "<any(question,answer,suggestion):kind>"


@bp.app_template_filter("redact")
def redact(text: str | None) -> str | None:
    """Personal information in `text` shown as "[removed: <kind>]": for pages that show what
    a post once said (its public history), where a held post's original must not reappear."""
    return pii.redact(text) if text else text


def _back(fallback: str):
    return redirect(safe_next(request.form.get("next"), fallback))


def _question_of(kind: str, post_id: int):
    target = service.load(kind, post_id, include_deleted=True)
    return target.concern


@bp.get("/moderation")
@signed_in
def queue():
    ensure(Action.VIEW_QUEUE)
    if request.args.get("show") == "hidden":
        return render_template("moderation/hidden.html", items=queries.hidden(current_user),
                               limit=queries.QUEUE_LIMIT)
    return render_template("moderation/queue.html", queue=queries.queue(current_user))


@bp.get("/moderation/log")
@signed_in
def log():
    ensure(Action.VIEW_AUDIT_LOG)
    # Filters that name nothing logged (or an id beyond any) are ignored rather than failing.
    action = request.args.get("action")
    action = action if action == "refused" or action in audit.ACTIONS else None
    target_type = request.args.get("target")
    target_type = target_type if target_type in audit.TARGET_TYPES else None
    actor_id = id_arg(request.args.get("actor"))
    page = queries.audit_log(id_arg(request.args.get("page")) or 1, action, actor_id, target_type)
    return render_template("moderation/log.html", page=page, actions=audit.ACTIONS, targets=audit.TARGET_TYPES,
                           action=action, target_type=target_type, actor_id=actor_id)


@bp.post(f"/moderation/{KIND}/<int:post_id>/decide")
@signed_in
def decide(kind: str, post_id: int):
    seen_flag = id_arg(request.form.get("last_flag"))
    if seen_flag is None and "last_flag" in request.form:
        raise InvalidInput("Reload the queue and decide again")
    message = service.decide(current_user, kind, post_id, request.form.get("decision", ""),
                             request.form.get("reason", ""), seen_state=request.form.get("seen"),
                             seen_flag=seen_flag)
    flash(message, "success")
    return _back(url_for("moderation.queue"))


@bp.post("/moderation/questions/<int:question_id>/lock")
@signed_in
def lock(question_id: int):
    locked = choice("lock", YES_NO)
    service.set_locked(current_user, question_id, locked, request.form.get("reason", ""))
    flash("The question is locked: it takes no new answers." if locked else "The question is open again.",
          "success")
    return _back(url_for("moderation.queue"))


@bp.post("/moderation/answers/<int:answer_id>/official")
@signed_in
def official(answer_id: int):
    if choice("official", YES_NO):
        service.mark_official(current_user, answer_id)
        flash(f"This is now the official answer from {current_user.agency.name}.", "success")
    else:
        service.unmark_official(current_user, answer_id, request.form.get("reason", ""))
        flash("The official mark is removed.", "success")
    question = _question_of("answer", answer_id)
    return redirect(to_answer_url(question, answer_id))


def _form_page(template: str, form, act, done, **context):
    """The shape every moderation form page shares: on a valid POST call `act()` (one service
    call) and return `done(result)`; a DomainError comes back next to its field, form filled in."""
    if form.validate_on_submit():
        try:
            result = act()
        except DomainError as error:
            attach_error(form, error)
            return render_form(template, form, status=error.status, **context)
        return done(result)
    return render_form(template, form, **context)


def _page_of(concern) -> str:
    """The page a moderation form returns to: the question's, or the suggestion's."""
    if isinstance(concern, Suggestion):
        return url_for("suggestions.suggestion", suggestion_id=concern.id, slug=concern.slug)
    return url_for("qa.question", question_id=concern.id, slug=concern.slug)


def _to_question(question, message):
    """Back to the question (or suggestion) with `message` (or `message(result)` when it depends on the result)."""
    def done(result):
        flash(message(result) if callable(message) else message, "success")
        return redirect(_page_of(question))
    return done


@bp.route(f"/{KIND}s/<int:post_id>/flag", methods=["GET", "POST"])
@form_view
@signed_in
@rate_limited("FORUM_RATE_FLAGGING")
def flag(kind: str, post_id: int):
    target = service.load(kind, post_id)
    if target.post.state != "public" or target.concern.state != "public":
        raise NotFound("There is no such post, or it has been removed")
    ensure(Action.FLAG_POST, target.post)
    form = FlagForm()
    done = _to_question(target.concern, lambda hidden: f"Thank you: a moderator will look at this {kind}." + (
        " It is hidden until they do, because several people flagged it." if hidden else ""))
    return _form_page("moderation/flag.html", form, lambda: service.flag_post(
        current_user, kind, post_id, form.reason.data, form.text.data or ""), done, target=target,
        q=target.concern, back=_page_of(target.concern))


@bp.route("/moderation/questions/<int:question_id>/refer", methods=["GET", "POST"])
@form_view
@signed_in
def refer(question_id: int):
    question = service.load("question", question_id).concern
    ensure(Action.REFER_QUESTION, question)
    form = ReferForm()
    form.set_agencies([a for a in accounts.list_agencies() if a.id != question.agency_id])
    return _form_page("moderation/refer.html", form,
                      lambda: service.refer_question(current_user, question_id, form.agency.data, form.note.data),
                      _to_question(question, lambda agency: f"The question is referred to {agency.name}."),
                      q=question)


@bp.route("/moderation/questions/<int:question_id>/duplicate", methods=["GET", "POST"])
@form_view
@signed_in
def duplicate(question_id: int):
    question = service.load("question", question_id).concern
    ensure(Action.MODERATE_POST, question)
    form = DuplicateForm()
    return _form_page("moderation/duplicate.html", form, lambda: service.close_as_duplicate(
        current_user, question_id, form.original_id, form.reason.data or ""),
        _to_question(question, "The question is closed as a duplicate."), q=question)


@bp.route("/moderation/users/<int:user_id>/suspend", methods=["GET", "POST"])
@form_view
@signed_in
def suspend(user_id: int):
    person = db.session.get(User, user_id)
    if person is None:
        raise NotFound("There is no such person")
    ensure(Action.SUSPEND_USER, person)
    form = SuspendForm()

    def done(_result):
        flash(f"{person.display_name} is suspended: they can read, but not post, vote or flag.", "success")
        return redirect(url_for("moderation.queue"))
    return _form_page("moderation/suspend.html", form, lambda: service.suspend_user(
        current_user, user_id, int(form.days.data), form.reason.data), done, person=person)
