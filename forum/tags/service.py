"""Tag use cases: attach tags to questions (creating tags on first use) and keep counts exact;
synonyms (a synonym typed on a new post becomes its main tag), descriptions and merges."""
from __future__ import annotations

from sqlalchemy import and_, delete, func, insert, literal, select, update

from moderation.types import Action

from ..errors import Conflict, InvalidInput, NotFound
from ..extensions import db, utcnow
from ..moderation import audit
from ..permissions import require as _require
from ..sql import insert_if_absent
from .models import QuestionTag, Tag, TagEvent, TagSynonym
from .names import TagError, parse

DESCRIPTION_MAX = 2_000


def _ids(names: list[str]) -> list[int]:
    for name in names:
        insert_if_absent(Tag, name=name, description="", question_count=0, created_at=utcnow())
    return list(db.session.scalars(select(Tag.id).where(Tag.name.in_(names))))


def ids_for(names: list[str]) -> list[int]:
    """Ids of the tags called `names`, creating missing ones (uncounted: question_count stays 0)."""
    return _ids(names) if names else []


def attach(question_id: int, names: list[str]) -> None:
    from ..qa.models import Question  # tags sit below qa: the join row copies the question's creation time

    if not names:
        return
    ids = _ids(names)
    asked_at = select(Question.created_at).where(Question.id == question_id).scalar_subquery()
    db.session.execute(insert(QuestionTag).from_select(
        ["question_id", "tag_id", "question_created_at"],
        select(literal(question_id), Tag.id, asked_at).where(Tag.id.in_(ids))))
    db.session.execute(update(Tag).where(Tag.id.in_(ids)).values(question_count=Tag.question_count + 1))


def detach(question_id: int, names: list[str]) -> None:
    """Forget `names` on the question (or, for a deleted question, take it out of the counts)."""
    if not names:
        return
    ids = list(db.session.scalars(select(Tag.id).where(Tag.name.in_(names))))
    db.session.execute(delete(QuestionTag).where(QuestionTag.question_id == question_id, QuestionTag.tag_id.in_(ids)))
    db.session.execute(update(Tag).where(Tag.id.in_(ids)).values(question_count=Tag.question_count - 1))


def replace(question_id: int, old: list[str], new: list[str]) -> None:
    detach(question_id, [name for name in old if name not in new])
    attach(question_id, [name for name in new if name not in old])


def popular(limit: int = 30) -> list[Tag]:
    return list(db.session.scalars(select(Tag).where(Tag.question_count > 0)
                                   .order_by(Tag.question_count.desc(), Tag.name).limit(limit)))


# ── synonyms: the one place a typed name becomes its main tag (posts now, search later) ──

def canonical_names(names: list[str]) -> list[str]:
    """Names with every synonym replaced by its main tag, duplicates dropped, order kept (one query)."""
    if not names:
        return []
    mapping = dict(db.session.execute(select(TagSynonym.name, Tag.name).join(Tag, Tag.id == TagSynonym.tag_id)
                                      .where(TagSynonym.name.in_(names))).all())
    return list(dict.fromkeys(mapping.get(name, name) for name in names))


def canonical(name: str) -> str:
    """The main tag for `name` (itself when it is not a synonym). Search calls this too."""
    return canonical_names([name])[0] if name else name


# ── moderators' changes ──────────────────────────────────────────────────────

def existing_tag(name: str) -> Tag:
    tag = db.session.scalar(select(Tag).where(Tag.name == name))
    if tag is None:
        raise NotFound(f"There is no tag called “{name[:40]}”")
    return tag


def _one_name(raw: str, field: str) -> str:
    try:
        names = parse(raw, minimum=1, maximum=1)
    except TagError as error:
        raise InvalidInput(str(error), field=field) from None
    return names[0]


def _log(kind: str, actor, tag_name: str, other_name: str = "", detail: str = "") -> None:
    """The tag's own history (shown on the tag's page) and the moderation audit log."""
    db.session.add(TagEvent(kind=kind, actor_id=actor.id if actor else None, tag_name=tag_name,
                            other_name=other_name, detail=detail[:200], created_at=utcnow()))
    audit.record(actor, f"tag_{kind}", "tag", None,
                 details=" ".join(part for part in (tag_name, other_name and f"<- {other_name}", detail) if part))


def record_merge(actor, source: str, target: str, moved: int, suggestions: int = 0) -> None:
    """Log a merge."""
    also = f", {suggestions} suggestion{'s' if suggestions != 1 else ''}" if suggestions else ""
    _log("merge", actor, target, source, f"{moved} question{'s' if moved != 1 else ''} moved{also}")


def describe(actor, name: str, description: str) -> Tag:
    _require(actor, Action.EDIT_TAGS)
    tag = existing_tag(name)
    description = description.strip()
    if len(description) > DESCRIPTION_MAX:
        raise InvalidInput(f"A description is at most {DESCRIPTION_MAX:,} characters", field="description")
    tag.description = description
    _log("describe", actor, tag.name)
    db.session.commit()
    return tag


def add_synonym(actor, name: str, raw_synonym: str) -> TagSynonym:
    _require(actor, Action.EDIT_TAGS)
    tag = existing_tag(name)
    synonym = _one_name(raw_synonym, "synonym")
    if synonym == tag.name:
        raise InvalidInput("A tag cannot be a synonym of itself", field="synonym")
    taken = db.session.scalar(select(TagSynonym).where(TagSynonym.name == synonym))
    if taken is not None:
        raise Conflict(f"“{synonym}” is already a synonym", field="synonym")
    other = db.session.scalar(select(Tag).where(Tag.name == synonym))
    if other is not None:
        if other.question_count:
            raise Conflict(f"“{synonym}” is a tag in use: merge it into “{tag.name}” instead", field="synonym")
        _move_posts(other, tag)  # no public question uses it, but suggestions may
        db.session.execute(delete(Tag).where(Tag.id == other.id))
    row = TagSynonym(name=synonym, tag_id=tag.id, created_at=utcnow())
    db.session.add(row)
    _log("synonym", actor, tag.name, synonym)
    db.session.commit()
    return row


def _renamed(names: str, source: str, target: str) -> str:
    return " ".join(dict.fromkeys(target if n == source else n for n in names.split()))


def _move_tagged(post, link, kind: str, source: Tag, target: Tag) -> int:
    """Posts of one kind (questions or suggestions) tagged `source` become tagged `target`: their
    join rows move (a post that has both keeps one; the other goes with the source tag), their
    tag_names are rewritten, and their search documents are refreshed. Returns how many moved."""
    from ..search.outbox import enqueue_many  # a bulk UPDATE by primary key is invisible to the outbox

    owner = getattr(link, f"{kind}_id")
    rows = db.session.execute(select(post.id, post.tag_names).join(
        link, and_(owner == post.id, link.tag_id == source.id))).all()
    if not rows:
        return 0
    enqueue_many(kind, [pid for pid, _ in rows])
    db.session.execute(update(post), [{"id": pid, "tag_names": _renamed(names, source.name, target.name)}
                                      for pid, names in rows])
    already = select(owner).where(link.tag_id == target.id)
    db.session.execute(update(link).where(link.tag_id == source.id, owner.not_in(already)).values(tag_id=target.id))
    return len(rows)


def _move_posts(source: Tag, target: Tag) -> tuple[int, int]:
    """(questions, suggestions) moved from `source` to `target`, before `source` is deleted."""
    from ..qa.models import Question  # tags sit below qa and suggestions; only a merge rewrites their lists
    from ..suggestions.models import Suggestion, SuggestionTag

    return (_move_tagged(Question, QuestionTag, "question", source, target),
            _move_tagged(Suggestion, SuggestionTag, "suggestion", source, target))


def merge(actor, source_name: str, raw_target: str) -> Tag:
    """Move every question and suggestion of `source` to `target`, make `source` a synonym of
    it, and log it."""
    _require(actor, Action.EDIT_TAGS)
    source = existing_tag(source_name)
    target_name = canonical(_one_name(raw_target, "into"))
    if target_name == source.name:
        raise InvalidInput("Choose another tag to merge into", field="into")
    target = db.session.scalar(select(Tag).where(Tag.name == target_name))
    if target is None:
        raise InvalidInput(f"There is no tag called “{target_name}”", field="into")
    questions, suggestions = _move_posts(source, target)
    db.session.execute(update(TagSynonym).where(TagSynonym.tag_id == source.id).values(tag_id=target.id))
    db.session.execute(delete(Tag).where(Tag.id == source.id))
    db.session.add(TagSynonym(name=source.name, tag_id=target.id, created_at=utcnow()))
    recount(target.id)
    record_merge(actor, source.name, target.name, questions, suggestions)
    db.session.commit()
    return target


def recount(tag_id: int) -> None:
    from ..qa.models import Question

    count = select(func.count()).select_from(QuestionTag).join(
        Question, and_(Question.id == QuestionTag.question_id, Question.state == "public")
    ).where(QuestionTag.tag_id == tag_id).scalar_subquery()
    db.session.execute(update(Tag).where(Tag.id == tag_id).values(question_count=count))


def tag_id(name: str) -> int | None:
    """The id of the tag `name` stands for (synonyms followed), or None."""
    return db.session.scalar(select(Tag.id).where(Tag.name == canonical(name)))
