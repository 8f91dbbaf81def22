"""The shipped rule packs and `vendorgate test`: every pack loads, every citation is the
registry's, every rule has pass, fail and undetermined examples that come out as their folders
say, and the runner itself catches a wrong verdict, a missing kind and a misnamed folder."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.cli import REPO, run_cli
from vendorgate.app import ruletest
from vendorgate.core.errors import InputError
from vendorgate.core.model import RulePack, Verdict
from vendorgate.engine import vendor as engine_vendor
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import catalogue, workspace

RULES = REPO / "rules"
REGISTRY = REPO / "src" / "vendorgate" / "data" / "authorities.yaml"
SHIPPED_PACKS = {
    "ai-baseline",
    "healthcare-hipaa",
    "legal-aba",
    "education-ferpa-coppa",
    "privacy-gdpr",
    "privacy-ccpa",
    "finance-nydfs-glba",
}


def shipped_packs() -> list[tuple[RulePack, Path]]:
    files = workspace.discover_packs([RULES])
    return [(catalogue.load_packs([f])[0], f) for f in files]


def registry() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in data["authorities"]}


def heading_anchors(markdown: str) -> set[str]:
    """GitHub-style anchors of a Markdown file's headings."""
    anchors = set()
    for line in markdown.splitlines():
        match = re.match(r"#+\s+(.*)", line)
        if match:
            slug = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower()).replace(" ", "-")
            anchors.add(slug)
    return anchors


# ---------------------------------------------------------------- the shipped packs


def test_every_shipped_pack_loads_under_its_id() -> None:
    packs = shipped_packs()
    assert {pack.id for pack, _ in packs} == SHIPPED_PACKS
    # The demo and the example organisations depend on these rule ids.
    hipaa = next(pack for pack, _ in packs if pack.id == "healthcare-hipaa")
    assert {"hipaa-no-ai-training-on-phi", "hipaa-baa-available"} <= {r.id for r in hipaa.rules}
    assert all(pack.description and pack.rules for pack, _ in packs)


def test_every_rule_states_why_and_what_to_demand() -> None:
    for pack, _ in shipped_packs():
        for rule in pack.rules:
            assert rule.description, rule.id
            assert rule.citations, rule.id
            assert len(rule.remediation) > 40, rule.id


def test_every_authority_citation_is_the_registry_entry_exactly() -> None:
    authorities = registry()
    cited = 0
    for pack, _ in shipped_packs():
        for rule in pack.rules:
            for c in rule.citations:
                if c.kind == "organisation_policy":
                    continue
                cited += 1
                entry = authorities.get(c.authority)
                assert entry is not None, f"{rule.id}: unknown authority `{c.authority}`"
                assert c.citation == entry["citation"], rule.id
                assert c.url == entry["url"], rule.id
                assert c.title == entry["title"], rule.id
                unverified = entry.get("confidence") == "unverified"
                assert c.verified is not unverified, (
                    f"{rule.id}: {c.authority} is {entry.get('confidence')}, "
                    f"so `verified` must be {not unverified}"
                )
    assert cited >= 20


def test_unverified_authorities_are_cited_and_flagged() -> None:
    flagged = {
        c.authority
        for pack, _ in shipped_packs()
        for rule in pack.rules
        for c in rule.citations
        if not c.verified
    }
    assert flagged == {"coppa-2025-amendments", "nydfs-500-11", "glba-safeguards-314-4-f"}


def test_organisation_policy_citations_point_at_a_real_section() -> None:
    policies = 0
    for pack, file in shipped_packs():
        for rule in pack.rules:
            for c in rule.citations:
                if c.kind != "organisation_policy":
                    continue
                policies += 1
                assert not c.authority, f"{rule.id}: a policy is not a registry authority"
                target, _, anchor = c.url.partition("#")
                document = file.parent / target
                assert document.is_file(), f"{rule.id}: {c.url} does not exist"
                assert anchor in heading_anchors(document.read_text(encoding="utf-8")), c.url
    # The AI baseline rests on the organisation's policy, not on a law cited out of scope.
    assert policies == 5


def test_a_law_citation_must_be_a_url_but_a_policy_may_be_a_path(tmp_path: Path) -> None:
    pack = (RULES / "ai-baseline.yaml").read_text(encoding="utf-8")
    assert "kind: organisation_policy" in pack
    (tmp_path / "policy.yaml").write_text(pack, encoding="utf-8")
    catalogue.load_packs([tmp_path / "policy.yaml"])  # the relative policy path is accepted
    (tmp_path / "law.yaml").write_text(
        pack.replace("      - kind: organisation_policy\n", "      - kind: authority\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        catalogue.load_packs([tmp_path / "law.yaml"])
    assert "is not a URL" in str(caught.value)
    assert "law.yaml:" in str(caught.value)


def test_every_shipped_rule_has_all_three_kinds_and_each_comes_out_as_named() -> None:
    result = ruletest.run_tests([RULES], today=date(2026, 1, 15))
    rules = {rule.id for pack, _ in shipped_packs() for rule in pack.rules}
    assert {r.rule for r in result.rules} == rules
    assert [r.rule for r in result.incomplete] == []
    assert [(w.path, w.expected, w.actual) for w in result.wrong] == []
    assert result.ok
    kinds = {e.expected for r in result.rules for e in r.results}
    assert kinds == {"pass", "fail", "undetermined", "not_applicable"}


def test_make_test_runs_the_rule_examples() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test:.*\brules-test\b", makefile, re.M)
    assert "vendorgate test rules/" in makefile


@pytest.mark.parametrize(
    ("vendor", "verdict"),
    [("zoom-2023-03", Verdict.FAIL), ("zoom-2023-08", Verdict.PASS)],
)
def test_the_demo_verdicts_on_the_zoom_terms(vendor: str, verdict: Verdict) -> None:
    org, _ = catalogue.load_org(REPO / "vendorgate.yaml")
    packs = catalogue.select_packs(
        catalogue.load_packs(workspace.discover_packs(org.rules_paths)), org, None
    )
    rule = next(r for p in packs for r in p.rules if r.id == "hipaa-no-ai-training-on-phi")
    (loaded,) = catalogue.load_vendors([REPO / "vendors" / f"{vendor}.yaml"])
    store = evidence.SnapshotStore(loaded.root)
    result = engine_vendor.evaluate_vendor(loaded, [rule], org, date(2026, 1, 15), None, store)
    (finding,) = [f for f in result.findings if f.rule == rule.id]
    assert finding.verdict is verdict, finding.message


# ---------------------------------------------------------------- the runner on a small suite

PACK = """\
apiVersion: vendorgate/v1
kind: RulePack
id: tiny
title: A one-rule pack for testing the runner
rules:
  - id: tiny-baa
    title: The vendor signs a BAA
    severity: high
    applies_to:
      sectors: [healthcare]
      data_classes: [phi]
    condition:
      fact: baa_available
      in: [available, on_request]
    citations:
      - authority: hipaa-164-502-e
        citation: "45 CFR 164.502(e)(1)-(2)"
        url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.502"
    remediation: Sign a BAA.
"""


def vendor(value: str, classes: str = "phi") -> str:
    return f"""\
apiVersion: vendorgate/v1
kind: VendorProfile
id: v-{value.replace("_", "-")}
name: Vendor {value}
category: other
documents: []
facts:
  baa_available:
    value: {value}
usage:
  status: candidate
  data_classes: [{classes}]
"""


def write_suite(root: Path, examples: dict[str, str]) -> Path:
    """A pack plus examples; ``examples`` maps `kind/name.yaml` to file text."""
    (root / "rules").mkdir()
    (root / "rules" / "tiny.yaml").write_text(PACK, encoding="utf-8")
    for relative, text in examples.items():
        path = root / "rules" / "examples" / "tiny-baa" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "rules"


GOOD = {
    "pass/signs.yaml": vendor("available"),
    "fail/refuses.yaml": vendor("not_available"),
    "undetermined/silent.yaml": vendor("undisclosed"),
}


def test_a_complete_correct_suite_passes(tmp_path: Path) -> None:
    write_suite(tmp_path, GOOD)
    done = run_cli("test", "rules", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: 1 rule(s), 3 example(s), 3 as expected" in done.stdout
    assert "expected undetermined   got undetermined" in done.stdout


def test_a_wrong_verdict_fails_the_run_and_names_the_file(tmp_path: Path) -> None:
    # An example filed under fail/ that actually passes.
    write_suite(tmp_path, {**GOOD, "fail/mislabelled.yaml": vendor("on_request")})
    done = run_cli("test", "rules", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(
        r"WRONG expected fail\s+got pass\s+rules/examples/tiny-baa/fail/mislabelled.yaml",
        done.stdout,
    )
    assert done.stdout.rstrip().endswith(
        "FAILED: 1 rule(s), 4 example(s), 3 as expected, 1 wrong verdict(s), "
        "0 rule(s) missing an example kind"
    )
    report = json.loads(run_cli("test", "rules", "--format", "json", cwd=tmp_path).stdout)
    wrong = [e for r in report["rules"] for e in r["results"] if not e["ok"]]
    assert wrong == [
        {
            "path": "rules/examples/tiny-baa/fail/mislabelled.yaml",
            "expected": "fail",
            "actual": "pass",
            "ok": False,
            "message": wrong[0]["message"],
        }
    ]
    assert "meets" in wrong[0]["message"]
    assert report["ok"] is False


def test_a_missing_kind_fails_the_run_and_shows_in_the_coverage_table(tmp_path: Path) -> None:
    write_suite(tmp_path, {k: v for k, v in GOOD.items() if not k.startswith("undetermined")})
    done = run_cli("test", "rules", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^tiny-baa\s+1\s+1\s+0\s+0\s+undetermined$", done.stdout, re.M)
    report = json.loads(run_cli("test", "rules", "--format", "json", cwd=tmp_path).stdout)
    (rule,) = report["rules"]
    assert rule["missing"] == ["undetermined"]
    assert rule["counts"] == {"pass": 1, "fail": 1, "undetermined": 0, "not_applicable": 0}
    assert report["summary"]["rulesMissingKinds"] == 1


def test_a_rule_without_examples_lacks_every_kind(tmp_path: Path) -> None:
    rules = write_suite(tmp_path, {})
    result = ruletest.run_tests([rules])
    (tested,) = result.rules
    assert tested.missing == ("pass", "fail", "undetermined")
    assert not result.ok


def test_the_default_is_the_organisations_rules_paths(tmp_path: Path) -> None:
    write_suite(tmp_path, {**GOOD, "pass/refuses-too.yaml": vendor("not_available")})
    (tmp_path / "vendorgate.yaml").write_text(
        "apiVersion: vendorgate/v1\nkind: OrgProfile\nname: T\nrules_paths: [rules]\n",
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    done = run_cli("test", cwd=tmp_path / "sub")
    assert done.returncode == 1
    assert "../rules/examples/tiny-baa/pass/refuses-too.yaml" in done.stdout


def test_an_org_yaml_in_a_kind_folder_sets_the_organisation(tmp_path: Path) -> None:
    # Without an org.yaml the runner builds a healthcare organisation, so the rule applies.
    write_suite(tmp_path, {**GOOD, "not_applicable/law-firm.yaml": vendor("not_available")})
    before = ruletest.run_tests([tmp_path / "rules"])
    assert [(w.expected, w.actual) for w in before.wrong] == [("not_applicable", "fail")]
    org = "apiVersion: vendorgate/v1\nkind: OrgProfile\nname: Firm\nsectors: [legal]\n"
    (tmp_path / "rules/examples/tiny-baa/not_applicable/org.yaml").write_text(org)
    after = ruletest.run_tests([tmp_path / "rules"])
    assert after.ok, [(w.path, w.actual) for w in after.wrong]


def test_data_classes_come_from_the_example(tmp_path: Path) -> None:
    write_suite(tmp_path, {**GOOD, "not_applicable/lunch.yaml": vendor("not_available", "public")})
    assert ruletest.run_tests([tmp_path / "rules"]).ok


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        ("passs/x.yaml", vendor("available"), "unknown example kind folder `passs`"),
        ("stray.yaml", vendor("available"), "example profiles go in one of pass, fail"),
        ("pass/broken.yaml", vendor("yes"), "broken.yaml:9:12:"),
        ("../tiny-bba/pass/x.yaml", vendor("available"), "did you mean `tiny-baa`?"),
    ],
)
def test_a_malformed_example_tree_is_bad_input(
    tmp_path: Path, relative: str, text: str, expected: str
) -> None:
    rules = write_suite(tmp_path, {**GOOD, relative: text})
    with pytest.raises(InputError) as caught:
        ruletest.run_tests([rules])
    assert expected in str(caught.value)


def test_bad_input_exits_2_with_a_located_message_and_no_report(tmp_path: Path) -> None:
    write_suite(tmp_path, {**GOOD, "pass/broken.yaml": vendor("yes")})
    done = run_cli("test", "rules", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "broken.yaml:9:12:" in done.stderr
    assert "read by YAML as the boolean true" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_nothing_to_test_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run_cli("test", "empty", cwd=tmp_path)
    assert done.returncode == 2
    assert "no rule packs found" in done.stderr


def test_a_broken_org_yaml_shared_by_every_kind_is_reported_once(tmp_path: Path) -> None:
    org = "apiVersion: vendorgate/v1\nkind: OrgProfile\nname: X\nsectors: [helthcare]\n"
    rules = write_suite(tmp_path, {**GOOD, "org.yaml": org})
    with pytest.raises(InputError) as caught:
        ruletest.run_tests([rules])
    assert len(caught.value.problems) == 1
    assert "did you mean `healthcare`?" in str(caught.value)
