"""The `flask forum ...` commands: accounts, agencies, demo data, consistency checks."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from moderation.types import Role

from .errors import DomainError
from .extensions import db

forum_cli = AppGroup("forum", help="Civic Forum administration.")
agency_cli = AppGroup("agency", help="Agencies.")
forum_cli.add_command(agency_cli)


def _fail(error: DomainError) -> None:
    raise click.ClickException(error.message)


@forum_cli.command("create-user")
@click.option("--email", required=True)
@click.option("--password", required=True, help="At least 10 characters, not a common password.")
@click.option("--name", required=True, help="Display name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.CITIZEN.value, show_default=True)
@click.option("--agency", "agency_slug", help="Agency slug (required for moderators).")
def create_user(email: str, password: str, name: str, role: str, agency_slug: str | None) -> None:
    """Create an account with any role."""
    from .accounts.service import create_user as create

    try:
        user = create(email, password, name, role=role, agency_slug=agency_slug)
    except DomainError as error:
        _fail(error)
    click.echo(f"Created {user.role} {user.email} (id {user.id}).")


@agency_cli.command("add")
@click.option("--name", required=True)
@click.option("--slug", required=True, help="Short name for web addresses, like tax-office.")
@click.option("--description", default="")
def agency_add(name: str, slug: str, description: str) -> None:
    """Add an agency."""
    from .accounts.service import add_agency

    try:
        agency = add_agency(None, name, slug, description)
    except DomainError as error:
        _fail(error)
    click.echo(f"Added agency {agency.name} ({agency.slug}).")


@agency_cli.command("list")
def agency_list() -> None:
    """List agencies."""
    from .accounts.models import Agency

    for agency in db.session.scalars(select(Agency).order_by(Agency.slug)):
        click.echo(f"{agency.slug}\t{agency.name}")


@forum_cli.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing (and succeed) when the database has content.")
@click.option("--seed", default=2026, show_default=True, help="Random seed: the same seed gives the same data.")
def seed_demo(if_empty: bool, seed: int) -> None:
    """Fill an empty database with fictional agencies, users and content."""
    from .demo.seed import DatabaseNotEmpty, seed_demo as seed_database

    try:
        logins = seed_database(seed=seed)
    except DatabaseNotEmpty as error:
        if if_empty:
            click.echo("The database already has content: demo data not loaded.")
            return
        raise click.ClickException(str(error)) from None
    click.echo("Demo data loaded. Sign in with any of these (demo only):")
    for role, email, password in logins:
        click.echo(f"  {role:<10} {email:<32} {password}")


@forum_cli.command("check")
@click.option("--fix", is_flag=True, help="Correct the counters that drifted.")
def check(fix: bool) -> None:
    """Recompute every counter (votes, answers, "me too", ratings, tags, reputation, questions' waits and ratings) and report drift."""
    from .qa.check import find_drift, fix_drift

    drift = find_drift()
    for d in drift:
        click.echo(f"{d.table} {d.row_id}: {d.column} is {_shown(d.stored)}, should be {_shown(d.expected)}")
    if not drift:
        click.echo("All counters match the rows they count.")
        return
    if fix:
        click.echo(f"Fixed {fix_drift()} rows.")
    else:
        raise click.ClickException(f"{len(drift)} counters drifted; run with --fix to correct them.")


def _shown(value) -> str:
    return "empty" if value is None else str(value)


insights_cli = AppGroup("insights", help="Pain points and trends.")
forum_cli.add_command(insights_cli)


@insights_cli.command("refresh")
@click.option("--if-stale", is_flag=True, help="Do nothing until FORUM_INSIGHTS_REFRESH_MINUTES have passed.")
@click.option("--quiet", is_flag=True, help="No progress bar (for cron).")
def insights_refresh(if_stale: bool, quiet: bool) -> None:
    """Recompute pain points from questions, suggestions, "I have this question too" and supports."""
    import time

    from flask import current_app

    from .insights import painpoints

    if if_stale and not painpoints.is_stale(current_app.config["FORUM_INSIGHTS_REFRESH_MINUTES"]):
        if not quiet:
            click.echo("Pain points are fresh: nothing to do.")
        return
    began = time.perf_counter()
    if quiet:
        found = painpoints.refresh()
    else:
        with click.progressbar(length=painpoints.post_total(), label="Grouping posts") as bar:
            found = painpoints.refresh(progress=bar.update)
    if not quiet:
        click.echo(f"{found} pain points in {time.perf_counter() - began:.1f} s.")


def register_cli(app: Flask) -> None:
    app.cli.add_command(forum_cli)
