"""Line-by-line differences between two revisions of a question or answer.

The comparison is Myers' O(ND) line diff (the one git uses) with a fixed budget of steps:
a pair of revisions that would need more (thousands of scattered changes, or many repeated
lines that all differ) is reported as too large to compare inline, so a page of history
never costs more than its budget whatever people typed. The HTML is built from escaped
text only, so a revision can never inject markup.
"""

from __future__ import annotations

from html import escape

__all__ = ["WORK_LIMIT", "diff_html", "diff_stats"]

# Steps of the comparison one pair of revisions may take (a diagonal visited or a line
# compared). At this budget the slowest pair measured takes about 0.1 s.
WORK_LIMIT = 300_000

Opcode = tuple[str, int, int, int, int]

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


def _common_ends(a: list, b: list) -> tuple[int, int]:
    """How many lines the two share at the start, then at the end (not overlapping)."""
    start, limit = 0, min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, end


def _myers(a: list[int], b: list[int], budget: int) -> list[tuple[int, int, int]] | None:
    """The matching runs (i, j, length) of a shortest edit script from a to b, or None when
    finding it would take more than `budget` steps."""
    n, m = len(a), len(b)
    offset = n + m + 1
    v = [0] * (2 * offset + 1)  # v[offset + k]: furthest x reached on diagonal k = x - y
    trace: list[list[int]] = []
    work = 0
    for d in range(n + m + 1):
        trace.append(v[offset - d - 1: offset + d + 2])  # v as it was before step d
        work += 3 * d + 3
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[offset + k - 1] < v[offset + k + 1]):
                x = v[offset + k + 1]  # a line of b inserted
            else:
                x = v[offset + k - 1] + 1  # a line of a deleted
            y, start = x - k, x
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            work += x - start
            v[offset + k] = x
            if x >= n and y >= m:
                return _runs(trace, n, m)
            if work > budget:
                return None
    raise AssertionError("unreachable: n + m steps always suffice")


def _runs(trace: list[list[int]], x: int, y: int) -> list[tuple[int, int, int]]:
    """Walk the trace back from the end and collect the diagonal (matching) runs."""
    runs = []
    for d in range(len(trace) - 1, -1, -1):
        v, base = trace[d], d + 1  # trace[d][base + k] is v[k] before step d
        k = x - y
        if k == -d or (k != d and v[base + k - 1] < v[base + k + 1]):
            previous_k = k + 1
        else:
            previous_k = k - 1
        previous_x = v[base + previous_k] if d else 0
        snake_start = previous_x if d == 0 else (previous_x if previous_k == k + 1 else previous_x + 1)
        if x > snake_start:
            runs.append((snake_start, snake_start - k, x - snake_start))
        x, y = previous_x, previous_x - previous_k
    runs.reverse()
    return runs


def _opcodes(old: list[str], new: list[str], budget: int = WORK_LIMIT) -> list[Opcode] | None:
    """difflib-style opcodes turning `old` into `new`, or None when over the budget."""
    start, end = _common_ends(old, new)
    ids: dict[str, int] = {}
    a = [ids.setdefault(line, len(ids)) for line in old[start: len(old) - end]]
    b = [ids.setdefault(line, len(ids)) for line in new[start: len(new) - end]]
    if not a or not b:
        middle = []
    elif (middle := _myers(a, b, budget)) is None:
        return None
    runs = [(0, 0, start)] + [(i + start, j + start, size) for i, j, size in middle]
    runs.append((len(old) - end, len(new) - end, end))
    opcodes: list[Opcode] = []
    i = j = 0
    for run_i, run_j, size in runs:
        if i < run_i or j < run_j:
            tag = "replace" if i < run_i and j < run_j else ("delete" if i < run_i else "insert")
            opcodes.append((tag, i, run_i, j, run_j))
        if size:
            opcodes.append(("equal", run_i, run_i + size, run_j, run_j + size))
        i, j = run_i + size, run_j + size
    return opcodes


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


def diff_html(old: str, new: str) -> str | None:
    """An HTML table of every line of two Markdown sources, with changes marked, or None
    when they differ too much to compare within WORK_LIMIT (show both in full instead).

    Removed lines are wrapped in <del>, added lines in <ins>, each with a visually hidden
    "removed: " or "added: " for screen readers; unchanged lines are shown as they are.
    The two columns before the text hold the line numbers in the old and new revision.
    """
    old_lines, new_lines = _lines(old), _lines(new)
    opcodes = _opcodes(old_lines, new_lines)
    if opcodes is None:
        return None
    rows: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            rows.extend(
                _row("unchanged", i + 1, j + 1, old_lines[i])
                for i, j in zip(range(i1, i2), range(j1, j2))
            )
            continue
        rows.extend(_row("removed", i + 1, None, old_lines[i]) for i in range(i1, i2))
        rows.extend(_row("added", None, j + 1, new_lines[j]) for j in range(j1, j2))
    return _HEAD + "".join(rows) + _FOOT


def diff_stats(old: str, new: str) -> tuple[int, int] | None:
    """How many lines were (added, removed) going from `old` to `new`; None when too large to compare."""
    opcodes = _opcodes(_lines(old), _lines(new))
    if opcodes is None:
        return None
    added = removed = 0
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            added += j2 - j1
            removed += i2 - i1
    return added, removed
