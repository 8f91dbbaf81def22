"""``--format json``: every finding with both citations, deterministic to the byte."""

from __future__ import annotations

from vendorgate.core.model import CheckResult
from vendorgate.core.serialize import check_result
from vendorgate.report import RenderOptions, jsontext


def render(result: CheckResult, options: RenderOptions) -> str:
    return jsontext.dumps(check_result(result)) + "\n"
