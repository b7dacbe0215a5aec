"""Registering an account."""
from sqlalchemy import func, select

from forum.accounts.models import User
from forum.extensions import db

from ..factories import make_user
from ..helpers import csrf_token

GOOD = {"display_name": "Alex Citizen", "email": "Alex@Example.org", "password": "tram-kettle-harbour-42"}


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def test_register_creates_a_citizen_and_signs_in(app, client, form):
    response = form(client, "/register", GOOD)
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "alex@example.org"  # stored lower-cased
        assert user.role == "citizen"
        assert user.password_hash.startswith("scrypt:")
        assert "tram-kettle" not in user.password_hash
    page = client.get("/").get_data(as_text=True)
    assert "Alex Citizen" in page and "Sign out" in page


def test_duplicate_email_is_refused_whatever_its_case(app, client, form):
    make_user(app, email="alex@example.org")
    response = form(client, "/register", {**GOOD, "email": "ALEX@example.ORG"})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "already exists" in page
    assert 'value="Alex Citizen"' in page  # the form comes back filled in
    assert "tram-kettle-harbour-42" not in page  # but never the password
    assert count_users(app) == 1


def test_invalid_email_is_explained_next_to_the_field(app, client, form):
    response = form(client, "/register", {**GOOD, "email": "not-an-email"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert 'href="#email"' in page  # the error summary links to the field
    assert 'id="email-error"' in page
    assert 'value="not-an-email"' in page
    assert count_users(app) == 0


def test_short_password_is_refused(app, client, form):
    response = form(client, "/register", {**GOOD, "password": "short1"})
    assert response.status_code == 400
    assert "at least 10 characters" in response.get_data(as_text=True)
    assert count_users(app) == 0


def test_common_password_is_refused(app, client, form):
    response = form(client, "/register", {**GOOD, "password": "password123"})
    assert response.status_code == 400
    assert "too common" in response.get_data(as_text=True)
    assert count_users(app) == 0


def test_overlong_fields_are_refused_with_messages(app, client, form):
    response = form(client, "/register", {**GOOD, "display_name": "x" * 61, "email": "a" * 250 + "@example.org"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Display name must be 60 characters or fewer" in page
    assert "Email address must be 254 characters or fewer" in page
    assert count_users(app) == 0


def test_missing_csrf_token_keeps_the_form_filled_in(app, client):
    client.get("/register")
    response = client.post("/register", data=GOOD)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "could not be sent securely" in page
    assert 'value="Alex Citizen"' in page
    assert count_users(app) == 0


def test_nul_bytes_and_invalid_utf8_are_a_clear_400(app, client, form):
    response = form(client, "/register", {**GOOD, "display_name": "Al\x00ex"})
    assert response.status_code == 400
    assert "cannot be stored" in response.get_data(as_text=True)
    # Bytes that are not UTF-8 never reach a field: the form is refused, nothing is stored.
    token = csrf_token(client)
    raw = client.post("/register", content_type="application/x-www-form-urlencoded",
                      data=f"csrf_token={token}&display_name=Al\xffex&email=alex%40example.org"
                           "&password=tram-kettle-harbour-42".encode("latin-1"))
    assert raw.status_code == 400
    assert count_users(app) == 0
