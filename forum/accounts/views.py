"""Register, sign in and out, change password, profiles."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..errors import DomainError
from ..extensions import limiter
from ..web import attach_error, form_view, render_form, safe_next
from . import service
from .forms import ChangePasswordForm, LoginForm, RegisterForm

bp = Blueprint("accounts", __name__)

FAILED_LOGIN = 401


def _account_key() -> str:
    return "account:" + service.normalise_email(request.form.get("email", ""))[:254]


@bp.route("/register", methods=["GET", "POST"])
@form_view
@limiter.limit("20 per hour", methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("pages.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = service.create_user(form.email.data, form.password.data, form.display_name.data)
        except DomainError as error:
            attach_error(form, error)
            return render_form("accounts/register.html", form, status=error.status)
        login_user(user)
        flash(f"Welcome to Civic Forum, {user.display_name}. Your account is ready.", "success")
        return redirect(url_for("pages.home"))
    return render_form("accounts/register.html", form)


@bp.route("/login", methods=["GET", "POST"])
@form_view
@limiter.limit("30 per minute", methods=["POST"])  # per address
@limiter.limit("10 per 15 minutes", methods=["POST"], key_func=_account_key,
               deduct_when=lambda response: response.status_code == FAILED_LOGIN)  # per account, failures only
def login():
    next_url = safe_next(request.values.get("next"), url_for("pages.home"))
    if current_user.is_authenticated:
        return redirect(next_url)
    form = LoginForm()
    if form.validate_on_submit():
        user = service.authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            flash(f"You are signed in as {user.display_name}.", "success")
            return redirect(next_url)
        form.form_errors.append("The email address or password is not correct")
        form.password.errors = ["Check your email address and password"]
        return render_form("accounts/login.html", form, status=FAILED_LOGIN, next_url=next_url)
    return render_form("accounts/login.html", form, next_url=next_url)


@bp.post("/logout")
def logout():
    logout_user()
    flash("You have signed out.", "success")
    return redirect(url_for("pages.home"))


@bp.route("/account/password", methods=["GET", "POST"])
@form_view
@login_required
@limiter.limit("10 per 15 minutes", methods=["POST"])
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            service.change_password(current_user, form.current_password.data, form.new_password.data)
        except DomainError as error:
            attach_error(form, error)
            return render_form("accounts/change_password.html", form, status=error.status)
        login_user(current_user._get_current_object())  # the token rotated: renew this cookie
        flash("Your password has been changed. Other devices have been signed out.", "success")
        return redirect(url_for("accounts.profile", user_id=current_user.id))
    return render_form("accounts/change_password.html", form)


PROFILE_LATEST = 10  # of each kind on the profile itself; the lists page through the rest


@bp.get("/users/<int:user_id>")
def profile(user_id: int):
    from ..qa import queries

    user = service.get_user(user_id)
    return render_template("accounts/profile.html", user=user, questions=_questions_by(user, 1, PROFILE_LATEST),
                           answers=queries.answers_by(user.id, 1, PROFILE_LATEST))


@bp.get("/users/<int:user_id>/questions")
def questions_by(user_id: int):
    user = service.get_user(user_id)
    return render_template("accounts/posts_by.html", user=user, kind="questions",
                           page=_questions_by(user, request.args.get("page", 1, type=int) or 1))


@bp.get("/users/<int:user_id>/answers")
def answers_by(user_id: int):
    from ..qa import queries

    user = service.get_user(user_id)
    return render_template("accounts/posts_by.html", user=user, kind="answers",
                           page=queries.answers_by(user.id, request.args.get("page", 1, type=int) or 1))


def _questions_by(user, page: int, per_page: int | None = None):
    from ..qa import queries

    return queries.list_questions(queries.ListFilters(sort="newest"), page, author_id=user.id,
                                  **({"per_page": per_page} if per_page else {}))
