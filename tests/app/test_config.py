"""Settings come from FORUM_* variables; a bad one stops start-up with one clear line."""
import subprocess
import sys
from pathlib import Path

import pytest

from forum import ConfigError, create_app
from forum.config import from_environment

ROOT = Path(__file__).resolve().parents[2]


def make(tmp_path, **env):
    return create_app({"FORUM_INSTANCE_PATH": str(tmp_path), **env})


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="FORUM_SECRET_KEY is not set"):
        make(tmp_path, FORUM_ENV="production")


def test_production_refuses_a_short_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="too short"):
        make(tmp_path, FORUM_ENV="production", FORUM_SECRET_KEY="abc")


def test_development_starts_without_a_secret_key_on_sqlite_under_instance(tmp_path):
    app = make(tmp_path, FORUM_ENV="development")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'forum.sqlite3'}"
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_production_cookies_are_secure_httponly_and_samesite(tmp_path):
    app = make(tmp_path, FORUM_ENV="production", FORUM_SECRET_KEY="x" * 32)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["REMEMBER_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


@pytest.mark.parametrize("env, message", [
    ({"FORUM_ENV": "staging"}, "FORUM_ENV must be one of"),
    ({"FORUM_ENV": "development", "FORUM_DATABASE_URL": "not a url"}, "not a database URL"),
    ({"FORUM_ENV": "development", "FORUM_DATABASE_URL": "mysql://x@y/z"}, "supported: sqlite, postgresql"),
    ({"FORUM_ENV": "development", "FORUM_REDIS_URL": "http://localhost"}, "FORUM_REDIS_URL must start"),
    ({"FORUM_ENV": "development", "FORUM_MAX_UPLOAD_KB": "lots"}, "must be a whole number"),
    ({"FORUM_ENV": "development", "FORUM_MAX_UPLOAD_KB": "1"}, "must be between"),
])
def test_bad_settings_are_named(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message):
        make(tmp_path, **env)


def test_postgres_url_gets_the_psycopg_driver(tmp_path):
    app = make(tmp_path, FORUM_ENV="development", FORUM_DATABASE_URL="postgresql://postgres@127.0.0.1/test")
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_redis_url_becomes_the_rate_limit_storage(tmp_path):
    app = make(tmp_path, FORUM_ENV="development", FORUM_REDIS_URL="redis://127.0.0.1:6379/0")
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert make(tmp_path, FORUM_ENV="development").config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_command_line_start_up_error_is_one_line_without_traceback(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "FORUM_ENV": "production", "FORUM_INSTANCE_PATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "Civic Forum cannot start: FORUM_SECRET_KEY is not set: set it to a long random value "
        "(python -c 'import secrets; print(secrets.token_hex(32))')"]


def test_a_malformed_preview_limit_stops_start_up_with_one_line(tmp_path):
    with pytest.raises(ConfigError, match="FORUM_RATE_PREVIEW must be like"):
        from_environment({"FORUM_ENV": "testing", "FORUM_RATE_PREVIEW": "lots"}, tmp_path)


def _start(command: list[str], tmp_path, **env) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "FORUM_ENV": "development", "FORUM_INSTANCE_PATH": str(tmp_path), **env}
    return subprocess.run([sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_an_instance_folder_that_cannot_be_made_stops_start_up_with_one_line(tmp_path):
    (tmp_path / "a-file").write_text("")
    result = _start(["-c", "import wsgi"], tmp_path, FORUM_INSTANCE_PATH=str(tmp_path / "a-file" / "instance"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line, = result.stderr.strip().splitlines()
    assert line.startswith("Civic Forum cannot start: FORUM_INSTANCE_PATH") and "cannot be created" in line


def test_an_unreachable_database_is_one_line_for_the_database_commands(tmp_path):
    unreachable = "postgresql+psycopg://forum:secret@127.0.0.1:1/forum"
    for command in (["db", "upgrade"], ["forum", "check"]):
        result = _start(["-m", "flask", "--app", "wsgi", *command], tmp_path, FORUM_DATABASE_URL=unreachable)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        line, = result.stderr.strip().splitlines()
        assert line.startswith("Error: cannot reach the database postgresql+psycopg://forum:***@127.0.0.1:1/forum")
        assert "secret" not in line
