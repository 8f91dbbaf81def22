"""Suggestions: headline statements are passages, disagreeing cues give the less permissive
value with the reason, and every suggestion names its cue. The documents are written for these
tests (no vendor's words)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from vendorgate.core.render import RenderOptions
from vendorgate.report.scan import render_json, render_text
from vendorgate.scan.scanner import Passage, ScanResult, compare, scan_text, suggest

SUMMARY = """# Acme privacy policy

## Summary

* {bullet}
* We keep your account secure.

## How we use data

We use your files to provide the service.
"""
HEADLINE = """# Acme terms

## We do not use your files to train our models

We provide the service to you.
"""
DISAGREE = """# Acme privacy policy

We do not use your content to train our AI models.

We use your content to improve our models, but you can turn this off in your account settings.
"""


def _result(text: str) -> ScanResult:
    passages = scan_text(text)
    return ScanResult("acme.md", "0" * 64, passages, suggest(passages))


def test_a_summary_bullet_is_a_passage_and_compare_sees_it_change() -> None:
    old = _result(SUMMARY.format(bullet="Your content isn't used to train AI."))
    new = _result(SUMMARY.format(bullet="Your content may be used to train AI."))
    before = old.suggestion("ai_training_customer_content")
    after = new.suggestion("ai_training_customer_content")
    assert before is not None and after is not None
    assert (before.value, after.value) == ("never", "always")
    assert before.passages[0].quote == "Your content isn't used to train AI."
    change = next(f for f in compare(old, new).facts if f.fact == "ai_training_customer_content")
    assert change.kind == "changed"


def test_a_heading_that_makes_a_statement_is_a_passage_and_a_topic_heading_is_not() -> None:
    found = [(p.fact, p.value, p.line) for p in scan_text(HEADLINE)]
    assert found == [("ai_training_customer_content", "never", 3)]
    assert scan_text("# Acme\n\n## How we use your data to train AI models\n\nText.\n") == ()


def test_disagreeing_passages_give_the_less_permissive_value_and_say_why() -> None:
    result = _result(DISAGREE)
    suggestion = result.suggestion("ai_training_customer_content")
    assert suggestion is not None
    assert [p.value for p in suggestion.passages] == ["never", "opt_out"]
    assert suggestion.value == "opt_out" and suggestion.conflicting
    assert suggestion.reason == (
        "passages disagree (never at line 3, opt_out at line 5); opt_out is suggested because "
        "it is the least permissive reading"
    )
    assert suggestion.cue == 'ai_training: opt_out "you can turn this off"'


def test_json_and_text_name_each_suggestion_s_cue_and_reason() -> None:
    result = _result(DISAGREE)
    options = RenderOptions()
    data = json.loads(render_json(result, options))
    entry = next(s for s in data["suggestions"] if s["fact"] == "ai_training_customer_content")
    assert entry["cue"] == 'ai_training: opt_out "you can turn this off"'
    assert entry["reason"].startswith("passages disagree (never at line 3")
    assert all(p["cue"] for s in data["suggestions"] for p in s["passages"])
    text = render_text(result, options)
    assert 'cue ai_training: opt_out "you can turn this off"' in text
    assert "  why: passages disagree (never at line 3, opt_out at line 5)" in text


def test_different_deletion_periods_give_the_longest() -> None:
    text = (
        "We delete your content within 30 days after termination.\n\n"
        "Backups of your content are deleted within 90 days after termination.\n"
    )
    suggestion = _result(text).suggestion("deletion_after_termination_days")
    assert suggestion is not None and suggestion.value == 90
    assert "the longest period exposes the customer most" in suggestion.reason


def _passage(
    fact: str, value: str, line: int, strength: int = 1, cue: str = "", narrower: bool = False
) -> Passage:
    return Passage(
        fact,
        value,
        0.9,
        "",
        "",
        f"passage {line}",
        line * 10,
        line * 10 + 9,
        line,
        cue=cue,
        strength=strength,
        narrower=narrower,
    )


@pytest.mark.parametrize(
    ("fact", "permissive"),
    [
        ("ai_training_customer_content", "never"),
        ("ai_training_customer_content", "opt_in"),
        ("content_license_scope", "service_only"),
        ("dpa_available", "available"),
        ("encryption_at_rest", "encrypted"),
        ("content_retention", "customer_controlled"),
    ],
)
def test_a_plain_promise_does_not_outvote_a_passage_that_leaves_the_practice_open(
    fact: str, permissive: str
) -> None:
    # a strong, explicit promise and a qualified statement the detector could not settle
    passages = (_passage(fact, permissive, 3, strength=2), _passage(fact, "undisclosed", 9))
    (suggestion,) = suggest(passages)
    assert suggestion.value == "undisclosed" and suggestion.conflicting
    assert "it is the least permissive reading" in suggestion.reason


NARROWER = """# Acme privacy policy

We do not sell your personal information.

We do not sell your personal information to data brokers.
"""
OPEN = """# Acme privacy policy

We do not sell your personal information to data brokers.
"""
CONDITIONED = """# Acme privacy policy

We do not sell your personal information.

We do not sell your personal information unless you ask us to.
"""


def test_a_narrower_denial_agrees_with_a_plain_one_and_does_not_outvote_it() -> None:
    sale = _result(NARROWER).suggestion("sale_of_data")
    assert sale is not None
    assert [p.value for p in sale.passages] == ["never", "undisclosed"]
    assert sale.value == "never"


def test_a_narrower_denial_alone_settles_nothing() -> None:
    sale = _result(OPEN).suggestion("sale_of_data")
    assert sale is not None and sale.value == "undisclosed"


def test_a_narrower_denial_is_known_by_its_flag_not_by_the_name_of_its_cue() -> None:
    # renaming the rule that found it changes nothing; a cue that only sounds like one is
    # an undisclosed passage like any other
    plain = _passage("sale_of_data", "never", 3, strength=2)
    flagged = _passage("sale_of_data", "undisclosed", 5, cue="sale: one recipient", narrower=True)
    named_alike = _passage("sale_of_data", "undisclosed", 7, cue="sale: scoped denial")
    (kept,) = suggest((plain, flagged))
    assert kept.value == "never"
    (pulled,) = suggest((plain, named_alike))
    assert pulled.value == "undisclosed"


def test_the_scanner_flags_the_narrower_denials_it_finds() -> None:
    passages = scan_text(NARROWER)
    assert [(p.value, p.narrower) for p in passages] == [("never", False), ("undisclosed", True)]


def test_a_conditioned_denial_still_outvotes_a_plain_one() -> None:
    sale = _result(CONDITIONED).suggestion("sale_of_data")
    assert sale is not None and sale.value != "never"


# Written for these tests: which undisclosed passage cancels a deadline's number. One holding
# open the same deadline in its paragraph does, and the suggestion says why; an undisclosed
# elsewhere (the user's own deletion, hedged; a deletion with no number) does not.
HELD_OPEN = """# Acme terms

We will notify you of a data breach within 72 hours. We are not responsible for delays in
notification.
"""
ELSEWHERE = """# Acme terms

We will delete your content within 30 days after termination.

If you close your account, we typically delete your data within 90 days.

After termination, we may delete your account data.
"""


def test_a_passage_holding_the_same_deadline_open_keeps_the_fact_undisclosed() -> None:
    breach = _result(HELD_OPEN).suggestion("breach_notification_hours")
    assert breach is not None
    assert [p.value for p in breach.passages] == [72, "undisclosed"]
    assert breach.value == "undisclosed" and breach.conflicting
    assert breach.reason == (
        "passages disagree (72 at line 3, undisclosed at line 3); undisclosed is suggested "
        "because the passage at line 3 holds open the number stated before it in its paragraph"
    )
    assert breach.cue == 'follow_ups: deadline held open after it "not responsible"'


def test_an_undisclosed_passage_elsewhere_does_not_cancel_a_clear_number() -> None:
    deletion = _result(ELSEWHERE).suggestion("deletion_after_termination_days")
    assert deletion is not None
    assert "undisclosed" in [p.value for p in deletion.passages]
    assert deletion.value == 30


def test_only_the_hold_flag_cancels_a_number_not_the_name_of_a_cue() -> None:
    number = replace(_passage("breach_notification_hours", "undisclosed", 3), value=72)
    flagged = replace(
        _passage("breach_notification_hours", "undisclosed", 5, cue="breach: held"),
        holds_open=True,
    )
    named_alike = _passage("breach_notification_hours", "undisclosed", 7, cue="held open")
    (held,) = suggest((number, flagged))
    assert held.value == "undisclosed"
    (kept,) = suggest((number, named_alike))
    assert kept.value == 72
