"""Signing in and out, remember me, throttling, changing the password."""
import pytest

from ..factories import make_user
from ..helpers import csrf_token


def sign_in(client, form, user, password=None, **extra):
    return form(client, "/login", {"email": user.email, "password": password or user.password, **extra})


def test_sign_in_and_out(app, client, form):
    user = make_user(app, display_name="Sam Reader")
    response = sign_in(client, form, user)
    assert response.status_code == 302
    assert "Sam Reader" in client.get("/").get_data(as_text=True)
    response = client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Sam Reader" not in page and "Sign in" in page


def test_sign_in_ignores_email_case(app, client, form):
    user = make_user(app, email="mixed@example.org")
    response = form(client, "/login", {"email": "MIXED@Example.org", "password": user.password})
    assert response.status_code == 302


def test_wrong_password_is_refused_and_the_email_kept(app, client, form):
    user = make_user(app)
    response = sign_in(client, form, user, password="wrong password here")
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert "The email address or password is not correct" in page
    assert f'value="{user.email}"' in page
    assert "wrong password here" not in page


def test_remember_me_sets_a_lasting_httponly_cookie(app, client, form):
    user = make_user(app)
    response = sign_in(client, form, user, remember="y")
    cookies = response.headers.getlist("Set-Cookie")
    remember = [c for c in cookies if c.startswith("remember_token=")]
    assert remember and "HttpOnly" in remember[0] and "SameSite=Lax" in remember[0]
    session = [c for c in cookies if c.startswith("session=")]
    assert session and "HttpOnly" in session[0]


def test_without_remember_me_no_lasting_cookie(app, client, form):
    user = make_user(app)
    response = sign_in(client, form, user)
    assert not [c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token=")]


def test_logout_needs_a_post_with_csrf(app, citizen_client):
    assert citizen_client.get("/logout").status_code == 405
    assert citizen_client.post("/logout").status_code == 400  # no CSRF token
    assert citizen_client.user.display_name in citizen_client.get("/").get_data(as_text=True)


def test_ten_wrong_passwords_lock_the_account_for_a_while(app, client, form):
    user = make_user(app)
    for _ in range(10):
        assert sign_in(client, form, user, password="not the password").status_code == 401
    response = sign_in(client, form, user)  # even the right password waits now
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    assert int(response.headers["Retry-After"]) > 0


def test_account_throttle_counts_per_account_not_per_visitor(app, client, form):
    victim, other = make_user(app), make_user(app)
    for _ in range(10):
        sign_in(client, form, victim, password="not the password")
    assert sign_in(client, form, other).status_code == 302


def test_successful_sign_ins_do_not_count_towards_the_account_throttle(app, form):
    user = make_user(app)
    for _ in range(12):
        client = app.test_client()
        assert sign_in(client, form, user).status_code == 302


def test_sign_in_is_throttled_per_address(app, client, form):
    users = [make_user(app) for _ in range(3)]
    statuses = [sign_in(client, form, users[i % 3], password="nope nope nope").status_code for i in range(31)]
    assert statuses[:30].count(429) == 0
    assert statuses[30] == 429


def test_next_parameter_only_returns_to_this_site(app, client, form):
    user = make_user(app)
    token = csrf_token(client, "/login")
    data = {"email": user.email, "password": user.password, "csrf_token": token}
    response = client.post("/login?next=https://evil.example/steal", data=data)
    assert response.headers["Location"] == "/"
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    response = client.post("/login?next=/agencies", data={**data, "csrf_token": csrf_token(client, "/login")})
    assert response.headers["Location"] == "/agencies"


def test_change_password_signs_out_other_sessions(app, form):
    user = make_user(app)
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, form, user)
    sign_in(phone, form, user)
    response = form(laptop, "/account/password",
                    {"current_password": user.password, "new_password": "a whole new passphrase"})
    assert response.status_code == 302
    assert "Sign out" in laptop.get("/").get_data(as_text=True)  # this session continues
    assert "Sign out" not in phone.get("/").get_data(as_text=True)  # the other is signed out
    assert sign_in(app.test_client(), form, user).status_code == 401
    assert sign_in(app.test_client(), form, user, password="a whole new passphrase").status_code == 302


@pytest.mark.parametrize("current, new, status, message", [
    ("wrong current password", "a whole new passphrase", 400, "current password is not correct"),
    (None, "short", 400, "at least 10 characters"),
    (None, "qwertyuiop", 400, "too common"),
])
def test_change_password_refusals(app, form, current, new, status, message):
    user = make_user(app)
    client = app.test_client()
    sign_in(client, form, user)
    response = form(client, "/account/password", {"current_password": current or user.password, "new_password": new})
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_change_password_needs_sign_in(client):
    response = client.get("/account/password")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_profile_page_shows_role_and_agency(app, client, agency):
    user = make_user(app, role="moderator", agency=agency, display_name="Mo Derator")
    page = client.get(f"/users/{user.id}").get_data(as_text=True)
    assert "Mo Derator" in page and "Agency moderator" in page and agency.name in page
    assert user.email not in page  # email addresses are never shown publicly
    assert client.get("/users/999999").status_code == 404
