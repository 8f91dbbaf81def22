"""``--format json``: every finding with both citations, deterministic to the byte."""

from __future__ import annotations

from vendorgate.model import CheckResult
from vendorgate.report import RenderOptions, jsontext
from vendorgate.report.serialize import check_result


def render(result: CheckResult, options: RenderOptions) -> str:
    return jsontext.dumps(check_result(result)) + "\n"
