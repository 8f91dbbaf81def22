"""The shipped vendor catalogue rests only on the archived documents under snapshots/.

Every quote in vendors/ must be found in the snapshot its document pins (after the documented
normalisation, and also with its typography intact), every snapshot must still hash to the
sha256 its profile and snapshots/MANIFEST.yaml record, and every fact the AI, licence and
contract rules read must be written down - as `undisclosed` when the documents do not say.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.cli import REPO
from vendorgate.app import run
from vendorgate.core import vocabulary
from vendorgate.core.model import EvidenceStatus, Finding, Verdict
from vendorgate.evidence.snapshots import SnapshotStore, check
from vendorgate.load.profiles import build_vendor
from vendorgate.load.yaml import load_file
from vendorgate.text.normalise import normalise

VENDORS = REPO / "vendors"
SNAPSHOTS = REPO / "snapshots"
SOURCE = "Open Terms Archive contributors (ODC-BY 1.0)"
EXAMPLES_DAY = date(2026, 12, 1)
"""The day the example organisations are evaluated on: their waivers expire (law-firm's on
2027-03-31), so a test that took the machine's date would start failing on that day."""

REQUIRED_FACTS = (
    "ai_training_customer_content",
    "ai_training_service_data",
    "ai_training_third_party",
    "ai_training_consent_by",
    "ai_training_opt_out_method",
    "content_license_scope",
    "aggregated_data_use",
    "content_retention",
    "deletion_after_termination_days",
    "baa_available",
    "dpa_available",
    "scc_available",
    "subprocessors",
    "subprocessor_change_notice_days",
    "data_residency_regions",
    "encryption_at_rest",
    "end_to_end_encryption",
    "breach_notification_hours",
)
"""Facts every catalogue profile states, with `undisclosed` when its documents are silent."""

CATALOGUE_IDS = {
    "zoom",
    "zoom-2023-03",
    "zoom-2023-07",
    "zoom-2023-08-07",
    "zoom-2023-08",
    "wire",
    "signal",
    "meet-jit-si",
    "miro",
    "linear",
    "gitlab",
    "mailjet",
    "surveymonkey",
    "surveymonkey-2021-08",
    "proctorio",
    "coursera",
    "proton-mail",
    "tresorit",
    "cloudflare",
    "stack-overflow-2024-07",
    "stack-overflow-2025-11",
    "evernote-2021-07",
    "evernote-2026-01",
    "hugging-face",
    "ovhcloud",
    "github-2020-11",
    "github",
    "google-2022-12",
    "google-2023-07",
    "google",
    "google-cloud",
    "aws",
    "microsoft",
}

# The verifier's own normalisation also folds typographic quotes and dashes into ASCII; a
# quote must nevertheless be copied with the document's own characters, so this stricter form
# keeps them and only drops Markdown links/emphasis and collapses whitespace.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_SPACE = re.compile(r"\s+")


def strict(text: str) -> str:
    return _SPACE.sub(" ", _EMPHASIS.sub("", _LINK.sub(r"\1", text))).strip()


def profile_paths() -> list[Path]:
    return sorted(VENDORS.glob("*.yaml"))


def load(path: Path) -> dict[str, Any]:
    data = load_file(path).data
    assert isinstance(data, dict)
    return data


def manifest() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((SNAPSHOTS / "MANIFEST.yaml").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fact_blocks(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every `facts:` mapping of a profile: the vendor's, then each plan's."""
    yield "facts", data.get("facts", {})
    for plan in data.get("plans", []):
        yield f"plans[{plan['id']}].facts", plan.get("facts", {})


def evidence_items(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for where, facts in fact_blocks(data):
        for name, fact in facts.items():
            for item in fact.get("evidence", []):
                yield f"{where}.{name}", item


@functools.cache
def snapshot_forms(path: Path) -> tuple[str, str]:
    """A snapshot as the verifier compares it, and in the stricter typography-keeping form."""
    text = path.read_text(encoding="utf-8")
    return normalise(text), strict(text)


def test_the_catalogue_holds_the_expected_vendors() -> None:
    ids = {load(p)["id"] for p in profile_paths()}
    assert ids == CATALOGUE_IDS
    for path in profile_paths():
        assert path.stem == load(path)["id"], f"{path.name}: file name and id differ"


def test_every_snapshot_matches_the_manifest() -> None:
    entries = manifest()
    files = [p for p in SNAPSHOTS.rglob("*.md") if p.parent != SNAPSHOTS]
    on_disk = {p.relative_to(SNAPSHOTS).as_posix() for p in files}
    assert on_disk == set(entries), "snapshots/ and MANIFEST.yaml list different files"
    for file, entry in entries.items():
        path = SNAPSHOTS / file
        assert sha256(path) == entry["sha256"], f"{file} no longer matches MANIFEST.yaml"
        assert path.stat().st_size == entry["bytes"]
        assert path.stem == entry["recorded"], f"{file}: file name is not the recorded date"


def test_snapshots_are_credited() -> None:
    notice = (SNAPSHOTS / "NOTICE.md").read_text(encoding="utf-8")
    assert "Open Terms Archive contributors" in notice
    assert "ODC-BY" in notice or "Open Data Commons Attribution" in notice


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_profile_validates(path: Path) -> None:
    assert run.validate([path]) == ["vendor"]


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_documents_pin_their_snapshots(path: Path) -> None:
    data = load(path)
    entries = manifest()
    cited = {item["doc"] for _, item in evidence_items(data)}
    awaited = {
        doc
        for _, facts in fact_blocks(data)
        for f in facts.values()
        for doc in f.get("rests_on", [])
    }
    for doc in data["documents"]:
        where = f"{path.name}: document {doc['id']}"
        if doc.get("archived") is False:
            # Referred to by the vendor's texts but not in the corpus: nothing to pin, and a
            # fact must say it waits for it.
            assert "snapshot" not in doc and "sha256" not in doc, where
            assert doc["id"] in awaited, f"{where}: not archived, and no fact rests on it"
            continue
        assert doc.get("sha256"), f"{where}: the snapshot is not pinned by its sha256"
        snapshot = (path.parent / doc["snapshot"]).resolve()
        file = snapshot.relative_to(SNAPSHOTS.resolve()).as_posix()
        assert file in entries, f"{where}: snapshot {file} is not in MANIFEST.yaml"
        assert doc["sha256"] == entries[file]["sha256"] == sha256(snapshot), where
        assert doc["retrieved"] == entries[file]["recorded"] == snapshot.stem, where
        assert doc["source"] == SOURCE, where
        assert doc["url"].startswith("https://"), where
        assert not re.search(r"example\.|placeholder|TODO", doc["url"]), where
        assert doc["id"] in cited, f"{where}: listed but no fact cites it"


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_every_quote_is_verbatim_in_its_snapshot(path: Path) -> None:
    data = load(path)
    documents = {d["id"]: d for d in data["documents"]}
    items = list(evidence_items(data))
    assert items, f"{path.name} has no evidence at all"
    for where, item in items:
        doc = documents[item["doc"]]
        normalised, strict_text = snapshot_forms((path.parent / doc["snapshot"]).resolve())
        label = f"{path.name} {where} ({item['doc']} section {item.get('section')})"
        assert item.get("section"), f"{label}: evidence names no section"
        assert normalise(item["quote"]) in normalised, f"{label}: quote not in snapshot"
        assert strict(item["quote"]) in strict_text, f"{label}: quote's characters differ"


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_the_product_verifies_every_quote(path: Path) -> None:
    """The same check `vendorgate check` runs: nothing stale, unsupported or unverified."""
    profile = build_vendor(load_file(path))
    store = SnapshotStore(REPO)
    facts = [profile.facts, *(plan.facts for plan in profile.plans)]
    statuses = {
        (name, ev.quote[:40]): check(ev, profile, path, store).status
        for block in facts
        for name, fact in block.items()
        for ev in fact.evidence
    }
    bad = {key: s for key, s in statuses.items() if s is not EvidenceStatus.VERIFIED}
    assert not bad


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_no_required_fact_is_left_out(path: Path) -> None:
    assert set(REQUIRED_FACTS) <= set(vocabulary.FACTS_BY_NAME)
    facts = load(path)["facts"]
    missing = [name for name in REQUIRED_FACTS if name not in facts]
    assert not missing, f"{path.name}: write `value: undisclosed` for {missing}"


@pytest.mark.parametrize("path", profile_paths(), ids=lambda p: p.stem)
def test_a_stated_value_always_has_evidence(path: Path) -> None:
    """Only `undisclosed` may stand without a quote; anything else is a claim about a text."""
    for where, facts in fact_blocks(load(path)):
        for name, fact in facts.items():
            if fact["value"] != vocabulary.UNDISCLOSED:
                assert fact.get("evidence"), f"{path.name} {where}.{name} has no evidence"


# ---------------------------------------------------------------- example organisations

ORGS = REPO / "examples" / "orgs"


def org_data(name: str) -> dict[str, Any]:
    data = load_file(ORGS / f"{name}.yaml").data
    assert isinstance(data, dict)
    return data


def org_check(name: str) -> dict[tuple[str, str], Finding]:
    """Findings by (vendor, rule) for one example organisation, with its YAML packs only (so a
    Rego pack being written elsewhere in rules/ cannot change the outcome)."""
    packs = [REPO / "rules" / f"{pack}.yaml" for pack in org_data(name)["packs"]]
    result = run.check(org_path=ORGS / f"{name}.yaml", rules_paths=packs, today=EXAMPLES_DAY)
    return {(f.vendor, f.rule): f for f in result.findings}


@pytest.mark.parametrize("path", sorted(ORGS.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_org_validates_and_states_usage_of_every_vendor(path: Path) -> None:
    assert run.validate([path], EXAMPLES_DAY) == ["org"]
    usage = load_file(path).data["usage"]
    assert set(usage) == CATALOGUE_IDS, "usage must name each catalogue vendor, and only those"


def test_repository_org_is_the_example_hospital() -> None:
    root = load_file(REPO / "vendorgate.yaml").data
    hospital = org_data("hospital")
    for key in ("name", "sectors", "jurisdictions", "packs", "blocking", "evidence", "usage"):
        assert root[key] == hospital[key], key


def test_hospital_is_blocked_by_march_2023_zoom_training_on_phi() -> None:
    found = org_check("hospital")
    march = found[("zoom-2023-03", "hipaa-no-ai-training-on-phi")]
    assert (march.verdict, march.blocking) == (Verdict.FAIL, True)
    assert found[("zoom-2023-08", "hipaa-no-ai-training-on-phi")].verdict is Verdict.PASS
    # Miro receives only internal data at the hospital: HIPAA does not reach it.
    assert found[("miro", "hipaa-baa-available")].verdict is Verdict.NOT_APPLICABLE


def test_law_firm_is_blocked_by_the_aba_rule_where_the_bank_is_not() -> None:
    firm = org_check("law-firm")
    rule = "aba-no-ai-training-without-client-consent"
    assert firm[("zoom-2023-03", rule)].verdict is Verdict.FAIL
    linear = firm[("linear", rule)]
    assert (linear.verdict, linear.blocking) == (Verdict.UNDETERMINED, True)
    assert firm[("wire", rule)].verdict is Verdict.PASS
    assert firm[("wire", "aba-security-diligence")].verdict is Verdict.WAIVED
    bank = org_check("us-bank")
    assert not [key for key in bank if key[1].startswith("aba-")]
    # The bank sends Linear internal data only, so its NPI rules do not apply there.
    assert bank[("linear", "finance-security-baseline")].verdict is Verdict.NOT_APPLICABLE
    # Zoom publishes no sub-processor list: a question for Zoom, not a failure.
    assert bank[("zoom", "finance-third-party-due-diligence")].verdict is Verdict.UNDETERMINED


def test_school_district_reviews_what_vendors_do_not_disclose() -> None:
    found = org_check("school-district")
    assert found[("zoom-2023-03", "ferpa-no-ai-training-on-student-records")].blocking
    undetermined = [f for f in found.values() if f.verdict is Verdict.UNDETERMINED]
    assert undetermined and not any(f.blocking for f in undetermined)


def test_eu_saas_waives_mailjet_notice_period_and_checks_transfers() -> None:
    found = org_check("eu-saas")
    assert found[("mailjet", "gdpr-subprocessor-change-notice")].verdict is Verdict.WAIVED
    assert found[("mailjet", "gdpr-transfer-safeguards")].verdict is Verdict.PASS
    assert found[("zoom-2023-03", "gdpr-processing-on-instructions-only")].verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("day", "version"),
    [
        ("2023-05-01", "zoom-2023-03"),
        ("2023-07-30", "zoom-2023-07"),
        ("2023-08-08", "zoom-2023-08-07"),
        ("2024-01-01", "zoom-2023-08"),
        ("2026-11-29", "zoom"),
    ],
)
def test_as_of_a_day_the_zoom_terms_then_in_force_are_evaluated(day: str, version: str) -> None:
    packs = [REPO / "rules" / f"{pack}.yaml" for pack in org_data("hospital")["packs"]]
    result = run.check(
        org_path=ORGS / "hospital.yaml",
        rules_paths=packs,
        versions_on=date.fromisoformat(day),
        today=date.fromisoformat(day),
    )
    assert {f.vendor for f in result.findings if f.vendor.startswith("zoom")} == {version}
