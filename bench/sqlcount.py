"""SQL statements per page, counted in-process: one request through app.test_client()
after a warm-up request, with a before_cursor_execute listener on the engine."""
from __future__ import annotations

from flask import Flask
from sqlalchemy import event

from forum.extensions import db


def queries_per_page(app: Flask, paths: list[str]) -> dict[str, int]:
    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    client = app.test_client()
    counts: dict[str, int] = {}
    event.listen(engine, "before_cursor_execute", count)
    try:
        for path in paths:
            client.get(path)  # warm-up: caches, first connection
            statements.clear()
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path} answered {response.status_code} in-process, not 200")
            counts[path] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
        engine.dispose()
    return counts
