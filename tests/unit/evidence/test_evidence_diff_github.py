"""``evidence diff`` between the two GitHub terms versions of the corpus: the lettered parts are
read as sections, the new part J is named, relettered parts are matched by heading, and the
facts of both GitHub profiles that rest on changed text are listed."""

from __future__ import annotations

import json

from tests.support.cli import REPO, run_cli
from vendorgate.evidence import docdiff

TERMS = REPO / "snapshots" / "github" / "terms-of-service"
OLD, NEW = TERMS / "2025-09-29.md", TERMS / "2026-04-28.md"
PROFILES = [REPO / "vendors" / "github.yaml", REPO / "vendors" / "github-2020-11.yaml"]


def _result() -> docdiff.DocDiff:
    return docdiff.diff_files(OLD, NEW, PROFILES)


def test_the_new_ai_features_part_is_named_as_added() -> None:
    added = {c.number: c.heading for c in _result().changes if c.kind == "added"}
    assert added["J"] == "AI Features, Training, and Your Data"
    assert added["J.3"] == "Development and Improvement Using Your Input and Output"
    assert {"J.1", "J.2", "J.4", "J.5", "D.8"} <= set(added)


def test_changed_sections_are_named_and_relettered_parts_matched_by_heading() -> None:
    result = _result()
    changed = {c.number: c for c in result.changes if c.kind == "changed"}
    assert changed["D.4"].heading == "License Grant to Us"
    assert changed["D.3"].old_heading == "Ownership of Content, Right to Post, and License Grants"
    # Beta Previews moved from J to K with its text kept: not reported as a change.
    assert "K" not in changed and "K.1" not in changed
    assert (changed["K.3"].old_number, changed["K.3"].heading) == ("J.3", "Feedback")
    assert not any(c.kind == "removed" for c in result.changes)
    assert result.warnings == ()


def test_the_facts_resting_on_the_changes_are_listed() -> None:
    affected = _result().affected
    vanished = {(a.vendor, a.fact, a.old_section) for a in affected if a.status == "vanished"}
    assert ("github-2020-11", "content_license_scope", "D.4 License Grant to Us") in vanished
    on_new = {(a.vendor, a.fact, a.new_section) for a in affected if a.status == "new-text"}
    j3 = "J.3 Development and Improvement Using Your Input and Output"
    assert ("github", "ai_training_customer_content", j3) in on_new
    assert ("github", "ai_training_opt_out_method", j3) in on_new
    # every fact listed as resting on new text names a section NEW added or changed
    touched = {c.label for c in _result().changes if c.kind != "removed"}
    assert all(a.new_section in touched for a in affected if a.status == "new-text")


def test_through_the_command_line_in_json() -> None:
    args = ["evidence", "diff", str(OLD), str(NEW), "--format", "json"]
    args += [arg for path in PROFILES for arg in ("--vendors", str(path))]
    result = run_cli(*args)
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    sections = {(s["change"], s["number"]): s for s in data["sections"]}
    assert sections[("added", "J")]["heading"] == "AI Features, Training, and Your Data"
    assert data["warnings"] == []
    assert data["summary"]["quotesOnNewText"] >= 10
    assert data["summary"]["vanishedQuotes"] == 3
