"""`flask forum search drain|rebuild|status`."""
from __future__ import annotations

import time

import click
from flask.cli import AppGroup

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("drain")
@click.option("--follow", is_flag=True, help="Keep running: the dedicated indexer for production.")
@click.option("--interval", default=0.5, show_default=True, help="Seconds between looks at the outbox.")
def drain(follow: bool, interval: float) -> None:
    """Apply pending changes (the outbox) to the index."""
    from .backend import SearchUnavailable
    from .outbox import drain as drain_outbox
    from .service import backend

    while True:
        try:
            done = drain_outbox(backend(), wait=True)
        except SearchUnavailable as error:
            if not follow:
                raise click.ClickException(f"{error}. Run `flask forum search rebuild`.") from None
            click.echo(f"Index unavailable ({error}); waiting for a rebuild.", err=True)
            done = 0
        if done or not follow:
            click.echo(f"Applied {done} change{'s' if done != 1 else ''} to the index.")
        if not follow:
            return
        time.sleep(interval)


@search_cli.command("rebuild")
def rebuild() -> None:
    """Rebuild the index from the database, beside the current one, and swap it in."""
    from .documents import count_all, iter_all
    from .service import backend

    total = count_all()
    started = time.perf_counter()
    with click.progressbar(length=total, label="Indexing", file=None) as bar:
        count = backend().rebuild(iter_all(), total, progress=bar.update)
    seconds = time.perf_counter() - started
    click.echo(f"Indexed {count:,} documents in {seconds:.1f} s.")


@search_cli.command("status")
def status() -> None:
    """Compare the index with the database and show pending changes."""
    from .service import index_status

    report = index_status()
    state = report["status"]
    if not state.available:
        click.echo(f"Index unavailable: {state.problem}. Run `flask forum search rebuild`.")
    else:
        click.echo(f"Index at {state.location}: {state.documents:,} documents.")
    click.echo(f"Database: {report['expected']:,} public documents; {report['pending']:,} changes waiting in the outbox.")
    for label in ("missing", "extra"):
        keys = report[label]
        if keys:
            click.echo(f"{label.capitalize()} in the index: {len(keys):,} ({', '.join(keys[:10])}{' …' if len(keys) > 10 else ''})")
    if not state.available or report["missing"] or report["extra"]:
        raise SystemExit(1)
