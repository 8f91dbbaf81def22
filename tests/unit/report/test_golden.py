"""Every output format, rendered from one shared fixture set, compared with exact expected
output. Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and review the diff like code."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN
from vendorgate.app import run
from vendorgate.core.model import CheckResult
from vendorgate.report import FORMATS, RenderOptions, render

EVALUATED_ON = date(2026, 1, 15)
EXTENSIONS = {
    "json": "json",
    "sarif": "sarif.json",
    "junit": "xml",
    "html": "html",
    "markdown": "md",
    "oscal": "oscal.json",
    "github": "github.txt",
    "text": "txt",
}


def golden_result() -> CheckResult:
    return run.check(org_path="org.yaml", today=EVALUATED_ON)


def expected_path(name: str) -> Path:
    return GOLDEN / "expected" / f"check.{EXTENSIONS.get(name, 'out')}"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_matches_golden_output(name: str, in_golden: Path) -> None:
    actual = render(name, golden_result(), RenderOptions(color=False, width=100))
    path = expected_path(name)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden output for format {name}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def test_golden_fixture_covers_every_verdict_a_format_must_show(in_golden: Path) -> None:
    verdicts = {f.verdict.value for f in golden_result().findings}
    assert {"pass", "fail", "undetermined", "waived", "not_applicable"} <= verdicts
