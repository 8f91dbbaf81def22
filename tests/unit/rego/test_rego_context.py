"""The Rego engine honours the evaluation context like the native one: the same plan and
data-class overrides and the same blocking policy give the same findings and decisions."""

from __future__ import annotations

import pytest

from tests.support.cli import REPO
from vendorgate.app import run
from vendorgate.core.model import CheckResult, Severity
from vendorgate.rego.adapter import EngineOptions

ORG = REPO / "examples" / "orgs" / "eu-saas.yaml"
LINEAR = REPO / "vendors" / "linear.yaml"


def _shape(result: CheckResult) -> list[tuple[str, str | None, str, list[tuple[str, str, bool]]]]:
    return [
        (
            r.vendor.id,
            r.plan,
            r.decision.kind.value,
            [(f.rule, f.verdict.value, f.blocking) for f in r.findings],
        )
        for r in result.results
    ]


@pytest.mark.parametrize(
    "options",
    [
        {"plan": "free"},
        {"data_classes": ("phi",)},
        {"fail_on": Severity.LOW, "fail_on_undetermined": True},
    ],
    ids=["plan", "data-classes", "blocking"],
)
def test_rego_engine_honours_the_context_like_native(options: dict[str, object]) -> None:
    native = run.check([LINEAR], ORG, **options)  # type: ignore[arg-type]
    rego = run.check([LINEAR], ORG, engine_options=EngineOptions("rego"), **options)  # type: ignore[arg-type]
    assert _shape(rego) == _shape(native)
    default = run.check([LINEAR], ORG)
    assert _shape(native) != _shape(default), "the option changed nothing; the test proves nothing"
