"""Rendering ``vendorgate diff`` results: text for a terminal, Markdown for a job summary or a
pull-request comment, JSON for tools. Deterministic: sorted, no timestamps beyond the
evaluation date."""

from __future__ import annotations

from typing import Any

from vendorgate.ci.revdiff import Flip, RevDiff, VendorChange, decision_text, headline
from vendorgate.core.render import RenderOptions
from vendorgate.report import jsontext
from vendorgate.report.mdtext import code, md


def _verdict(flip_side: object) -> str:
    return getattr(flip_side, "value", "absent")


def _flip_line(flip: Flip) -> str:
    before = _verdict(flip.base) + (" (blocking)" if flip.base_blocking else "")
    after = _verdict(flip.head) + (" (blocking)" if flip.head_blocking else "")
    return f"{flip.kind}: {flip.rule} [{flip.severity.value}] {before} -> {after}"


def _verdict_total(diff: RevDiff) -> str:
    blocking = sum(1 for c in diff.changes for f in c.flips if f.introduces_blocking)
    if blocking:
        return f"{blocking} new blocking finding(s): the change makes things worse."
    return "No new blocking findings."


def to_text(diff: RevDiff, options: RenderOptions) -> str:
    lines = [
        f"vendorgate diff {diff.base} -> {diff.head} - {diff.organisation} - evaluated "
        f"{diff.evaluated_on.isoformat()}"
    ]
    if not diff.changes:
        lines.append(f"No verdict changed ({diff.unchanged} vendor(s) compared).")
        return "\n".join(lines) + "\n"
    lines.append("")
    lines += [headline(c, diff.organisation) for c in diff.changes]
    for change in diff.changes:
        lines.append("")
        lines.append(f"{change.name} ({change.id}): {_decisions(change)}")
        for flip in change.flips:
            mark = " *" if flip.introduces_blocking else ""
            lines.append(f"  {_flip_line(flip)}{mark}")
            lines.append(f"    {flip.title}")
            if flip.head is not None and flip.kind != "resolved":
                lines.append(f"    {flip.message}")
    lines.append("")
    lines.append(f"{diff.unchanged} vendor(s) unchanged. {_verdict_total(diff)}")
    return "\n".join(lines) + "\n"


def _decisions(change: VendorChange) -> str:
    before = decision_text(change.base_decision)
    after = decision_text(change.head_decision)
    if change.status == "added":
        return f"new vendor, {after}"
    if change.status == "removed":
        return f"removed (was {before})"
    return f"{before} -> {after}" if before != after else f"still {after}"


def to_markdown(diff: RevDiff, options: RenderOptions) -> str:
    lines = [
        f"## vendorgate diff: {md(diff.organisation)}",
        "",
        f"{code(diff.base)} -> {code(diff.head)}, evaluated {diff.evaluated_on.isoformat()}. "
        f"**{md(_verdict_total(diff))}**",
        "",
    ]
    if not diff.changes:
        lines.append(f"No verdict changed ({diff.unchanged} vendor(s) compared).")
        return "\n".join(lines) + "\n"
    lines += [f"- {md(headline(c, diff.organisation))}" for c in diff.changes]
    lines.append("")
    for change in diff.changes:
        lines += [
            f"### {md(change.name)} ({code(change.id)}): {md(_decisions(change))}",
            "",
            "| Change | Rule | Severity | Before | After |",
            "| --- | --- | --- | --- | --- |",
        ]
        for flip in change.flips:
            flag = " **(new blocking)**" if flip.introduces_blocking else ""
            lines.append(
                f"| {flip.kind}{flag} | {code(flip.rule, in_table=True)} {md(flip.title)} "
                f"| {flip.severity.value} | {_verdict(flip.base)} | {_verdict(flip.head)} |"
            )
        lines.append("")
    lines.append(f"{diff.unchanged} vendor(s) unchanged.")
    return "\n".join(lines) + "\n"


def _flip_json(flip: Flip) -> dict[str, Any]:
    return {
        "rule": flip.rule,
        "title": flip.title,
        "severity": flip.severity.value,
        "kind": flip.kind,
        "base": flip.base.value if flip.base else None,
        "head": flip.head.value if flip.head else None,
        "baseBlocking": flip.base_blocking,
        "headBlocking": flip.head_blocking,
        "introducesBlocking": flip.introduces_blocking,
        "message": flip.message,
    }


def to_json(diff: RevDiff, options: RenderOptions) -> str:
    document = {
        "base": diff.base,
        "head": diff.head,
        "organisation": diff.organisation,
        "evaluatedOn": diff.evaluated_on.isoformat(),
        "introducesBlocking": diff.introduces_blocking,
        "unchanged": diff.unchanged,
        "vendors": [
            {
                "id": c.id,
                "name": c.name,
                "status": c.status,
                "baseDecision": c.base_decision.value if c.base_decision else None,
                "headDecision": c.head_decision.value if c.head_decision else None,
                "summary": headline(c, diff.organisation),
                "introducesBlocking": c.introduces_blocking,
                "flips": [_flip_json(f) for f in c.flips],
            }
            for c in diff.changes
        ],
    }
    return jsontext.document(document)
