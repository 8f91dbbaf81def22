"""Properties: weaker input never gives a better decision.

The real engine runs every shipped rule on generated profiles whose evidence is checked against
a snapshot this test writes. Two properties:

* weakening evidence (removing a fact's quotes, corrupting one, making a snapshot stale) never
  improves any vendor's decision;
* making a fact less safe (``never`` -> ``opt_out`` -> ``always``, a value to ``undisclosed``)
  never improves it.

Decisions are ranked approved < approved_with_conditions < needs_review = rejected: the last
two are both "not approvable", and which one a vendor gets may legitimately move (a failure
whose evidence no longer verifies becomes a question, needs_review, not an approval).

Evidence is weakened under every organisation setting: a stated value that fails a rule keeps
failing when its quote stops verifying, so even where unknowns are only conditions
(``undetermined: review`` or ``ignore`` with ``on_failure: undetermined``) a broken quote
cannot turn rejected into approved_with_conditions.

One transition is left out of the second property for those organisations: a value withdrawn
to ``undisclosed``. There the vendor no longer states anything, and an unknown is by the
organisation's own choice a question rather than a failure; the never -> always ladder is
checked everywhere.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import strategies
from tests.support.cli import REPO
from vendorgate.core import vocabulary as v
from vendorgate.core.model import DecisionKind, OrgProfile, Rule
from vendorgate.engine.vendor import evaluate_vendor
from vendorgate.evidence.snapshots import SnapshotStore
from vendorgate.load.catalogue import LoadedVendor, load_packs
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate
from vendorgate.load.workspace import discover_packs
from vendorgate.load.yaml import load_bytes

EXAMPLES = int(os.environ.get("MONOTONIC_EXAMPLES", "2000"))
"""At least 2,000 per property (the environment variable only shortens a local run)."""
TODAY = date(2026, 6, 1)
QUOTES = (
    "The vendor keeps customer content only to provide the service.",
    "We never use customer content to train our models.",
    "Customers may export and delete their data at any time.",
)
SNAPSHOT_TEXT = "\n\n".join(QUOTES) + "\n"
RANK = {
    DecisionKind.APPROVED: 0,
    DecisionKind.APPROVED_WITH_CONDITIONS: 1,
    DecisionKind.NEEDS_REVIEW: 2,
    DecisionKind.REJECTED: 2,
}
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def shipped_rules() -> tuple[Rule, ...]:
    packs = sorted(load_packs(discover_packs([REPO / "rules"])), key=lambda p: p.id)
    return tuple(rule for pack in packs for rule in pack.rules)


@cache
def organisations() -> tuple[OrgProfile, ...]:
    """Every evidence policy and undetermined mode the decision reads."""
    return tuple(
        OrgProfile(
            name="Org",
            path="",
            sectors=("healthcare",),
            jurisdictions=("us", "eu"),
            undetermined=mode,
            evidence_require=require,
            evidence_on_failure=on_failure,
        )
        for mode in ("block", "review", "ignore")
        for require, on_failure in (
            ("verified", "undetermined"),
            ("verified", "fail"),
            ("any", "undetermined"),
        )
    )


def documents() -> list[dict[str, Any]]:
    digest = hashlib.sha256(SNAPSHOT_TEXT.encode()).hexdigest()
    return [
        {
            "id": doc_id,
            "title": f"Generated {doc_id}",
            "type": kind,
            "url": f"https://example.com/{doc_id}",
            "sha256": digest,
            "snapshot": f"../snapshots/{doc_id}.md",
        }
        for doc_id, kind in (("terms", "terms_of_service"), ("privacy", "privacy_policy"))
    ]


EVIDENCE_CHOICES: tuple[tuple[tuple[str, str], ...], ...] = (
    (),
    (("terms", QUOTES[0]),),
    (("privacy", QUOTES[1]),),
    (("terms", QUOTES[2]), ("privacy", QUOTES[0])),
    (("terms", QUOTES[1]), ("terms", QUOTES[2])),
)
"""Quotes that verify against the snapshot, in one or both documents (drawn from a fixed list:
drawing is what costs most per example)."""


def evidence_items() -> st.SearchStrategy[list[dict[str, str]]]:
    return st.sampled_from(EVIDENCE_CHOICES).map(
        lambda items: [{"doc": doc, "quote": quote} for doc, quote in items]
    )


@cache
def facts() -> st.SearchStrategy[dict[str, Any]]:
    def fact(spec: v.FactSpec) -> st.SearchStrategy[dict[str, Any]]:
        return st.builds(
            lambda value, evidence: {
                "value": value,
                **({"evidence": evidence} if evidence else {}),
            },
            strategies.fact_value(
                spec, integers=st.sampled_from([0, 1, 24, 30, 72, 90, 365, 5000])
            ),
            evidence_items(),
        )

    return st.fixed_dictionaries({}, optional={spec.name: fact(spec) for spec in v.FACTS})


@st.composite
def vendor_data(draw: st.DrawFn) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "apiVersion": "vendorgate/v1",
        "kind": "VendorProfile",
        "id": "generated",
        "name": "Generated Vendor",
        "category": draw(st.sampled_from(v.VENDOR_CATEGORIES)),
        "documents": documents(),
        "facts": draw(facts()),
    }
    if draw(st.booleans()):
        profile["usage"] = draw(strategies.usage([]))
    return profile


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("monotonic-repo")
    (root / ".git").mkdir()
    (root / "snapshots").mkdir()
    for doc in documents():
        (root / "snapshots" / f"{doc['id']}.md").write_text(SNAPSHOT_TEXT, encoding="utf-8")
    return root


def decision(data: dict[str, Any], root: Path, org: OrgProfile) -> DecisionKind:
    doc = load_bytes(json.dumps(data).encode(), "vendors/generated.yaml")
    validate(doc, "vendor")
    loaded = LoadedVendor(build_vendor(doc), root / "vendors" / "generated.yaml", root)
    result = evaluate_vendor(loaded, shipped_rules(), org, TODAY, None, SnapshotStore(root))
    return result.decision.kind


# ---------------------------------------------------------------- weakening evidence


@st.composite
def weaken_evidence(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with one piece of evidence made weaker."""
    weaker = copy.deepcopy(data)
    quoted = sorted(name for name, fact in weaker["facts"].items() if fact.get("evidence"))
    how = draw(st.sampled_from(["remove-one", "remove-all", "corrupt", "stale"]))
    if how == "stale" or not quoted:
        doc = draw(st.sampled_from(weaker["documents"]))
        doc["sha256"] = "0" * 64
        return weaker
    fact = weaker["facts"][draw(st.sampled_from(quoted))]
    index = draw(st.integers(0, len(fact["evidence"]) - 1))
    if how == "remove-all":
        del fact["evidence"]
    elif how == "remove-one":
        del fact["evidence"][index]
        if not fact["evidence"]:
            del fact["evidence"]
    else:
        item = fact["evidence"][index]
        item["quote"] = draw(
            st.sampled_from(
                [
                    item["quote"].replace(" ", "  X ", 1),  # a word inserted
                    item["quote"][1:],  # cut inside the first word
                    item["quote"].split()[0],  # one word
                    "** **",  # nothing but markup
                ]
            )
        )
    return weaker


def unknowns_fail_closed(org: OrgProfile) -> bool:
    """Whether an unknown is at least as bad as a failure for this organisation."""
    return org.undetermined == "block"


@SETTINGS
@given(
    data=st.data(),
    profile=vendor_data(),
    org_index=st.integers(0, len(organisations()) - 1),
)
def test_weakening_evidence_never_improves_the_decision(
    repo: Path, data: st.DataObject, profile: dict[str, Any], org_index: int
) -> None:
    org = organisations()[org_index]
    weaker = data.draw(weaken_evidence(profile))
    before, after = decision(profile, repo, org), decision(weaker, repo, org)
    assert RANK[after] >= RANK[before], (before, after)


# ---------------------------------------------------------------- less safe facts

LESS_SAFE: dict[str, list[str]] = {
    "never": ["opt_in", "opt_out", "always"],
    "opt_in": ["opt_out", "always"],
    "opt_out": ["always"],
}
"""Each training value and the values that are less safe than it."""
TRAINING_FACTS = sorted(
    spec.name for spec in v.FACTS if spec.kind == "enum" and {"never", "always"} <= set(spec.values)
)


@st.composite
def less_safe(draw: st.DrawFn, data: dict[str, Any], to_undisclosed: bool) -> dict[str, Any] | None:
    """A copy of ``data`` with one fact made less safe (down the training ladder, or, when
    ``to_undisclosed``, any value to ``undisclosed``); None when none can be."""
    worse = copy.deepcopy(data)
    facts_ = worse["facts"]
    candidates = sorted(
        name
        for name, fact in facts_.items()
        if fact["value"] != v.UNDISCLOSED
        and (to_undisclosed or (name in TRAINING_FACTS and fact["value"] in LESS_SAFE))
    )
    if not candidates:
        return None
    name = draw(st.sampled_from(candidates))
    fact = facts_[name]
    options = [v.UNDISCLOSED] if to_undisclosed else []
    if name in TRAINING_FACTS and fact["value"] in LESS_SAFE:
        options = LESS_SAFE[fact["value"]] + options
    fact["value"] = draw(st.sampled_from(options))
    return worse


@SETTINGS
@given(data=st.data(), profile=vendor_data(), org_index=st.integers(0, len(organisations()) - 1))
def test_a_less_safe_fact_never_improves_the_decision(
    repo: Path, data: st.DataObject, profile: dict[str, Any], org_index: int
) -> None:
    org = organisations()[org_index]
    worse = data.draw(less_safe(profile, unknowns_fail_closed(org)))
    if worse is None:
        return
    before, after = decision(profile, repo, org), decision(worse, repo, org)
    assert RANK[after] >= RANK[before], (before, after)


def test_the_training_facts_are_the_ones_that_order_never_to_always() -> None:
    # the ladder above only means something if the vocabulary has such facts
    assert "ai_training_customer_content" in TRAINING_FACTS
