"""Run by test_outbox_processes.py in a separate process: sign in and post questions through
the web app, as one gunicorn worker would, each request draining the outbox after its response."""
import json
import sys

from forum import create_app
from tests.factories import UserRecord, login_as
from tests.helpers import csrf_token


def main() -> None:
    env, user, titles = json.loads(sys.argv[1])
    app = create_app(env)
    client = app.test_client()
    login_as(client, UserRecord(**user))
    for title in titles:
        token = csrf_token(client, "/questions/ask")
        # buffered=True closes the response as a server does, which runs the after-response drain.
        response = client.post("/questions/ask", data={"csrf_token": token, "title": title, "body": "Details " + title,
                                                       "tags": "concurrency", "agency": "", "action": "post"},
                               buffered=True)
        if response.status_code != 302:
            sys.exit(f"posting failed with {response.status_code}")
    with app.app_context():
        from forum.extensions import db
        db.engine.dispose()


if __name__ == "__main__":
    main()
