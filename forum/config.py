"""Settings from environment variables (prefix FORUM_), checked once at start-up.

A bad or missing setting raises ConfigError with one line that says what to fix;
wsgi.py turns it into a clean exit instead of a traceback.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENVIRONMENTS = ("development", "testing", "production")
SUPPORTED_DATABASES = ("sqlite", "postgresql")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    meaning: str


# The single list of settings: README's configuration table mirrors it.
SETTINGS = (
    Setting("FORUM_ENV", "production", "development, testing or production"),
    Setting("FORUM_SECRET_KEY", None, "signs sessions; required outside development"),
    Setting("FORUM_DATABASE_URL", None, "SQLAlchemy URL; default an SQLite file under instance/"),
    Setting("FORUM_REDIS_URL", None, "redis:// URL for rate limits shared by all workers"),
    Setting("FORUM_MAX_UPLOAD_KB", "512", "largest request body accepted, in KiB"),
    Setting("FORUM_SEARCH_DIR", None, "Whoosh index directory; default instance/search"),
    Setting("FORUM_PAGE_CACHE_SECONDS", "10", "how long a public page shown to visitors who are not signed in "
            "may be served from the cache (0 turns it off; 0 in testing)"),
    Setting("FORUM_RENDER_MEMO_MB", "16", "memory each worker may give to question pages and lists it rendered for "
            "visitors, served again while their rows are unchanged (0 turns it off)"),
    Setting("FORUM_INSTANCE_PATH", None, "folder for the SQLite file and index; default ./instance"),
    Setting("FORUM_FLAGS_TO_HIDE", "3", "distinct people flagging a post that hide it until reviewed"),
    Setting("FORUM_NEW_ACCOUNT_POSTS", "5", "questions, answers and suggestions a citizen may post in their first day"),
    Setting("FORUM_RATE_POSTING", "10 per minute;100 per day", "limit on asking, answering and proposing, per person"),
    Setting("FORUM_RATE_PREVIEW", "30 per minute;300 per day", "limit on previews of a question, per person"),
    Setting("FORUM_RATE_VOTING", "60 per minute", "limit on votes, supports and similar buttons, per person"),
    Setting("FORUM_RATE_FLAGGING", "10 per minute;50 per day", "limit on flagging posts and suggestions, per person"),
    Setting("FORUM_INSIGHTS_REFRESH_MINUTES", "10", "pain points older than this are recomputed by "
            "`forum insights refresh --if-stale` (run it from cron every minute)"),
    Setting("FORUM_INSIGHTS_CACHE_SECONDS", "60", "how long insights figures are cached (0 in testing by default)"),
)


def _integer(env: Mapping[str, str], name: str, default: str, low: int, high: int) -> int:
    raw = env.get(name, default).strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, not {value}")
    return value


def _rate(env: Mapping[str, str], name: str, default: str) -> str:
    """A Flask-Limiter rate string ("10 per minute;100 per day"), checked at start-up."""
    from limits import parse_many

    raw = env.get(name, default).strip() or default
    try:
        parse_many(raw)
    except ValueError:
        raise ConfigError(f"{name} must be like '10 per minute;100 per day', not {raw!r}") from None
    return raw


def _database_url(env: Mapping[str, str], instance_path: Path) -> str:
    raw = env.get("FORUM_DATABASE_URL", "").strip()
    if not raw:
        return f"sqlite:///{instance_path / 'forum.sqlite3'}"
    try:
        url = make_url(raw)
    except ArgumentError:
        raise ConfigError(
            "FORUM_DATABASE_URL is not a database URL "
            "(expected e.g. postgresql+psycopg://user@host/db or sqlite:///path)"
        ) from None
    if url.get_backend_name() not in SUPPORTED_DATABASES:
        raise ConfigError(
            f"FORUM_DATABASE_URL uses {url.get_backend_name()!r}; "
            f"supported: {', '.join(SUPPORTED_DATABASES)}"
        )
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        # psycopg 3 is the driver installed by the 'postgres' extra.
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def from_environment(env: Mapping[str, str] | None, instance_path: Path) -> dict:
    """Return Flask config keys built from FORUM_* variables, or raise ConfigError."""
    env = os.environ if env is None else env
    environment = env.get("FORUM_ENV", "production").strip() or "production"
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"FORUM_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}")
    development = environment == "development"
    testing = environment == "testing"

    secret = env.get("FORUM_SECRET_KEY", "").strip()
    if not secret:
        if not (development or testing):
            raise ConfigError(
                "FORUM_SECRET_KEY is not set: set it to a long random value "
                "(python -c 'import secrets; print(secrets.token_hex(32))')"
            )
        secret = "development-only-insecure-key"
    elif len(secret) < 16 and not (development or testing):
        raise ConfigError("FORUM_SECRET_KEY is too short: use at least 16 random characters")

    redis_url = env.get("FORUM_REDIS_URL", "").strip() or None
    if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("FORUM_REDIS_URL must start with redis://, rediss:// or unix://")

    max_kb = _integer(env, "FORUM_MAX_UPLOAD_KB", "512", 64, 10_240)
    search_dir = env.get("FORUM_SEARCH_DIR", "").strip() or str(instance_path / "search")
    database_url = _database_url(env, instance_path)
    flags_to_hide = _integer(env, "FORUM_FLAGS_TO_HIDE", "3", 1, 100)
    new_account_posts = _integer(env, "FORUM_NEW_ACCOUNT_POSTS", "5", 1, 100_000)
    rates = {name: _rate(env, name, default) for name, default in (
        ("FORUM_RATE_POSTING", "10 per minute;100 per day"), ("FORUM_RATE_PREVIEW", "30 per minute;300 per day"),
        ("FORUM_RATE_VOTING", "60 per minute"),
        ("FORUM_RATE_FLAGGING", "10 per minute;50 per day"))}
    refresh_minutes = _integer(env, "FORUM_INSIGHTS_REFRESH_MINUTES", "10", 1, 10_080)
    cache_seconds = _integer(env, "FORUM_INSIGHTS_CACHE_SECONDS", "0" if testing else "60", 0, 3_600)
    page_cache_seconds = _integer(env, "FORUM_PAGE_CACHE_SECONDS", "0" if testing else "10", 0, 3_600)
    render_memo_mb = _integer(env, "FORUM_RENDER_MEMO_MB", "16", 0, 4_096)
    secure_cookies = not (development or testing)

    return {
        "FORUM_ENV": environment,
        "SECRET_KEY": secret,
        "TESTING": testing,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True} if database_url.startswith("postgresql") else {},
        "MAX_CONTENT_LENGTH": max_kb * 1024,
        "FORUM_REDIS_URL": redis_url,
        "FORUM_SEARCH_DIR": search_dir,
        "FORUM_INSIGHTS_REFRESH_MINUTES": refresh_minutes,
        "FORUM_INSIGHTS_CACHE_SECONDS": cache_seconds,
        # Cookies: never readable by scripts, never sent cross-site, HTTPS-only outside development.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure_cookies,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure_cookies,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "FORUM_PAGE_CACHE_SECONDS": page_cache_seconds,
        "FORUM_RENDER_MEMO_BYTES": render_memo_mb * 1024 * 1024,
        "CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
        "CACHE_REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "forum:",
        "CACHE_DEFAULT_TIMEOUT": 60,
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_KEY_PREFIX": "forum",
        "FORUM_FLAGS_TO_HIDE": flags_to_hide,
        "FORUM_NEW_ACCOUNT_POSTS": new_account_posts,
        **rates,
    }
