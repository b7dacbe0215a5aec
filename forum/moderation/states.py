"""Moving a post (question, answer or suggestion) between public, held, hidden and deleted,
with its counters kept exact.

answer_count counts public answers, a question's waits and ratings follow its public answers
(forum/qa/outcome.py) and tag counts count public questions (forum/qa/check.py), so every change
of state that crosses "public" adjusts them here, in the same transaction
(suggestions have no such counter: lists simply show the public ones).
The UPDATE is guarded on the states it may leave, so of two moderators acting at once only
one changes the post: the other gets False and says "already handled".
"""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..qa import outcome
from ..qa.models import Answer, Question
from ..sql import bump
from ..tags import service as tags


def set_state(post, to_state: str, from_states: tuple[str, ...]) -> bool:
    """Move `post` from the state it was read in (one of `from_states`) to `to_state`."""
    model, old = type(post), post.state
    if old not in from_states:
        return False
    done = db.session.execute(update(model).where(model.id == post.id, model.state == old).values(state=to_state))
    if not done.rowcount:
        return False
    set_committed_value(post, "state", to_state)  # the row already says so
    was_public, now_public = old == "public", to_state == "public"
    if was_public != now_public:
        delta = 1 if now_public else -1
        if model is Answer:
            bump(Question, post.question_id, answer_count=delta)
            outcome.refresh(post.question_id)
        elif model is Question:
            names = (db.session.scalar(select(Question.tag_names).where(Question.id == post.id)) or "").split()
            if now_public:
                # A tag merged while the question was away comes back as its main tag.
                main = tags.canonical_names(names)
                if main != names:
                    db.session.execute(update(Question).where(Question.id == post.id)
                                       .values(tag_names=" ".join(main)))
                tags.attach(post.id, main)
            else:
                tags.detach(post.id, names)
    return True
