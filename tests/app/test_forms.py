"""What every form shares (forum/forms.py): files sent in place of text are refused clearly."""
import io

import pytest

from ..factories import make_question, make_user
from ..helpers import csrf_token


def _file():
    return (io.BytesIO(b"%PDF-1.4 not text"), "statement.pdf")


@pytest.mark.parametrize("url, data, file_field, signed_in", [
    ("/register", {"display_name": "Alex Citizen", "password": "tram-kettle-harbour-42"}, "email", False),
    ("/login", {"email": "alex@example.org"}, "password", False),
    ("/questions/ask", {"title": "How long does a passport renewal take?", "tags": "passports"}, "body", True),
    ("/questions/ask", {"title": "How long does a passport renewal take?", "body": "Three weeks?", "action": "preview"},
     "tags", True),
    ("/questions/{question}/answers", {}, "body", True),
])
def test_a_file_sent_in_a_text_field_is_a_clear_400_on_every_form(app, client_of, client, url, data, file_field,
                                                                   signed_in):
    asker = make_user(app)
    question = make_question(app, asker)
    browser = client_of(make_user(app)) if signed_in else client
    url = url.format(question=question.id)
    token = csrf_token(browser, question.url if "answers" in url else url)
    response = browser.post(url, data={**data, "csrf_token": token, file_field: _file()},
                            content_type="multipart/form-data")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "must be typed in: a file cannot be sent here" in page
    assert f'href="#{file_field}"' in page  # the error summary points at the field
    if "title" in data:
        assert f'value="{data["title"]}"' in page  # and the form keeps what was typed
