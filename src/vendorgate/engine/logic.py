"""The one copy of vendorgate's three-valued logic: how pass, fail and undetermined combine.

``all`` fails if any item fails, else is undetermined if any is, else passes; ``any`` passes if
any item passes, else is undetermined if any is, else fails; ``not`` swaps pass and fail and
leaves undetermined alone (not knowing whether X holds is not knowing whether not-X holds).
The native engine, the Rego result assembler and ``explain`` all combine outcomes through
these functions, so the three can never disagree about a node.
"""

from __future__ import annotations

from collections.abc import Iterable

from vendorgate.core.model import Outcome

NODE_KINDS = ("all", "any", "not")
"""The node kinds a condition trace may contain."""


def negate(outcome: Outcome) -> Outcome:
    """``not``: pass and fail swap; undetermined stays undetermined."""
    if outcome is Outcome.PASS:
        return Outcome.FAIL
    if outcome is Outcome.FAIL:
        return Outcome.PASS
    return outcome


def all_of(outcomes: Iterable[Outcome]) -> Outcome:
    """``all``: one failure decides; otherwise any unknown keeps it undetermined."""
    seen = set(outcomes)
    if Outcome.FAIL in seen:
        return Outcome.FAIL
    return Outcome.UNDETERMINED if Outcome.UNDETERMINED in seen else Outcome.PASS


def any_of(outcomes: Iterable[Outcome]) -> Outcome:
    """``any``: one pass decides; otherwise any unknown keeps it undetermined."""
    seen = set(outcomes)
    if Outcome.PASS in seen:
        return Outcome.PASS
    return Outcome.UNDETERMINED if Outcome.UNDETERMINED in seen else Outcome.FAIL


def combine(kind: str, outcomes: Iterable[Outcome]) -> Outcome:
    """The outcome of a node of ``kind`` (all, any, not) over its items' outcomes.

    An unknown kind raises rather than guessing: a guess could turn into a pass."""
    items = list(outcomes)
    if kind == "all":
        return all_of(items)
    if kind == "any":
        return any_of(items)
    if kind == "not":
        if len(items) != 1:
            raise ValueError(f"`not` takes exactly one item, got {len(items)}")
        return negate(items[0])
    raise ValueError(f"unknown condition node `{kind}`")
