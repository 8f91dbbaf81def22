"""``vendorgate review`` through the real command line: a workspace as ``test_new`` builds it,
a document this test writes itself (no vendor's words), ``vendorgate new``, then review and
``--accept``, which must change nothing unless every named fact can be accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.support.cli import empty_catalogue, run_cli

AI = "Acme will never use your content to train artificial intelligence models."
BREACH = "We will notify you of a security breach within 72 hours of becoming aware of it."
DOCUMENT = f"""# Acme Terms of Service

Last updated: March 1, 2026

## 1. Content

This section explains how content is handled. {AI} Other uses are described below.

## 2. Security

{BREACH}
"""
RULE = "ai-no-training-on-customer-content-without-opt-in"
MARK = "    unreviewed: true\n"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """``vendors/acme.yaml`` as ``vendorgate new`` writes it from the document above."""
    empty_catalogue(tmp_path)
    (tmp_path / "acme-terms.md").write_text(DOCUMENT, encoding="utf-8")
    made = run_cli(
        "new", "acme", "acme-terms.md", "--url", "https://acme.example/terms", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    path = tmp_path / "vendors" / "acme.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    marked = {name for name, fact in facts.items() if fact.get("unreviewed")}
    assert marked == {"ai_training_customer_content", "breach_notification_hours"}
    return path


def _review(profile: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli("review", "vendors/acme.yaml", *args, cwd=profile.parent.parent)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def _verdict(profile: Path) -> str:
    checked = run_cli("check", "--format", "json", cwd=profile.parent.parent)
    assert checked.returncode in (0, 1), checked.stderr
    (vendor,) = json.loads(checked.stdout)["vendors"]
    return next(f["verdict"] for f in vendor["findings"] if f["rule"] == RULE)


def test_review_shows_each_suggestion_with_its_quote_in_context(profile: Path) -> None:
    code, out, _ = _review(profile)
    assert code == 1  # something is marked: CI can require review to pass
    assert "2 fact(s) marked `unreviewed: true`" in out
    ai_at = out.index("ai_training_customer_content (vendors/acme.yaml:")
    assert ai_at < out.index("breach_notification_hours (vendors/acme.yaml:")  # vocabulary order
    assert "suggested `never`" in out and "suggested `72`" in out
    assert "tos-2026-03-01 section 1: verified (found in 1 Content)" in out
    joined = " ".join(out.split())  # the text format wraps long lines
    assert f"quote: \u201c{AI}\u201d" in joined
    # the paragraph around the quote, the quote marked in it
    assert (
        f"context: This section explains how content is handled. \u00ab{AI}\u00bb Other" in joined
    )
    assert "--accept ai_training_customer_content,breach_notification_hours" in joined


def test_review_json_is_deterministic_and_names_what_can_be_accepted(profile: Path) -> None:
    code, out, _ = _review(profile, "--format", "json")
    assert code == 1 and _review(profile, "--format", "json")[1] == out
    data = json.loads(out)
    assert data["summary"] == {
        "unreviewed": 2,
        "acceptable": 2,
        "blocked": 0,
        "accepted": 0,
        "undisclosedWithPassages": 0,
    }
    assert data["undisclosedWithPassages"] == []
    first = data["unreviewed"][0]
    assert (first["accept"], first["suggested"], first["acceptable"]) == (
        "ai_training_customer_content",
        "never",
        True,
    )
    (quote,) = first["evidence"]
    assert quote["status"] == "verified" and quote["quote"] == AI
    start, end = quote["context"]["quote"]
    assert quote["context"]["text"][start:end] == AI


def test_accepting_removes_only_the_mark_lines_and_check_then_uses_the_value(
    profile: Path,
) -> None:
    before = profile.read_text(encoding="utf-8")
    assert _verdict(profile) == "undetermined"

    code, out, _ = _review(profile, "--accept", "ai_training_customer_content")
    assert code == 1  # the breach suggestion is still marked
    assert out.startswith("accepted ai_training_customer_content: reads as `never` now")
    assert "1 fact(s) marked" in out and "breach_notification_hours (vendors" in out
    after = profile.read_text(encoding="utf-8")
    removed = before.splitlines(keepends=True)
    line = int(out.split("(removed line ")[1].split(")")[0])
    assert removed.pop(line - 1) == MARK
    assert after == "".join(removed)  # every other byte as it was
    assert _verdict(profile) == "pass"

    code, out, _ = _review(profile, "--accept", "breach_notification_hours")
    assert code == 0 and "vendors/acme.yaml: no unreviewed facts" in out
    assert profile.read_text(encoding="utf-8") == before.replace(MARK, "")
    assert _review(profile)[:2] == (0, "vendors/acme.yaml: no unreviewed facts\n")
    validated = run_cli("validate", cwd=profile.parent.parent)
    assert validated.returncode == 0 and "unreviewed" not in validated.stderr


def _edit_quote(profile: Path) -> None:
    text = profile.read_text(encoding="utf-8")
    edited = text.replace(
        "Acme will never use your content", "Acme will never ever use your content"
    )
    assert edited != text
    profile.write_text(edited, encoding="utf-8")


@pytest.mark.parametrize(
    ("names", "edit", "message"),
    [
        ("no_such_fact", False, "`no_such_fact` is not a fact of the vocabulary"),
        ("baa_available", False, "`baa_available` is not marked `unreviewed: true`"),
        (
            "breach_notification_hours,ai_training_customer_content",
            True,
            "`ai_training_customer_content` cannot be accepted: its quote from `tos-2026-03-01` "
            "is unsupported",
        ),
        ("breach_notification_hours,baa_available", False, "`baa_available` is not marked"),
    ],
)
def test_accept_changes_nothing_unless_every_named_fact_can_be_accepted(
    profile: Path, names: str, edit: bool, message: str
) -> None:
    if edit:
        _edit_quote(profile)
    before = profile.read_bytes()
    code, out, err = _review(profile, "--accept", names)
    assert code == 2 and out == ""
    assert message in err and "vendors/acme.yaml" in err
    assert profile.read_bytes() == before  # byte-identical, the good fact not accepted either
    assert list(profile.parent.iterdir()) == [profile]  # no temporary file left


def test_bad_input_exits_2_naming_the_file(profile: Path) -> None:
    done = run_cli("review", "vendors/missing.yaml", cwd=profile.parent.parent)
    assert done.returncode == 2 and "vendors/missing.yaml" in done.stderr
    assert "Traceback" not in done.stderr
    done = run_cli("review", "vendorgate.yaml", cwd=profile.parent.parent)
    assert done.returncode == 2 and "vendorgate.yaml" in done.stderr
    assert "Traceback" not in done.stderr


PLAN = """plans:
  - id: pro
    facts:
      deletion_after_termination_days:
        value: 30
        unreviewed: true
        evidence:
          - doc: tos-2026-03-01
            quote: "Other uses are described below."
"""


def test_a_plans_override_is_accepted_as_plan_colon_fact(profile: Path) -> None:
    profile.write_text(profile.read_text(encoding="utf-8") + PLAN, encoding="utf-8")
    code, out, _ = _review(profile)
    assert code == 1 and "pro:deletion_after_termination_days (vendors/acme.yaml:" in out
    before = profile.read_bytes()
    code, _, err = _review(profile, "--accept", "deletion_after_termination_days")
    assert code == 2 and "name it `pro:deletion_after_termination_days`" in err
    assert profile.read_bytes() == before
    code, out, _ = _review(profile, "--accept", "pro:deletion_after_termination_days")
    assert code == 1  # the two vendor-level suggestions remain
    assert "accepted pro:deletion_after_termination_days: reads as `30` now" in out
    assert profile.read_bytes() == before.replace(b"        unreviewed: true\n", b"")


def test_accept_on_a_symlinked_profile_keeps_the_link(profile: Path) -> None:
    alias = profile.parent.parent / "alias"
    alias.mkdir()
    link = alias / "acme.yaml"
    link.symlink_to("../vendors/acme.yaml")
    before = profile.read_bytes()
    done = run_cli(
        "review", "alias/acme.yaml", "--accept", "breach_notification_hours",
        cwd=profile.parent.parent,
    )  # fmt: skip
    assert done.returncode == 2 and "alias/acme.yaml: is a symlink" in done.stderr
    assert "Traceback" not in done.stderr
    assert link.is_symlink() and profile.read_bytes() == before
    assert sorted(p.name for p in alias.iterdir()) == ["acme.yaml"]


def test_pointer_comments_are_counted_leniently_and_never_read_as_a_value(profile: Path) -> None:
    text = profile.read_text(encoding="utf-8")
    pointers = (
        '    # also read (found by wording, no value suggested): snapshots/x.md line 3: "We sell"\n'
        "    #also read: snapshots/x.md line 9: \u202e value: never\n"  # hand-edited
        "    # ... and 4 more (vendorgate scan on the snapshot lists every one)\n"
    )
    fact = "  advertising_use:\n"
    assert fact + '    value: "undisclosed"\n' in text
    profile.write_text(text.replace(fact, fact + pointers), encoding="utf-8")
    code, out, _ = _review(profile)
    assert code == 1
    assert out.endswith(
        "undisclosed, with passages found by wording (no value suggested):\n"
        "  6 passage(s) to read for advertising_use; see the comments under it in the profile\n"
    )
    assert "\u202e" not in out and "never" not in out.split("no value suggested")[1]
    facts = yaml.safe_load(profile.read_text(encoding="utf-8"))["facts"]
    assert facts["advertising_use"] == {"value": "undisclosed"}


def _with_pointer_comments(profile: Path) -> None:
    """Pointer comments under two undisclosed facts, as `new` writes them (3 and 2 passages)."""
    text = profile.read_text(encoding="utf-8")
    said = '    # also read (found by wording, no value suggested): snapshots/x.md line {}: "We"\n'
    more = "    # ... and {} more (vendorgate scan on the snapshot lists every one)\n"
    for fact, comments in (
        ("advertising_use", said.format(3) + said.format(5) + more.format(1)),
        ("sale_of_data", said.format(9) + said.format(11)),
    ):
        head = f"  {fact}:\n"
        assert head + '    value: "undisclosed"\n' in text
        text = text.replace(head, head + comments)
    profile.write_text(text, encoding="utf-8")


def _both_formats(profile: Path, *args: str) -> tuple[int, str, int, dict[str, object]]:
    code, out, _ = _review(profile, *args)
    json_code, json_out, _ = _review(profile, *args, "--format", "json")
    return code, out, json_code, json.loads(json_out)


def test_json_lists_the_undisclosed_facts_with_passages_as_the_text_does(profile: Path) -> None:
    _with_pointer_comments(profile)
    code, out, json_code, data = _both_formats(profile)
    assert out.endswith(
        "undisclosed, with passages found by wording (no value suggested):\n"
        "  3 passage(s) to read for advertising_use; see the comments under it in the profile\n"
        "  2 passage(s) to read for sale_of_data; see the comments under it in the profile\n"
    )
    # vocabulary order, the fact's name and a count: never a word of the comment
    assert data["undisclosedWithPassages"] == [
        {"fact": "advertising_use", "passages": 3},
        {"fact": "sale_of_data", "passages": 2},
    ]
    assert data["summary"] == {
        "unreviewed": 2,
        "acceptable": 2,
        "blocked": 0,
        "accepted": 0,
        "undisclosedWithPassages": 2,
    }
    assert code == json_code == 1
    assert f"{data['summary']['unreviewed']} fact(s) marked `unreviewed: true`" in out
    assert _review(profile, "--format", "json")[1] == _review(profile, "--format", "json")[1]


def test_both_formats_agree_on_counts_and_exit_code_as_facts_are_accepted(profile: Path) -> None:
    _with_pointer_comments(profile)
    _edit_quote(profile)  # the AI suggestion's quote no longer verifies: it is blocked
    code, out, json_code, data = _both_formats(profile)
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert (code, json_code, summary["unreviewed"], summary["blocked"]) == (1, 1, 2, 1)
    assert "2 fact(s) marked" in out and "1 fact(s) cannot be accepted" in out

    accepted = _review(profile, "--accept", "breach_notification_hours")
    assert accepted[0] == 1 and accepted[1].startswith("accepted breach_notification_hours")
    code, out, json_code, data = _both_formats(profile)
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert (code, json_code, summary["unreviewed"], summary["blocked"]) == (1, 1, 1, 1)
    assert "1 fact(s) marked" in out and summary["undisclosedWithPassages"] == 2

    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace(MARK, ""), encoding="utf-8")  # a person removes the last mark
    code, out, json_code, data = _both_formats(profile)
    assert (code, json_code) == (0, 0) and "no unreviewed facts" in out
    assert data["summary"] == {
        "unreviewed": 0,
        "acceptable": 0,
        "blocked": 0,
        "accepted": 0,
        "undisclosedWithPassages": 2,
    }
    assert [item["fact"] for item in data["undisclosedWithPassages"]] == [  # type: ignore[attr-defined]
        "advertising_use",
        "sale_of_data",
    ]


MARKED = "`ai_training_customer_content`, `pro:deletion_after_termination_days`, " + (
    "`breach_notification_hours`"
)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            "ai_training_customer_contnet",
            "vendors/acme.yaml: `ai_training_customer_contnet` is not a fact of the vocabulary "
            "(did you mean `ai_training_customer_content`?); expected a fact marked "
            f"`unreviewed: true` (marked: {MARKED})",
        ),
        (
            "baa_available",
            "vendors/acme.yaml:",  # the line of the fact, then:
        ),
        (
            "team:deletion_after_termination_days",
            "vendors/acme.yaml: `team:deletion_after_termination_days`: the profile has no plan "
            "`team` (its plans are `pro`)",
        ),
        (
            "pr:deletion_after_termination_days",
            "the profile has no plan `pr` (its plans are `pro`) (did you mean `pro`?)",
        ),
        (
            "pro:breach_notification_hours",
            "`pro:breach_notification_hours`: plan `pro` does not override "
            "`breach_notification_hours`; the vendor-level fact is named "
            "`breach_notification_hours`; expected one of its marked overrides: "
            "`pro:deletion_after_termination_days`",
        ),
        (
            "pro:deletion_after_termination_day",
            "plan `pro` does not override `deletion_after_termination_day` (did you mean "
            "`deletion_after_termination_days`?)",
        ),
        ("*", "`*`: --accept takes fact names, not patterns; `vendorgate review"),
        ("pro:*", "`pro:*`: --accept takes fact names, not patterns"),
        (",", f"vendors/acme.yaml: --accept names no fact; give FACT[,FACT...] (marked: {MARKED})"),
    ],
)
def test_a_wrong_name_is_refused_saying_what_was_expected(
    profile: Path, names: str, message: str
) -> None:
    profile.write_text(profile.read_text(encoding="utf-8") + PLAN, encoding="utf-8")
    before = profile.read_bytes()
    # named with a fact that can be accepted, which is not accepted either
    given = names if names == "," else f"breach_notification_hours,{names}"
    code, out, err = _review(profile, "--accept", given)
    assert code == 2 and out == "" and profile.read_bytes() == before
    assert message in " ".join(err.split()), err
    if names == "baa_available":
        line = before.decode().split("\n").index("  baa_available:") + 1
        assert f"vendors/acme.yaml:{line}:3: `baa_available` is not marked" in err
        assert f"nothing to accept (marked: {MARKED})" in " ".join(err.split())


def test_a_plan_named_for_a_profile_without_plans_points_at_the_vendor_level_fact(
    profile: Path,
) -> None:
    before = profile.read_bytes()
    code, out, err = _review(profile, "--accept", "pro:breach_notification_hours")
    assert code == 2 and out == "" and profile.read_bytes() == before
    assert (
        "vendors/acme.yaml: `pro:breach_notification_hours`: the profile has no plan `pro` "
        "(it has none); the vendor-level fact is named `breach_notification_hours`"
    ) in " ".join(err.split())
