"""A small self-contained repository for the gate tests, built in tmp_path.

The vendor is fictional and its terms document is written here, by the test, so every quote in
its profile is copied from a document the test itself creates. The rules are the shipped
HIPAA pack's own AI-training and BAA rules (copied, not rewritten), so "per the rules" means
the real rules with their exact citations.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from tests.support.cli import REPO

SHIPPED_PACK = REPO / "rules" / "healthcare-hipaa.yaml"
STORY_RULES = ("hipaa-no-ai-training-on-phi", "hipaa-baa-available")

TERMS = """# Acme Meetings Terms of Service

Effective Date: January 1, 2024

## 1. Customer Content

1.1 We do not use Customer Content to train artificial intelligence models.

1.2 Our AI model providers are contractually prohibited from training on Customer Content.

## 2. Health information

2.1 Acme signs a business associate agreement with customers on the Enterprise plan.

2.2 Business associate agreements are not available on the Free plan.
"""

NO_TRAINING = "We do not use Customer Content to train artificial intelligence models."
PROVIDERS = "Our AI model providers are contractually prohibited from training on Customer Content."
BAA_ENTERPRISE = "Acme signs a business associate agreement with customers on the Enterprise plan."
BAA_FREE = "Business associate agreements are not available on the Free plan."


def story_pack() -> dict[str, Any]:
    """The shipped HIPAA pack reduced to the two rules of the 2023 story."""
    pack = yaml.safe_load(SHIPPED_PACK.read_text(encoding="utf-8"))
    pack["rules"] = [r for r in pack["rules"] if r["id"] in STORY_RULES]
    assert [r["id"] for r in pack["rules"]] == list(STORY_RULES)
    return pack


def shipped_rule(rule_id: str) -> dict[str, Any]:
    pack = yaml.safe_load(SHIPPED_PACK.read_text(encoding="utf-8"))
    rule: dict[str, Any] = next(r for r in pack["rules"] if r["id"] == rule_id)
    return rule


def write_story_pack(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "healthcare-hipaa.yaml"
    path.write_text(yaml.safe_dump(story_pack(), sort_keys=False), encoding="utf-8")
    return path


def _ev(section: str, quote: str, indent: int = 6) -> str:
    pad = " " * indent
    return f'{pad}- doc: tos\n{pad}  section: "{section}"\n{pad}  quote: "{quote}"\n'


def vendor_yaml(sha: str, *, third_party_known: bool, vendor_id: str = "acme") -> str:
    third_party = (
        "  ai_training_third_party:\n    value: never\n    evidence:\n" + _ev("1.2", PROVIDERS)
        if third_party_known
        else "  ai_training_third_party:\n    value: undisclosed\n"
    )
    return (
        "apiVersion: vendorgate/v1\n"
        "kind: VendorProfile\n"
        f"id: {vendor_id}\n"
        "name: Acme Meetings\n"
        "category: video_conferencing\n"
        "reviewed: 2024-01-15\n"
        "documents:\n"
        "  - id: tos\n"
        "    title: Acme Meetings Terms of Service\n"
        "    type: terms_of_service\n"
        "    url: https://acme.example/terms\n"
        "    effective: 2024-01-01\n"
        "    retrieved: 2024-01-02\n"
        f"    sha256: {sha}\n"
        "    snapshot: ../snapshots/acme/tos.md\n"
        "facts:\n"
        "  ai_training_customer_content:\n    value: never\n    evidence:\n"
        + _ev("1.1", NO_TRAINING)
        + third_party
        + "  baa_available:\n    value: not_available\n    evidence:\n"
        + _ev("2.2", BAA_FREE)
        + "plans:\n"
        "  - id: free\n    name: Free\n"
        "  - id: enterprise\n    name: Enterprise\n    facts:\n"
        "      baa_available:\n        value: available\n        evidence:\n"
        + _ev("2.1", BAA_ENTERPRISE, indent=10)
        + "usage:\n  status: candidate\n  data_classes: [phi]\n"
    )


WAIVER = """  - rule: {rule}
    vendor: {vendor}
    justification: Interim risk acceptance while the contract is negotiated.
    approver: Dana Privacy Officer
    ticket: {ticket}
    expires: {expires}
{extra}"""


def waiver(
    rule: str = "hipaa-baa-available",
    vendor: str = "acme",
    ticket: str = "GRC-7",
    expires: str = "2024-03-31",
    granted: str | None = None,
    plan: str | None = None,
) -> str:
    extra = ""
    if granted:
        extra += f"    granted: {granted}\n"
    if plan:
        extra += f"    plan: {plan}\n"
    return WAIVER.format(rule=rule, vendor=vendor, ticket=ticket, expires=expires, extra=extra)


def org_yaml(waivers: list[str] | None = None, max_age_days: int | None = None) -> str:
    text = (
        "apiVersion: vendorgate/v1\n"
        "kind: OrgProfile\n"
        "name: Test Hospital\n"
        "sectors: [healthcare]\n"
        "jurisdictions: [us]\n"
        "packs: [healthcare-hipaa]\n"
        "rules_paths: [rules]\n"
        "vendors_paths: [vendors]\n"
        "blocking:\n  severity: high\n  undetermined: block\n"
        "evidence:\n  require: verified\n"
    )
    if max_age_days is not None:
        text += f"  max_age_days: {max_age_days}\n"
    if waivers:
        text += "waivers:\n" + "".join(waivers)
    return text


def build(
    root: Path,
    *,
    third_party_known: bool = True,
    waivers: list[str] | None = None,
    max_age_days: int | None = None,
) -> Path:
    """Write the repository; returns the vendor profile's path."""
    (root / ".git").mkdir(parents=True, exist_ok=True)  # the repository root for snapshots
    snapshot = root / "snapshots" / "acme" / "tos.md"
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_text(TERMS, encoding="utf-8")
    sha = hashlib.sha256(TERMS.encode("utf-8")).hexdigest()
    write_story_pack(root / "rules")
    (root / "vendors").mkdir(exist_ok=True)
    vendor = root / "vendors" / "acme.yaml"
    vendor.write_text(vendor_yaml(sha, third_party_known=third_party_known), encoding="utf-8")
    (root / "vendorgate.yaml").write_text(org_yaml(waivers, max_age_days), encoding="utf-8")
    return vendor
