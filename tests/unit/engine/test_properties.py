"""Properties over the loader and the engine: whatever the input, the result is either a clean
InputError or findings for every rule - never an uncaught exception, never a silent pass."""

from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.cli import REPO
from tests.support.strategies import vendor_profiles
from vendorgate.core.errors import InputError
from vendorgate.core.model import OrgProfile, Verdict
from vendorgate.engine.vendor import evaluate_vendor
from vendorgate.evidence.snapshots import SnapshotStore
from vendorgate.load.catalogue import LoadedVendor, load_packs
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate
from vendorgate.load.workspace import discover_packs
from vendorgate.load.yaml import load_bytes

EXAMPLES = int(os.environ.get("VENDORGATE_PROPERTY_EXAMPLES", "2000"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YAML_ALPHABET = st.sampled_from([*list("ab:-[]{},&*!|>'\"#%@` \t\n\r?"), "\x00", "\ufeff", "é"])


@SETTINGS
@given(st.text(YAML_ALPHABET, max_size=200))
def test_loader_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        doc = load_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")
        validate(doc)
    except InputError as exc:
        assert exc.problems
        assert all(p.path == "fuzz.yaml" for p in exc.problems)


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(JSONISH)
def test_any_yaml_structure_is_loaded_or_refused_cleanly(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        doc = load_bytes(text.encode(), "fuzz.yaml")
        validate(doc)
        build_vendor(doc)
    except InputError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@functools.cache
def shipped_rules() -> tuple[Any, ...]:
    packs = load_packs(discover_packs([REPO / "rules"]))
    return tuple(rule for pack in packs for rule in pack.rules)


ORGS = [
    OrgProfile(name="Hospital", path="", sectors=("healthcare",), jurisdictions=("us",)),
    OrgProfile(
        name="EU",
        path="",
        sectors=("technology",),
        jurisdictions=("eu",),
        evidence_require="verified",
    ),
    OrgProfile(
        name="Bank", path="", sectors=("finance",), jurisdictions=("us-ny",), undetermined="ignore"
    ),
]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
@given(st.data())
def test_every_schema_valid_profile_gets_a_finding_for_every_rule(data: st.DataObject) -> None:
    raw = data.draw(vendor_profiles())
    text = yaml.safe_dump(raw)
    doc = load_bytes(text.encode(), "gen.yaml")
    validate(doc)
    profile = build_vendor(doc)
    org = data.draw(st.sampled_from(ORGS))
    rules = shipped_rules()
    loaded = LoadedVendor(profile, Path("gen.yaml"), REPO)
    plan = profile.usage.plan if profile.usage else None
    result = evaluate_vendor(loaded, rules, org, date(2026, 6, 1), plan, SnapshotStore(REPO))
    assert len(result.findings) == len(rules)
    assert all(f.verdict is not Verdict.ERROR for f in result.findings)
    if any(f.blocking for f in result.findings):
        assert result.decision.kind.value in ("rejected", "needs_review")
    if any(f.verdict is Verdict.UNDETERMINED and f.blocking for f in result.findings):
        assert result.decision.kind.value != "approved"
