"""How the difference between two revisions of a post is shown and counted."""

import random
from html.parser import HTMLParser

from forum.qa.diffs import _opcodes, diff_html, diff_stats


class _Rows(HTMLParser):
    """The table rows as (row kind, before, after, text a screen reader would read)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, str, str, str]] = []
        self.tags: set[str] = set()
        self._kind = ""
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "tr":
            classes = (dict(attrs).get("class") or "").split()
            self._kind = next((c.split("--")[1] for c in classes if "--" in c), "header")
            self._cells = []
        elif tag in ("td", "th"):
            self._cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._kind != "header":
            before, after, text = self._cells
            self.rows.append((self._kind, before, after, text))

    def handle_data(self, data: str) -> None:
        if self._cells:
            self._cells[-1] += data


def rows(fragment: str) -> list[tuple[str, str, str, str]]:
    parser = _Rows()
    parser.feed(fragment)
    parser.close()
    return parser.rows


def tags(fragment: str) -> set[str]:
    parser = _Rows()
    parser.feed(fragment)
    return parser.tags


def test_diff_is_a_table_with_column_headers():
    html = diff_html("a", "b")
    assert html.startswith('<table class="diff">')
    assert '<th scope="col">Text</th>' in html
    assert "<caption" not in html


def test_unchanged_lines_are_shown_with_both_line_numbers():
    assert rows(diff_html("same\nold", "same\nnew"))[0] == ("unchanged", "1", "1", "same")


def test_changed_line_is_shown_as_removed_then_added():
    assert rows(diff_html("Bins go out on Monday", "Bins go out on Tuesday")) == [
        ("removed", "1", "", "removed: Bins go out on Monday"),
        ("added", "", "1", "added: Bins go out on Tuesday"),
    ]


def test_added_lines_are_marked_ins_with_hidden_label():
    html = diff_html("first", "first\nsecond")
    assert '<ins><span class="govuk-visually-hidden">added: </span>second</ins>' in html
    assert "<del>" not in html


def test_removed_lines_are_marked_del_with_hidden_label():
    html = diff_html("first\nsecond", "first")
    assert '<del><span class="govuk-visually-hidden">removed: </span>second</del>' in html
    assert "<ins>" not in html


def test_line_numbers_follow_each_revision():
    assert rows(diff_html("a\nb\nc", "a\nx\nb\nc")) == [
        ("unchanged", "1", "1", "a"),
        ("added", "", "2", "added: x"),
        ("unchanged", "2", "3", "b"),
        ("unchanged", "3", "4", "c"),
    ]


def test_script_in_old_or_new_text_is_escaped():
    html = diff_html('<script>alert("old")</script>', "<img src=x onerror=alert(1)>\n<b>&amp;</b>")
    assert tags(html) <= {"table", "thead", "tbody", "tr", "th", "td", "ins", "del", "span"}
    assert "&lt;script&gt;alert(&quot;old&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html


def test_windows_newlines_do_not_count_as_changes():
    assert diff_stats("one\ntwo\n", "one\r\ntwo\r\n") == (0, 0)


def test_identical_revisions_have_no_marked_lines():
    html = diff_html("same\ntext", "same\ntext")
    assert "<ins>" not in html and "<del>" not in html
    assert [kind for kind, *_ in rows(html)] == ["unchanged", "unchanged"]


def test_first_revision_from_empty_text_is_all_added():
    assert [kind for kind, *_ in rows(diff_html("", "a\nb"))] == ["added", "added"]
    assert diff_stats("", "a\nb") == (2, 0)


def test_diff_stats_counts_added_and_removed_lines():
    assert diff_stats("a\nb\nc", "a\nB\nc\nd") == (2, 1)


def test_diff_stats_of_identical_text_is_zero():
    assert diff_stats("same", "same") == (0, 0)


def test_diff_of_long_posts_with_repeated_lines_stays_line_by_line():
    old = "\n".join(["", "text"] * 150)
    new = old + "\nappended"
    assert diff_stats(old, new) == (1, 0)


def test_versions_that_differ_everywhere_are_too_large_to_compare_inline():
    old = "\n".join(f"old line {i}" for i in range(4_000))
    new = "\n".join(f"new line {i}" for i in range(4_000))
    assert diff_html(old, new) is None
    assert diff_stats(old, new) is None


def test_many_repeated_lines_that_all_differ_stop_at_the_budget():
    # SequenceMatcher took minutes on this; the budget stops the comparison instead.
    assert diff_html("x\n" * 10_000, "x\ny\n" * 5_000) is None


def test_a_long_post_edited_at_both_ends_still_diffs_line_by_line():
    middle = "A line of the post about my tax return.\n" * 450
    old, new = "Hello\n" + middle + "Thanks", "Hello all\n" + middle + "Thank you"
    assert len(new) <= 20_000
    assert diff_stats(old, new) == (2, 2)
    assert rows(diff_html(old, new))[0][0] == "removed"


def test_the_comparison_stops_when_its_budget_is_spent():
    old, new = ["a", "b", "c", "d"], ["d", "c", "b", "a"]
    assert _opcodes(old, new, budget=5) is None
    assert _opcodes(old, new, budget=1_000) is not None


def test_the_difference_is_a_shortest_one():
    generator = random.Random(7)
    for _ in range(300):
        old = [generator.choice("abc") for _ in range(generator.randint(0, 12))]
        new = [generator.choice("abc") for _ in range(generator.randint(0, 12))]
        opcodes = _opcodes(old, new, budget=10**9)
        rebuilt = [line for tag, i1, i2, j1, j2 in opcodes for line in (old[i1:i2] if tag == "equal" else new[j1:j2])]
        assert rebuilt == new
        assert all(old[i1:i2] == new[j1:j2] for tag, i1, i2, j1, j2 in opcodes if tag == "equal")
        changed = sum(i2 - i1 + j2 - j1 for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
        assert changed == len(old) + len(new) - 2 * _longest_common_subsequence(old, new)


def _longest_common_subsequence(a, b) -> int:
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            lengths[i][j] = lengths[i + 1][j + 1] + 1 if a[i] == b[j] else max(lengths[i + 1][j], lengths[i][j + 1])
    return lengths[0][0]
