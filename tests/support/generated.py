"""Generated vendor profiles and organisations for the properties that compare engines (native,
regopy, real OPA): schema-valid profiles drawn from the vocabulary, with evidence that the real
checks find verified, unsupported, stale or unverified against a snapshot the test writes, and
organisations that between them vary every setting the semantics read."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.support import strategies
from tests.support.cli import REPO
from vendorgate.core import vocabulary as v
from vendorgate.core.model import Location, OrgProfile, RulePack, Severity, UsageOverride, Waiver
from vendorgate.load.catalogue import LoadedVendor, load_packs
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate
from vendorgate.load.workspace import discover_packs
from vendorgate.load.yaml import load_bytes

SNAPSHOT_TEXT = "The vendor keeps customer content only to provide the service.\n"
GOOD_QUOTE = "keeps customer content only to provide the service"
DAYS = (date(2026, 1, 10), date(2026, 6, 1), date(2026, 6, 20), date(2026, 9, 1))


@cache
def shipped_packs() -> tuple[RulePack, ...]:
    packs = load_packs(discover_packs([REPO / "rules"]))
    return tuple(sorted(packs, key=lambda p: p.id))


def shipped_rules() -> list[Any]:
    return [rule for pack in shipped_packs() for rule in pack.rules]


def _waiver(rule: str, vendor: str, expires: date, line: int, **extra: Any) -> Waiver:
    return Waiver(
        rule=rule,
        vendor=vendor,
        justification=f"accepted risk {line}",
        approver="CISO",
        ticket=f"RISK-{line}",
        expires=expires,
        location=Location("org.yaml", line, 3),
        **extra,
    )


@cache
def organisations() -> tuple[OrgProfile, ...]:
    """Organisations that between them exercise every setting the semantics read."""
    rules = [r.id for r in shipped_rules()]
    first, second, third = rules[0], rules[1], rules[len(rules) // 2]
    waivers = (
        _waiver(first, "generated", date(2026, 6, 25), 10),
        _waiver(second, "generated", date(2027, 1, 1), 11, plan="business"),
        _waiver(third, "generated", date(2026, 3, 1), 12),
        _waiver(third, "gen-line", date(2026, 12, 31), 13, granted=date(2026, 6, 10)),
        _waiver(first, "gen-line", date(2026, 6, 5), 14),
        _waiver(second, "other-vendor", date(2027, 1, 1), 15),
    )
    base = OrgProfile(name="Generated Org", path="org.yaml")
    return (
        replace(base, sectors=("healthcare",), jurisdictions=("us",), evidence_require="verified"),
        replace(
            base,
            sectors=("legal", "finance"),
            jurisdictions=("us-ny", "eu"),
            blocking_severity=Severity.MEDIUM,
            undetermined="review",
            waivers=waivers,
        ),
        replace(
            base,
            sectors=("education",),
            jurisdictions=("us-ca",),
            evidence_require="verified",
            evidence_on_failure="fail",
            undetermined="ignore",
            max_evidence_age_days=180,
            waivers=waivers,
        ),
        replace(
            base,
            sectors=("finance", "healthcare", "education", "legal", "technology"),
            jurisdictions=("eu", "uk", "us-ca", "us-ny"),
            blocking_severity=Severity.LOW,
            max_evidence_age_days=30,
            usage={
                "generated": UsageOverride(
                    plan="enterprise", data_classes=("phi", "npi", "personal_data")
                )
            },
        ),
        replace(
            base,
            sectors=("government",),
            blocking_severity=Severity.CRITICAL,
            evidence_require="verified",
            usage={"generated": UsageOverride(data_classes=())},
            waivers=waivers,
        ),
    )


def evidence_items() -> st.SearchStrategy[list[dict[str, str]]]:
    """Evidence whose real check gives each status: verified, unsupported, stale, unverified."""
    choices = [
        [{"doc": "terms", "quote": GOOD_QUOTE, "section": "1"}],
        [{"doc": "terms", "quote": "we sell everything", "section": "2"}],
        [{"doc": "old-terms", "quote": GOOD_QUOTE}],
        [{"doc": "web-page", "quote": GOOD_QUOTE}],
        [
            {"doc": "terms", "quote": GOOD_QUOTE},
            {"doc": "terms", "quote": "a clause that is not there"},
        ],
    ]
    return st.one_of(st.just([]), st.sampled_from(choices))


def fact_value(spec: v.FactSpec) -> st.SearchStrategy[Any]:
    """Values that also hit the rules' thresholds, and a name that needs escaping in Rego."""
    return strategies.fact_value(
        spec,
        integers=st.one_of(st.sampled_from([0, 1, 24, 30, 72, 90, 365]), st.integers(0, 5000)),
        subprocessor_names=("Cloud Co", "Model Co", 'Mail "Co"'),
    )


@cache
def facts() -> st.SearchStrategy[dict[str, Any]]:
    def fact(spec: v.FactSpec) -> st.SearchStrategy[dict[str, Any]]:
        return st.builds(
            lambda value, evidence: {
                "value": value,
                **({"evidence": evidence} if evidence else {}),
            },
            fact_value(spec),
            evidence_items(),
        )

    return st.fixed_dictionaries({}, optional={spec.name: fact(spec) for spec in v.FACTS})


def documents() -> list[dict[str, Any]]:
    digest = hashlib.sha256(SNAPSHOT_TEXT.encode()).hexdigest()
    return [
        {
            "id": "terms",
            "title": "Generated Terms",
            "type": "terms_of_service",
            "url": "https://example.com/terms",
            "sha256": digest,
            "snapshot": "../snapshots/terms.md",
        },
        {
            "id": "old-terms",
            "title": "Generated Terms (old pin)",
            "type": "terms_of_service",
            "url": "https://example.com/terms",
            "sha256": "0" * 64,
            "snapshot": "../snapshots/terms.md",
            "shares_snapshot": "the same file under an old pin, to make its evidence stale",
        },
        {
            "id": "web-page",
            "title": "Generated page without a snapshot",
            "type": "privacy_policy",
            "url": "https://example.com/privacy",
        },
    ]


@st.composite
def vendor_data(draw: st.DrawFn) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "apiVersion": "vendorgate/v1",
        "kind": "VendorProfile",
        "id": "generated",
        "name": draw(st.sampled_from(["Generated Vendor", 'Vendor "Q" \\ Ltd', "Zoë Café"])),
        "category": draw(st.sampled_from(v.VENDOR_CATEGORIES)),
        "documents": documents(),
        "facts": draw(facts()),
    }
    if draw(st.booleans()):
        profile["reviewed"] = draw(st.sampled_from(["2025-01-01", "2025-12-20", "2026-05-30"]))
    if draw(st.booleans()):
        profile["lineage"] = "gen-line"
        profile["in_force"] = {"from": "2024-01-01"}
    plan_ids: list[str] = []
    if draw(st.booleans()):
        plan_ids = draw(strategies.plan_id_lists())
        profile["plans"] = [{"id": p, "facts": draw(facts())} for p in plan_ids]
        if "enterprise" not in plan_ids:
            profile["plans"].append({"id": "enterprise", "facts": {}})
    if draw(st.booleans()):
        profile["usage"] = draw(strategies.usage(plan_ids))
    return profile


def write_repo(root: Path) -> Path:
    """A repository with the one snapshot the generated evidence quotes."""
    (root / ".git").mkdir()
    (root / "snapshots").mkdir()
    (root / "snapshots" / "terms.md").write_text(SNAPSHOT_TEXT, encoding="utf-8")
    return root


def loaded_vendor(data: dict[str, Any], root: Path) -> LoadedVendor:
    doc = load_bytes(json.dumps(data).encode(), "vendors/generated.yaml")
    validate(doc, "vendor")
    return LoadedVendor(build_vendor(doc), root / "vendors" / "generated.yaml", root)
