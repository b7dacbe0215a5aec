"""Deterministic, dependency-free generator of realistic demo content.

Used by ``flask forum seed-demo`` and by the benchmarks.  Everything here is
pure: no Flask, no database, only the standard library.  Given the same
``random.Random`` seed, every function yields exactly the same output, in any
process (nothing depends on hash ordering).

The functions that produce many items (:func:`questions`,
:func:`suggestions`, :func:`people`) are generators, so seeding hundreds of
thousands of rows never holds them all in memory.  :func:`people` keeps the
names it has already produced so that display names and email local parts are
unique within one call.

All text is fictional and avoids anything a personal-information detector
would hold: no tax file or health-card numbers, no personal phone numbers
(only 13 / 1300 / 1800 service numbers), no street addresses with house
numbers, no dates of birth and no email addresses.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from forum.demo import templates_qa as _qa
from forum.demo import templates_suggestions as _sg

__all__ = [
    "AGENCIES",
    "SUGGESTION_STATUSES",
    "AgencySpec",
    "AnswerSpec",
    "QuestionSpec",
    "SuggestionSpec",
    "agency_response",
    "answers",
    "people",
    "questions",
    "suggestions",
]


# ---------------------------------------------------------------------------
# Public data types
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgencySpec:
    slug: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    agency_slug: str | None
    title: str
    body: str
    tags: tuple[str, ...]
    topic: str


@dataclass(frozen=True, slots=True)
class AnswerSpec:
    body: str
    helpful: bool


@dataclass(frozen=True, slots=True)
class SuggestionSpec:
    agency_slug: str
    title: str
    body: str
    tags: tuple[str, ...]
    topic: str


AGENCIES: list[AgencySpec] = [
    AgencySpec(
        "national-tax-office",
        "National Tax Office",
        "Collects income tax and GST, processes tax returns and refunds, "
        "and manages study loan repayments.",
    ),
    AgencySpec(
        "services-payments-agency",
        "Services Payments Agency",
        "Delivers income support, family and carer payments, and "
        "concession cards.",
    ),
    AgencySpec(
        "state-transport-registry",
        "State Transport Registry",
        "Issues driver licences and learner permits and looks after vehicle "
        "registration, number plates and demerit points.",
    ),
    AgencySpec(
        "riverside-city-council",
        "Riverside City Council",
        "Looks after rates, bin collection, parking, local permits, parks "
        "and footpaths across the Riverside area.",
    ),
    AgencySpec(
        "health-cover-agency",
        "Health Cover Agency",
        "Runs the national health cover scheme, including cards, claims, "
        "bulk billing and the safety net.",
    ),
    AgencySpec(
        "passport-office",
        "Passport Office",
        "Issues and renews passports and travel documents and handles lost "
        "or stolen passport reports.",
    ),
]

SUGGESTION_STATUSES: tuple[str, ...] = (
    "open",
    "under_review",
    "planned",
    "in_progress",
    "implemented",
    "declined",
)

# slug -> (short name used mid-sentence, URL segment, service phone number).
# Phone numbers are 13 / 1300 / 1800 service numbers only (the 1300 and 1800
# ones are from the ranges reserved for fiction).
_AGENCY_EXTRA: dict[str, tuple[str, str, str]] = {
    "national-tax-office": ("the tax office", "tax", "13 55 10"),
    "services-payments-agency": ("the payments agency", "payments", "13 55 20"),
    "state-transport-registry": ("the transport registry", "transport", "13 55 30"),
    "riverside-city-council": ("council", "riverside", "1300 975 707"),
    "health-cover-agency": ("Health Cover", "healthcover", "13 55 50"),
    "passport-office": ("the passport office", "passports", "1800 160 401"),
}

_AGENCY_SLOTS: dict[str, dict[str, str]] = {
    a.slug: {
        "agency": a.name,
        "the_agency": a.name if a.slug == "riverside-city-council" else "the " + a.name,
        "agency_short": _AGENCY_EXTRA[a.slug][0],
        "phone": _AGENCY_EXTRA[a.slug][2],
    }
    for a in AGENCIES
}

_LINK_BASE = "https://example.gov.au/"


# ---------------------------------------------------------------------------
# Template machinery
# ---------------------------------------------------------------------------

_GLOBAL_POOLS: dict[str, tuple[str, ...]] = {**_qa.SLOTS, "hours": _qa.HOURS}


class _Fill(dict):
    """Slot values for one generated item, picked lazily and then reused.

    Picking on first use keeps generation cheap (only the slots a template
    actually mentions cost a random draw) and keeps an item consistent (the
    same ``{month}`` in its title and body).
    """

    __slots__ = ("_rng", "_pools")

    def __init__(self, rng: random.Random, pools: Mapping[str, Sequence[str]]):
        super().__init__()
        self._rng = rng
        self._pools = pools

    def __missing__(self, key: str) -> str:
        pool = self._pools.get(key) or _GLOBAL_POOLS[key]
        value = self._rng.choice(pool)
        self[key] = value
        return value


def _render(template: str, fill: _Fill) -> str:
    text = template.format_map(fill)
    # Templates that start with a slot ("{relative} is ...") start a sentence.
    if template[0] == "{" and text:
        text = text[0].upper() + text[1:]
    return text


@dataclass(frozen=True, slots=True)
class _Family:
    topic: str
    agencies: tuple[str, ...]
    titles: tuple[str, ...]
    context: tuple[str, ...]
    details: tuple[str, ...]
    asks: tuple[str, ...]
    tried: tuple[str, ...]
    tags: tuple[str, ...]
    extra_tags: tuple[str, ...]
    tips: tuple[str, ...]
    links: tuple[str, ...]
    slots: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _SuggestionFamily:
    topic: str
    agencies: tuple[str, ...]
    titles: tuple[str, ...]
    problems: tuple[str, ...]
    proposals: tuple[str, ...]
    benefits: tuple[str, ...]
    bullets: tuple[str, ...]
    tags: tuple[str, ...]
    extra_tags: tuple[str, ...]
    slots: Mapping[str, tuple[str, ...]]


_FAMILIES: tuple[_Family, ...] = tuple(
    _Family(
        topic=f["topic"],
        agencies=tuple(f["agencies"]),
        titles=tuple(f["titles"]),
        context=tuple(f["context"]),
        details=tuple(f["details"]),
        asks=tuple(f["asks"]),
        tried=tuple(f["tried"]),
        tags=tuple(f["tags"]),
        extra_tags=tuple(f.get("extra_tags", ())),
        tips=tuple(f["tips"]),
        links=tuple(f["links"]),
        slots=dict(f.get("slots", {})),
    )
    for f in _qa.QUESTION_FAMILIES
)
_AGENCY_FAMILIES = tuple(f for f in _FAMILIES if f.agencies)
_GENERAL_FAMILIES = tuple(f for f in _FAMILIES if not f.agencies)
_FAMILY_BY_TOPIC: dict[str, _Family] = {f.topic: f for f in _FAMILIES}

_SUGGESTION_FAMILIES: tuple[_SuggestionFamily, ...] = tuple(
    _SuggestionFamily(
        topic=f["topic"],
        agencies=tuple(f["agencies"]),
        titles=tuple(f["titles"]),
        problems=tuple(f["problems"]),
        proposals=tuple(f["proposals"]),
        benefits=tuple(f["benefits"]),
        bullets=tuple(f.get("bullets", ())),
        tags=tuple(f["tags"]),
        extra_tags=tuple(f.get("extra_tags", ())),
        slots=dict(f.get("slots", {})),
    )
    for f in _sg.SUGGESTION_FAMILIES
)

# Share of questions that concern no agency.
_GENERAL_SHARE = 0.1
_TITLE_MIN, _TITLE_MAX = 10, 150
_MAX_TAGS = 5


def _links_for(family: _Family | None, slug: str | None) -> tuple[str, ...]:
    segment = _AGENCY_EXTRA[slug][1] + "/" if slug in _AGENCY_EXTRA else "help/"
    paths = family.links if family is not None else ("contact-us", "faq")
    # A path may already start with the agency's segment ("passports/renew").
    return tuple(_LINK_BASE + (p if p.startswith(segment) else segment + p) for p in paths)


_LINKS: dict[tuple[str, str | None], tuple[str, ...]] = {}
for _f in _FAMILIES:
    for _slug in _f.agencies or (None,):
        _LINKS[(_f.topic, _slug)] = _links_for(_f, _slug)
del _f, _slug


def _tags(rng: random.Random, base: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    if not extra or rng.random() < 0.35:
        return base[:_MAX_TAGS]
    tags = list(base)
    wanted = 1 if rng.random() < 0.7 else 2
    for tag in rng.sample(extra, min(wanted, len(extra))):
        if tag not in tags and len(tags) < _MAX_TAGS:
            tags.append(tag)
    return tuple(tags)


def _fit_title(title: str, fallback: str) -> str:
    if _TITLE_MIN <= len(title) <= _TITLE_MAX:
        return title
    title = fallback
    if len(title) > _TITLE_MAX:
        title = title[: _TITLE_MAX - 3].rsplit(" ", 1)[0] + "..."
    return title


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------


def _question_title(rng: random.Random, family: _Family, fill: _Fill) -> str:
    base = _render(rng.choice(family.titles), fill)
    title = base
    r = rng.random()
    if r < 0.26:
        if r < 0.12 or base[-1] in "?!":
            title = _render(rng.choice(_qa.TITLE_PREFIXES), fill) + base
        else:
            title = base + rng.choice(_qa.TITLE_SUFFIXES)
    elif r < 0.29:
        title = base.lower()
    if rng.random() < 0.35:
        title = title.replace(" - ", " \u2014 ", 1)
    return _fit_title(title, base)


def _question_body(rng: random.Random, family: _Family, fill: _Fill) -> str:
    # 2-6 sentences: [greeting] context(1-2) [detail] ask [closer]
    opening = []
    if rng.random() < 0.3:
        opening.append(rng.choice(_qa.GREETINGS))
    opening.append(_render(rng.choice(family.context), fill))
    if rng.random() < 0.6:
        opening.append(_render(rng.choice(family.details), fill))
    paragraphs = [" ".join(opening)]

    r = rng.random()
    if r < 0.35 and len(family.tried) >= 2:
        k = 2 if len(family.tried) == 2 or rng.random() < 0.5 else 3
        items = [_render(t, fill) for t in rng.sample(family.tried, k)]
        if r < 0.2:
            header = rng.choice(_qa.TRIED_HEADERS)
            lines = [f"{i}. {item}" for i, item in enumerate(items, 1)]
        else:
            header = rng.choice(_qa.CHECKED_HEADERS)
            lines = [f"- {item}" for item in items]
        paragraphs.append(header + "\n\n" + "\n".join(lines))

    ask = _render(rng.choice(family.asks), fill)
    if rng.random() < 0.4:
        ask = ask + " " + rng.choice(_qa.CLOSERS)
    paragraphs.append(ask)
    return "\n\n".join(paragraphs)


def _question(rng: random.Random) -> QuestionSpec:
    if rng.random() < _GENERAL_SHARE:
        family = rng.choice(_GENERAL_FAMILIES)
        slug = None
    else:
        family = rng.choice(_AGENCY_FAMILIES)
        agencies = family.agencies
        slug = agencies[0] if len(agencies) == 1 else rng.choice(agencies)
    fill = _Fill(rng, family.slots)
    if slug is not None:
        fill.update(_AGENCY_SLOTS[slug])
    title = _question_title(rng, family, fill)
    body = _question_body(rng, family, fill)
    tags = _tags(rng, family.tags, family.extra_tags)
    return QuestionSpec(slug, title, body, tags, family.topic)


def questions(rng: random.Random, n: int) -> Iterator[QuestionSpec]:
    """Yield ``n`` varied citizen questions; about 10% concern no agency."""
    for _ in range(n):
        yield _question(rng)


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def _pick_tips(rng: random.Random, tips: tuple[str, ...], k: int) -> list[str]:
    k = min(k, len(tips))
    return rng.sample(tips, k) if k > 1 else [rng.choice(tips)]


def _helpful_answer(
    rng: random.Random,
    tips: tuple[str, ...],
    fill: _Fill,
    staff: bool,
) -> str:
    r = rng.random()
    if staff and r < 0.2:
        chosen = _pick_tips(rng, tips, 2)
        first = _render(rng.choice(_qa.AGENCY_STAFF_OPENERS), fill)
        text = first + " " + " ".join(_render(t, fill) for t in chosen)
        closer = _render(rng.choice(_qa.AGENCY_STAFF_CLOSERS), fill)
        return text + "\n\n" + _render(rng.choice(_qa.ANSWER_LINK_LINES), fill) + "\n\n" + closer
    if r < 0.55:
        chosen = _pick_tips(rng, tips, 1 if rng.random() < 0.4 else 2)
        text = _render(rng.choice(_qa.ANSWER_EXPERIENCES), fill) + " "
        text += " ".join(_render(t, fill) for t in chosen)
        if rng.random() < 0.7:
            text += "\n\n" + _render(rng.choice(_qa.ANSWER_LINK_LINES), fill)
    else:
        chosen = _pick_tips(rng, tips, 2 if rng.random() < 0.5 else 3)
        steps = "\n".join(f"{i}. {_render(t, fill)}" for i, t in enumerate(chosen, 1))
        text = rng.choice(_qa.ANSWER_STEP_HEADERS) + "\n\n" + steps
        if rng.random() < 0.6:
            text += "\n\n" + _render(rng.choice(_qa.ANSWER_LINK_LINES), fill)
    if rng.random() < 0.2:
        # Now and then a general tip rounds the answer off.
        extra = _render(rng.choice(_qa.GENERIC_TIPS), fill)
        if extra not in text:
            text += "\n\n" + extra
    signoff = rng.choice(_qa.ANSWER_SIGNOFFS)
    return text + "\n\n" + signoff if signoff else text


def answers(rng: random.Random, question: QuestionSpec, n: int) -> list[AnswerSpec]:
    """Return ``n`` replies to ``question`` (distinct bodies where possible).

    Helpful answers give concrete steps, tips and links to fictional
    ``https://example.gov.au/...`` pages; the others are "+1"/"following"
    style replies.  Works for any question, including ones not produced by
    :func:`questions` (generic tips are used when the topic is unknown).
    """
    family = _FAMILY_BY_TOPIC.get(question.topic)
    slug = question.agency_slug if question.agency_slug in _AGENCY_SLOTS else None
    if family is not None:
        tips = family.tips
        links = _LINKS.get((family.topic, slug)) or _links_for(family, slug)
        base_pools: dict[str, Sequence[str]] = {**family.slots, "link": links}
    else:
        tips = _qa.GENERIC_TIPS
        base_pools = {"link": _links_for(None, slug)}
    if slug is None:
        # Service numbers only make sense for an agency; drop tips using them.
        tips = tuple(t for t in tips if "{phone}" not in t) or _qa.GENERIC_TIPS
    staff = slug is not None

    result: list[AnswerSpec] = []
    seen: set[str] = set()
    for _ in range(max(n, 0)):
        for _attempt in range(4):
            fill = _Fill(rng, base_pools)
            if slug is not None:
                fill.update(_AGENCY_SLOTS[slug])
            helpful = rng.random() < 0.6
            if helpful:
                body = _helpful_answer(rng, tips, fill, staff)
                key = body
            else:
                template = rng.choice(_qa.UNHELPFUL_ANSWERS)
                body = _render(template, fill)
                key = template  # "+1 since May" and "+1 since June" are the same reply
            if key not in seen:
                break
        seen.add(key)
        result.append(AnswerSpec(body, helpful))
    return result


# ---------------------------------------------------------------------------
# Suggestions and agency responses
# ---------------------------------------------------------------------------


def _suggestion(rng: random.Random) -> SuggestionSpec:
    family = rng.choice(_SUGGESTION_FAMILIES)
    agencies = family.agencies
    slug = agencies[0] if len(agencies) == 1 else rng.choice(agencies)
    fill = _Fill(rng, family.slots)
    fill.update(_AGENCY_SLOTS[slug])

    base = _render(rng.choice(family.titles), fill)
    title = base
    r = rng.random()
    if r < 0.12:
        title = rng.choice(("Idea: ", "Suggestion: ", "Please consider: ")) + base
    elif r < 0.18:
        title = base + " please"

    intro = rng.choice(_sg.SUGGESTION_INTROS)
    opening = _render(rng.choice(family.problems), fill)
    paragraphs = [intro + " " + opening if intro else opening]
    paragraphs.append(_render(rng.choice(family.proposals), fill))
    if family.bullets and rng.random() < 0.4:
        k = min(len(family.bullets), 2 + (rng.random() < 0.5))
        picked = sorted(rng.sample(range(len(family.bullets)), k))  # keep their order
        items = "\n".join("- " + family.bullets[i] for i in picked)
        paragraphs.append(rng.choice(_sg.SUGGESTION_BULLET_HEADERS) + "\n\n" + items)
    closing = _render(rng.choice(family.benefits), fill)
    signoff = rng.choice(_sg.SUGGESTION_SIGNOFFS)
    paragraphs.append(closing + " " + signoff if signoff else closing)

    tags = _tags(rng, family.tags, family.extra_tags)
    return SuggestionSpec(slug, _fit_title(title, base), "\n\n".join(paragraphs), tags, family.topic)


def suggestions(rng: random.Random, n: int) -> Iterator[SuggestionSpec]:
    """Yield ``n`` improvement suggestions, each addressed to one agency."""
    for _ in range(n):
        yield _suggestion(rng)


def agency_response(rng: random.Random, status: str) -> str:
    """A moderator's public response to a suggestion with ``status``.

    ``status`` is one of :data:`SUGGESTION_STATUSES`; anything else raises
    ``ValueError``.
    """
    try:
        cores = _sg.RESPONSES[status]
    except KeyError:
        raise ValueError(f"unknown suggestion status: {status!r}") from None
    fill = _Fill(rng, {})
    parts = [rng.choice(_sg.RESPONSE_OPENERS), _render(rng.choice(cores), fill)]
    closer = rng.choice(_sg.RESPONSE_CLOSERS)
    if closer:
        parts.append(closer)
    return " ".join(parts)


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

_FIRST_NAMES: tuple[str, ...] = (
    "Olivia", "Liam", "Charlotte", "Noah", "Amelia", "Jack", "Isla", "William",
    "Mia", "Oliver", "Grace", "Lachlan", "Chloe", "Hamish", "Ruby", "Cooper",
    "Zoë", "Bronwyn", "Darren", "Kylie", "Shane", "Tegan", "Brett", "Leanne",
    "Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Minh", "Thảo", "Linh",
    "Quang", "Huong", "Tuan", "Priya", "Arjun", "Ananya", "Rahul", "Deepa",
    "Sanjay", "Harpreet", "Gurpreet", "Aisha", "Omar", "Fatima", "Yusuf",
    "Layla", "Karim", "Zainab", "Hassan", "Maria", "Giuseppe", "Francesca",
    "Luca", "Sofia", "Dimitri", "Eleni", "Nikos", "Georgia", "Stavros",
    "José", "Lucía", "Mateo", "Camila", "Diego", "Ji-woo", "Min-jun",
    "Seo-yeon", "Hiroshi", "Yuki", "Haruto", "Aroha", "Tane", "Mele", "Sione",
    "Losana", "Tevita", "Amara", "Chidi", "Ngozi", "Kwame", "Abebe", "Hana",
    "Mohammed", "Reza", "Shirin", "Dariush", "Ivana", "Marko", "Katarzyna",
    "Piotr", "Siobhán", "Declan", "Niamh", "Callum", "Eilidh", "Rangi",
    "Jarrah", "Kirra", "Talia", "Noor", "Samir", "Rosa", "Ayesha", "Imran",
    "Carlos", "Ana", "Tomasz", "Malia", "Ravi", "Kavya", "Bao", "Anh",
)

_SURNAMES: tuple[str, ...] = (
    "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson",
    "White", "Martin", "Anderson", "Thompson", "Nguyen", "Tran", "Le", "Pham",
    "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Wong", "Singh", "Patel",
    "Sharma", "Kaur", "Gupta", "Reddy", "Iyer", "Khan", "Ahmed", "Hussain",
    "Haddad", "Nasser", "Karimi", "Rossi", "Russo", "Romano", "Esposito",
    "Papadopoulos", "Georgiou", "Nikolaidis", "Kowalski", "Nowak", "Novak",
    "Horvat", "Petrovic", "García", "Rodríguez", "López", "Fernández",
    "Silva", "Santos", "Kim", "Park", "Lee", "Choi", "Tanaka", "Sato",
    "Suzuki", "Ngata", "Parata", "Tupou", "Fifita", "Faleolo", "Okafor",
    "Mensah", "Tesfaye", "Bekele", "Murphy", "O'Brien", "Kelly", "Walsh",
    "MacDonald", "Campbell", "Fraser", "Stewart", "Reid", "Robinson",
    "Clarke", "Hughes", "Edwards", "Mitchell", "Cooper", "Ward", "Bailey",
    "King", "Wright", "Hall", "Young", "Scott", "Green", "Baker", "Adams",
    "Nelson", "Carter", "Morris", "Cook", "Rogers", "Ryan", "Doherty",
    "Abdullah", "Rahman", "Das", "Mukherjee", "Fonseca", "Costa", "Bianchi",
)

_HANDLE_FIRST: tuple[str, ...] = (
    "Riverside", "Northside", "Regional", "Weekend", "Retired", "Busy",
    "NightShift", "Suburban", "Coastal", "Country", "Inner", "Westside",
)
_HANDLE_SECOND: tuple[str, ...] = (
    "Renter", "Mum", "Dad", "Tradie", "Nurse", "Carer", "Student", "Driver",
    "Gardener", "Teacher", "Commuter", "Grandparent", "Volunteer", "Cyclist",
)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _person(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.12:
        first = rng.choice(_HANDLE_FIRST)
        second = rng.choice(_HANDLE_SECOND)
        display = first + second
        local = _ascii(first) + rng.choice(("", "_", ".")) + _ascii(second)
        if rng.random() < 0.5:
            number = str(rng.randint(2, 99))
            display += number
            local += number
        return display, local

    first = rng.choice(_FIRST_NAMES)
    last = rng.choice(_SURNAMES)
    f, l = _ascii(first), _ascii(last)
    if r < 0.72:
        display = f"{first} {last}"
    elif r < 0.92:
        display = f"{first} {last[0]}."
    else:
        display = first
    s = rng.random()
    if s < 0.35:
        local = f"{f}.{l}"
    elif s < 0.55:
        local = f"{f}{l}"
    elif s < 0.7:
        local = f"{f[0]}.{l}"
    elif s < 0.85:
        local = f"{f}_{l[0]}"
    else:
        local = f"{f}{rng.randint(2, 99)}"
    return display, local


def people(rng: random.Random, n: int) -> Iterator[tuple[str, str]]:
    """Yield ``n`` fictional ``(display name, email local part)`` pairs.

    Display names and local parts are unique within one call; local parts
    are lower-case ASCII (letters, digits, ``.`` and ``_``) ready to be used
    as ``local@example.org``.
    """
    seen_names: set[str] = set()
    seen_locals: set[str] = set()
    for _ in range(n):
        for _attempt in range(6):
            display, local = _person(rng)
            if display not in seen_names and local not in seen_locals:
                break
        else:
            base_display, base_local = display, local
            counter = 2
            while display in seen_names or local in seen_locals:
                display = f"{base_display} {counter}"
                local = f"{base_local}{counter}"
                counter += 1
        seen_names.add(display)
        seen_locals.add(local)
        yield display, local
