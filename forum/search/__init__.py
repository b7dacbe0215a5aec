"""Search: a backend behind an interface (Whoosh by default), fed through an outbox.

`init_app` attaches the backend, drains the outbox after each request that wrote to it, and
adds `flask forum search ...`.
"""
from __future__ import annotations

from flask import Flask, current_app, g


def init_app(app: Flask) -> None:
    from ..cli import forum_cli
    from . import outbox  # noqa: F401  registers the Session events
    from .cli import search_cli
    from .whoosh import WhooshBackend

    app.extensions["forum_search"] = WhooshBackend(app.config["FORUM_SEARCH_DIR"])
    app.after_request(_drain_after_response)
    if "search" not in forum_cli.commands:
        forum_cli.add_command(search_cli)


def _drain_after_response(response):
    """Once the response is sent, apply this request's changes if the index lock is free at
    once; otherwise the rows wait for the next drain (another request or the indexer)."""
    if g.pop("search_outbox_written", False):
        app = current_app._get_current_object()
        response.call_on_close(lambda: drain_now(app))
    return response


def drain_now(app: Flask) -> int:
    from .backend import SearchUnavailable
    from .outbox import drain

    with app.app_context():
        try:
            return drain(app.extensions["forum_search"], wait=False)
        except SearchUnavailable as error:  # the index is missing: `search rebuild` will pick everything up
            app.logger.warning("search outbox left for later: %s", error)
            return 0
        except Exception:  # never let indexing break anything after a response
            app.logger.exception("draining the search outbox failed")
            return 0
