"""Admin pages: agencies, and each user's role and agency."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select
from wtforms import SelectChoice

from moderation.types import Action, Role

from ..errors import DomainError
from ..extensions import db
from ..web import attach_error, form_view, render_form, require
from . import service
from .forms import AgencyEditForm, AgencyForm, RoleForm
from .models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")
USERS_PER_PAGE = 50


@bp.get("/")
@require(Action.MANAGE_USERS)
def index():
    return redirect(url_for("admin.agencies"))


@bp.route("/agencies", methods=["GET", "POST"])
@form_view
@require(Action.MANAGE_AGENCIES)
def agencies():
    form = AgencyForm()
    if form.validate_on_submit():
        try:
            agency = service.add_agency(current_user, form.name.data, form.slug.data, form.description.data or "")
        except DomainError as error:
            attach_error(form, error)
            return render_form("admin/agencies.html", form, status=error.status,
                               agencies=service.list_agencies())
        flash(f"Agency “{agency.name}” added.", "success")
        return redirect(url_for("admin.agencies"))
    return render_form("admin/agencies.html", form, agencies=service.list_agencies())


@bp.route("/agencies/<slug>", methods=["GET", "POST"])
@form_view
@require(Action.MANAGE_AGENCIES)
def edit_agency(slug: str):
    agency = service.agency_by_slug(slug)
    form = AgencyEditForm(obj=agency)
    if form.validate_on_submit():
        try:
            service.update_agency(current_user, agency, form.name.data, form.description.data or "",
                                  form.support_threshold.data)
        except DomainError as error:
            attach_error(form, error)
            return render_form("admin/agency_edit.html", form, status=error.status, agency=agency)
        flash(f"Agency “{agency.name}” saved.", "success")
        return redirect(url_for("admin.agencies"))
    return render_form("admin/agency_edit.html", form, agency=agency)


@bp.get("/users")
@require(Action.MANAGE_USERS)
def users():
    query = request.args.get("q", "").strip()[:100]
    role = request.args.get("role", "")
    statement = select(User).order_by(User.created_at.desc(), User.id.desc())
    if query:
        pattern = f"%{query.lower()}%"
        statement = statement.where(or_(User.email.like(pattern), func.lower(User.display_name).like(pattern)))
    if role in tuple(Role):
        statement = statement.where(User.role == role)
    page = db.paginate(statement, per_page=USERS_PER_PAGE, max_per_page=USERS_PER_PAGE, error_out=False)
    return render_template("admin/users.html", page=page, query=query, role=role, roles=list(Role))


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@form_view
@require(Action.MANAGE_USERS)
def edit_user(user_id: int):
    user = service.get_user(user_id)
    form = RoleForm(data={"role": user.role, "agency": user.agency.slug if user.agency else ""})
    form.agency.choices = [SelectChoice("", "No agency")] + [SelectChoice(a.slug, a.name) for a in service.list_agencies()]
    if form.validate_on_submit():
        try:
            service.set_role(current_user, user, form.role.data, form.agency.data or None)
        except DomainError as error:
            attach_error(form, error)
            return render_form("admin/user_edit.html", form, status=error.status, user=user)
        where = f" at {user.agency.name}" if user.agency else ""
        flash(f"{user.display_name} is now: {Role(user.role).label}{where}.", "success")
        return redirect(url_for("admin.users"))
    return render_form("admin/user_edit.html", form, user=user)
