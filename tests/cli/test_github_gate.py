"""The gate on GitHub's April 2026 terms, through the real command line: individual licences
are rejected for the hospital and the law firm (Inputs and Outputs train models unless each
user opts out, Affiliates train on Your Content under D.4), and the Customer Agreement plan
needs review, because the archived terms hand its AI and data-use terms to agreements that are
referred to but not archived, and the gate asks for them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import run_cli

CUSTOMER_AGREEMENT = "https://github.com/customer-terms"
DPA = "https://github.com/customer-terms/github-data-protection-agreement"


def gate(org: str) -> dict[str, Any]:
    proc = run_cli(
        "gate",
        "vendors/github.yaml",
        "--org",
        f"examples/orgs/{org}.yaml",
        "--plan",
        "all",
        "--as-of",
        "2026-11-01",
        "--format",
        "json",
    )
    # No plan passes, so the gate exits non-zero; it must still be a decision, not an error.
    assert proc.returncode not in (0, 2), proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def by_plan(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["plan"] or "(base)": p for p in report["plans"]}


@pytest.mark.parametrize("org", ["hospital", "law-firm"])
def test_individual_licences_are_rejected_on_interaction_data_and_affiliate_training(
    org: str,
) -> None:
    plans = by_plan(gate(org))
    individual = plans["individual"]
    assert individual["decision"] == "rejected"
    failing = {f["rule"] for f in individual["blocking"] if f["verdict"] == "fail"}
    assert "ai-no-training-on-interaction-data-without-opt-in" in failing
    assert "ai-third-party-models-no-training-without-opt-in" in failing
    training = (
        "hipaa-no-ai-training-on-phi"
        if org == "hospital"
        else ("aba-no-ai-training-without-client-consent")
    )
    assert training in failing
    read = {
        (r["fact"], r["value"])
        for f in individual["blocking"]
        if f["rule"] == training
        for r in f["facts"]
    }
    assert ("ai_training_interaction_data", "opt_out") in read
    assert ("ai_training_affiliates", "always") in read


@pytest.mark.parametrize("org", ["hospital", "law-firm"])
def test_the_customer_agreement_plan_needs_review_and_asks_for_the_agreements(org: str) -> None:
    report = gate(org)
    plan = by_plan(report)["customer-agreement"]
    assert plan["decision"] == "needs_review"
    assert not [f for f in plan["blocking"] if f["verdict"] == "fail"]
    asked = {q["fact"]: q["question"] for q in plan["questions"]}
    for fact in (
        "ai_training_customer_content",
        "ai_training_interaction_data",
        "ai_training_affiliates",
    ):
        assert CUSTOMER_AGREEMENT in asked[fact], fact
    assert DPA in asked["ai_training_service_data"]
    assert report["firstPassingPlan"] is None


def test_the_hospital_also_asks_for_a_baa_on_the_customer_agreement() -> None:
    plan = by_plan(gate("hospital"))["customer-agreement"]
    asked = {q["fact"]: q["question"] for q in plan["questions"]}
    assert "business associate agreement" in asked["baa_available"]
    # The DPA decides GitHub's own aggregated-data uses for organisation accounts.
    assert DPA in asked["aggregated_data_use"]
