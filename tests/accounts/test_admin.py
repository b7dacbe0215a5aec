"""Admin pages: agencies, roles; and who may open them."""
import pytest
from sqlalchemy import select

from forum.accounts.models import Agency, User
from forum.extensions import db

from ..factories import make_user

ADMIN_PAGES = ["/admin/", "/admin/agencies", "/admin/users"]


@pytest.mark.parametrize("page", ADMIN_PAGES)
@pytest.mark.parametrize("who", ["citizen_client", "moderator_client", "policy_client"])
def test_only_admins_open_admin_pages(request, page, who):
    assert request.getfixturevalue(who).get(page).status_code == 403


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_visitors_are_sent_to_sign_in(client, page):
    response = client.get(page)
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]


def test_admin_adds_an_agency(app, admin_client, form):
    response = form(admin_client, "/admin/agencies",
                    {"name": "Riverside City Council", "slug": "riverside-council", "description": "Bins and rates."})
    assert response.status_code == 302
    page = admin_client.get("/agencies/riverside-council").get_data(as_text=True)
    assert "Riverside City Council" in page and "Bins and rates." in page


@pytest.mark.parametrize("data, status, message", [
    ({"name": "National Tax Office", "slug": "another-slug"}, 409, "agency with this name already exists"),
    ({"name": "Something New", "slug": "tax-office"}, 409, "agency with this slug already exists"),
    ({"name": "Bad Slug Agency", "slug": "Bad Slug!"}, 400, "lower-case letters"),
    ({"name": "", "slug": "empty-name"}, 400, "Enter the agency"),
    ({"name": "x" * 121, "slug": "too-long"}, 400, "120 characters or fewer"),
])
def test_bad_agencies_are_refused_and_the_form_kept(app, admin_client, form, agency, data, status, message):
    response = form(admin_client, "/admin/agencies", data)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert message in page
    assert f'value="{data["slug"]}"' in page
    with app.app_context():
        assert len(db.session.scalars(select(Agency)).all()) == 1


def test_citizen_cannot_add_an_agency(app, citizen_client, form):
    response = form(citizen_client, "/admin/agencies", {"name": "Sneaky", "slug": "sneaky"}, page="/")
    assert response.status_code == 403
    with app.app_context():
        assert db.session.scalar(select(Agency)) is None


def test_admin_makes_a_citizen_a_moderator_of_an_agency(app, admin_client, form, agency):
    user = make_user(app)
    response = form(admin_client, f"/admin/users/{user.id}", {"role": "moderator", "agency": agency.slug})
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.get(User, user.id)
        assert (stored.role, stored.agency_id) == ("moderator", agency.id)


def test_a_moderator_needs_an_agency(app, admin_client, form, agency):
    user = make_user(app)
    response = form(admin_client, f"/admin/users/{user.id}", {"role": "moderator", "agency": ""})
    assert response.status_code == 400
    assert "Choose the agency this moderator works for" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user.id).role == "citizen"


def test_a_moderator_made_a_citizen_leaves_the_agency(app, admin_client, client, form, agency):
    user = make_user(app, role="moderator", agency=agency)
    response = form(admin_client, f"/admin/users/{user.id}", {"role": "citizen", "agency": agency.slug})
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.get(User, user.id)
        assert (stored.role, stored.agency_id) == ("citizen", None)
    assert f"at <a" not in client.get(f"/users/{user.id}").get_data(as_text=True)


def test_unknown_role_or_agency_is_refused(app, admin_client, form, agency):
    user = make_user(app)
    assert form(admin_client, f"/admin/users/{user.id}", {"role": "emperor", "agency": ""}).status_code == 400
    assert form(admin_client, f"/admin/users/{user.id}", {"role": "moderator", "agency": "nope"}).status_code == 400


def test_admin_cannot_demote_themself(app, admin_client, form):
    response = form(admin_client, f"/admin/users/{admin_client.user.id}", {"role": "citizen", "agency": ""})
    assert response.status_code == 400
    assert "cannot remove your own administrator role" in response.get_data(as_text=True)


def test_user_list_filters_by_name_and_role(app, admin_client):
    make_user(app, display_name="Findable Person")
    make_user(app, display_name="Someone Else", role="policy")
    page = admin_client.get("/admin/users?q=findable").get_data(as_text=True)
    assert "Findable Person" in page and "Someone Else" not in page
    page = admin_client.get("/admin/users?role=policy").get_data(as_text=True)
    assert "Someone Else" in page and "Findable Person" not in page
    assert admin_client.get("/admin/users?page=99999").status_code == 200
    assert admin_client.get("/admin/users/424242").status_code == 404


def test_admin_actions_are_in_the_audit_log(app, admin_client, form, agency):
    from forum.moderation.models import AuditEntry

    user = make_user(app)
    form(admin_client, "/admin/agencies", {"name": "Riverside City Council", "slug": "riverside-council"})
    form(admin_client, f"/admin/users/{user.id}", {"role": "moderator", "agency": agency.slug})
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [(e.action, e.actor_id) for e in entries] == [("add_agency", admin_client.user.id),
                                                              ("set_role", admin_client.user.id)]
        assert entries[1].details == "citizen -> moderator at tax-office"
    assert "citizen -&gt; moderator at tax-office" in admin_client.get("/moderation/log").get_data(as_text=True)
