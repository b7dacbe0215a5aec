"""What the personal-information detectors hold, and what they let through.

A finding holds a post for a moderator, so both directions matter: a tax file number must
never go public, and an ordinary question about a payment must not wait in a queue.
"""
from __future__ import annotations

import dataclasses
import random

import pytest

from moderation import pii
from moderation.pii import Finding, kinds, redact, scan

TFN_WEIGHTS_9 = (1, 4, 3, 7, 5, 8, 6, 9, 10)
TFN_WEIGHTS_8 = (10, 7, 8, 4, 6, 3, 5, 1)
MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)


def make_tfn(rng: random.Random, length: int = 9) -> str:
    """A valid tax file number: digits whose weighted sum is a multiple of 11."""
    weights = TFN_WEIGHTS_9 if length == 9 else TFN_WEIGHTS_8
    while True:
        body = [rng.randint(0, 9) for _ in range(length - 1)]
        total = sum(d * w for d, w in zip(body, weights))
        for check in range(10):
            if (total + check * weights[-1]) % 11 == 0:
                return "".join(map(str, body + [check]))
        # no single check digit works for this body: draw another


def make_medicare(rng: random.Random, with_irn: bool = False) -> str:
    """A valid Medicare card number: first digit 2-6, ninth digit the weighted check."""
    body = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(body, MEDICARE_WEIGHTS)) % 10
    issue = [rng.randint(1, 9)]
    irn = [rng.randint(1, 5)] if with_irn else []
    return "".join(map(str, body + [check] + issue + irn))


def found(text: str) -> list[tuple[str, str]]:
    """(kind, the text found) pairs: what a moderator would see highlighted."""
    return [(f.kind, text[f.start:f.end]) for f in scan(text)]


def tfns(count: int, length: int = 9, seed: int = 20240701) -> list[str]:
    rng = random.Random(seed + length)
    return [make_tfn(rng, length) for _ in range(count)]


# ── Tax file numbers ────────────────────────────────────────────────────────────────

def test_the_documented_example_tax_file_number_is_held():
    assert found("My TFN is 123 456 782, is that right?") == [
        (pii.TAX_FILE_NUMBER, "123 456 782")]


@pytest.mark.parametrize("number", tfns(8))
@pytest.mark.parametrize("layout", [
    "{0}{1}{2}{3}{4}{5}{6}{7}{8}",
    "{0}{1}{2} {3}{4}{5} {6}{7}{8}",
    "{0}{1}{2}-{3}{4}{5}-{6}{7}{8}",
])
def test_valid_nine_digit_tax_file_numbers_are_held_however_grouped(number, layout):
    written = layout.format(*number)
    assert found(f"I lodged with tax file number {written} last week.") == [
        (pii.TAX_FILE_NUMBER, written)]


@pytest.mark.parametrize("number", tfns(6, length=8))
def test_valid_eight_digit_tax_file_numbers_are_held(number):
    written = f"{number[:2]} {number[2:5]} {number[5:]}"
    assert found(f"My old TFN was {written}") == [(pii.TAX_FILE_NUMBER, written)]
    assert found(f"My old TFN was {number}.") == [(pii.TAX_FILE_NUMBER, number)]


@pytest.mark.parametrize("number", tfns(8))
def test_a_nine_digit_number_failing_the_checksum_is_not_a_tax_file_number(number):
    for wrong in "0123456789":
        if wrong != number[-1]:
            assert scan(f"My TFN is {number[:-1]}{wrong}") == []


def test_a_tax_file_number_needs_no_context_word():
    assert kinds(scan("is 123456782 right?")) == [pii.TAX_FILE_NUMBER]


def test_a_checksum_passing_number_inside_an_amount_a_date_or_a_code_is_not_held():
    assert scan("The debt was $123,456,782 according to the letter.") == []
    assert scan("Invoice 123456782-B is overdue, see ref A-123456782.") == []
    assert scan("The balance shows 123456782.50") == []


def test_a_number_labelled_abn_or_acn_is_a_business_registration_not_personal():
    assert scan("Services Australia, ABN 90 794 605 008; ACN 123 456 782.") == []
    assert kinds(scan("ABN 51 824 753 556, and my own TFN 123 456 782")) == [
        pii.TAX_FILE_NUMBER]


def test_financial_years_and_dates_written_with_hyphens_are_not_tax_file_numbers():
    # Each of these happens to pass the eight-digit checksum.
    for digits in ("20142015", "20032021", "19850126"):
        assert pii.is_tax_file_number(digits)
    assert scan("My return for 2014-2015 was lodged 20-03-2021, about a 1985-01-26 debt.") == []


@pytest.mark.parametrize("number", tfns(8))
def test_tax_file_numbers_grouped_with_dots_are_held(number):
    written = f"{number[:3]}.{number[3:6]}.{number[6:]}"
    assert found(f"TFN {written}") == [(pii.TAX_FILE_NUMBER, written)]
    assert found(f"Is {written} my number?") == [(pii.TAX_FILE_NUMBER, written)]


def test_dotted_numbers_that_are_not_personal_information_are_not_held():
    assert found("TFN 123.456.782") == [(pii.TAX_FILE_NUMBER, "123.456.782")]
    assert scan("The balance was $123.456.782 or 123.456.782,50 in euros, and 123.456.782.1 is a version.") == []
    assert scan("Pi is 3.14159265 and the server is 192.168.100.200; the visit was on 12.03.1985.") == []
    assert scan("Section 123.456.781 of the act applies.") == []  # fails the check digit


# ── Medicare card numbers ───────────────────────────────────────────────────────────

def test_a_grouped_medicare_card_number_is_held():
    assert found("Medicare card 2123 45670 1, is it still valid?") == [
        (pii.MEDICARE_NUMBER, "2123 45670 1")]


@pytest.mark.parametrize("seed", range(6))
def test_valid_medicare_numbers_are_held_with_or_without_the_reference_number(seed):
    rng = random.Random(seed)
    ten, eleven = make_medicare(rng), make_medicare(rng, with_irn=True)
    grouped = f"{ten[:4]} {ten[4:9]} {ten[9]}"
    assert found(f"number {ten} on the card") == [(pii.MEDICARE_NUMBER, ten)]
    assert found(f"number {grouped} on the card") == [(pii.MEDICARE_NUMBER, grouped)]
    assert found(f"number {eleven} on the card") == [(pii.MEDICARE_NUMBER, eleven)]


@pytest.mark.parametrize("seed", range(6))
def test_a_medicare_number_grouped_with_dots_is_held(seed):
    number = make_medicare(random.Random(seed))
    written = f"{number[:4]}.{number[4:9]}.{number[9]}"
    assert found(f"Medicare card {written}, is it still valid?") == [(pii.MEDICARE_NUMBER, written)]


@pytest.mark.parametrize("seed", range(6))
def test_a_medicare_number_with_a_wrong_check_digit_is_ignored(seed):
    number = make_medicare(random.Random(seed))
    wrong = str((int(number[8]) + 1 + seed % 9) % 10)
    assert scan(f"Medicare {number[:8]}{wrong}{number[9]}") == []


@pytest.mark.parametrize("first", "0179")
def test_a_medicare_number_starts_with_two_to_six(first):
    assert pii.is_medicare_number("2123456701")
    assert scan(f"card {first}123 45670 1") == []


# ── Phone numbers ───────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("phone", [
    "0412 345 678", "0412345678", "0412-345-678", "04 1234 5678",
    "+61 412 345 678", "+61412345678", "+61-412-345-678",
    "(02) 9123 4567", "(03)9123 4567", "02 9123 4567", "07-3123-4567", "0891234567",
    "+61 2 9123 4567", "+61 (0)2 9123 4567", "+61 8 9123 4567",
])
def test_mobile_and_landline_numbers_are_held(phone):
    assert found(f"Please ring me on {phone} after 5pm.") == [(pii.PHONE, phone)]


@pytest.mark.parametrize("phone", ["0412.345.678", "02.9123.4567", "07.3123.4567", "+61.412.345.678",
                                   "+61.2.9123.4567"])
def test_phone_numbers_grouped_with_dots_are_held(phone):
    assert found(f"Please ring me on {phone} after 5pm.") == [(pii.PHONE, phone)]
    assert found(f"mobile {phone}") == [(pii.PHONE, phone)]


@pytest.mark.parametrize("service_line", [
    "13 28 61", "132861", "13 14 50", "1300 555 727", "1300-555-727", "1800 050 004",
    "1800 020 080",
])
def test_agency_service_numbers_are_not_held(service_line):
    assert scan(f"I was told to call {service_line} about my claim.") == []


def test_amounts_years_and_counts_are_not_phone_numbers():
    assert scan("I repaid $1,234 in 2023 after 27 calls and 3,456 minutes on hold.") == []
    assert scan("Payment of $0412345678? No: it was 0.412345678 of a cent.") == []


# ── Dates of birth ──────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("sentence, date", [
    ("I was born on 12/03/1985 in Perth.", "12/03/1985"),
    ("DOB: 12-03-1985", "12-03-1985"),
    ("d.o.b. 12 March 1985", "12 March 1985"),
    ("My date of birth is 1985-03-12 but the form says otherwise", "1985-03-12"),
    ("Her birthday is the 3rd of June 2019 and she needs a Medicare card",
     "3rd of June 2019"),
    ("born March 12, 1985", "March 12, 1985"),
    ("12/03/85 is my date of birth", "12/03/85"),
])
def test_a_date_next_to_a_birth_word_is_held(sentence, date):
    assert found(sentence) == [(pii.DATE_OF_BIRTH, date)]


@pytest.mark.parametrize("sentence", [
    "My appointment on 12/03/2025 was cancelled.",
    "The letter dated 1985-03-12 is still on file.",
    "Payments resume on 3 June 2025.",
    "I need my birth certificate for the appointment on 12/03/2025.",
    "Births, Deaths and Marriages said 14/02/2025 at the earliest.",
    "My son was born in 2010, and I have an appointment on 12/03/2025.",
])
def test_a_plain_date_is_not_a_date_of_birth(sentence):
    assert scan(sentence) == []


# ── Street addresses ────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("sentence, address", [
    ("Send the letter to 27 Smith Street please", "27 Smith Street"),
    ("I live at 3/27 Smith St, Newtown NSW 2042", "3/27 Smith St"),
    ("Unit 3, 27 Smith St Newtown", "Unit 3, 27 Smith St"),
    ("It went to 12-14 King George Rd instead", "12-14 King George Rd"),
    ("we moved to 5 Jacaranda Cres last year", "5 Jacaranda Cres"),
    ("My address is: 8 high st, Bendigo", "8 high st"),
    ("Post it to 101 ST KILDA ROAD", "101 ST KILDA ROAD"),
])
def test_a_residential_street_address_is_held(sentence, address):
    assert found(sentence) == [(pii.STREET_ADDRESS, address)]


@pytest.mark.parametrize("sentence", [
    "I waited 3 weeks and the whole way through nobody called.",
    "It took 2 goes on the phone, then the Way forward was clear.",
    "The St Vincent de Paul Society helped with 2 food parcels.",
    "I paid 12 dollars at the road toll.",
])
def test_words_that_merely_follow_a_number_are_not_an_address(sentence):
    assert scan(sentence) == []


# ── Driver licence numbers ──────────────────────────────────────────────────────────

@pytest.mark.parametrize("sentence, licence", [
    ("my licence number is 12345678", "12345678"),
    ("Driver's licence: NSW1234567, expiring soon", "NSW1234567"),
    ("drivers license 0123 4567", "0123 4567"),
    ("DL 1234567", "1234567"),
    ("Licence no. AB12345C", "AB12345C"),
])
def test_a_licence_number_after_a_licence_word_is_held(sentence, licence):
    assert found(sentence) == [(pii.DRIVER_LICENCE, licence)]


@pytest.mark.parametrize("sentence", [
    "The number 12345678 was on my letter.",
    "My licence renewal was refused and the reference was 12345678 for some reason.",
    "dl 1234567 is just a download size",
    "my licence expires 12 03 2025",
    "licence fee of 12345 dollars",
])
def test_a_number_without_a_licence_word_close_before_it_is_not_a_licence(sentence):
    assert scan(sentence) == []


def test_the_closest_label_names_the_number():
    text = "My licence was suspended so my TFN 123 456 782 is all I have."
    assert kinds(scan(text)) == [pii.TAX_FILE_NUMBER]


# ── Email addresses ─────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("email", [
    "jane.citizen@gmail.com", "j_smith+forum@bigpond.net.au", "someone@example.org",
    "help@gov.au.example.com",
])
def test_personal_email_addresses_are_held(email):
    assert found(f"Email me at {email} please.") == [(pii.EMAIL, email)]


@pytest.mark.parametrize("email", [
    "help@ato.gov.au", "enquiries@servicesaustralia.gov.au", "Info@Service.NSW.GOV.AU",
])
def test_published_agency_addresses_ending_in_gov_au_are_not_held(email):
    assert scan(f"I wrote to {email} but no reply yet.") == []


def test_digits_inside_an_agency_address_are_not_read_as_a_number():
    assert scan("Write to claims123456782@agency.gov.au") == []


# ── Centrelink customer reference numbers ───────────────────────────────────────────

def test_a_customer_reference_grouped_with_dots_is_held():
    assert found("My CRN is 123.456.789A.") == [(pii.CUSTOMER_REFERENCE, "123.456.789A")]


@pytest.mark.parametrize("sentence, crn", [
    ("my reference is 123456789A thanks", "123456789A"),
    ("CRN 987 654 321K", "987 654 321K"),
    ("My CRN is 123 456 789", "123 456 789"),
    ("customer reference number: 204 111 333 B.", "204 111 333 B"),
])
def test_customer_reference_numbers_are_held(sentence, crn):
    assert found(sentence) == [(pii.CUSTOMER_REFERENCE, crn)]


def test_nine_digits_before_an_ordinary_word_are_not_a_customer_reference():
    assert scan("Form 123456789 a bit confusing") == []
    assert kinds(scan("My TFN is 123 456 782 I think")) == [pii.TAX_FILE_NUMBER]


# ── Results: order, kinds, redaction ────────────────────────────────────────────────

MIXED = ("Hi, I'm Jane (jane@example.com, 0412 345 678). TFN 123 456 782, "
         "Medicare 2123 45670 1, born 12/03/1985, at 27 Smith Street. "
         "Call me on 0412 345 678 again.")


def test_findings_are_sorted_by_start_and_never_overlap():
    findings = scan(MIXED)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert kinds(findings) == [pii.EMAIL, pii.PHONE, pii.TAX_FILE_NUMBER,
                               pii.MEDICARE_NUMBER, pii.DATE_OF_BIRTH, pii.STREET_ADDRESS]


def test_kinds_lists_each_kind_once_in_the_order_first_found():
    findings = [Finding(pii.PHONE, 0, 3), Finding(pii.EMAIL, 5, 9), Finding(pii.PHONE, 12, 15)]
    assert kinds(findings) == [pii.PHONE, pii.EMAIL]
    assert kinds([]) == []


def test_kinds_are_worded_for_the_author():
    assert {pii.TAX_FILE_NUMBER, pii.MEDICARE_NUMBER, pii.EMAIL, pii.PHONE, pii.DATE_OF_BIRTH,
            pii.STREET_ADDRESS, pii.DRIVER_LICENCE, pii.CUSTOMER_REFERENCE} == {
        "tax file number", "Medicare card number", "email address", "phone number",
        "date of birth", "street address", "driver licence number",
        "customer reference number"}


def test_redact_replaces_each_finding_with_its_kind():
    assert redact(MIXED) == (
        "Hi, I'm Jane ([removed: email address], [removed: phone number]). "
        "TFN [removed: tax file number], Medicare [removed: Medicare card number], "
        "born [removed: date of birth], at [removed: street address]. "
        "Call me on [removed: phone number] again.")


def test_redact_uses_the_findings_it_is_given():
    text = "Call 0412 345 678 or email jane@example.com"
    email_only = [f for f in scan(text) if f.kind == pii.EMAIL]
    assert redact(text, email_only) == "Call 0412 345 678 or email [removed: email address]"
    assert redact(text, []) == text
    assert redact("Nothing personal here.") == "Nothing personal here."


def test_a_finding_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Finding(pii.PHONE, 0, 1).kind = pii.EMAIL  # type: ignore[misc]


# ── Ordinary questions pass ─────────────────────────────────────────────────────────

ORDINARY_QUESTIONS = [
    "How long does a Family Tax Benefit claim take? I lodged it on 3 March 2025 and the "
    "status has said 'in progress' for 49 days.",
    "My JobSeeker payment of $762.70 was paid on 12/03/2025 instead of the 10th. Why?",
    "Can I renew my passport online if it expired in 2019? The fee seems to be $412.",
    "I rang 13 28 61 three times and waited 45 minutes each time. Is there a better way?",
    "Do I need to lodge a tax return for 2023-24 if I only earned $18,200?",
    "How do I apply for a building permit in the City of Sydney? My application reference "
    "is DA-2024/1187.",
    "The ATO letter says I owe $1,234.56 from the 2022-2023 financial year. How do I set "
    "up a payment plan? I called 13 11 42.",
    "My Medicare claim for a GP visit on 2 April was rejected. Who do I contact?",
    "Is the Child Care Subsidy paid directly to the centre? We have 2 kids in care 3 days "
    "a week.",
    "When will the new Centrelink online account features be available? I read about it on "
    "servicesaustralia.gov.au and emailed help@servicesaustralia.gov.au.",
    "What documents do I need to renew my driver licence? It expires on 30/06/2025.",
    "I need a birth certificate for my appointment on 14 May 2025. How long does the "
    "registry take?",
    "Our council rates went up 4.5% this year, from $1,800 to $1,881. Can I appeal?",
    "Service NSW said my rego renewal is reference 2024-118-4471. It's been 10 business days.",
    "How many points of ID do I need? I have a passport, a Medicare card and a bank card.",
    "Call 1800 020 080 or 1300 131 060 for the hotline, they are open 8am-8pm.",
]


@pytest.mark.parametrize("question", ORDINARY_QUESTIONS)
def test_ordinary_public_service_questions_are_not_held(question):
    assert scan(question) == []


def test_text_without_digits_or_at_signs_has_nothing_to_find():
    assert scan("") == []
    assert scan("How do I update my address with Centrelink?") == []


# ── Long posts ──────────────────────────────────────────────────────────────────────
# Speed is measured by bench/pii_rates.py, not by timed tests; here: a post at the 20,000
# character limit is scanned whole, every repetition of personal information is found.

def test_a_post_at_the_length_limit_is_scanned_to_its_end():
    block = " ".join(ORDINARY_QUESTIONS) + " " + MIXED + " "
    repeats = 20_000 // len(block)
    post = block * repeats
    assert len(scan(post)) == repeats * len(scan(block))
    assert scan(post)[-1].start > len(post) - len(block)
