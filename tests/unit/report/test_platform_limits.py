"""CI outputs stay within what the platforms accept: SARIF keeps at most ``MAX_RESULTS`` results
per run (the most serious, with a note saying what was left out), streamed or whole alike, and
validates against the official schema with the format checker on."""

from __future__ import annotations

import json
import shutil
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.support.cli import REPO, TESTS
from vendorgate.app import pipeline, run
from vendorgate.report import RenderOptions, fragments, render
from vendorgate.report.formats import sarif

DAY = date(2026, 1, 15)
SCHEMA = TESTS / "schemas" / "sarif-schema-2.1.0.json"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_the_format_checker_really_checks_uris() -> None:
    """Without a URI validator installed, jsonschema skips the ``uri`` format silently."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "helpUri": "a b"}}}]}
    bad["runs"][0]["tool"]["driver"]["informationUri"] = "policies/x.md#1"
    assert list(_validator().iter_errors(bad))


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    for folder in ("rules", "snapshots", "vendors"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "vendorgate.yaml", root / "vendorgate.yaml")
    return root


def _assert_valid(log: dict[str, Any]) -> None:
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_a_run_keeps_the_most_serious_results_and_says_what_it_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    result = run.check(today=DAY)
    reported = [f for f in result.findings if f.verdict in sarif.REPORTED]
    limit = 6
    assert len(reported) > limit
    monkeypatch.setattr(sarif, "MAX_RESULTS", limit)

    whole = render("sarif", result, options)
    out = pipeline.check((), None, (), "sarif", options, fragments, DAY, cache=None)
    assert out is not None
    assert b"".join(out.parts).decode("utf-8") == whole

    log = json.loads(whole)
    _assert_valid(log)
    results = log["runs"][0]["results"]
    assert len(results) == limit
    note = results[-1]
    assert note["ruleId"] == sarif.TRUNCATED_RULE
    assert note["level"] == "note"
    assert note["properties"]["omitted"] == len(reported) - (limit - 1)
    assert f"{len(reported) - (limit - 1)} more result(s)" in note["message"]["text"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[note["ruleIndex"]]["id"] == sarif.TRUNCATED_RULE

    by_key = {(f.vendor, f.plan, f.rule): sarif.priority(f) for f in reported}
    kept = [
        by_key[(r["properties"]["vendor"], r["properties"]["plan"], r["ruleId"])]
        for r in results[:-1]
    ]
    dropped = sorted(by_key.values())[limit - 1 :]
    assert max(kept) <= min(dropped)
    blocking = sum(1 for f in reported if f.blocking)
    assert sum(1 for r in results if r["properties"].get("blocking")) == min(blocking, limit - 1)


def test_nothing_is_left_out_below_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    log = json.loads(render("sarif", run.check(today=DAY), RenderOptions(root=str(root))))
    _assert_valid(log)
    ids = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert sarif.TRUNCATED_RULE not in ids


def test_help_uris_are_absolute_or_absent_and_the_tool_has_a_home() -> None:
    log = json.loads(
        render("sarif", run.check(org_path=REPO / "vendorgate.yaml", today=DAY), RenderOptions())
    )
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    helps = [r.get("helpUri") for r in driver["rules"]]
    assert any(h is None for h in helps)  # the policy-backed AI baseline rules
    assert all(h is None or h.startswith(("https://", "http://")) for h in helps)


def test_the_markdown_table_keeps_the_vendors_that_block_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vendorgate.report.formats import markdown

    root = _project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    result = run.check(today=DAY)
    monkeypatch.setattr(markdown, "TABLE_CHARS", 600)
    whole = render("markdown", result, options)
    out = pipeline.check((), None, (), "markdown", options, fragments, DAY, cache=None)
    assert out is not None
    assert b"".join(out.parts).decode("utf-8") == whole
    rows = [line for line in whole.splitlines() if line.startswith("| ") and "`" in line]
    assert 0 < len(rows) < len(result.results)
    assert f"*{len(result.results) - len(rows)} more vendor(s) not in this table" in whole
    assert all(int(line.split("|")[4]) > 0 for line in rows)  # the shown ones block
    assert len(whole) <= markdown.MAX_CHARS


def test_junit_over_its_limit_drops_details_but_keeps_every_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from junitparser import JUnitXml

    from vendorgate.report.formats import junit

    root = _project(tmp_path)
    monkeypatch.chdir(root)
    options = RenderOptions(root=str(root), base=str(root))
    result = run.check(today=DAY)
    full = render("junit", result, options)
    limit = len(full.encode("utf-8")) * 2 // 3
    monkeypatch.setattr(junit, "MAX_BYTES", limit)
    slim = render("junit", result, options)
    out = pipeline.check((), None, (), "junit", options, fragments, DAY, cache=None)
    assert out is not None
    assert b"".join(out.parts).decode("utf-8") == slim
    assert len(slim.encode("utf-8")) <= limit < len(full.encode("utf-8"))
    assert "detail(s) of test cases are left out" in slim

    path = tmp_path / "junit.xml"
    path.write_text(slim, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    xml.update_statistics()
    assert xml.tests == len(result.findings)
    blocking = [f for f in result.findings if f.blocking]
    assert xml.failures + xml.errors >= len(blocking) > 0
