"""Entry point for `flask --app wsgi` and gunicorn (`gunicorn wsgi:app`)."""
import sys

from forum import ConfigError, create_app

try:
    app = create_app()
except ConfigError as error:
    sys.exit(f"Civic Forum cannot start: {error}")
