"""The "floor": a bare Flask app rendering a small Jinja template, served like the forum.

Whatever the forum does beyond this (database, sessions, security headers, a larger
template) shows up as the gap between its pages and this one.
"""
from __future__ import annotations

from flask import Flask, render_template
from jinja2 import DictLoader

TEMPLATE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
  <h1>{{ title }}</h1>
  <p>{{ paragraph }}</p>
  <ul>
  {%- for item in items %}
    <li>{{ item }}</li>
  {%- endfor %}
  </ul>
</body>
</html>
"""
ITEMS = [f"Item {n}" for n in range(1, 6)]

app = Flask(__name__)
app.jinja_loader = DictLoader({"floor.html": TEMPLATE})


@app.get("/")
def floor():
    return render_template("floor.html", title="The floor",
                           paragraph="A heading, a paragraph and a list: the least a page can be.", items=ITEMS)
