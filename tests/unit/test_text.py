"""Key terms, similarity and grouping of near-duplicate questions (pure)."""
from forum.tags import text
from forum.tags.suggest import TagModel

PASSPORT = [
    ("Passport renewal taking more than six weeks", ["passport-renewal", "waiting-times"]),
    ("My passport renewal is taking over six weeks", ["passport-renewal"]),
    ("Passport renewals taking six weeks or more?", ["passport-renewal", "waiting-times"]),
    ("Six weeks and still no passport renewal", ["passport-renewal"]),
]
OTHERS = [
    ("Missed bin collection on Tuesday", ["bins"]),
    ("How do I pay my council rates in instalments", ["rates", "payments"]),
    ("Tax refund delayed after lodging my return", ["tax-return", "refunds"]),
    ("Driving test booking earliest date", ["drivers-licence", "appointments"]),
]


def _groups(posts, threshold=0.5):
    docs = [text.terms(title, tags) for title, tags in posts]
    corpus = text.Corpus(docs)
    return text.group([corpus.vector(d) for d in docs], threshold), docs, corpus


def test_words_drop_stop_words_and_fold_plurals():
    assert text.words("Are my renewals taking weeks?") == ["renewal", "taking", "week"]
    assert text.surface_words("Are my renewals taking weeks?") == ["renewals", "taking", "weeks"]


def test_near_duplicates_form_one_group_and_the_rest_stay_apart():
    groups, docs, corpus = _groups(PASSPORT + OTHERS)
    assert groups[0] == [0, 1, 2, 3]
    assert sorted(len(g) for g in groups) == [1, 1, 1, 1, 4]


def test_a_group_is_labelled_from_its_key_terms_as_people_write_them():
    groups, docs, corpus = _groups(PASSPORT + OTHERS)
    label = text.label([docs[i] for i in groups[0]], corpus, [PASSPORT[i][0] for i in groups[0]], [1, 2, 3, 4])
    assert label.lower().startswith("passport renewal")
    assert "renewals" not in label.lower().split()


def test_a_label_uses_only_terms_that_three_different_people_wrote():
    titles = ["Passport renewal taking six weeks", "Bartholomew passport renewal six weeks",
              "Bartholomew passport renewal taking weeks", "Bartholomew: passport renewal, six weeks again",
              "Passport renewal taking weeks"]
    docs = [text.terms(title, ["passport-renewal"]) for title in titles]
    corpus = text.Corpus(docs)
    # By weight alone the name, written three times by one person, is among the four words.
    assert text.label(docs, corpus, titles, [1, 2, 2, 2, 3], min_authors=1) == "Bartholomew passport renewal weeks"
    assert text.label(docs, corpus, titles, [1, 2, 2, 2, 3]) == "Passport renewal taking weeks"
    assert text.label(docs, corpus, titles, [1, 2, 3, 4, 5]) == "Bartholomew passport renewal weeks"  # 3 people
    assert text.label(docs[1:4], corpus, titles[1:4], [2, 2, 2]) == text.UNLABELLED  # nothing 3 people wrote
    # ... unless a tag of the group is one that three people use across all posts.
    shared = text.tags_used_by(docs, [1, 2, 2, 2, 3])
    assert shared == {"#passport-renewal"}
    assert text.label(docs[1:4], corpus, titles[1:4], [2, 2, 2], shared_tags=shared) == "Passport renewal"


def test_a_label_reads_in_the_order_of_the_groups_most_representative_title():
    """By weight the words come as "code comes late verification"; the titles say it otherwise."""
    titles = ["Verification code comes late (Northgate)", "Verification code comes late, again",
              "Login verification code comes very late", "The verification code comes late on my phone",
              "Code for verification comes late at night"]
    docs = [text.terms(title) for title in titles]
    corpus = text.Corpus(docs + [text.terms("Verification of my identity"), text.terms("Postcode lookup")])
    assert text.label(docs, corpus, titles, [1, 2, 3, 4, 5]) == "Verification code comes late"
    # Only the order follows the title: words it lacks come after, and no word is added.
    assert text.in_title_order(["late", "verification", "weeks"], ["Verification arrives late"]) == [
        "verification", "late", "weeks"]


def test_cosine_of_a_vector_with_itself_is_one_and_with_a_stranger_zero():
    corpus = text.Corpus([text.terms("a passport"), text.terms("a bin")])
    a, b = corpus.vector(text.terms("passport")), corpus.vector(text.terms("bin"))
    assert round(text.cosine(a, a), 6) == 1.0
    assert text.cosine(a, b) == 0.0


def test_tag_suggestions_use_key_terms_and_co_occurrence():
    model = TagModel([(t, tags) for t, tags in PASSPORT + OTHERS] * 3)
    suggested = model.suggest("Still waiting six weeks for my passport")
    assert suggested == ["passport-renewal", "waiting-times"]  # the second comes with the first
    assert model.suggest("Passport renewal: six weeks of waiting times")[:2] == ["passport-renewal", "waiting-times"]
    assert len(suggested) <= 5
    assert model.suggest("Still waiting six weeks for my passport", exclude=["passport-renewal"]) == ["waiting-times"]
    assert model.suggest("") == []
