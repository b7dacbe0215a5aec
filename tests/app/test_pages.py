"""The layout, error pages and security headers every page shares."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ..factories import make_agency

ROOT = Path(__file__).resolve().parents[2]


def test_home_page_has_the_accessible_layout(app, client):
    make_agency(app, name="Passport Office", slug="passport-office")
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Civic Forum" in page and "Passport Office" in page
    assert 'href="#main-content"' in page and 'id="main-content"' in page  # skip link target
    assert len(re.findall(r"<h1[ >]", page)) == 1
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in page
    assert '<html lang="en-AU"' in page
    assert "<script>" not in page  # no inline script: the CSP forbids it


def test_security_headers(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_are_private_to_caches_and_static_files_are_not(app, client):
    """A page may show what is the reader's own: no shared cache keeps it. A Cache-Control a
    response already has keeps its directives, with private added unless it is public."""
    from flask import Response

    from forum import _security_headers

    assert client.get("/").headers["Cache-Control"] == "private"
    static = client.get("/static/build/app.css")
    static.close()
    assert static.status_code == 200 and "private" not in static.headers.get("Cache-Control", "")
    with app.test_request_context("/questions"):
        public = _security_headers(Response("x", headers={"Cache-Control": "public, max-age=60"}))
        own = _security_headers(Response("x", headers={"Cache-Control": "max-age=60"}))
    assert public.headers["Cache-Control"] == "public, max-age=60"
    assert set(own.headers["Cache-Control"].split(", ")) == {"max-age=60", "private"}


def test_not_found_page_is_friendly(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "Civic Forum" in page


def test_unknown_agency_is_404(client):
    assert client.get("/agencies/nope").status_code == 404


def test_request_too_large_is_413_with_a_message(client):
    response = client.post("/register", data={"display_name": "x" * 600_000})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)


@pytest.mark.parametrize("status", [400, 403, 404, 413, 429, 500])
def test_every_error_page_renders(app, status):
    from forum import _error_page

    with app.test_request_context("/"):
        body, code, _ = _error_page(status)
    assert code == status and "<h1" in body


def test_unexpected_error_gives_the_500_page(test_env):
    from forum import create_app

    fresh = create_app(test_env, PROPAGATE_EXCEPTIONS=False)

    @fresh.get("/__boom")
    def boom():
        raise RuntimeError("boom")

    response = fresh.test_client().get("/__boom")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/agencies/a%00b", "/questions?tag=%00", "/questions?x%00=1"])
def test_nul_bytes_in_the_address_are_a_clear_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "character that is not allowed" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/questions/99999999999999999999", "/users/9223372036854775808",
                                 "/suggestions/4294967296", "/answers/99999999999/revisions"])
def test_ids_beyond_the_database_range_are_404(client, url):
    assert client.get(url).status_code == 404


def test_text_too_costly_to_show_is_a_400_with_the_reason_wherever_it_is_rendered(app, citizen_client, form):
    # Forms put the reason next to the field; any page rendering Markdown without doing so still answers 400.
    response = form(citizen_client, "/suggestions/new", {
        "title": "Publish opening hours in one table", "body": "a|b\n-|-\n" + "x\n" * 600,
        "tags": "opening-hours", "action": "preview"})
    assert response.status_code == 400
    assert "at most 1,000 cells" in response.get_data(as_text=True)


@pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "govuk-frontend").exists(),
                    reason="building the assets needs Node.js and `npm ci`")
def test_the_asset_build_ships_no_gov_uk_crest_or_icons():
    subprocess.run(["node", "forum/static/src/build.mjs"], cwd=ROOT, check=True, capture_output=True, timeout=120)
    built = ROOT / "forum" / "static" / "build"
    assert (built / "app.css").exists() and (built / "app.js").exists()
    assert not list(built.rglob("*.png")) and not list(built.rglob("govuk-*.svg"))
