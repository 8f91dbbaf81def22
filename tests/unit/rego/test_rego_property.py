"""Property: for schema-valid vendor profiles, the native engine and the compiled Rego policy
(run in regopy) give identical findings and decisions, for every shipped YAML rule.

Profiles are drawn from the vocabulary (every fact, any value or `undisclosed`, plans, usage,
review dates, lineages); each fact's evidence is drawn from real quotes against a snapshot this
test writes, so evidence statuses (verified, unsupported, stale, unverified) come from the real
checks. Organisations vary every setting the semantics read: sectors, jurisdictions, thresholds,
`undetermined`, the evidence policy, the maximum evidence age, waivers (active, expiring,
expired, granted later, per plan, per lineage) and usage overrides. A finding is compared whole:
verdict, blocking flag, message, reasons, location, facts read with their evidence, waiver and
trace; the decision with its reasons.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.generated import (
    DAYS,
    loaded_vendor,
    organisations,
    shipped_packs,
    shipped_rules,
    vendor_data,
    write_repo,
)
from vendorgate.engine.vendor import evaluate_vendor
from vendorgate.evidence.snapshots import SnapshotStore

pytest.importorskip("regopy")

from vendorgate.evidence.resolver import Resolver
from vendorgate.rego import assemble, document
from vendorgate.rego.compile import compile_policy
from vendorgate.rego.runtime import Evaluator

EXAMPLES = int(os.environ.get("REGO_EXAMPLES", "1000"))


@cache
def evaluators() -> tuple[Evaluator, ...]:
    """One compiled policy per organisation, built once for the whole run."""
    out = []
    for org in organisations():
        policy = compile_policy(shipped_packs(), org)
        out.append(Evaluator([(m.path, m.text) for m in policy.modules], policy.data))
    return tuple(out)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repo(tmp_path_factory.mktemp("generated-repo"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=vendor_data(),
    org_index=st.integers(0, len(organisations()) - 1),
    today=st.sampled_from(DAYS),
)
def test_native_and_rego_engines_agree_on_every_shipped_rule(
    repo: Path, data: dict[str, Any], org_index: int, today: date
) -> None:
    org = organisations()[org_index]
    loaded = loaded_vendor(data, repo)
    store = SnapshotStore(repo)
    rules = shipped_rules()
    native = evaluate_vendor(loaded, rules, org, today, org.plan_for(loaded.profile), store)
    resolve = Resolver(loaded, store)
    decision = evaluators()[org_index].decide(
        document.decision_input(loaded.profile, resolve, today)
    )
    rego = assemble.vendor_result(decision, loaded.profile, {r.id: r for r in rules}, org, resolve)
    assert [f.rule for f in rego.findings] == [f.rule for f in native.findings]
    for mine, theirs in zip(rego.findings, native.findings, strict=True):
        assert mine == theirs, mine.rule
    assert rego.decision == native.decision
    assert rego == native


def test_the_generated_profiles_reach_every_verdict_and_evidence_status(repo: Path) -> None:
    """The property above is only as strong as what it covers: sample and check the spread."""
    seen_verdicts: set[str] = set()
    seen_status: set[str] = set()
    seen_decisions: set[str] = set()

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=vendor_data(), org_index=st.integers(0, len(organisations()) - 1))
    def sample(data: dict[str, Any], org_index: int) -> None:
        org = organisations()[org_index]
        loaded = loaded_vendor(data, repo)
        store = SnapshotStore(repo)
        result = evaluate_vendor(
            loaded, shipped_rules(), org, DAYS[1], org.plan_for(loaded.profile), store
        )
        seen_decisions.add(result.decision.kind.value)
        for finding in result.findings:
            seen_verdicts.add(finding.verdict.value)
            seen_status.update(read.status.value for read in finding.facts)

    sample()
    assert {"pass", "fail", "undetermined", "not_applicable", "waived"} <= seen_verdicts
    assert {"verified", "unsupported", "stale", "unverified"} <= seen_status
    assert {"rejected", "needs_review"} <= seen_decisions
