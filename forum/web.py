"""Helpers every blueprint shares: rendering a form with the right status, putting a
domain error next to its field, permission checks through moderation.rules, safe redirects."""
from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from functools import wraps
from urllib.parse import quote, urlsplit

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf

from moderation.rules import can
from moderation.types import Action

from . import content
from .errors import DomainError, InvalidInput
from .extensions import csrf, limiter
from . import permissions

CSRF_MESSAGE = ("This form could not be sent securely, perhaps because it was open for a long time. "
                "Check your answers and send it again.")
CSRF_SCRIPT_MESSAGE = ("That could not be sent securely, perhaps because the page was open for a long time. "
                       "Reload the page and try again.")


def form_view(view):
    """Mark a view whose FlaskForm checks the CSRF token itself, so that a missing or
    stale token comes back as an error on the filled-in form instead of a bare 400 page.
    Such a view must act only when form.validate_on_submit() is true."""
    return csrf.exempt(view)


def attach_error(form: FlaskForm, error: DomainError) -> None:
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def preview_of(form) -> str | None:
    """A form's body as it will be shown, or None when it cannot be (too long, empty, or too
    costly to show: the reason is then next to the field). Text over the limit is never rendered."""
    if form.body.errors:
        return None
    try:
        return content.render(content.clean_text(form.body.data or ""))
    except content.TooComplex as error:
        attach_error(form, InvalidInput(str(error), field="body"))
        return None


def explain_csrf(form: FlaskForm) -> None:
    """Replace WTForms' terse CSRF error with one a person can act on."""
    if "csrf_token" in form.errors:
        form.csrf_token.errors = [CSRF_MESSAGE]


def render_form(template: str, form: FlaskForm, status: int | None = None, **context):
    """Render a page holding `form`; a form with errors answers 400 unless told otherwise."""
    explain_csrf(form)
    if status is None:
        status = 400 if form.errors else 200
    return render_template(template, form=form, **context), status


def require(action: Action):
    """View decorator: 401 for visitors (sent to sign in), 403 for users without the right."""
    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not can(current_user, action):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorate


def safe_next(target: str | None, fallback: str) -> str:
    """A local path to return to after signing in; anything pointing elsewhere is ignored."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return fallback
    return target


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def signed_in(view):
    """Send visitors to sign in first. After a GET they come back to the same page; after a
    POST (a vote, say) to the page the button was on."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.is_authenticated:
            return view(*args, **kwargs)
        if request.method == "GET":
            back = request.full_path.rstrip("?")
        else:
            back = safe_next(urlsplit(request.referrer or "").path or None, url_for("pages.home"))
        flash("Sign in to continue.", "info")
        return redirect(url_for("accounts.login", next=back))
    return wrapped


def ensure(action: Action, target=None) -> None:
    """Raise Forbidden, with the reason in words, unless the signed-in user may do `action`.
    A refused POST is an attempt to act, logged as forum.permissions.require logs it; a
    refused GET (a form page, say) only answers 403, since reading never writes."""
    permissions.require(current_user, action, target, log=request.method == "POST")


_URL_PATTERNS: dict[tuple, str | dict] = {}
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch  # what quote() leaves as it is: slugs, tags
_MARKER = 987_654_300  # an integer no real id or value will equal, so most converters accept it


def fast_url(endpoint: str, **values) -> str:
    """url_for for the loops of long pages (an answer list calls it hundreds of times).

    Werkzeug's build walks the routing rules on every call; here each endpoint's pattern is
    built once through url_for with marker values, then filled in with quoted values. An
    endpoint whose converter takes only some strings (`any(question,answer)`) refuses the
    marker: its strings are then built as they are, a pattern for each (a few)."""
    key = (request.script_root, endpoint, *values)  # a call site names its values in one order
    pattern = _URL_PATTERNS.get(key)
    if pattern is None:
        try:
            pattern = _URL_PATTERNS[key] = _url_pattern(endpoint, values, strings_as_they_are=False)
        except ValueError:
            pattern = _URL_PATTERNS[key] = {}
    if pattern.__class__ is dict:  # one pattern for each combination of the strings
        strings = tuple(value for value in values.values() if isinstance(value, str))
        if strings not in pattern:
            pattern[strings] = _url_pattern(endpoint, values, strings_as_they_are=True)
        pattern = pattern[strings]
    for name, value in values.items():
        if value.__class__ is not int and not (value.__class__ is str and _UNRESERVED(value)):
            values[name] = quote(str(value), safe="")
    return pattern.format_map(values)


def csrf_token() -> str:
    """Flask-WTF's generate_csrf for templates, reading first where it keeps the page's token
    (g.csrf_token, which visitor_cached also looks at): a page with thirty vote buttons asks
    for it thirty times, and generate_csrf reads the configuration on each."""
    token = g.get("csrf_token")
    return token if token is not None else generate_csrf()


_STATIC_URLS: dict[tuple, str] = {}


def static_url(filename: str) -> str:
    """url_for("static", filename=…), built once per file: every page's head names a few."""
    key = (request.script_root, filename)
    url = _STATIC_URLS.get(key)
    if url is None:
        url = _STATIC_URLS[key] = url_for("static", filename=filename)
    return url


def _url_pattern(endpoint: str, values: dict, strings_as_they_are: bool) -> str:
    names = [name for name, value in values.items() if not (strings_as_they_are and isinstance(value, str))]
    markers = {name: _MARKER + i for i, name in enumerate(names)}
    pattern = url_for(endpoint, **{**values, **markers}).replace("{", "{{").replace("}", "}}")
    for name, marker in markers.items():
        pattern = pattern.replace(str(marker), "{" + name + "}")
    return pattern


def rate_key() -> str:
    """Rate limits count per signed-in person (shared addresses are common), else per address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


def rate(setting: str):
    """A limit read from a setting at request time (FORUM_RATE_POSTING and friends)."""
    return lambda: current_app.config[setting]


def try_again_text(seconds: int | None) -> str:
    """When a person over a rate limit may try again, in words."""
    if seconds is None:
        return "Wait a few minutes and try again."
    minutes = max(1, round(seconds / 60))
    return f"You can try again in about {minutes} minute{'s' if minutes != 1 else ''}."


def seconds_until_reset(limit) -> int:
    """Seconds until a breached Flask-Limiter limit (a RequestLimit) lets requests through again."""
    return max(0, limit.reset_at - int(time.time()))


def rate_limited(setting: str):
    """View decorator: the view's POSTs count against the FORUM_RATE_* `setting`, per person
    (the 429 page beyond it). Put it below @signed_in, so visitors are sent to sign in first.
    Limits are on POSTs only: a GET never reaches them (extensions._reading_is_never_limited)."""
    return limiter.limit(rate(setting), methods=["POST"], key_func=rate_key)


YES_NO = {"yes": True, "no": False}
MAX_ID = 2**31 - 1  # the largest id an integer column holds: ids in addresses stop there too


def id_arg(value: str | None) -> int | None:
    """An id sent in a form or a query string; None when missing, not a number or beyond any
    id (a number too large for the database is simply no id, never an error)."""
    if value is None or not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        return None
    return int(value)


def choice(name: str, allowed: dict):
    """The value of a small action's button (`allowed` maps what it sends to what it means); 400 otherwise."""
    value = request.form.get(name, "")
    if value not in allowed:
        raise InvalidInput(f"Unknown choice {value[:20]!r} for {name}")
    return allowed[value]


def _same_for_every_visitor() -> bool:
    """A GET by a visitor who is not signed in and has no message waiting in the session: the
    page it gets shows nothing of theirs."""
    return request.method == "GET" and not current_user.is_authenticated and not session.get("_flashes")


def visitor_page_key() -> str | None:
    """The cache key of this page when it is the same for every visitor who is not signed in:
    a GET with no query string, no message waiting in the session. None when it must be
    rendered afresh (signed in, messages, caching turned off)."""
    if request.args or not current_app.config["FORUM_PAGE_CACHE_SECONDS"] or not _same_for_every_visitor():
        return None
    return f"page:{request.path}"


def visitor_cached(view):
    """Serve a public page to visitors who are not signed in from the cache, for up to
    FORUM_PAGE_CACHE_SECONDS (Flask-Caching; Redis when configured). People who take part
    are signed in and always get it fresh. A page whose rendering touched the session's CSRF
    token holds something personal and is never kept."""
    from .extensions import cache

    @wraps(view)
    def wrapped(*args, **kwargs):
        key = visitor_page_key()
        if key and (hit := cache.get(key)) is not None:
            return hit
        result = view(*args, **kwargs)
        body, status = (result, 200) if isinstance(result, (str, bytes)) else (
            result if isinstance(result, tuple) else (None, 0))
        if key and status == 200 and isinstance(body, (str, bytes)) and "csrf_token" not in g:
            cache.set(key, body, timeout=current_app.config["FORUM_PAGE_CACHE_SECONDS"])
        return result
    return wrapped


class RenderMemo:
    """The page rendered last for each address visitors asked for, kept with everything that
    went into it (its `state`); least recently used dropped first once about `budget` bytes
    are held (a state is counted as much as its page: it holds the text the page shows).

    One page an address: a page whose rows changed replaces the one before. A lookup compares
    the state kept with the one just read, value by value, rather than hashing it (the state
    holds every text on the page). Pages are kept encoded, as they are sent."""

    def __init__(self, budget: int):
        self.budget = budget
        self._pages: OrderedDict = OrderedDict()  # address → (state, UTF-8 page)
        self._size = 0
        self._lock = threading.Lock()

    def get(self, address, state) -> bytes | None:
        with self._lock:
            kept = self._pages.get(address)
            if kept is None or kept[0] != state:
                return None
            self._pages.move_to_end(address)
            return kept[1]

    @staticmethod
    def cost(page: bytes) -> int:
        return 2 * len(page)  # the page, and its state holding the same text

    def put(self, address, state, page: bytes) -> None:
        cost = self.cost(page)
        if cost > self.budget:
            return
        with self._lock:
            replaced = self._pages.pop(address, None)
            if replaced is not None:
                self._size -= self.cost(replaced[1])
            self._pages[address] = (state, page)
            self._size += cost
            while self._size > self.budget:
                self._size -= self.cost(self._pages.popitem(last=False)[1][1])


def render_memoized(template: str, state, **context) -> str | bytes:
    """render_template(template, **context), for a visitor who is not signed in and has no
    message waiting, from the HTML this process rendered before for the same template, address
    and `state`: values (compared with ==) holding everything the page shows, read from the
    database on this request. The page is a function of those alone (a visitor has no votes,
    forms or token), so what is served is what rendering would give; a row that changed makes
    the state differ, so nothing is ever stale (unlike the visitors' page cache, which skips
    the reads). Only rendering (and encoding) is spared, which is most of a long thread's time.
    A render that touched the CSRF token, or a template reloaded since (development), is not
    reused. The page comes back as UTF-8 bytes when memoised, else as the rendered text."""
    budget = current_app.config["FORUM_RENDER_MEMO_BYTES"]
    if not budget or not _same_for_every_visitor():
        return render_template(template, **context)
    memo = current_app.extensions.get("forum_render_memo")
    if memo is None or memo.budget != budget:
        memo = current_app.extensions["forum_render_memo"] = RenderMemo(budget)
    # The template object itself: Jinja gives a new one when auto-reload finds the file changed.
    address = (current_app.jinja_env.get_template(template), request.script_root, request.full_path)
    page = memo.get(address, state)
    if page is None:
        html = render_template(template, **context)
        if "csrf_token" in g:
            return html
        page = html.encode()
        memo.put(address, state, page)
    return page
