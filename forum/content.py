"""User-written text: Markdown to safe HTML, plain-text excerpts, and input clean-up.

The only module that imports bleach, so swapping the sanitiser (e.g. for nh3) is a one-file change.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from functools import partial
from urllib.parse import unquote, urlsplit

import bleach
from bleach.linkifier import LinkifyFilter, build_url_re
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import table as _commonmark_table
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

__all__ = ["render", "excerpt", "clean_text", "slugify", "TooComplex"]

ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# Headings are shifted down two levels (h1→h3, h2→h4, anything deeper stops at h6):
# the page owns h1 and h2, and the relative outline of the post is kept.
HEADING_SHIFT = 2
ALLOWED_TAGS = frozenset(
    {"p", "br", "hr", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
     "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"}
)
# No style, class or event attributes anywhere; table alignment is dropped.
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "ol": ["start"]}

# bleach's view of a link: {(namespace, name): value} plus "_text", the link's text.
LinkAttrs = dict[tuple[str | None, str] | str, str]

# What one post may make. Text written for people stays far inside these; they stop text
# built to make rendering slow or pages huge: every table row the parser completes costs as
# much as a typed one (a two-character line becomes a full row), and one link reference can
# be repeated thousands of times. With them, the costliest 20,000 characters render in
# about a tenth of a second.
MAX_SOURCE = 20_000  # the longest text any post may have (forms check it first, in their own words)
MAX_TABLE_CELLS = 1_000  # in all the tables of a post, header cells included
MAX_ELEMENTS = 2_500  # paragraphs, list items, links, emphasis…: the elements of the HTML
MAX_HTML = 200_000  # characters of HTML before sanitising


class TooComplex(ValueError):
    """The text would make a page too costly to build or too large to show; the message says what to cut."""


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")
_COLON_BEFORE_PATH = re.compile(r"[^/?#]*:")
_BARE_URL_START = ("http://", "https://", "www.")


def _house_style(state: StateCore) -> None:
    """Demote headings and write strikethrough as <del> (markdown-it emits <s>)."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + HEADING_SHIFT, 6)}"
        for child in token.children or ():
            if child.type in ("s_open", "s_close"):
                child.tag = "del"


def _image_as_alt_text(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Images are not allowed; their alt text stays in the flow of the text."""
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return html.escape(alt, quote=False)


def _delimiter_columns(state: StateBlock, line: int) -> int:
    text = state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]].strip()
    return max(1, text.strip("|").count("|") + 1)


def _bounded_table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's table rule, allowed to read only as many rows as the cells left allow
    (plus one, to tell a table that fits from one that does not)."""
    if silent or start_line + 1 >= end_line:
        return _commonmark_table(state, start_line, end_line, silent)
    used = state.env.get("table_cells", 0)
    rows_left = (MAX_TABLE_CELLS - used) // _delimiter_columns(state, start_line + 1)
    first = len(state.tokens)
    if not _commonmark_table(state, start_line, min(end_line, start_line + rows_left + 2), silent):
        return False
    used += sum(token.type in ("th_open", "td_open") for token in state.tokens[first:])
    if used > MAX_TABLE_CELLS:
        raise TooComplex(f"Tables can have at most {MAX_TABLE_CELLS:,} cells in all (rows × columns, "
                         "counting the header): shorten the table, or link to a page with the full one")
    state.env["table_cells"] = used
    return True


def _bounded_elements(state: StateCore) -> None:
    """Refuse text that makes too many elements: checked once after the block pass (so that
    a huge list costs no inline parsing) and again after the inline pass."""
    elements = sum(token.nesting == 1 for token in state.tokens)
    elements += sum(child.nesting == 1 for token in state.tokens if token.children for child in token.children)
    if elements > MAX_ELEMENTS:
        raise TooComplex(f"The text has too many separate parts to show (more than {MAX_ELEMENTS:,} paragraphs, "
                         "list items, links and emphasised words): remove some formatting, or shorten it")


_markdown = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_markdown.block.ruler.at("table", _bounded_table, {"alt": ["paragraph", "reference"]})
_markdown.core.ruler.after("block", "civic_forum_block_limit", _bounded_elements)
_markdown.core.ruler.after("inline", "civic_forum_inline_limit", _bounded_elements)
_markdown.core.ruler.push("civic_forum_house_style", _house_style)
_markdown.add_render_rule("image", _image_as_alt_text)


def _is_safe_href(href: str) -> bool:
    """Second look at an href, decoding what bleach does not (%09 and the like)."""
    normalised = _URL_NOISE.sub("", unquote(href)).lower()
    try:
        scheme = urlsplit(normalised).scheme
    except ValueError:
        return False
    if scheme:
        return scheme in ALLOWED_PROTOCOLS
    return not _COLON_BEFORE_PATH.match(normalised)  # relative, unless it only looks so


def _link_policy(attrs: LinkAttrs, new: bool = False) -> LinkAttrs | None:
    """bleach callback for every link: unwrap unsafe or accidental ones, set one rel."""
    href = attrs.get((None, "href"))
    if not href or not _is_safe_href(href):
        return None
    # Linkify would turn "settings.py" into http://settings.py: link bare names only from www.
    if new and not attrs.get("_text", "").lower().startswith(_BARE_URL_START):
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        partial(
            LinkifyFilter,
            callbacks=[_link_policy],
            skip_tags={"pre", "code"},
            parse_email=False,
            url_re=build_url_re(protocols=["http", "https"]),
        )
    ],
)


def render(source: str) -> str:
    """Render Markdown written by a user as HTML that is safe to put on a page.

    Raises TooComplex, with a message for the writer, when the text passes the limits above."""
    if len(source) > MAX_SOURCE:
        raise TooComplex(f"The text must be {MAX_SOURCE:,} characters or fewer (it has {len(source):,})")
    markup = _markdown.render(source)
    if len(markup) > MAX_HTML:
        raise TooComplex("The text would make a page too large to show (a link, table or list repeated "
                         "very many times): shorten it")
    return _cleaner.clean(markup)


def _plain_text(tokens: Sequence[Token]) -> list[str]:
    parts: list[str] = []
    for token in tokens:
        if token.children:  # an inline run, or an image and its alt text
            parts.extend(_plain_text(token.children))
        elif token.type in ("text", "code_inline", "code_block", "fence"):
            parts.append(token.content)
        elif token.block or token.type in ("softbreak", "hardbreak"):
            parts.append(" ")  # words in different blocks or lines must not run together
    return parts


def excerpt(source: str, length: int = 200) -> str:
    """Plain text of Markdown source, at most `length` characters, cut at a word with "…".

    The result is text, not HTML: templates escape it like any other string.
    """
    if length < 1:
        raise ValueError("length must be at least 1")
    text = " ".join("".join(_plain_text(_markdown.parse(source))).split())
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)  # the space after the last whole word that fits with "…"
    kept = text[:cut] if cut > 0 else text[: length - 1]
    return kept.rstrip(" ,;:.-–—") + "…"


def clean_text(value: str) -> str:
    """Normalise text from a form before it is stored.

    Newlines become \\n, control characters other than \\n and \\t (NUL, escape, DEL…)
    are removed, and trailing whitespace is stripped from the end of the text.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", value).rstrip()


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(title: str, length: int = 80) -> str:
    """'Payment delayed — how long?' -> 'payment-delayed-how-long', for readable web addresses."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = _SLUG_DROP.sub("-", ascii_title.lower()).strip("-")
    if len(slug) > length:
        slug = slug[:length].rsplit("-", 1)[0]
    return slug or "question"
