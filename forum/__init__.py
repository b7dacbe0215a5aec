"""Civic Forum: create_app() assembles configuration, extensions, blueprints, CLI and error pages."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import click
from flask import Flask, abort, current_app, jsonify, redirect, render_template, request
from flask_login import login_url
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from .config import ConfigError, from_environment
from .content import TooComplex
from .errors import DomainError
from .extensions import cache, csrf, db, limiter, login_manager, migrate
from .web import (CSRF_MESSAGE, CSRF_SCRIPT_MESSAGE, csrf_token, fast_url, seconds_until_reset, static_url,
                  try_again_text, wants_json)

__all__ = ["create_app", "ConfigError"]

ERROR_TEXT = {
    400: ("Something in the request was not right", "Check what you entered and try again."),
    401: ("Sign in to continue", "You need to sign in to do that."),
    403: ("You do not have permission to see this page", "If you think you should, contact the forum's administrators."),
    404: ("Page not found", "If you typed the web address, check it is correct. The page may have been moved or removed."),
    405: ("That action is not available here", "Go back and use the buttons on the page."),
    413: ("What you sent is too large", "Shorten it and send it again. Long text can be split into several posts."),
    429: ("Too many attempts", "You have tried this too often. Wait a few minutes and try again."),
    500: ("Sorry, there is a problem with the service", "Try again later. What you typed may not have been saved."),
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'", "frame-ancestors 'none'",
])


def create_app(env: Mapping[str, str] | None = None, **overrides) -> Flask:
    """Build the application. `env` replaces os.environ (tests); `overrides` win over both."""
    source = os.environ if env is None else env
    # Flask's default instance folder is <project>/instance for a source checkout.
    instance = source.get("FORUM_INSTANCE_PATH")
    app = Flask(__name__, instance_path=str(Path(instance).resolve()) if instance else None)
    app.config.update(from_environment(env, Path(app.instance_path)))
    app.config.update(overrides)
    # Ids in addresses stop at the database's integer range: a larger one is a 404, not a
    # PostgreSQL "integer out of range" error.
    app.url_map.converters["int"] = BoundedInteger
    _make_instance_folder(Path(app.instance_path))

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)
    _init_login(app)
    _register_blueprints(app)
    _register_error_pages(app)
    _register_template_helpers(app)
    app.before_request(_refuse_nul_bytes)
    app.after_request(_security_headers)

    from .cli import register_cli
    register_cli(app)
    _database_errors_in_one_line(app)
    return app


def _make_instance_folder(path: Path) -> None:
    """The folder for the SQLite file, the search index and the development key."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"FORUM_INSTANCE_PATH {path} cannot be created ({error.strerror}): "
                          "point it at a folder this user may write") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise ConfigError(f"FORUM_INSTANCE_PATH {path} is not writable by this user: "
                          "point it at a folder this user may write")


class _CommandGroup(click.Group):
    """A command group whose commands report an unreachable database in one line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OperationalError as error:
            url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).render_as_string(hide_password=True)
            reason = str(error.orig or error).strip().splitlines()[0]
            raise click.ClickException(f"cannot reach the database {url} ({reason}): check FORUM_DATABASE_URL "
                                       "and that the database server is running") from None


def _database_errors_in_one_line(app: Flask) -> None:
    """`flask db …` (Flask-Migrate's group) and `flask forum …`: one line, not a traceback,
    when the database cannot be reached."""
    for name in ("db", "forum"):
        group = app.cli.commands[name]
        app.cli.commands[name] = _CommandGroup(name=group.name, commands=group.commands, callback=group.callback,
                                               params=group.params, help=group.help,
                                               context_settings=group.context_settings)


class BoundedInteger(IntegerConverter):
    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _init_login(app: Flask) -> None:
    from .accounts.service import load_user

    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"


def _register_blueprints(app: Flask) -> None:
    from .accounts.admin import bp as admin_bp
    from .accounts.views import bp as accounts_bp
    from .insights.views import bp as insights_bp
    from .moderation.views import bp as moderation_bp
    from .pages.views import bp as pages_bp
    from .qa.views import bp as qa_bp
    from .search import init_app as init_search
    from .search.views import bp as search_bp
    from .suggestions.views import bp as suggestions_bp
    from .tags.views import bp as tags_bp

    for blueprint in (pages_bp, accounts_bp, admin_bp, qa_bp, suggestions_bp, moderation_bp, tags_bp, insights_bp,
                      search_bp):
        app.register_blueprint(blueprint)
    init_search(app)


def _error_page(status: int, message: str | None = None, headers=None):
    """The friendly error page, or {"error": "..."} for a script that asked for JSON."""
    title, hint = ERROR_TEXT.get(status, ERROR_TEXT[500 if status >= 500 else 400])
    if wants_json():
        return jsonify({"error": message or f"{title}. {hint}"}), status, headers or []
    body = render_template("errors/error.html", status=status, title=title, hint=hint, message=message)
    return body, status, headers or []


def _register_error_pages(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code == 401:
            return redirect(login_url("accounts.login", next_url=request.full_path.rstrip("?")))
        if error.response is not None:
            return error.response  # e.g. a rate limit that shows the form again, filled in
        headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        if error.code == 429:
            message = _retry_text(dict(headers))
        elif error.description != type(error).description:
            message = error.description  # our own abort(code, "sentence for the reader")
        else:
            message = None  # Werkzeug's stock text: the page's own words are better
        return _error_page(error.code or 500, message, headers)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _error_page(400, CSRF_SCRIPT_MESSAGE if wants_json() else CSRF_MESSAGE)

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        db.session.rollback()
        return _error_page(error.status, error.message)

    @app.errorhandler(TooComplex)
    def too_complex(error: TooComplex):
        # Services put this next to the field; here only what reached the page without that.
        db.session.rollback()
        return _error_page(400, str(error))

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return _error_page(500)


def _retry_text(headers: dict) -> str:
    seconds = headers.get("Retry-After")
    if seconds and str(seconds).isdigit():
        return try_again_text(int(seconds))
    limit = limiter.current_limit  # the header itself is added only after this page is made
    return try_again_text(seconds_until_reset(limit) if limit is not None else None)


def _register_template_helpers(app: Flask) -> None:
    from moderation.rules import can
    from moderation.types import Action

    def field_aria(field) -> dict:
        """aria-describedby for a form field: its hint and each of its error messages (the ids
        macros/forms.html gives them: <id>-error, then <id>-error-2, <id>-error-3…)."""
        ids = [f"{field.id}-hint"] if field.description else []
        ids += [f"{field.id}-error" + (f"-{n}" if n > 1 else "") for n in range(1, len(field.errors) + 1)]
        return {"aria-describedby": " ".join(ids)} if ids else {}

    # Globals rather than a context processor, so that imported macros see them too.
    app.jinja_env.globals.update(can=can, Action=Action, site_name="Civic Forum", field_aria=field_aria,
                                 fast_url=fast_url, static_url=static_url, csrf_token=csrf_token)
    app.context_processor(lambda: {"csrf_token": csrf_token})  # over Flask-WTF's own, in pages as in macros

    @app.template_filter("date")
    def format_date(value, with_time: bool = False):
        """"1 December 2026" (with_time: "1 December 2026, 09:05 UTC"). Written out rather than
        strftime("%-d %B %Y"): ten times faster, and English whatever the server's locale."""
        if value is None:
            return ""
        day = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
        return f"{day}, {value.hour:02}:{value.minute:02} UTC" if with_time else day

    @app.template_filter("time_tag")
    def time_tag(value, with_time: bool = False) -> Markup:
        """<time datetime="(the UTC instant)">(its date in words)</time>, which static/src/js
        shows in the reader's zone. Both parts are digits and month names: nothing to escape."""
        return Markup(f'<time datetime="{value.isoformat()}">{format_date(value, with_time)}</time>')


def _refuse_nul_bytes():
    """A NUL byte in the address can never be valid, and PostgreSQL refuses it in a query:
    answer 400 here rather than 500 there. (Forms report NUL next to the field instead.)"""
    if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        abort(400, "The web address contains a character that is not allowed.")


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.endpoint != "static":
        if "Cache-Control" not in headers:
            headers["Cache-Control"] = "private"  # as cache_control.private = True writes it, without parsing
        elif not (cache_control := response.cache_control).public:
            cache_control.private = True
    return response
