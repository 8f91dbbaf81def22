"""``--format json``: every finding with both citations, deterministic to the byte."""

from __future__ import annotations

import json

from vendorgate.model import CheckResult
from vendorgate.report import RenderOptions
from vendorgate.report.serialize import check_result


def render(result: CheckResult, options: RenderOptions) -> str:
    return json.dumps(check_result(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
