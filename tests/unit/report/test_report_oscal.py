"""OSCAL assessment results: validated by compliance-trestle's own pydantic model, and checked
for what an auditor relies on: evidence links that resolve to back-matter resources carrying the
snapshot sha256, satisfied / not-satisfied targets, waivers as deviation-approved risks, and
byte-identical output."""

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

from tests.support.cli import GOLDEN, REPO
from vendorgate.app import run
from vendorgate.core.model import CheckResult
from vendorgate.report import RenderOptions, render

trestle_ar = pytest.importorskip(
    "trestle.oscal.assessment_results", reason="compliance-trestle is in the dev extra"
)

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


def _validate(document: dict[str, Any]) -> Any:
    return trestle_ar.Model.model_validate(document)


def test_golden_output_validates_with_trestle(document: dict[str, Any]) -> None:
    model = _validate(document)
    result = model.assessment_results.results[0]
    assert len(result.findings) == 9  # 3 vendors x 4 rules, minus 3 not applicable
    from trestle.oscal import OSCAL_VERSION

    assert document["assessment-results"]["metadata"]["oscal-version"] == OSCAL_VERSION


def test_repository_catalogue_validates_with_trestle() -> None:
    result = _check_in(REPO, org_path="examples/orgs/hospital.yaml")
    _validate(json.loads(render("oscal", result, RenderOptions())))


def test_trestle_rejects_a_broken_document(document: dict[str, Any]) -> None:
    """The validation above is not vacuous: trestle refuses a finding with a bad state."""
    broken = json.loads(json.dumps(document))
    broken["assessment-results"]["results"][0]["findings"][0]["target"]["status"]["state"] = "fine"
    with pytest.raises(ValueError):
        _validate(broken)


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
    assert risk["deadline"] == "2026-02-01T00:00:00+00:00"
    (waived,) = [f for f in result["findings"] if _prop(f, "verdict") == "waived"]
    assert waived["related-risks"] == [{"risk-uuid": risk["uuid"]}]


def test_output_is_byte_identical_and_timestamps_are_the_evaluation_date(
    golden: CheckResult,
) -> None:
    first = render("oscal", golden, RenderOptions())
    again = render("oscal", _check_in(GOLDEN, org_path="org.yaml"), RenderOptions())
    assert first == again
    data = json.loads(first)["assessment-results"]
    assert data["metadata"]["last-modified"] == "2026-01-15T00:00:00+00:00"
    assert _result(json.loads(first))["start"] == "2026-01-15T00:00:00+00:00"
    moved = render("oscal", replace(golden, evaluated_on=date(2026, 1, 16)), RenderOptions())
    assert json.loads(moved)["assessment-results"]["uuid"] != data["uuid"]
