"""Line-by-line differences between two revisions of a question or answer.

The HTML is built from escaped text only, so a revision can never inject markup.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from html import escape

__all__ = ["diff_html", "diff_stats"]

_HIDDEN = '<span class="govuk-visually-hidden">{}: </span>'
_HEAD = (
    '<table class="diff">\n<thead><tr>'
    '<th scope="col" class="diff__line-number">Before</th>'
    '<th scope="col" class="diff__line-number">After</th>'
    '<th scope="col">Text</th>'
    "</tr></thead>\n<tbody>\n"
)
_FOOT = "</tbody>\n</table>\n"


def _lines(text: str) -> list[str]:
    # splitlines() accepts \r\n and \r too, and gives no lines for an empty revision.
    return text.splitlines()


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    # autojunk=False: a long post with many blank lines must still diff line by line.
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _row(kind: str, before: int | None, after: int | None, line: str) -> str:
    text = escape(line)
    if kind == "added":
        text = f"<ins>{_HIDDEN.format('added')}{text}</ins>"
    elif kind == "removed":
        text = f"<del>{_HIDDEN.format('removed')}{text}</del>"
    return (
        f'<tr class="diff__row diff__row--{kind}">'
        f'<td class="diff__line-number">{before or ""}</td>'
        f'<td class="diff__line-number">{after or ""}</td>'
        f'<td class="diff__text">{text}</td></tr>\n'
    )


def diff_html(old: str, new: str) -> str:
    """An HTML table of every line of two Markdown sources, with changes marked.

    Removed lines are wrapped in <del>, added lines in <ins>, each with a visually hidden
    "removed: " or "added: " for screen readers; unchanged lines are shown as they are.
    The two columns before the text hold the line numbers in the old and new revision.
    """
    old_lines, new_lines = _lines(old), _lines(new)
    rows: list[str] = []
    for tag, i1, i2, j1, j2 in _opcodes(old_lines, new_lines):
        if tag == "equal":
            rows.extend(
                _row("unchanged", i + 1, j + 1, old_lines[i])
                for i, j in zip(range(i1, i2), range(j1, j2))
            )
            continue
        rows.extend(_row("removed", i + 1, None, old_lines[i]) for i in range(i1, i2))
        rows.extend(_row("added", None, j + 1, new_lines[j]) for j in range(j1, j2))
    return _HEAD + "".join(rows) + _FOOT


def diff_stats(old: str, new: str) -> tuple[int, int]:
    """How many lines were (added, removed) going from `old` to `new`."""
    added = removed = 0
    for tag, i1, i2, j1, j2 in _opcodes(_lines(old), _lines(new)):
        if tag != "equal":
            added += j2 - j1
            removed += i2 - i1
    return added, removed
