"""Personal-information detectors: a finding holds a post before it goes public.

Pure: standard library only. Checksummed numbers (tax file, Medicare) are found by their
check digits; the looser shapes (dates of birth, licence numbers) only next to a word
that says what they are, so an ordinary question about payments or appointments passes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

TAX_FILE_NUMBER = "tax file number"
MEDICARE_NUMBER = "Medicare card number"
CUSTOMER_REFERENCE = "customer reference number"
EMAIL = "email address"
PHONE = "phone number"
DATE_OF_BIRTH = "date of birth"
STREET_ADDRESS = "street address"
DRIVER_LICENCE = "driver licence number"

# How far (in characters) a context word may sit from the value it labels.
CONTEXT_REACH = 30
_LONGEST_LABELLED_VALUE = 24  # "123 456 789 A", "NSW 1234 5678": a search window's tail


@dataclass(frozen=True)
class Finding:
    """One piece of personal information: what it is and where it sits in the text."""

    kind: str
    start: int
    end: int


# Edges of a free-standing number: not glued to a word, an amount ($1,234.50), a date or
# fraction (12/03), a time (9:30) or a code (A-123, 123-B).
_NUM_BEFORE = r"(?<![\w$€£.,/+-])"
_NUM_AFTER = r"(?![\w]|[.,/:]\d|-[A-Za-z0-9])"
# A Centrelink Customer Reference Number ends in a letter ("123 456 789A"). After a space
# only a lone capital counts, so "123456789 a bit" and "… 782 I think" are no CRN.
_CRN_LETTER = r"(?:[A-Za-z]| [A-Z](?![ \t]+[A-Za-z]))"

# Eight or more digits in groups split by single spaces or hyphens ("123 456 782",
# "2123-45670-1"), perhaps ending in a CRN letter. The edge check sits after the first
# digit so the engine can skip quickly to digits.
_NUMBER = re.compile(
    r"\d(?<![\w$€£.,/+-]\d)(?=(?:[ -]?\d){7})\d*(?:[ -]\d+)*"
    r"(?P<letter>" + _CRN_LETTER + r")?" + _NUM_AFTER)
# The same numbers grouped with dots, in the layouts of cards and letters ("123.456.782",
# "2123.45670.1", "123.456.789A"). Other dotted digits are amounts, versions or addresses.
_DOTTED_NUMBER = re.compile(
    _NUM_BEFORE + r"(?:\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{5}\.\d)(?P<letter>" + _CRN_LETTER + r")?" + _NUM_AFTER)
_SEPARATORS = re.compile(r"[ .-]")
_NINE_DIGITS = re.compile(
    _NUM_BEFORE + r"\d{3}[ .-]?\d{3}[ .-]?\d{3}(?:" + _CRN_LETTER + r")?" + _NUM_AFTER)

# Mobiles 04xx xxx xxx, landlines 0[2378] xxxx xxxx, (02) 9123 4567, +61 4xx / +61 (0)2 …
# 13, 1300 and 1800 numbers start with 1 and so never match: they are agencies' lines.
# Written out, the prefix is (?:\+61[ -]?(?:\(0\)[ -]?)?[23478] | \(0[23478]\)[ -]? |
# 0[23478]); its first character comes before the edge check, again for speed.
_PHONE = re.compile(
    r"[+(0](?<![\w$€£.,/+-][+(0])"
    r"(?:(?<=\+)61[ -]?(?:\(0\)[ -]?)?[23478]|(?<=\()0[23478]\)[ -]?|(?<=0)[23478])"
    r"(?:[ -]?\d){8}" + _NUM_AFTER)
# Grouped with dots: 0412.345.678, 02.9123.4567, +61.412.345.678, +61.2.9123.4567.
_DOTTED_PHONE = re.compile(
    r"[+0](?<![\w$€£.,/+-][+0])(?:(?<=\+)61\.|(?<=0))(?:4\d{2}\.\d{3}\.\d{3}|[2378]\.\d{4}\.\d{4})" + _NUM_AFTER)

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_TOP_LEVEL_DOMAIN = re.compile(r"[a-z]{2,}")
# Any address may be the author's own or someone else's, so it is held, except that
# agencies publish their contact addresses: a .gov.au address is left alone.
_PUBLIC_EMAIL_DOMAIN = ".gov.au"

# Context patterns run on an ASCII-lowercased copy of the text; `_labels` adds the word
# boundary before each match (a leading look-behind would slow the scan several times).
# Every branch starts with a plain letter, which lets the engine skip ahead quickly; the
# label's kind is read from its first two letters.
_ID_LABEL = re.compile(
    r"(?:driv(?:er['’]?s?|ing)\s+licen[cs]e(?:\s+(?:number|no\.?|#))?"
    r"|licen[cs]e(?:\s+(?:number|no\.?|#))?|dl"
    r"|crn|customer\s+reference(?:\s+(?:number|no\.?))?"
    r"|centrelink\s+reference(?:\s+(?:number|no\.?))?"
    r"|tfn|tax\s+file\s+(?:number|no\.?)"
    r"|medicare|abn|acn)(?!\w)")
_ID_LABEL_KINDS = {"dr": "licence", "li": "licence", "dl": "licence", "cr": "crn",
                   "cu": "crn", "ce": "crn", "tf": "tfn", "ta": "tfn", "me": "medicare",
                   "ab": "business", "ac": "business"}
_LICENCE_TOKEN = re.compile(
    _NUM_BEFORE + r"[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[ -]\d+)*" + _NUM_AFTER)

# "birth certificate" and "Births, Deaths and Marriages" are services, not a birthday.
_BIRTH_LABEL = re.compile(
    r"(?:born|birth(?:days?|date)?|dob|d\.o\.b\.?)(?!\w)(?!\s+certificates?\b)")
_MONTH_NAMES = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
                r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?"
                r"|dec(?:ember)?)")
# Dates are read on the lowercased text: 12/03/1985, 12-03-85, 1985-03-12, 12 March 1985,
# 12th of Mar. 1985 (from a digit), and March 12, 1985 (from a month).
_DATE_FROM_DIGIT = re.compile(
    r"\d(?<![\w/.-]\d)(?:"
    r"\d?[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{3}-\d{1,2}-\d{1,2}"
    r"|\d?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAMES + r"\.?,?\s+\d{4}"
    r")(?![\w/])")
_DATE_FROM_MONTH = re.compile(
    _MONTH_NAMES + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?![\w/])")
_DIGITS = re.compile(r"\d+")
_LONGEST_DATE = 32

_STREET_TYPES = ("Street|St|Road|Rd|Avenue|Ave|Av|Drive|Dr|Court|Ct|Place|Pl|Lane|Ln"
                 "|Crescent|Cres|Parade|Pde|Boulevard|Blvd|Way|Terrace|Tce|Highway|Hwy"
                 "|Close|Cl|Circuit|Cct|Grove|Esplanade|Esp")
_STREET_TYPE = re.compile(r"(?:" + _STREET_TYPES + "|" + _STREET_TYPES.upper() + r")\b")
# Number first ("27 Smith Street", "3/27 Smith St", "Unit 3, 27 Smith St", "12-14 King
# George Rd"), then one to three capitalised words and a capitalised street type.
_ADDRESS_NUMBER = (r"(?:(?:unit|apt|apartment|flat|suite|shop)\s+\d{1,4}[A-Za-z]?,?\s+)?"
                   r"(?:\d{1,4}[A-Za-z]?\s?/\s?)?\d{1,5}[A-Za-z]?(?:\s?-\s?\d{1,5}[A-Za-z]?)?,?")
_ADDRESS = re.compile(
    r"(?<![\w$€£.,/-])(?i:" + _ADDRESS_NUMBER + r")\s+"
    r"(?:[A-Z][A-Za-z'’-]*\.?\s+){1,3}" + _STREET_TYPE.pattern)
_LONGEST_ADDRESS = 120
# After "I live at" or "my address is", lower case is accepted too ("12 smith st").
_ADDRESS_LABEL = re.compile(
    r"(?:live\s+at|living\s+at|reside\s+at|residing\s+at|moved\s+to|address(?:\s+is)?)(?!\w)")
_ADDRESS_ANY_CASE = re.compile(
    r"(?<![\w$€£.,/-])" + _ADDRESS_NUMBER + r"\s+"
    r"(?:[a-z][a-z'’-]*\.?\s+){1,3}(?:" + _STREET_TYPES + r")\b",
    re.IGNORECASE)
_ANY_DIGIT = re.compile(r"\d")

_TFN_WEIGHTS_9 = (1, 4, 3, 7, 5, 8, 6, 9, 10)
_TFN_WEIGHTS_8 = (10, 7, 8, 4, 6, 3, 5, 1)
_MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


def is_tax_file_number(digits: str) -> bool:
    """The ATO's weighted check on an 8- or 9-digit string."""
    if not digits.isdigit():
        return False
    weights = {9: _TFN_WEIGHTS_9, 8: _TFN_WEIGHTS_8}.get(len(digits))
    if weights is None:
        return False
    return sum(int(d) * w for d, w in zip(digits, weights)) % 11 == 0


def is_medicare_number(digits: str) -> bool:
    """A 10-digit card number (11 with the individual reference number) whose ninth digit checks."""
    if not digits.isdigit() or len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    check = sum(int(d) * w for d, w in zip(digits, _MEDICARE_WEIGHTS)) % 10
    return int(digits[8]) == check


def scan(text: str) -> list[Finding]:
    """Every piece of personal information in `text`, sorted by start, never overlapping.

    Detectors run most specific first and later ones skip text already claimed: an email
    before the digits inside it, a phone number before a checksum that it might pass.
    """
    has_digit = _ANY_DIGIT.search(text) is not None
    if not has_digit and "@" not in text:
        return []
    claims = _Claims()
    _find_emails(text, claims)
    if has_digit:
        lowered = _ascii_lower(text)
        id_labels = _Labels(_labels(_ID_LABEL, lowered, text, _ID_LABEL_KINDS))
        _find_phones(text, claims)
        _find_labelled_customer_references(text, claims, id_labels)
        _find_licences(text, claims, id_labels)
        _find_numbers(text, claims, id_labels)
        _find_dates_of_birth(text, lowered, claims)
        _find_street_addresses(text, lowered, claims)
    return claims.findings()


def kinds(findings: Iterable[Finding]) -> list[str]:
    """The distinct kinds found, in order of first appearance: what the author is told."""
    return list(dict.fromkeys(finding.kind for finding in findings))


def in_words(found_kinds: list[str]) -> str:
    """["tax file number", "email address"] -> "a tax file number and an email address"."""
    named = [("an " if kind[0].lower() in "aeiou" else "a ") + kind for kind in found_kinds]
    return " and ".join(", ".join(named).rsplit(", ", 1)) if named else "nothing"


def redact(text: str, findings: Iterable[Finding] | None = None) -> str:
    """`text` with each finding replaced by "[removed: <kind>]"."""
    if findings is None:
        findings = scan(text)
    pieces: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.start < position:
            continue  # overlaps one already removed
        pieces.append(text[position:finding.start])
        pieces.append(f"[removed: {finding.kind}]")
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


class _Claims:
    """Spans taken so far, kept sorted; a span of kind None is blocked but not reported."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, str | None]] = []

    def claim(self, start: int, end: int, kind: str | None) -> bool:
        index = bisect.bisect_right(self._starts, start)
        if index > 0 and self._spans[index - 1][1] > start:
            return False
        if index < len(self._spans) and self._spans[index][0] < end:
            return False
        self._starts.insert(index, start)
        self._spans.insert(index, (start, end, kind))
        return True

    def findings(self) -> list[Finding]:
        return [Finding(kind, start, end) for start, end, kind in self._spans if kind]


_Label = tuple[int, int, str]  # start, end, and what it labels ("licence", "crn", …)


class _Labels:
    """Context words in order, to ask which one sits closest before, or near, a span."""

    def __init__(self, labels: list[_Label]) -> None:
        self.all = labels
        self._ends = [end for _, end, _ in labels]

    def nearest_before(self, start: int) -> _Label | None:
        index = bisect.bisect_right(self._ends, start) - 1
        if index >= 0 and start - self._ends[index] <= CONTEXT_REACH:
            return self.all[index]
        return None

    def values_after(self, kind: str, text: str, pattern: re.Pattern[str],
                     accept: Callable[[re.Match[str]], bool] = lambda match: True,
                     ) -> list[re.Match[str]]:
        """For each label of `kind`, the first match of `pattern` that is accepted and starts
        within reach after the label, but before the next label (which names it instead)."""
        values = []
        for index, (_, label_end, label_kind) in enumerate(self.all):
            if label_kind != kind:
                continue
            last_start = label_end + CONTEXT_REACH
            if index + 1 < len(self.all):
                last_start = min(last_start, self.all[index + 1][0])
            window_end = min(len(text), last_start + _LONGEST_LABELLED_VALUE)
            position = label_end
            while match := pattern.search(text, position, window_end):
                if match.start() > last_start:
                    break
                position = match.end()
                if match.end() == window_end < len(text):  # cut short: look again in full
                    match = pattern.match(text, match.start())
                if match is not None and accept(match):
                    values.append(match)
                    break
        return values

    def near(self, start: int, end: int) -> bool:
        if self.nearest_before(start) is not None:
            return True
        index = bisect.bisect_right(self._ends, end)
        return index < len(self.all) and 0 <= self.all[index][0] - end <= CONTEXT_REACH


def _ascii_lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter lowercased to two ("İ"): keep positions
        lowered = text.translate(_ASCII_LOWER)
    return lowered


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _labels(pattern: re.Pattern[str], lowered: str, text: str,
            kinds_by_prefix: dict[str, str] | None = None) -> list[_Label]:
    found = []
    for match in pattern.finditer(lowered):
        start, end = match.span()
        if not _starts_word(lowered, start):
            continue  # inside a word: "reborn", "handle"
        if lowered[start:end] == "dl" and text[start:end] != "DL":
            continue  # only the capitals abbreviate a driver licence
        kind = kinds_by_prefix[lowered[start:start + 2]] if kinds_by_prefix else ""
        found.append((start, end, kind))
    return found


def _find_emails(text: str, claims: _Claims) -> None:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        domain = match.group(1).lower()
        if not _TOP_LEVEL_DOMAIN.fullmatch(domain.rsplit(".", 1)[1]):
            continue
        public = domain.endswith(_PUBLIC_EMAIL_DOMAIN)
        # A published agency address is blocked, so its digits are not read as a number.
        claims.claim(match.start(), match.end(), None if public else EMAIL)


def _find_phones(text: str, claims: _Claims) -> None:
    for match in (*_PHONE.finditer(text), *_DOTTED_PHONE.finditer(text)):
        claims.claim(match.start(), match.end(), PHONE)


def _find_labelled_customer_references(text: str, claims: _Claims, labels: _Labels) -> None:
    """Nine digits right after "CRN" are a customer reference, letter or not."""
    for number in labels.values_after("crn", text, _NINE_DIGITS):
        claims.claim(number.start(), number.end(), CUSTOMER_REFERENCE)


def _find_licences(text: str, claims: _Claims, labels: _Labels) -> None:
    for token in labels.values_after("licence", text, _LICENCE_TOKEN, _is_licence_number):
        claims.claim(token.start(), token.end(), DRIVER_LICENCE)


def _is_licence_number(token: re.Match[str]) -> bool:
    """6 to 10 letters and digits, at least 5 of them digits, and not a date."""
    groups = _SEPARATORS.split(token.group())
    value = "".join(groups)
    return 6 <= len(value) <= 10 and sum(c.isdigit() for c in value) >= 5 \
        and not _looks_like_date_or_years(groups)


def _whole(text: str, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
    """`pattern.finditer` over text[start:end], but a match cut short at `end` is retried
    on the whole text (the look-behinds already see before `start`)."""
    for match in pattern.finditer(text, start, end):
        if match.end() == end < len(text):
            match = pattern.match(text, match.start())
            if match is None:
                continue
        yield match


def _find_numbers(text: str, claims: _Claims, labels: _Labels) -> None:
    """Tax file numbers, Medicare card numbers and CRNs, each known by its shape and check.

    A number labelled ABN or ACN is a business's public registration, whatever it passes.
    """
    for match in (*_NUMBER.finditer(text), *_DOTTED_NUMBER.finditer(text)):
        label = labels.nearest_before(match.start())
        if label is not None and label[2] == "business":
            continue
        letter_at = match.start("letter")
        body = match.group() if letter_at < 0 else text[match.start():letter_at]
        groups = _SEPARATORS.split(body.rstrip())
        digits = "".join(groups)
        if letter_at >= 0:
            if len(digits) == 9:
                claims.claim(match.start(), match.end(), CUSTOMER_REFERENCE)
        elif len(digits) in (8, 9):
            if not _looks_like_date_or_years(groups) and is_tax_file_number(digits):
                claims.claim(match.start(), match.end(), TAX_FILE_NUMBER)
        elif is_medicare_number(digits):
            claims.claim(match.start(), match.end(), MEDICARE_NUMBER)


def _find_dates_of_birth(text: str, lowered: str, claims: _Claims) -> None:
    """A date counts only near "born", "birth", "DOB": a plain date is an appointment."""
    labels = _Labels(_labels(_BIRTH_LABEL, lowered, text))
    reach = CONTEXT_REACH + _LONGEST_DATE
    for start, end in _merged((s - reach, e + reach) for s, e, _ in labels.all):
        start, end = max(0, start), min(len(text), end)
        for pattern in (_DATE_FROM_DIGIT, _DATE_FROM_MONTH):
            for match in _whole(lowered, pattern, start, end):
                if _starts_word(lowered, match.start()) and _is_plausible_date(match.group()) \
                        and labels.near(match.start(), match.end()):
                    claims.claim(match.start(), match.end(), DATE_OF_BIRTH)


def _find_street_addresses(text: str, lowered: str, claims: _Claims) -> None:
    # Every address ends in a street type: look only just before one.
    for start, end in _merged((max(0, m.start() - _LONGEST_ADDRESS), m.end())
                              for m in _STREET_TYPE.finditer(text)
                              if m.start() and text[m.start() - 1].isspace()):
        for match in _ADDRESS.finditer(text, start, end):
            claims.claim(match.start(), match.end(), STREET_ADDRESS)
    for _, label_end, _ in _labels(_ADDRESS_LABEL, lowered, text):
        match = _ADDRESS_ANY_CASE.match(text, _skip_spaces(text, label_end))
        if match:
            claims.claim(match.start(), match.end(), STREET_ADDRESS)


def _merged(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (start, end) windows, given in order of start, joined into one."""
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t:,":
        position += 1
    return position


def _looks_like_date_or_years(groups: list[str]) -> bool:
    """12-03-1985, 1985-03-12 or a financial year 2019-2020: dates, not a tax file number."""
    if not all(group.isdigit() for group in groups):
        return False
    if len(groups) == 2:
        return all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)
    if len(groups) == 3:
        day, month, year = groups
        if len(groups[0]) == 4:
            year, month, day = groups
        return len(year) == 4 and len(month) <= 2 and len(day) <= 2 \
            and 1 <= int(month) <= 12 and 1 <= int(day) <= 31
    return False


def _is_plausible_date(date: str) -> bool:
    numbers = [int(n) for n in _DIGITS.findall(date)]
    if len(numbers) == 2:
        return 1 <= numbers[0] <= 31  # the month by name: day and year are left
    if date[4:5] == "-" and date[:4].isdigit():
        _, month, day = numbers
    else:
        day, month, _ = numbers
    # Read day-first, as Australians write them; a month-first date is still a date.
    return 1 <= day <= 31 and 1 <= month <= 12 or 1 <= month <= 31 and 1 <= day <= 12


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
