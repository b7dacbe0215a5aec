"""What users' Markdown becomes on the page, and how their text is summarised and cleaned."""

from html.parser import HTMLParser

import pytest

from forum.content import MAX_ELEMENTS, MAX_TABLE_CELLS, TooComplex, clean_text, excerpt, render

REL = "nofollow ugc noopener"


class _Elements(HTMLParser):
    """Every start tag in a fragment, as a browser's parser would see it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser.found


def tags(fragment: str) -> list[str]:
    return [tag for tag, _ in elements(fragment)]


def links(fragment: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in elements(fragment) if tag == "a"]


def assert_nothing_executable(fragment: str) -> None:
    for tag, attrs in elements(fragment):
        assert tag not in {"script", "iframe", "img", "object", "embed", "style", "svg"}
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs
        href = (attrs.get("href") or "").lower()
        assert not href.startswith(("javascript", "vbscript", "data:")), href


# --- Markdown that users write ---------------------------------------------------------


def test_paragraphs_and_emphasis_are_rendered():
    html = render("Hello **strong** and *em*.\n\nSecond paragraph.")
    assert html == "<p>Hello <strong>strong</strong> and <em>em</em>.</p>\n<p>Second paragraph.</p>\n"


def test_strikethrough_becomes_del():
    assert render("~~closed~~") == "<p><del>closed</del></p>\n"


def test_fenced_code_block_content_is_escaped_and_not_linked():
    html = render("```python\n<b>bold?</b> & http://example.org\n```")
    assert html == "<pre><code>&lt;b&gt;bold?&lt;/b&gt; &amp; http://example.org\n</code></pre>\n"


def test_indented_code_block_content_is_escaped():
    html = render("Before\n\n    <script>alert(1)</script>\n")
    assert "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>" in html
    assert_nothing_executable(html)


def test_inline_code_is_escaped_and_not_linked():
    assert render("Run `<b> https://example.org`") == (
        "<p>Run <code>&lt;b&gt; https://example.org</code></p>\n"
    )


def test_bulleted_and_numbered_lists_are_rendered():
    html = render("- one\n- two\n\n3. three\n4. four")
    assert tags(html) == ["ul", "li", "li", "ol", "li", "li"]
    assert '<ol start="3">' in html


def test_block_quotes_are_rendered():
    assert render("> As the council said") == (
        "<blockquote>\n<p>As the council said</p>\n</blockquote>\n"
    )


def test_tables_are_rendered_without_alignment_styles():
    html = render("| Service | Days |\n|:--|--:|\n| Bins | 2 |")
    assert tags(html) == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert all(attrs == {} for _, attrs in elements(html))
    assert "style" not in html


def test_horizontal_rule_and_hard_break_are_kept():
    assert tags(render("a\\\nb\n\n---")) == ["p", "br", "hr"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Title", "<h3>Title</h3>\n"),
        ("## Section", "<h4>Section</h4>\n"),
        ("### Sub", "<h5>Sub</h5>\n"),
        ("#### Deep", "<h6>Deep</h6>\n"),
        ("###### Deepest", "<h6>Deepest</h6>\n"),
        ("Title\n=====", "<h3>Title</h3>\n"),
    ],
)
def test_headings_are_demoted_so_the_page_keeps_h1_and_h2(source, expected):
    assert render(source) == expected


def test_image_is_replaced_by_its_alt_text():
    html = render('![Opening *hours* sign](https://example.org/sign.png "sign")')
    assert html == "<p>Opening hours sign</p>\n"


# --- Links ---------------------------------------------------------------------------


def test_link_gets_nofollow_ugc_noopener_once():
    html = render('[Council](https://example.gov "Council site")')
    assert links(html) == [{"href": "https://example.gov", "title": "Council site", "rel": REL}]
    assert html.count("rel=") == 1


def test_relative_links_and_anchors_are_kept():
    html = render("[answer](/questions/1-bins#answer-2) and [top](#top)")
    assert [link["href"] for link in links(html)] == ["/questions/1-bins#answer-2", "#top"]


@pytest.mark.parametrize(
    "source",
    ["<https://example.org/a>", "[mail](mailto:help@example.gov)", "[answer](/questions/1)"],
)
def test_every_kind_of_allowed_link_gets_rel(source):
    (link,) = links(render(source))
    assert link["rel"] == REL


def test_bare_url_in_text_becomes_a_link():
    html = render("See https://www.gov.uk/bin-collection?x=1&y=2 for dates.")
    assert links(html) == [{"href": "https://www.gov.uk/bin-collection?x=1&y=2", "rel": REL}]


def test_bare_www_address_becomes_a_link():
    assert links(render("Try www.gov.uk today")) == [{"href": "http://www.gov.uk", "rel": REL}]


def test_file_names_are_not_mistaken_for_links():
    assert links(render("Edit settings.py and notes.md")) == []


def test_bare_urls_inside_links_are_not_linked_twice():
    html = render("[https://example.org](https://example.org)")
    assert len(links(html)) == 1


# --- Nothing executable survives -----------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<div>\n<script>alert(1)</script>\n</div>",
        '<img src="x" onerror="alert(1)">',
        '<a href="https://example.org" onclick="alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        '<p style="position:fixed">x</p>',
        "<style>body{display:none}</style>",
        "<svg onload=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
    ],
)
def test_raw_html_is_shown_as_text_not_run(source):
    html = render(source)
    assert_nothing_executable(html)
    assert set(tags(html)) <= {"p", "a"}  # a: a URL in the text may be linked
    assert "&lt;" in html


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](java%09script:alert(1))",
        "[click](%6Aavascript:alert(1))",
        "[click]( javascript:alert(1))",
        "<javascript:alert(1)>",
        "[click](vbscript:msgbox(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
    ],
)
def test_javascript_link_is_removed(source):
    html = render(source)
    assert_nothing_executable(html)
    assert links(html) == []


@pytest.mark.parametrize(
    "source",
    [
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](data:image/png;base64,iVBORw0KGgo=)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    ],
)
def test_data_url_is_removed(source):
    html = render(source)
    assert_nothing_executable(html)
    assert links(html) == []


def test_unsafe_link_keeps_its_text():
    assert render("[the form](data:image/png;base64,AA==)") == "<p>the form</p>\n"


def test_rendering_raises_no_warnings(recwarn):
    render("| a |\n|:-:|\n| b |\n\n<b style='x'>y</b> https://example.org")
    assert len(recwarn) == 0


# --- Excerpts ------------------------------------------------------------------------


def test_excerpt_removes_markup():
    source = "# Bins\n\nAre **green** bins collected on `Monday`? See [the page](https://x.org).\n\n- yes"
    assert excerpt(source) == "Bins Are green bins collected on Monday? See the page. yes"


def test_excerpt_keeps_words_from_separate_lines_cells_and_images_apart():
    source = "line one\nline two\n\n| a | b |\n|---|---|\n| c | d |\n\n![map of the area](m.png)"
    assert excerpt(source) == "line one line two a b c d map of the area"


def test_excerpt_keeps_short_text_whole():
    assert excerpt("Short question?", length=50) == "Short question?"


def test_excerpt_collapses_whitespace():
    assert excerpt("one\n\n\ntwo   three\n\n    code   block") == "one two three code block"


def test_excerpt_is_cut_at_a_word_boundary_with_an_ellipsis():
    text = excerpt("When is the library open on bank holidays this year?", length=30)
    assert text == "When is the library open on…"
    assert len(text) <= 30


def test_excerpt_drops_punctuation_before_the_ellipsis():
    assert excerpt("Council tax, parking, and bins", length=16) == "Council tax…"


def test_excerpt_cuts_a_single_long_word():
    assert excerpt("a" * 50, length=10) == "a" * 9 + "…"


def test_excerpt_is_plain_text_with_html_left_for_the_template_to_escape():
    assert excerpt("<script>alert(1)</script> &amp; more") == "<script>alert(1)</script> & more"


def test_excerpt_of_empty_source_is_empty():
    assert excerpt("   \n\n ") == ""


def test_excerpt_rejects_a_length_below_one():
    with pytest.raises(ValueError):
        excerpt("text", length=0)


# --- clean_text ----------------------------------------------------------------------


def test_clean_text_removes_nul_and_control_characters():
    assert clean_text("a\x00b\x07c\x1bd\x7fe") == "abcde"


def test_clean_text_keeps_newlines_and_tabs():
    assert clean_text("line one\n\tindented") == "line one\n\tindented"


def test_clean_text_normalises_windows_and_old_mac_newlines():
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


def test_clean_text_strips_trailing_whitespace_but_keeps_leading_indent():
    assert clean_text("    code\n\n  \t\n") == "    code"


def test_clean_text_keeps_unicode_text():
    assert clean_text("Café – naïve ✓") == "Café – naïve ✓"


def _table(columns: int, rows: int, row: str = "x") -> str:
    return "|".join("h" * columns) + "\n" + "|".join("-" * columns) + "\n" + f"{row}\n" * rows


def test_a_table_within_the_cell_limit_renders():
    html = render(_table(2, MAX_TABLE_CELLS // 2 - 1))  # the header row counts too
    assert html.count("<td>") == MAX_TABLE_CELLS - 2 and html.count("<th>") == 2


def test_a_table_over_the_cell_limit_is_refused_with_the_reason():
    with pytest.raises(TooComplex, match="at most 1,000 cells"):
        render(_table(2, MAX_TABLE_CELLS // 2))


def test_short_lines_that_become_table_rows_are_refused():
    # Two characters a row, each completed to the header's width: once 5 s to render.
    with pytest.raises(TooComplex, match="cells"):
        render(_table(10, 1_800))


def test_cells_are_counted_across_every_table_of_a_post():
    small = _table(2, 9) + "\n"  # 20 cells
    assert render(small * (MAX_TABLE_CELLS // 20)).count("<table>") == MAX_TABLE_CELLS // 20
    with pytest.raises(TooComplex):
        render(small * (MAX_TABLE_CELLS // 20 + 1))


def test_a_table_wider_than_the_limit_is_refused():
    with pytest.raises(TooComplex):
        render("|" + "a|" * 1_500 + "\n|" + "-|" * 1_500 + "\n")


@pytest.mark.parametrize("source", ["- item\n" * 2_000, "[a](b) " * 2_600, "*a* " * 2_600])
def test_text_made_of_too_many_parts_is_refused(source):
    with pytest.raises(TooComplex, match=f"more than {MAX_ELEMENTS:,}"):
        render(source)


def test_a_link_repeated_to_make_a_huge_page_is_refused():
    reference = "[a]: https://example.org/" + "x" * 900 + "\n\n"
    with pytest.raises(TooComplex, match="too large to show"):
        render(reference + "[a] " * 2_000)


def test_text_longer_than_any_post_is_never_rendered():
    with pytest.raises(TooComplex, match="20,000 characters or fewer"):
        render("a" * 20_001)
