"""The demo-content generator: deterministic, well-formed, varied, and free of personal information."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from forum.demo import content
from forum.demo.content import (
    AGENCIES,
    SUGGESTION_STATUSES,
    AgencySpec,
    AnswerSpec,
    QuestionSpec,
    SuggestionSpec,
    agency_response,
    answers,
    people,
    questions,
    suggestions,
)
from moderation import pii

TAG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EMAIL_LOCAL = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)*$")
SLUGS = {agency.slug for agency in AGENCIES}
# Sentence ends outside list items: ".", "?" or "!" followed by a space or the end.
SENTENCE_END = re.compile(r"[.?!](?=\s|$)")
# Eight or more digits in one run (spaces and hyphens between groups allowed).
LONG_NUMBER = re.compile(r"\d(?:[ -]?\d){7,}")
SERVICE_NUMBER = re.compile(r"^1[38]00[ -]?\d{3}[ -]?\d{3}$")
ROOT = Path(__file__).resolve().parents[2]


def _questions(seed: int, n: int) -> list[QuestionSpec]:
    return list(questions(random.Random(seed), n))


def _all_text(seed: int = 99) -> list[str]:
    texts: list[str] = []
    rng = random.Random(seed)
    for question in questions(rng, 1500):
        texts += [question.title, question.body]
        texts += [answer.body for answer in answers(rng, question, 3)]
    for suggestion in suggestions(rng, 400):
        texts += [suggestion.title, suggestion.body]
    for status in SUGGESTION_STATUSES:
        texts += [agency_response(rng, status) for _ in range(20)]
    for agency in AGENCIES:
        texts += [agency.name, agency.description]
    return texts


def _digest(seed: int) -> str:
    rng = random.Random(seed)
    parts = []
    for question in questions(rng, 200):
        parts.append(repr(question))
        parts.extend(repr(answer) for answer in answers(rng, question, 2))
    parts.extend(repr(s) for s in suggestions(rng, 50))
    parts.extend(repr(p) for p in people(rng, 100))
    parts.extend(agency_response(rng, status) for status in SUGGESTION_STATUSES)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --------------------------------------------------------------------------- agencies


def test_six_fictional_agencies_with_one_sentence_descriptions():
    assert len(AGENCIES) == 6
    assert all(isinstance(agency, AgencySpec) for agency in AGENCIES)
    assert len(SLUGS) == 6 and all(SLUG.match(slug) for slug in SLUGS)
    assert len({agency.name for agency in AGENCIES}) == 6
    for agency in AGENCIES:
        assert agency.description.endswith(".")
        assert len(SENTENCE_END.findall(agency.description)) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        AGENCIES[0].name = "Changed"  # type: ignore[misc]


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_output_and_different_seed_different_output():
    assert _digest(1) == _digest(1)
    assert _digest(1) != _digest(2)
    assert _questions(5, 50) == _questions(5, 50)
    assert list(people(random.Random(3), 80)) == list(people(random.Random(3), 80))


def test_output_does_not_depend_on_hash_randomisation():
    code = "import sys; from tests.unit.test_demo_content import _digest; sys.stdout.write(_digest(7))"
    outputs = set()
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        outputs.add(done.stdout)
    assert outputs == {_digest(7)}


def test_bulk_functions_are_lazy_generators():
    rng = random.Random(0)
    for produced in (questions(rng, 10**9), suggestions(rng, 10**9), people(rng, 10**9)):
        assert iter(produced) is produced
        next(produced)


# --------------------------------------------------------------------------- questions


def _check_tags(tags: tuple[str, ...]) -> None:
    assert isinstance(tags, tuple)
    assert 1 <= len(tags) <= 5
    assert len(set(tags)) == len(tags)
    for tag in tags:
        assert TAG.match(tag) and len(tag) <= 30, tag


def _sentences(body: str) -> int:
    prose = [line for line in body.split("\n")
             if line and not line.startswith("- ") and not re.match(r"\d+\. ", line)
             and not line.endswith(":")]
    return len(SENTENCE_END.findall(" ".join(prose)))


def test_questions_are_well_formed():
    generated = _questions(11, 3000)
    assert len(generated) == 3000
    for question in generated:
        assert isinstance(question, QuestionSpec)
        assert question.agency_slug is None or question.agency_slug in SLUGS
        assert 10 <= len(question.title) <= 150, question.title
        assert question.title == question.title.strip() and "\n" not in question.title
        _check_tags(question.tags)
        assert 2 <= _sentences(question.body) <= 6, question.body
        assert question.topic and SLUG.match(question.topic)


def test_question_bodies_sometimes_have_bullets_or_numbered_steps():
    bodies = [question.body for question in _questions(12, 400)]
    assert any("\n- " in body for body in bodies)
    assert any("\n1. " in body and "\n2. " in body for body in bodies)
    plain = sum("\n- " not in body and "\n1. " not in body for body in bodies)
    assert plain > len(bodies) / 2


def test_300_questions_are_varied():
    for seed in (1, 2026, 31337):
        generated = _questions(seed, 300)
        assert len({question.title for question in generated}) >= 250
        assert len({question.body for question in generated}) >= 280
        assert {question.agency_slug for question in generated} == SLUGS | {None}


def test_at_least_40_question_families_across_all_agencies():
    generated = _questions(13, 6000)
    topics = {question.topic for question in generated}
    assert len(topics) >= 40
    for slug in SLUGS:
        assert len({q.topic for q in generated if q.agency_slug == slug}) >= 8, slug


def test_about_ten_percent_of_questions_concern_no_agency():
    generated = _questions(14, 4000)
    share = sum(question.agency_slug is None for question in generated) / len(generated)
    assert 0.07 <= share <= 0.13


def test_questions_of_one_topic_are_near_duplicates():
    by_topic: dict[str, list[QuestionSpec]] = {}
    for question in _questions(15, 3000):
        by_topic.setdefault(question.topic, []).append(question)
    for topic, group in by_topic.items():
        # Every question of a family carries its main tag ...
        assert set.intersection(*(set(q.tags) for q in group)), topic
        # ... and is about one agency or a closed set of them, never "any agency or none".
        agencies = {q.agency_slug for q in group}
        assert agencies == {None} or None not in agencies, topic


# --------------------------------------------------------------------------- answers


def test_answers_are_realistic_and_mixed():
    rng = random.Random(21)
    replies: list[AnswerSpec] = []
    for question in questions(rng, 300):
        batch = answers(rng, question, 4)
        assert len(batch) == 4
        assert all(isinstance(answer, AnswerSpec) and answer.body.strip() for answer in batch)
        assert len({answer.body for answer in batch}) == 4
        replies += batch
    helpful = [answer for answer in replies if answer.helpful]
    assert 0.4 <= len(helpful) / len(replies) <= 0.8
    assert any("https://example.gov.au/" in answer.body for answer in helpful)
    assert any(re.search(r"^1\. ", answer.body, re.M) for answer in helpful)
    assert all("https://" not in answer.body for answer in replies if not answer.helpful)
    mean = lambda items: sum(len(a.body) for a in items) / len(items)  # noqa: E731
    assert mean(helpful) > 2 * mean([a for a in replies if not a.helpful])


def test_answers_handle_any_question_and_zero():
    stranger = QuestionSpec(None, "Something unusual happened", "Details here. Any idea?",
                            ("general",), "not-a-known-topic")
    batch = answers(random.Random(1), stranger, 5)
    assert len(batch) == 5 and all(a.body for a in batch)
    assert answers(random.Random(1), stranger, 0) == []
    question = _questions(3, 1)[0]
    assert answers(random.Random(4), question, 3) == answers(random.Random(4), question, 3)


# --------------------------------------------------------------------------- suggestions


def test_suggestions_are_well_formed_and_varied():
    generated = list(suggestions(random.Random(31), 600))
    assert len({s.topic for s in generated}) >= 15
    assert {s.agency_slug for s in generated} == SLUGS
    for suggestion in generated:
        assert isinstance(suggestion, SuggestionSpec)
        assert suggestion.agency_slug in SLUGS
        assert 10 <= len(suggestion.title) <= 150, suggestion.title
        _check_tags(suggestion.tags)
        assert suggestion.body.count("\n\n") >= 1
    first_60 = generated[:60]
    assert len({s.title for s in first_60}) >= 40


@pytest.mark.parametrize("status", SUGGESTION_STATUSES)
def test_agency_response_for_every_status(status):
    texts = {agency_response(random.Random(seed), status) for seed in range(30)}
    assert len(texts) >= 3
    assert all(len(text) > 40 for text in texts)


def test_agency_response_rejects_unknown_status():
    with pytest.raises(ValueError):
        agency_response(random.Random(0), "shipped")


def test_statuses_match_the_documented_set():
    assert set(SUGGESTION_STATUSES) == {
        "open", "under_review", "planned", "in_progress", "implemented", "declined"}


# --------------------------------------------------------------------------- people


def test_people_are_unique_varied_and_usable_as_emails():
    generated = list(people(random.Random(41), 3000))
    assert len(generated) == 3000
    names = [name for name, _ in generated]
    locals_ = [local for _, local in generated]
    assert len(set(names)) == 3000 and len(set(locals_)) == 3000
    for name, local in generated:
        assert name.strip() == name and 2 <= len(name) <= 60
        assert EMAIL_LOCAL.match(local) and len(local) <= 64, local
    first_names = Counter(name.split()[0] for name in names[:300])
    assert len(first_names) >= 60
    assert any(not name.isascii() for name in names)  # accents are kept in display names


# --------------------------------------------------------------------------- personal information


def test_no_personal_information_or_unfilled_slots_anywhere():
    texts = _all_text()
    for text in texts:
        assert "{" not in text and "}" not in text, text
        assert "@" not in text, text
        assert "  " not in text and " \n" not in text, text
        for number in LONG_NUMBER.findall(text):
            assert SERVICE_NUMBER.match(number), (number, text)
    held = [(pii.kinds(found), text) for text in set(texts) if (found := pii.scan(text))]
    assert held == []


def test_family_catalogue_sizes_and_unique_topics():
    question_topics = [family.topic for family in content._FAMILIES]
    suggestion_topics = [family.topic for family in content._SUGGESTION_FAMILIES]
    assert len(question_topics) == len(set(question_topics)) >= 40
    assert len(suggestion_topics) == len(set(suggestion_topics)) >= 15
    assert all(len(family.titles) >= 4 for family in content._FAMILIES)


def test_every_template_renders_for_every_agency():
    """Rendering each template with each slot value would be huge; one pass per family and
    agency over every template catches missing slots and stray braces."""
    for family in content._FAMILIES:
        for slug in family.agencies or (None,):
            fill = content._Fill(random.Random(0), family.slots)
            if slug:
                fill.update(content._AGENCY_SLOTS[slug])
            for group in (family.titles, family.context, family.details, family.asks,
                          family.tried, family.tips):
                for template in group:
                    if slug is None and "{phone}" in template:
                        continue  # dropped for agency-less answers
                    assert "{" not in content._render(template, fill)
    for family in content._SUGGESTION_FAMILIES:
        for slug in family.agencies:
            fill = content._Fill(random.Random(0), family.slots)
            fill.update(content._AGENCY_SLOTS[slug])
            for group in (family.titles, family.problems, family.proposals, family.benefits):
                for template in group:
                    assert "{" not in content._render(template, fill)
