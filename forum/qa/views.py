"""Question and answer pages. Each view parses the request, calls one service, renders or redirects.

Small actions (votes, "me too", accept, "did this help") are plain form posts that redirect
back to the question; a script may send them with `Accept: application/json` instead and
update the page in place.
"""
from __future__ import annotations

from flask import Blueprint, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from moderation import pii
from moderation.types import Action

from ..accounts import service as accounts
from ..errors import DomainError, NotFound
from ..extensions import limiter
from ..search.service import similar_questions
from ..web import (attach_error, choice, ensure, explain_csrf, fast_url, form_view, preview_of, rate, rate_key,
                   render_form, render_memoized, seconds_until_reset, signed_in, try_again_text, visitor_cached,
                   wants_json)
from . import queries, service
from .diffs import diff_html
from .forms import AnswerForm, AskForm
from .models import Answer, Question
from .question_page import QuestionPage, answer_page, locate_answer, question_page

bp = Blueprint("qa", __name__)
VOTE_VALUES = {"up": 1, "down": -1, "withdraw": 0}
voting_limit = limiter.limit(rate("FORUM_RATE_VOTING"), methods=["POST"], key_func=rate_key)


def _published_or_held(post, what: str) -> None:
    """Tell the author whether the post is public, or held and why (the kinds, never the values)."""
    if post.state == "held":
        found = service.personal_information(getattr(post, "title", None), post.body_source)
        flash(f"Your {what} is saved but not public yet: it seems to contain "
              f"{' and '.join(', '.join(found).rsplit(', ', 1))}. Edit it to remove that, "
              "and it is published at once; or a moderator will review it.", "warning")
    else:
        flash(f"Your {what} is published.", "success")


@bp.app_template_global()
def question_url(question, anchor: str | None = None, page: int = 1) -> str:
    """A question's address (on `page` of its answers), with an anchor on that page."""
    url = fast_url("qa.question", question_id=question.id, slug=question.slug)
    if page > 1:
        url = f"{url}?page={page}"
    return f"{url}#{anchor}" if anchor else url


@bp.app_template_global()
def answer_url(answer_id: int) -> str:
    """An answer's lasting address, for lists and search: it leads to the page of its
    question's answers that shows it (a long thread has several)."""
    return fast_url("qa.answer_link", answer_id=answer_id)


def to_answer_url(question, answer_id: int) -> str:
    """Where to send someone after acting on an answer: the page that shows it, at the answer."""
    return question_url(question, f"answer-{answer_id}", answer_page(question, answer_id, current_user) or 1)


def _done(question_id: int, message: str, payload: dict, answer_id: int | None = None):
    """Answer a small action: JSON for scripts, else a redirect back to the question, or to
    the answer acted on (on the page that shows it)."""
    if wants_json():
        return jsonify(payload)
    flash(message, "success")
    question = service.public_question(question_id)
    return redirect(to_answer_url(question, answer_id) if answer_id else question_url(question, "question"))


# ── reading ──────────────────────────────────────────────────────────────────

@bp.get("/questions")
@visitor_cached
def questions():
    filters = queries.ListFilters.from_args(request.args)
    page = queries.list_questions(filters, request.args.get("page", 1, type=int) or 1)
    agencies = accounts.list_agencies()
    # Everything the list shows (its rows, count and filters, the agencies to choose from).
    state = (tuple(page.items), page.total, page.page, filters, tuple((a.slug, a.name) for a in agencies))
    return render_memoized("qa/list.html", state, page=page, filters=filters, sorts=queries.SORTS, agencies=agencies)


@bp.get("/questions/<int:question_id>")
@bp.get("/questions/<int:question_id>-<slug>")
@visitor_cached
def question(question_id: int, slug: str | None = None):
    number = _page_number()
    page = question_page(question_id, current_user, number)
    if slug != page.question.slug:
        return redirect(question_url(page.question, page=number), code=301)
    # Visitors get no form (building one would start a session to hold its CSRF token).
    return _question_page(page, AnswerForm() if current_user.is_authenticated else None)


def _question_page(page: QuestionPage, answer_form: AnswerForm | None, status: int = 200):
    context = {"page": page, "q": page.question, "answer_form": answer_form}
    if answer_form is None and status == 200:  # a visitor's page: the same for every visitor
        return render_memoized("qa/question.html", page.state(), **context), status
    return render_template("qa/question.html", **context), status


@bp.get("/answers/<int:answer_id>")
def answer_link(answer_id: int):
    question, page = locate_answer(answer_id, current_user)
    return redirect(question_url(question, f"answer-{answer_id}", page))


@bp.get("/questions/<int:question_id>/revisions")
def question_revisions(question_id: int):
    q = service.public_question(question_id)
    return revisions_page(q, queries.revisions(question_id=q.id, page=_page_number()), "question",
                          {"question_id": q.id}, question_url(q))


@bp.get("/answers/<int:answer_id>/revisions")
def answer_revisions(answer_id: int):
    answer = service.public_answer(answer_id)
    q = service.public_question(answer.question_id)
    return revisions_page(q, queries.revisions(answer_id=answer.id, page=_page_number()), "answer",
                          {"answer_id": answer.id}, to_answer_url(q, answer.id))


def _page_number() -> int:
    return request.args.get("page", 1, type=int) or 1


def revisions_page(titled, history: queries.RevisionPage, kind: str, post: dict, parent_url: str):
    """The public history of a post (`kind`: question, answer or suggestion): `titled` is the
    question or suggestion whose title heads it, `post` the address's values for pagination."""
    # Each comparison has a fixed budget (diffs.WORK_LIMIT), and a page holds a few of them.
    steps = [(new, diff_html(pii.redact(old.body_source), pii.redact(new.body_source)), old)  # the history is public
             for new, old in history.steps()]
    return render_template("qa/revisions.html", q=titled, kind=kind, history=history.page, first=history.original,
                           steps=steps, endpoint=request.endpoint, post=post, parent_url=parent_url)


# ── asking, answering, editing ───────────────────────────────────────────────

def _previewing() -> bool:
    return request.form.get("action") == "preview"


def _ask_form() -> AskForm:
    form = AskForm()
    form.set_agencies(accounts.list_agencies())
    return form


def _ask_refused(message: str):
    form = _ask_form()
    form.form_errors.append(message)
    return render_form("qa/ask.html", form, status=429)


def _answer_refused(message: str):
    form = AnswerForm()
    form.form_errors.append(message)
    return _answer_form_again(request.view_args["question_id"], form, 429)


def _answer_form_again(question_id: int, form: AnswerForm, status: int):
    """The question page with a refused answer as typed, on the page of the thread it was
    written on (the form's address says which); on the first if that page is gone."""
    number = _page_number()
    try:
        page = question_page(question_id, current_user, number)
    except NotFound:
        if number == 1:
            raise
        page = question_page(question_id, current_user)
    return _question_page(page, form, status=status)


def _limit_keeping_the_form(setting: str, refused, done: str, **options):
    """A rate limit on a form's posts under which nothing typed is lost: over it,
    `refused(message)` shows the form again, filled in, with the message and a 429."""
    def breached(limit):
        return make_response(refused(f"You have {done} as often as the forum allows for now. "
                                     f"{try_again_text(seconds_until_reset(limit))}"))
    return limiter.limit(rate(setting), methods=["POST"], key_func=rate_key, on_breach=breached, **options)


def posting_limit(refused):
    return _limit_keeping_the_form("FORUM_RATE_POSTING", refused, "posted", exempt_when=_previewing)


# Previews write nothing, but each renders and searches: a limit of their own, more generous.
preview_limit = _limit_keeping_the_form("FORUM_RATE_PREVIEW", _ask_refused, "previewed", scope="preview",
                                        exempt_when=lambda: not _previewing())


@bp.route("/questions/ask", methods=["GET", "POST"])
@form_view
@signed_in
@posting_limit(_ask_refused)
@preview_limit
def ask():
    ensure(Action.ASK)
    form = _ask_form()
    if request.method == "POST" and _previewing():
        form.validate()
        return render_form("qa/ask.html", form, preview=preview_of(form),
                           similar=similar_questions(form.title.data or ""))
    if form.validate_on_submit():
        try:
            q = service.ask_question(current_user, form.title.data, form.body.data,
                                     form.tag_names, form.agency.data or None)
        except DomainError as error:
            attach_error(form, error)
            return render_form("qa/ask.html", form, status=error.status)
        _published_or_held(q, "question")
        return redirect(question_url(q))
    return render_form("qa/ask.html", form)


@bp.post("/questions/<int:question_id>/answers")
@form_view
@signed_in
@posting_limit(_answer_refused)
def answer(question_id: int):
    form = AnswerForm()
    status = 400
    if form.validate_on_submit():
        try:
            new = service.post_answer(current_user, question_id, form.body.data)
        except DomainError as error:
            # Next to the field, or in the summary (a locked question, a first-day limit):
            # either way the page comes back with the answer as typed.
            attach_error(form, error)
            status = error.status
        else:
            _published_or_held(new, "answer")
            return redirect(to_answer_url(service.public_question(question_id), new.id))
    explain_csrf(form)
    return _answer_form_again(question_id, form, status)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@form_view
@signed_in
def edit_question(question_id: int):
    q = service.own_post(Question, question_id, current_user)
    ensure(Action.EDIT_POST, q)
    agencies = accounts.list_agencies()
    slug_of = {a.id: a.slug for a in agencies}
    form = AskForm(data=None if request.method == "POST" else {
        "title": q.title, "body": q.body_source, "tags": ", ".join(q.tag_list), "agency": slug_of.get(q.agency_id, "")})
    form.set_agencies(agencies)
    if form.validate_on_submit():
        try:
            service.edit_question(current_user, q.id, form.title.data, form.body.data, form.tag_names,
                                  form.agency.data or None)
        except DomainError as error:
            attach_error(form, error)
            return render_form("qa/edit.html", form, status=error.status, q=q, kind="question")
        if q.state == "held":
            _published_or_held(q, "question")
        else:
            flash("Your question is updated. Earlier versions stay in its history.", "success")
        return redirect(question_url(q))
    return render_form("qa/edit.html", form, q=q, kind="question")


@bp.route("/answers/<int:answer_id>/edit", methods=["GET", "POST"])
@form_view
@signed_in
def edit_answer(answer_id: int):
    existing = service.own_post(Answer, answer_id, current_user)
    ensure(Action.EDIT_POST, existing)
    q = service.public_question(existing.question_id)
    form = AnswerForm(data=None if request.method == "POST" else {"body": existing.body_source})
    if form.validate_on_submit():
        try:
            service.edit_answer(current_user, answer_id, form.body.data)
        except DomainError as error:
            attach_error(form, error)
            return render_form("qa/edit.html", form, status=error.status, q=q, kind="answer", answer=existing)
        if existing.state == "held":
            _published_or_held(existing, "answer")
        else:
            flash("Your answer is updated. Earlier versions stay in its history.", "success")
        return redirect(to_answer_url(q, answer_id))
    return render_form("qa/edit.html", form, q=q, kind="answer", answer=existing)


@bp.post("/questions/<int:question_id>/delete")
@signed_in
def delete_question(question_id: int):
    service.delete_question(current_user, question_id)
    flash("Your question is deleted.", "success")
    return redirect(url_for("qa.questions"))


@bp.post("/answers/<int:answer_id>/delete")
@signed_in
def delete_answer(answer_id: int):
    question_id = service.public_answer(answer_id).question_id
    service.delete_answer(current_user, answer_id)
    flash("Your answer is deleted.", "success")
    return redirect(question_url(service.public_question(question_id), "answers"))


# ── small actions ────────────────────────────────────────────────────────────

@bp.post("/questions/<int:question_id>/vote")
@signed_in
@voting_limit
def vote_question(question_id: int):
    result = service.vote_question(current_user, question_id, choice("vote", VOTE_VALUES))
    return _done(question_id, "Your vote is counted." if result.my_vote else "Your vote is withdrawn.",
                 {"score": result.score, "my_vote": result.my_vote})


@bp.post("/answers/<int:answer_id>/vote")
@signed_in
@voting_limit
def vote_answer(answer_id: int):
    result = service.vote_answer(current_user, answer_id, choice("vote", VOTE_VALUES))
    question_id = service.public_answer(answer_id).question_id
    return _done(question_id, "Your vote is counted." if result.my_vote else "Your vote is withdrawn.",
                 {"score": result.score, "my_vote": result.my_vote}, answer_id)


@bp.post("/questions/<int:question_id>/me-too")
@signed_in
@voting_limit
def me_too(question_id: int):
    affected = choice("affected", {"yes": True, "no": False})
    count = service.set_me_too(current_user, question_id, affected)
    message = "You are counted among the people with this question." if affected else "You are no longer counted."
    return _done(question_id, message, {"affected": count, "mine": affected})


@bp.post("/answers/<int:answer_id>/accept")
@signed_in
@voting_limit
def accept(answer_id: int):
    accepted = choice("accept", {"yes": True, "no": False})
    service.accept_answer(current_user, answer_id, accepted)
    question_id = service.public_answer(answer_id).question_id
    return _done(question_id, "You accepted this answer." if accepted else "You withdrew your acceptance.",
                 {"accepted": accepted}, answer_id)


@bp.post("/answers/<int:answer_id>/helpful")
@signed_in
@voting_limit
def helpful(answer_id: int):
    verdict = choice("helpful", {"yes": True, "no": False})
    yes, no = service.rate_helpful(current_user, answer_id, verdict)
    question_id = service.public_answer(answer_id).question_id
    return _done(question_id, "Thank you: your feedback is counted.",
                 {"helpful_yes": yes, "helpful_no": no, "mine": verdict}, answer_id)
