"""Browser tests: Playwright driving Debian's Chromium against a live server on 127.0.0.1.

Skipped with a reason where Chromium is absent; FORUM_REQUIRE_BROWSER=1 (set by .ci/run)
turns that skip into a failure.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    missing = [what for what, there in (("Chromium at " + CHROMIUM, shutil.which(CHROMIUM)),
                                        ("axe-core (npm ci)", AXE.exists())) if not there]
    if not missing:
        return
    reason = "browser tests need " + " and ".join(missing)
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            if os.environ.get("FORUM_REQUIRE_BROWSER") == "1":
                item.add_marker(pytest.mark.usefixtures("_browser_required"))
            else:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def _browser_required():
    pytest.fail("FORUM_REQUIRE_BROWSER=1 but Chromium or axe-core is missing")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _read_whole(app):
    """`app` with each response read, and closed, before it is sent. Werkzeug's development
    server skips closing a response (leaving a static file open, a ResourceWarning) when the
    browser drops the connection as it is sent, as it does when a test closes a page that is
    still loading its scripts."""
    def serve(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()
    return serve


@pytest.fixture(scope="session")
def live_server(_session_app):
    server = make_server("127.0.0.1", 0, _read_whole(_session_app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(autouse=True)
def _empty_database_after_each_test(app):
    """Browser tests share the session's server; the `app` fixture empties the database after each."""
    yield


@pytest.fixture
def axe_check(browser, base_url):
    """`axe_check(path, prepare=None, storage_state=None)` runs axe-core on a page and fails on
    serious or critical violations. `prepare(page)` may act first (submit a form, say). It opens
    its own context that bypasses the CSP so axe can be injected; pass `storage_state` to
    check a signed-in page."""
    contexts = []

    def check(path: str, prepare=None, storage_state=None) -> list[dict]:
        context = browser.new_context(bypass_csp=True, base_url=base_url, storage_state=storage_state)
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        if prepare is not None:
            prepare(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5]}
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"axe-core found on {path}: {bad}"
        return result["violations"]

    yield check
    for context in contexts:
        context.close()


@pytest.fixture
def csp_errors(page):
    """Console messages about Content-Security-Policy violations on `page` (should stay empty)."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    return errors
