"""``report --previous REPORT.json``: what an earlier JSON report (``report --format json``)
said of each vendor, for the HTML summary's "what changed" section.

Only the decision of each vendor (and plan) is read, so a report from an older vendorgate with
the same ``vendors[].id/plan/decision`` shape compares too. A file that is not such a report is
refused with its position, never half-read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vendorgate.core.errors import UsageError
from vendorgate.report.formats.html_summary import DECISION_LABEL, Previous


class PreviousReportError(UsageError):
    """``--previous`` names a file that is not a vendorgate JSON report (exit 2)."""


def load(path: str | Path) -> Previous:
    """Read the decisions of a previous JSON report."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PreviousReportError(
            f"{shown}: cannot read the previous report ({e}); give the JSON file an earlier "
            "`vendorgate report --format json` wrote"
        ) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise PreviousReportError(
            f"{shown}:{e.lineno}:{e.colno}: not JSON ({e.msg}); --previous takes a report "
            "written by `vendorgate report --format json`"
        ) from e
    vendors = data.get("vendors") if isinstance(data, dict) else None
    if not isinstance(vendors, list):
        raise PreviousReportError(
            f"{shown}:1:1: expected a vendorgate JSON report with a `vendors` list; write one "
            "with `vendorgate report --format json -o REPORT.json`"
        )
    decisions: dict[tuple[str, str], str] = {}
    names: dict[tuple[str, str], str] = {}
    for i, item in enumerate(vendors):
        key, decision, name = _entry(shown, i, item)
        decisions[key] = decision
        names[key] = name
    evaluated = data.get("evaluatedOn")
    return Previous(shown, str(evaluated or "an unknown date"), decisions, names)


def _entry(shown: str, i: int, item: Any) -> tuple[tuple[str, str], str, str]:
    ok = (
        isinstance(item, dict)
        and isinstance(item.get("id"), str)
        and isinstance(item.get("plan"), str | None)
        and item.get("decision") in DECISION_LABEL
    )
    if not ok:
        raise PreviousReportError(
            f"{shown}: vendors[{i}] needs an `id`, a `plan` (or null) and a `decision` (one "
            f"of {', '.join(DECISION_LABEL)}); is this a `vendorgate report --format json` file?"
        )
    name = item.get("name") if isinstance(item.get("name"), str) else item["id"]
    return (item["id"], item["plan"] or ""), item["decision"], name
