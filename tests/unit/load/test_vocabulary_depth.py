"""The deeper vocabulary: scoped facts read from their broad fact, referenced documents that are
not archived, and evidence weight (binding or summary), in both engines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.core.errors import InputError
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate
from vendorgate.load.yaml import load_file

HEAD = """apiVersion: vendorgate/v1
kind: VendorProfile
id: acme
name: Acme
category: other
"""

SUMMARY_EXAMPLE = "rules/examples/ai-no-any-purpose-content-licence/undetermined/summary-only.yaml"
BINDING_ORG = "rules/examples/ai-no-any-purpose-content-licence/undetermined/org.yaml"


def profile(tmp_path: Path, body: str) -> Any:
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    doc = load_file(path)
    validate(doc)
    return build_vendor(doc)


def test_a_v1_profile_states_its_broad_fact_for_every_scope(tmp_path: Path) -> None:
    vendor = profile(
        tmp_path,
        """documents: []
facts:
  advertising_use: {value: opt_out}
  ai_training_third_party: {value: never}
plans:
  - id: pro
    facts:
      advertising_use: {value: never}
""",
    )
    facts = vendor.facts_for(None)
    assert facts["advertising_use_content"].value == "opt_out"
    assert facts["advertising_use_account_data"].derived_from == "advertising_use"
    assert facts["ai_training_affiliates"].value == "never"
    assert "sale_of_content" not in facts  # nothing to read it from
    # A plan that overrides the broad fact overrides what was read from it.
    assert vendor.facts_for("pro")["advertising_use_content"].value == "never"
    # Only what the file states is evidence to verify.
    assert {f.name for f in vendor.written_facts()} == {
        "advertising_use",
        "ai_training_third_party",
    }


def test_a_stated_scope_wins_over_the_broad_fact(tmp_path: Path) -> None:
    vendor = profile(
        tmp_path,
        """documents: []
facts:
  advertising_use: {value: always}
  advertising_use_content: {value: never}
""",
    )
    facts = vendor.facts_for(None)
    assert facts["advertising_use_content"].value == "never"
    assert facts["advertising_use_account_data"].value == "always"


def test_a_fact_resting_on_an_unarchived_document_reads_as_undisclosed(tmp_path: Path) -> None:
    vendor = profile(
        tmp_path,
        """documents:
  - id: dpa
    title: Acme DPA
    type: dpa
    url: https://acme.test/dpa
    archived: false
facts:
  dpa_available: {value: available, rests_on: [dpa]}
""",
    )
    fact = vendor.facts["dpa_available"]
    assert (fact.value, fact.claimed, fact.rests_on) == (UNDISCLOSED, "available", ("dpa",))
    assert not vendor.documents["dpa"].archived


@pytest.mark.parametrize(
    ("documents", "expected"),
    [
        (
            "  - {id: dpa, title: DPA, type: dpa, url: 'https://acme.test/dpa'}\n",
            "which is archived; quote it as evidence",
        ),
        ("  - {id: tos, title: T, type: other, url: 'https://acme.test/t'}\n", "not listed"),
        (
            "  - {id: dpa, title: DPA, type: dpa, url: 'https://acme.test/dpa', archived: false,"
            " snapshot: x.md}\n",
            "has no snapshot",
        ),
    ],
)
def test_a_wrong_reference_is_located(tmp_path: Path, documents: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        profile(
            tmp_path,
            f"documents:\n{documents}facts:\n"
            "  dpa_available: {value: available, rests_on: [dpa]}\n",
        )
    text = str(caught.value)
    assert expected in text
    assert "acme.yaml:" in text


def test_an_unknown_weight_is_refused_by_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(
        HEAD + "documents:\n  - {id: f, title: F, type: faq, url: 'https://acme.test/f', weight: "
        "advisory}\nfacts: {}\n",
        encoding="utf-8",
    )
    proc = run_cli("validate", str(path))
    assert proc.returncode == 2
    assert "acme.yaml:" in proc.stderr and "advisory" in proc.stderr


def test_an_faq_is_a_summary_unless_the_profile_says_otherwise(tmp_path: Path) -> None:
    vendor = profile(
        tmp_path,
        """documents:
  - {id: f, title: F, type: faq, url: 'https://acme.test/f'}
  - {id: g, title: G, type: faq, url: 'https://acme.test/g', weight: binding}
  - {id: t, title: T, type: terms_of_service, url: 'https://acme.test/t'}
facts: {}
""",
    )
    weights = {d: vendor.documents[d].weight for d in ("f", "g", "t")}
    assert weights == {"f": "summary", "g": "binding", "t": "binding"}


def check(org: Path | str, *extra: str) -> dict[str, Any]:
    proc = run_cli(
        "check",
        SUMMARY_EXAMPLE,
        "--org",
        str(org),
        "--rules",
        "rules/ai-baseline.yaml",
        "--format",
        "json",
        *extra,
    )
    assert proc.returncode in (0, 1), proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def verdict(report: dict[str, Any], rule: str) -> str:
    (vendor,) = report["vendors"]
    return next(str(f["verdict"]) for f in vendor["findings"] if f["rule"] == rule)


def test_a_summary_alone_decides_nothing_when_binding_evidence_is_required(
    tmp_path: Path,
) -> None:
    rule = "ai-no-any-purpose-content-licence"
    binding = check(BINDING_ORG)
    assert verdict(binding, rule) == "undetermined"
    assert "requires binding evidence" in json.dumps(binding)
    verified_org = tmp_path / "org.yaml"
    verified_org.write_text(
        (REPO / BINDING_ORG)
        .read_text(encoding="utf-8")
        .replace("require: binding", "require: verified"),
        encoding="utf-8",
    )
    assert verdict(check(verified_org), rule) == "pass"


def test_the_rego_engine_applies_the_binding_requirement_alike() -> None:
    pytest.importorskip("regopy")
    native = check(BINDING_ORG)
    rego = check(BINDING_ORG, "--engine", "rego")
    assert rego == native
