"""The CI output formats of `check`: SARIF against the official schema and on the fact's line,
JUnit read by a real JUnit parser, GitHub workflow commands, Markdown for pull requests."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from markdown_it import MarkdownIt

from tests.support.cli import GOLDEN, REPO, TESTS, run_cli
from vendorgate.app import run
from vendorgate.ci.baseline import FINGERPRINT_KEY
from vendorgate.core.model import CheckResult, Finding, Location, Severity, Verdict
from vendorgate.report import RenderOptions, render
from vendorgate.report.formats import github, markdown, sarif

SCHEMA = TESTS / "schemas" / "sarif-schema-2.1.0.json"
EVALUATED_ON = date(2026, 1, 15)


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_sarif(log: dict[str, Any]) -> None:
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def golden_result() -> CheckResult:
    return run.check(org_path="org.yaml", today=EVALUATED_ON)


def key_position(path: Path, key: str) -> tuple[int, int]:
    """Line and column of a mapping key, found by reading the file's text."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.lstrip()
        if stripped.startswith(f"{key}:"):
            return number, len(line) - len(stripped) + 1
    raise AssertionError(f"{key} not in {path}")


def results_by(log: dict[str, Any], vendor: str, rule: str) -> dict[str, Any]:
    matches = [
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == rule and r["properties"]["vendor"] == vendor
    ]
    assert len(matches) == 1, matches
    return matches[0]


# ---------------------------------------------------------------- SARIF


def test_sarif_of_the_demo_validates_and_points_at_the_ai_training_line() -> None:
    done = run_cli("check", "--format", "sarif", "--org", "vendorgate.yaml", cwd=REPO)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    assert_valid_sarif(log)
    hit = results_by(log, "zoom-2023-03", "hipaa-no-ai-training-on-phi")
    physical = hit["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "vendors/zoom-2023-03.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    line, column = key_position(
        REPO / "vendors" / "zoom-2023-03.yaml", "ai_training_customer_content"
    )
    assert physical["region"] == {"startLine": line, "startColumn": column}
    assert hit["level"] == "error"
    assert hit["properties"]["verdict"] == "fail"
    # The message carries both citations: the authority and the vendor's verbatim clause.
    assert "45 CFR 164.504(e)(2)(i)" in hit["message"]["text"]
    assert "machine learning, artificial intelligence, training" in hit["message"]["text"]


def test_sarif_golden_validates_and_every_result_sits_on_its_fact_or_the_header(
    in_golden: Path,
) -> None:
    result = golden_result()
    log = json.loads(render("sarif", result, RenderOptions()))
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    reported = [f for f in result.findings if f.verdict in sarif.REPORTED]
    assert len(results) == len(reported) > 0
    for entry in results:
        physical = entry["locations"][0]["physicalLocation"]
        path = REPO / physical["artifactLocation"]["uri"]
        text = path.read_text(encoding="utf-8").splitlines()[physical["region"]["startLine"] - 1]
        rest = text[physical["region"]["startColumn"] - 1 :]
        facts = [f["fact"] for f in _facts(result, entry)]
        # Either the line of a fact the rule read, or the vendor's header (`kind:`).
        assert rest.startswith("kind:") or any(rest.startswith(f"{fact}:") for fact in facts), (
            entry["ruleId"],
            rest,
        )
    header = results_by(log, "zoom-march", "golden-breach-notice")
    region = header["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == key_position(
        GOLDEN / "vendors" / "zoom-march.yaml", "kind"
    )


def _facts(result: CheckResult, entry: dict[str, Any]) -> list[dict[str, str]]:
    vendor = entry["properties"]["vendor"]
    finding = next(f for f in result.findings if f.vendor == vendor and f.rule == entry["ruleId"])
    return [{"fact": r.fact} for r in finding.facts]


def test_sarif_rules_carry_help_citations_and_the_severity_mapping(in_golden: Path) -> None:
    result = golden_result()
    log = json.loads(render("sarif", result, RenderOptions()))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    pack_rules = {r.id: r for p in result.packs for r in p.rules}
    assert set(pack_rules) <= set(rules)
    expected_score = {"critical": 9.5, "high": 8.0, "medium": 5.5, "low": 3.0, "info": 1.0}
    for rule_id, rule in pack_rules.items():
        described = rules[rule_id]
        assert {"id", "name", "shortDescription", "fullDescription", "help"} <= set(described)
        assert (
            float(described["properties"]["security-severity"])
            == (expected_score[rule.severity.value])
        )
        assert "security" in described["properties"]["tags"]
        for citation in rule.citations:
            assert citation.citation in described["help"]["text"]
            assert citation.url in described["help"]["markdown"]
        assert rule.remediation in described["help"]["text"]
    # Results reference their rule by index as well as id.
    for entry in log["runs"][0]["results"]:
        assert (
            log["runs"][0]["tool"]["driver"]["rules"][entry["ruleIndex"]]["id"] == (entry["ruleId"])
        )


def test_sarif_level_follows_severity_and_blocking() -> None:
    base = Finding(
        vendor="v",
        vendor_name="V",
        plan=None,
        rule="r",
        rule_title="R",
        pack="p",
        severity=Severity.MEDIUM,
        verdict=Verdict.FAIL,
        message="m",
        citations=(),
        facts=(),
        remediation="",
        location=Location("vendors/v.yaml", 3, 3),
    )
    assert sarif.level(base) == "warning"
    assert sarif.level(replace(base, severity=Severity.LOW)) == "note"
    assert sarif.level(replace(base, severity=Severity.HIGH)) == "error"
    assert sarif.level(replace(base, blocking=True, severity=Severity.LOW)) == "error"
    assert sarif.level(replace(base, verdict=Verdict.ERROR, severity=Severity.INFO)) == "error"
    undetermined = replace(base, verdict=Verdict.UNDETERMINED, severity=Severity.CRITICAL)
    assert sarif.level(undetermined) == "warning"
    assert sarif.level(replace(undetermined, blocking=True)) == "error"


def test_sarif_waived_findings_are_accepted_external_suppressions(in_golden: Path) -> None:
    log = json.loads(render("sarif", golden_result(), RenderOptions()))
    waived = results_by(log, "quiet-vendor", "golden-breach-notice")
    (suppression,) = waived["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert "Contract negotiation under way" in suppression["justification"]
    assert "Dana Privacy Officer" in suppression["justification"]
    assert suppression["properties"]["expires"] == "2026-02-01"
    unsuppressed = [r for r in log["runs"][0]["results"] if r["properties"]["verdict"] != "waived"]
    assert unsuppressed and all("suppressions" not in r for r in unsuppressed)


def test_sarif_fingerprints_survive_moved_lines_and_output_is_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "golden"
    shutil.copytree(GOLDEN, copy)
    # The stale vendor's snapshot path climbs out of tests/golden/vendors: keep it resolvable.
    (tmp_path / "snapshots").symlink_to(REPO / "snapshots")
    monkeypatch.chdir(copy)
    before = render("sarif", golden_result(), RenderOptions())
    assert render("sarif", golden_result(), RenderOptions()) == before
    profile = copy / "vendors" / "zoom-march.yaml"
    profile.write_text("# moved\n# down\n# three lines\n" + profile.read_text(encoding="utf-8"))
    after = render("sarif", golden_result(), RenderOptions())
    old, new = json.loads(before), json.loads(after)

    def marks(log: dict[str, Any]) -> dict[tuple[str, str], tuple[str, int]]:
        return {
            (r["properties"]["vendor"], r["ruleId"]): (
                r["partialFingerprints"][FINGERPRINT_KEY],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in log["runs"][0]["results"]
        }

    old_marks, new_marks = marks(old), marks(new)
    assert old_marks.keys() == new_marks.keys()
    for key, (mark, line) in old_marks.items():
        assert new_marks[key][0] == mark
        assert new_marks[key][1] == line + (3 if key[0] == "zoom-march" else 0)
    assert len({m for m, _ in old_marks.values()}) == len(old_marks)
    assert "/tmp" not in after and str(tmp_path) not in after


def test_sarif_uris_are_relative_to_the_repository_root_from_a_subfolder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(GOLDEN, repo / "compliance")
    (repo / ".git").mkdir()  # enough for root discovery, which walks up to `.git`
    (tmp_path / "snapshots").symlink_to(REPO / "snapshots")
    (repo / "snapshots").symlink_to(REPO / "snapshots")
    cwd = repo / "compliance" / "vendors"
    done = run_cli(
        "check", "--org", "../org.yaml", "--format", "sarif", "--as-of", "2026-01-15", cwd=cwd
    )
    assert done.returncode == 1, done.stderr
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(done.stdout)["runs"][0]["results"]
    }
    assert uris == {
        "compliance/vendors/quiet-vendor.yaml",
        "compliance/vendors/stale-vendor.yaml",
        "compliance/vendors/zoom-march.yaml",
    }
    explicit = run_cli(
        "check",
        "--org",
        "../org.yaml",
        "--format",
        "sarif",
        "--as-of",
        "2026-01-15",
        "--root",
        "..",
        cwd=cwd,
    )
    first = json.loads(explicit.stdout)["runs"][0]["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
        "vendors/"
    )


# ---------------------------------------------------------------- JUnit


def test_junit_read_by_junitparser_has_the_expected_counts(in_golden: Path, tmp_path: Path) -> None:
    result = golden_result()
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", result, RenderOptions()), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = [(suite.name, case) for suite in xml for case in suite]
    findings = result.findings
    assert len(cases) == len(findings) == 12
    expected_failures = sum(
        1
        for f in findings
        if f.verdict is Verdict.FAIL or (f.verdict is Verdict.UNDETERMINED and f.blocking)
    )
    expected_skipped = sum(
        1
        for f in findings
        if f.verdict in (Verdict.WAIVED, Verdict.NOT_APPLICABLE)
        or (f.verdict is Verdict.UNDETERMINED and not f.blocking)
    )
    counted = {"failure": 0, "skipped": 0, "error": 0, "pass": 0}
    for _, case in cases:
        kinds = {type(r) for r in case.result}
        if Failure in kinds:
            counted["failure"] += 1
        elif Skipped in kinds:
            counted["skipped"] += 1
        elif Error in kinds:
            counted["error"] += 1
        else:
            counted["pass"] += 1
    assert counted == {
        "failure": expected_failures,
        "skipped": expected_skipped,
        "error": 0,
        "pass": sum(1 for f in findings if f.verdict is Verdict.PASS),
    }
    assert (expected_failures, expected_skipped) == (7, 4)
    xml.update_statistics()
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (12, 7, 0, 4)
    for suite in xml:
        for case in suite:
            assert case.classname == suite.name
            assert case.classname.startswith("vendorgate.")


def test_junit_failures_carry_both_citations_and_waivers_say_who_until_when(
    in_golden: Path, tmp_path: Path
) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", golden_result(), RenderOptions()), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = {(case.classname, case.name): case for suite in xml for case in suite}
    zoom = cases[("vendorgate.zoom-march", "golden-no-ai-training")]
    (failure,) = zoom.result
    assert isinstance(failure, Failure)
    assert failure.type == "fail"
    body = failure.text or ""
    assert "45 CFR 164.504(e)(2)(i)" in body
    assert "https://www.ecfr.gov/" in body
    assert "Zoom Terms of Service (effective March 31, 2023), section 10.4" in body
    assert "https://explore.zoom.us/en/terms/" in body
    assert "hereby grant Zoom a perpetual, worldwide, non-exclusive" in body
    waived = cases[("vendorgate.quiet-vendor", "golden-breach-notice")]
    (skip,) = waived.result
    assert isinstance(skip, Skipped)
    assert "Dana Privacy Officer" in (skip.message or "")
    assert "2026-02-01" in (skip.message or "")
    assert "GRC-101" in (skip.message or "")


def test_junit_errors_and_hostile_text_stay_well_formed(in_golden: Path, tmp_path: Path) -> None:
    result = golden_result()
    first = result.results[0]
    broken = replace(
        first.findings[0],
        verdict=Verdict.ERROR,
        message='boom \x07 <tag> & ]]> "quote"',
        blocking=True,
    )
    hostile = replace(
        result,
        results=(replace(first, findings=(broken, *first.findings[1:])), *result.results[1:]),
    )
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", hostile, RenderOptions()), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    xml.update_statistics()
    assert xml.errors == 1
    case = next(
        c for s in xml for c in s if c.name == broken.rule and s.name.endswith(first.vendor.id)
    )
    (error,) = case.result
    assert isinstance(error, Error)
    assert "<tag> & ]]>" in (error.message or "")


# ---------------------------------------------------------------- GitHub annotations

_COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_annotations(text: str) -> list[dict[str, str]]:
    found = []
    for line in text.splitlines():
        match = _COMMAND.match(line)
        if match is None:
            continue
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        found.append(
            {
                "kind": line[2:].split(" ", 1)[0],
                **{k: _unescape(v) for k, v in props.items()},
                "message": _unescape(match["message"]),
            }
        )
    return found


def test_github_escaping_follows_the_workflow_command_rules() -> None:
    assert github.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations_point_at_the_fact_lines(in_golden: Path) -> None:
    result = golden_result()
    annotations = parse_annotations(render("github", result, RenderOptions()))
    needing = [f for f in result.findings if github.kind(f) is not None]
    assert len(annotations) == len(needing) == 8
    for note in annotations:
        path = REPO / note["file"]
        line = path.read_text(encoding="utf-8").splitlines()[int(note["line"]) - 1]
        assert line[int(note["col"]) - 1 :].split(":")[0].isidentifier()
    kinds = [a["kind"] for a in annotations]
    assert kinds == sorted(kinds, key=github.KINDS.index)
    zoom = next(
        a for a in annotations if a["title"].startswith("golden-no-ai-training (critical fail")
    )
    assert zoom["kind"] == "error"
    assert zoom["file"] == "tests/golden/vendors/zoom-march.yaml"
    assert "45 CFR 164.504(e)(2)(i)" in zoom["message"]
    assert "\n" in zoom["message"]  # multi-line messages survive the escaping


def _many(result: CheckResult, count: int) -> CheckResult:
    """``count`` blocking failures of mixed severity on the first vendor."""
    template = next(f for f in result.findings if f.verdict is Verdict.FAIL)
    severities = list(Severity)
    findings = tuple(
        replace(
            template,
            rule=f"rule-{i:02d}",
            severity=severities[i % len(severities)],
            blocking=True,
        )
        for i in range(count)
    )
    first = replace(result.results[0], findings=findings)
    return replace(result, results=(first,))


def test_github_caps_annotations_most_severe_first_and_says_how_many_were_left_out(
    in_golden: Path,
) -> None:
    crowded = _many(golden_result(), 25)
    text = render("github", crowded, RenderOptions())
    annotations = parse_annotations(text)
    assert len(annotations) == github.PER_KIND == 10
    rank = {s.value: s.rank for s in Severity}
    shown = [rank[a["title"].split("(")[1].split()[0]] for a in annotations]
    shown_rules = {a["title"].split()[0] for a in annotations}
    hidden = [f.severity.rank for f in crowded.findings if f.rule not in shown_rules]
    assert shown == sorted(shown, reverse=True)
    assert min(shown) >= max(hidden)
    summary = text.splitlines()[-1]
    assert "15 annotation(s) not shown" in summary
    assert not summary.startswith("::")


def test_github_format_appends_the_markdown_summary_when_asked(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    args = ("check", "--org", "org.yaml", "--as-of", "2026-01-15")
    done = run_cli(*args, "--format", "github", cwd=GOLDEN, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## vendorgate check: ")
    assert (
        text[len("earlier step\n") :] == run_cli(*args, "--format", "markdown", cwd=GOLDEN).stdout
    )
    run_cli(*args, "--format", "json", cwd=GOLDEN, env=env)
    assert summary.read_text(encoding="utf-8") == text  # only the github format writes it


# ---------------------------------------------------------------- Markdown


def _html(text: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def test_markdown_escapes_every_vendor_value(in_golden: Path) -> None:
    text = render("markdown", golden_result(), RenderOptions())
    assert "<script>" not in text
    page = _html(text)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The decision table has one row per vendor, and each row its eight cells.
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    rows = table.count("<tr>")
    assert rows == 3
    assert table.count("<td") == rows * 8


def test_markdown_neutralises_links_mentions_and_table_breakers(in_golden: Path) -> None:
    result = golden_result()
    first = result.results[0]
    evil = "Evil | Co [click](javascript:alert(1)) @octocat `tick` <img src=x onerror=alert(1)>"
    hostile = replace(
        result,
        results=(replace(first, vendor=replace(first.vendor, name=evil)), *result.results[1:]),
    )
    page = _html(render("markdown", hostile, RenderOptions()))
    assert 'href="javascript' not in page
    assert "<img" not in page
    assert "@octocat" not in page
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<td") == 3 * 8


def test_markdown_shows_decisions_and_blocking_findings_with_both_citations(
    in_golden: Path,
) -> None:
    result = golden_result()
    text = render("markdown", result, RenderOptions())
    head, _, rest = text.partition("### Blocking findings")
    for vr in result.results:
        assert vr.decision.kind.value.replace("_", " ") in head
    blocking_part = rest.split("### Details")[0]
    assert blocking_part.count("- Authority: ") == sum(
        len(f.citations) for f in result.findings if f.blocking
    )
    assert "hereby grant Zoom a perpetual, worldwide, non-exclusive" in blocking_part
    assert text.count("<details>") == text.count("</details>") == len(result.results)


def test_markdown_stays_within_a_pull_request_comment(in_golden: Path) -> None:
    crowded = _many(golden_result(), 400)
    text = render("markdown", crowded, RenderOptions())
    assert len(text) <= markdown.MAX_CHARS
    assert "more blocking finding(s) not shown" in text


@pytest.mark.parametrize(
    "value",
    [
        'vendor\'s "quoted" <b>bold</b> & co',
        "a | b [x](y) *em* _u_ `c` #1 ~~s~~ !img \\ back",
        "&#x27; &amp; entity-looking text",
        "1. not a list",
    ],
)
def test_markdown_escaping_round_trips_to_the_same_text(value: str) -> None:
    import html

    from vendorgate.report.mdtext import md

    page = MarkdownIt("commonmark", {"html": True}).render(f"x {md(value)}")
    text = html.unescape(re.sub(r"<[^>]+>", "", page)).strip()
    assert text == f"x {value}"
