"""`vendorgate evidence diff`: section-aware comparison on the shipped Zoom versions and on
small documents the tests write."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.support.cli import REPO, run_cli
from vendorgate.evidence import docdiff
from vendorgate.load import catalogue
from vendorgate.report import render_view
from vendorgate.text.normalise import normalise
from vendorgate.text.passages import IndexedText

ZOOM = REPO / "snapshots" / "zoom" / "terms-of-service"
MARCH_PROFILE = REPO / "vendors" / "zoom-2023-03.yaml"
AUGUST_PROFILE = REPO / "vendors" / "zoom-2023-08.yaml"


def _by_number(result: docdiff.DocDiff) -> dict[str, docdiff.SectionChange]:
    return {c.number: c for c in result.changes if c.number}


def test_march_and_july_versions_agree_on_10_2_and_10_4() -> None:
    march = IndexedText((ZOOM / "2023-04-01.md").read_text(encoding="utf-8"))
    july = IndexedText((ZOOM / "2023-07-28.md").read_text(encoding="utf-8"))
    changes, _ = docdiff.compare(march.sections, july.sections)
    numbers = {c.number for c in changes}
    assert "10.2" not in numbers and "10.4" not in numbers


def _vanishing(old: Path, new: Path, profile: Path) -> list[tuple[str, str]]:
    """(fact, quote) of the profile quoted in OLD and absent from NEW, found by a plain scan of
    the YAML, independently of docdiff."""
    old_text = normalise(old.read_text(encoding="utf-8"))
    new_text = normalise(new.read_text(encoding="utf-8"))
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    facts = dict(data["facts"])
    for plan in data.get("plans", []):
        facts.update(plan.get("facts", {}))
    return [
        (name, ev["quote"])
        for name, fact in facts.items()
        for ev in fact.get("evidence", [])
        if normalise(ev["quote"]) in old_text and normalise(ev["quote"]) not in new_text
    ]


def test_july_to_august_7_names_10_4_and_the_facts_resting_on_it() -> None:
    result = docdiff.diff_files(ZOOM / "2023-07-28.md", ZOOM / "2023-08-07.md", [MARCH_PROFILE])
    changed = _by_number(result)
    assert set(changed) == {"10.4"}
    assert changed["10.4"].kind == "changed"
    assert changed["10.4"].heading == "Customer License Grant"
    assert (changed["10.4"].words_removed, changed["10.4"].words_added) == (0, 22)
    assert "Notwithstanding the above, Zoom will not use audio" in changed["10.4"].edits[0]
    # Renumbered Markdown list headings (34. -> 35.) are not changes.
    assert result.count("changed") == 2  # the preamble's effective date, and 10.4
    assert result.vanished == ()
    assert {a.status for a in result.affected} == {"section-changed"}
    assert {a.old_section for a in result.affected} == {"10.4 Customer License Grant"}
    facts = {a.fact for a in result.affected}
    assert {"ai_training_customer_content", "content_license_scope"} <= facts
    assert "ai_training_service_data" not in facts  # it rests on 10.2, which did not change


def test_august_7_to_11_names_10_2_and_10_4_and_the_vanished_quotes() -> None:
    old, new = ZOOM / "2023-08-07.md", ZOOM / "2023-08-11.md"
    result = docdiff.diff_files(old, new, [MARCH_PROFILE, AUGUST_PROFILE])
    changed = _by_number(result)
    assert changed["10.2"].kind == "changed"
    assert changed["10.2"].old_heading == "Service Generated Data; Consent to Use"
    assert changed["10.2"].heading == "Permitted Uses and Customer License Grant"
    assert changed["10.4"].old_heading == "Customer License Grant"
    assert changed["10.4"].heading == "Customer Responsibilities"
    assert changed["10.6"].kind == "removed"
    assert changed["10"].heading == "DATA USAGE, LICENSES AND RESPONSIBILITIES"
    assert changed["10"].old_heading == "CUSTOMER CONTENT"
    vanished = {(a.vendor, a.fact, a.old_section.split()[0]) for a in result.vanished}
    assert {
        ("zoom-2023-03", "ai_training_customer_content", "10.4"),
        ("zoom-2023-03", "content_license_scope", "10.4"),
        ("zoom-2023-03", "ai_training_service_data", "10.2"),
    } <= vanished
    assert sorted((a.fact, a.quote) for a in result.vanished) == sorted(
        _vanishing(old, new, MARCH_PROFILE)
    )
    touched = {c.old_number for c in result.changes if c.kind != "added"}
    in_old = [a for a in result.affected if a.status != "new-text"]
    assert all(a.old_section.split()[0] in touched for a in in_old)
    # the August profile quotes NEW: none of its quotes can vanish
    assert all(a.vendor == "zoom-2023-03" for a in result.vanished)
    licence = next(a for a in result.vanished if "hereby grant Zoom a perpetual" in a.quote)
    assert licence.closest is not None and licence.closest.section is not None
    assert licence.closest.section.number == "10.2"
    assert "You grant Zoom a perpetual, worldwide" in licence.closest.text


def test_cli_text_markdown_and_json_on_the_zoom_versions() -> None:
    old = "snapshots/zoom/terms-of-service/2023-07-28.md"
    new = "snapshots/zoom/terms-of-service/2023-08-11.md"
    profiles = ("--vendors", "vendors/zoom-2023-03.yaml")
    service_data = catalogue.load_vendors([MARCH_PROFILE])[0].profile.facts[
        "ai_training_service_data"
    ]
    line = service_data.evidence[0].location.line
    text = run_cli("evidence", "diff", old, new, *profiles)
    assert text.returncode == 1, text.stderr
    assert "changed  10.2 Permitted Uses and Customer License Grant" in text.stdout
    assert "changed  10.4 Customer Responsibilities (was: Customer License Grant)" in text.stdout
    assert (
        f"vendors/zoom-2023-03.yaml:{line}:9: zoom-2023-03 ai_training_service_data: quote from "
        "section 10.2 Service Generated Data; Consent to Use vanished" in text.stdout
    )
    markdown = run_cli("evidence", "diff", old, new, *profiles, "--format", "markdown")
    assert "| changed | 10.2 | Permitted Uses and Customer License Grant" in markdown.stdout
    assert "- **zoom-2023-03 ai\\_training\\_service\\_data**" in markdown.stdout
    first = run_cli("evidence", "diff", old, new, *profiles, "--format", "json")
    second = run_cli("evidence", "diff", old, new, *profiles, "--format", "json")
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    expected = _vanishing(REPO / old, REPO / new, MARCH_PROFILE)
    assert data["summary"]["vanishedQuotes"] == len(expected) > 0
    assert {s["number"] for s in data["sections"]} >= {"10.2", "10.4"}
    assert {a["fact"] for a in data["affected"] if a["status"] == "vanished"} == {
        fact for fact, _ in expected
    }
    assert str(REPO) not in first.stdout


def test_default_profiles_are_the_organisations() -> None:
    old = "snapshots/zoom/terms-of-service/2023-08-07.md"
    new = "snapshots/zoom/terms-of-service/2023-08-11.md"
    cli = run_cli("evidence", "diff", "--format", "json", old, new)
    data = json.loads(cli.stdout)
    profiles = sorted((REPO / "vendors").glob("*.yaml"))
    assert data["summary"]["profiles"] == len(profiles)
    expected = sum(len(_vanishing(REPO / old, REPO / new, p)) for p in profiles)
    assert data["summary"]["vanishedQuotes"] == expected > 0


def test_sections_added_removed_and_matched_by_heading(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text(
        "## Data use\n\nWe never sell data.\n\n## Retention\n\nKept 30 days.\n\n"
        "## Cookies\n\nWe use cookies.\n",
        encoding="utf-8",
    )
    new.write_text(
        "## Data use\n\nWe never sell data.\n\n## Retention\n\nKept 90 days.\n\n"
        "## Children\n\nNot for children.\n",
        encoding="utf-8",
    )
    result = docdiff.diff_files(old, new, [])
    got = [(c.kind, c.heading, c.edits) for c in result.changes]
    assert got == [
        ("changed", "Retention", ("\u201c30\u201d \u2192 \u201c90\u201d",)),
        ("removed", "Cookies", ("removed \u201cCookies We use cookies.\u201d",)),
        ("added", "Children", ("added \u201cChildren Not for children.\u201d",)),
    ]
    assert result.unchanged == 1 and result.profiles == 0
    assert "no vendor profiles given" in render_view("evidence-diff", "text", result)


def test_quotes_of_a_profile_written_by_the_test(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    old = tmp_path / "v1.md"
    new = tmp_path / "v2.md"
    old.write_text("**1.1 Use**. We may train models on your content.\n", encoding="utf-8")
    new.write_text("**1.1 Use**. We never train models on your content.\n", encoding="utf-8")
    profile = tmp_path / "acme.yaml"
    profile.write_text(
        "apiVersion: vendorgate/v1\nkind: VendorProfile\nid: acme\nname: Acme\n"
        "category: other\ndocuments:\n  - id: terms\n    title: Terms\n"
        "    type: terms_of_service\n    url: https://acme.invalid/terms\n"
        "facts:\n  ai_training_customer_content:\n    value: always\n    evidence:\n"
        "      - doc: terms\n        section: '1.1'\n"
        "        quote: We may train models on your content.\n",
        encoding="utf-8",
    )
    result = docdiff.diff_files(old, new, [profile])
    assert [(a.fact, a.status, a.old_section) for a in result.affected] == [
        ("ai_training_customer_content", "vanished", "1.1 Use")
    ]
    assert result.affected[0].location.line == 15
    cli = run_cli("evidence", "diff", str(old), str(new), "--vendors", str(profile))
    assert cli.returncode == 1
    unchanged = run_cli("evidence", "diff", str(old), str(old), "--vendors", str(profile))
    assert unchanged.returncode == 0
    assert "no section changed" in unchanged.stdout


def test_a_missing_version_is_a_usage_error(tmp_path: Path) -> None:
    cli = run_cli("evidence", "diff", str(tmp_path / "nope.md"), str(ZOOM / "2023-08-11.md"))
    assert cli.returncode == 2
    assert "nope.md: no such file" in cli.stderr and "Traceback" not in cli.stderr
