"""Writing ``vendorgate test`` results: per-rule results with a coverage table, or JSON."""

from __future__ import annotations

from vendorgate.app.ruletest import KINDS, TestRun
from vendorgate.core.render import RenderOptions
from vendorgate.report import jsontext

SCHEMA_VERSION = "1"


def to_json(result: TestRun, options: RenderOptions) -> str:
    """Deterministic JSON: rules in pack order, examples in kind and file order."""
    data = {
        "schemaVersion": SCHEMA_VERSION,
        "ok": result.ok,
        "summary": {
            "rules": len(result.rules),
            "examples": result.examples,
            "asExpected": result.examples - len(result.wrong),
            "wrong": len(result.wrong),
            "rulesMissingKinds": len(result.incomplete),
        },
        "rules": [
            {
                "rule": r.rule,
                "pack": r.pack,
                "location": r.where,
                "examples": r.folder,
                "counts": {kind: r.count(kind) for kind in KINDS},
                "missing": list(r.missing),
                "results": [
                    {
                        "path": e.path,
                        "expected": e.expected,
                        "actual": e.actual,
                        "ok": e.ok,
                        "message": e.message,
                    }
                    for e in r.results
                ],
            }
            for r in result.rules
        ],
    }
    return jsontext.document(data)


def to_text(result: TestRun, options: RenderOptions) -> str:
    """Per-rule results, a coverage table, and a summary line."""
    lines: list[str] = []
    for r in result.rules:
        lines.append(f"{r.rule} ({r.pack})")
        if not r.results:
            lines.append(f"  no examples in {r.folder}")
        for e in r.results:
            mark = "ok   " if e.ok else "WRONG"
            verdicts = f"expected {e.expected:<14} got {e.actual:<14}"
            lines.append(f"  {mark} {verdicts} {e.path}")
            if not e.ok:
                lines.append(f"        {e.message}")
        lines.append("")
    lines.extend(_coverage(result))
    lines.append("")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _coverage(result: TestRun) -> list[str]:
    width = max((len(r.rule) for r in result.rules), default=4)
    header = f"{'rule':<{width}}  " + "  ".join(KINDS) + "  missing"
    lines = ["Coverage (examples per kind)", header]
    for r in result.rules:
        cells = "  ".join(f"{r.count(kind):>{len(kind)}}" for kind in KINDS)
        missing = ", ".join(r.missing) or "-"
        lines.append(f"{r.rule:<{width}}  {cells}  {missing}")
    return lines


def _summary(result: TestRun) -> str:
    wrong = len(result.wrong)
    incomplete = len(result.incomplete)
    state = "ok" if result.ok else "FAILED"
    parts = [
        f"{len(result.rules)} rule(s), {result.examples} example(s)",
        f"{result.examples - wrong} as expected",
        f"{wrong} wrong verdict(s)",
        f"{incomplete} rule(s) missing an example kind",
    ]
    return f"{state}: " + ", ".join(parts)
