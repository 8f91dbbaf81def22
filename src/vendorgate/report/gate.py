"""Rendering the gate's answer: ``text`` (for a person at a terminal), ``markdown`` (for a
ticket or a pull request) and ``json`` (for machines and decision records).

All three say the same things in the same order: the decision per plan, the blocking findings
with both citations (the authority behind the rule and the vendor's own clause), the questions
to ask the vendor and the contract conditions to demand. Output is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable

from vendorgate.core.model import Finding
from vendorgate.core.render import RenderOptions
from vendorgate.engine.conditions import describe_read
from vendorgate.gate.decisions import GateResult, PlanOutcome
from vendorgate.gate.serialize import to_dict
from vendorgate.report import escape, jsontext


def render_json(result: GateResult, options: RenderOptions) -> str:
    return jsontext.document(to_dict(result))


# ---------------------------------------------------------------- text


def render_text(result: GateResult, options: RenderOptions) -> str:
    out: list[str] = []
    put = out.append
    vendor = result.vendor.profile
    put(f"vendorgate gate - {result.org.name} - as of {result.evaluated_on.isoformat()}")
    put(f"Vendor: {vendor.name} ({result.vendor.profile.location.path})")
    put(f"Data classes sent: {_classes(result)}")
    put("Rule packs: " + (", ".join(p.id for p in result.packs) or "none"))
    for note in result.notes:
        put(f"Note: {note}")
    if result.all_plans:
        put("")
        put("Plans side by side:")
        _table_text(put, result)
        first = result.first_passing
        put("")
        put(
            f"First plan that passes: {first.label} ({first.decision.value})"
            if first
            else "No plan passes."
        )
    for o in result.outcomes:
        put("")
        _outcome_text(put, o, heading=result.all_plans)
    return "\n".join(_visible(line) for line in out) + "\n"


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09}


def _visible(line: str) -> str:
    """Profile text is untrusted: a line break inside a value becomes a space, and other control
    characters (terminal escapes, carriage returns) are shown as ``\\xNN``, never sent to the
    terminal."""
    return line.replace("\r\n", " ").replace("\n", " ").translate(_CONTROL)


def _classes(result: GateResult) -> str:
    if result.data_classes is None:
        return "not stated (rules limited to data classes apply)"
    shown = ", ".join(result.data_classes) or "none"
    return f"{shown} (from {result.data_classes_source})"


def _table_text(put: Callable[[str], None], result: GateResult) -> None:
    rows = [("plan", "decision", "blocking", "questions", "conditions")]
    rows += [
        (
            o.label,
            o.decision.value,
            str(len(o.blocking)),
            str(len(o.questions)),
            str(len(o.conditions)),
        )
        for o in result.outcomes
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        put("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _outcome_text(put: Callable[[str], None], o: PlanOutcome, *, heading: bool) -> None:
    if heading:
        put(f"== Plan {o.label} ==")
    put(f"Decision: {o.decision.value.upper()} (plan: {o.label})")
    for reason in o.result.decision.reasons:
        put(f"  because of {reason}")
    put("")
    put(f"Blocking findings ({len(o.blocking)}):" if o.blocking else "Blocking findings: none")
    for f in o.blocking:
        _finding_text(put, f)
    put("")
    if o.questions:
        put(f"Questions to ask the vendor ({len(o.questions)}):")
        for i, q in enumerate(o.questions, 1):
            put(f"  {i}. {q.line()}")
    else:
        put("Questions to ask the vendor: none")
    put("")
    if o.conditions:
        put(f"Contract conditions to demand ({len(o.conditions)}):")
        for i, cond in enumerate(o.conditions, 1):
            put(f"  {i}. {cond.text} [{', '.join(cond.rules)}; {cond.severity.value}]")
    else:
        put("Contract conditions to demand: none")
    if o.waived:
        put("")
        put(f"Waived findings ({len(o.waived)}):")
        for f in o.waived:
            put(f"  WAIVED {f.rule} ({f.severity.value}) - {f.rule_title}")
            if f.waiver is not None:
                w = f.waiver
                put(
                    f"    waived by {w.approver} until {w.expires.isoformat()} ({w.ticket}): "
                    f"{w.justification}"
                )
            for reason in f.reasons:
                put(f"    note: {reason}")
    if o.warnings:
        put("")
        put(f"Warnings ({len(o.warnings)}):")
        for f in o.warnings:
            put(f"  {f.verdict.value.upper()} {f.rule} ({f.severity.value}) at {f.location}")
            put(f"    {f.message}")
            for reason in f.reasons:
                put(f"    note: {reason}")
            put(f"    To do: {f.remediation}")


def _finding_text(put: Callable[[str], None], f: Finding) -> None:
    put(f"  {f.verdict.value.upper()} {f.rule} ({f.severity.value}) - {f.rule_title}")
    put(f"    at {f.location}")
    put(f"    {f.message}")
    for reason in f.reasons:
        put(f"    note: {reason}")
    for c in f.citations:
        flag = " (citation not verified)" if not c.verified else ""
        title = f" - {c.title}" if c.title else ""
        put(f"    Authority: {c.citation}{title}{flag}")
        put(f"      {c.url}")
    for read in sorted(f.facts, key=lambda r: r.fact):
        put(
            f"    Vendor: {read.fact} = {describe_read(read)} "
            f"(evidence {read.status.value}) at {read.location}"
        )
        for ev in read.evidence:
            section = f", section {ev.section}" if ev.section else ""
            put(f"      {ev.title or ev.doc}{section}")
            if ev.url:
                put(f"      {ev.url}")
            put(f"      > \u201c{' '.join(ev.quote.split())}\u201d ({ev.status.value})")


# ---------------------------------------------------------------- markdown


_MARKUP = ("\\", "`", "*", "_", "[", "]", "<", ">", "|", "#")


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, keeping `code spans` (which messages use
    for fact names) as they are; with unbalanced backticks everything is escaped."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return _escape(text)
    return "`".join(_escape(p) if i % 2 == 0 else p for i, p in enumerate(parts))


def _link(label: str, url: str) -> str:
    """A Markdown link for an http(s) URL; anything else is shown as text, never linked, and
    characters that could end the link early are percent-encoded."""
    if not url.lower().startswith(("https://", "http://")):
        return f"{_md(label)} ({_md(url)})" if url else _md(label)
    safe = "".join(f"%{ord(ch):02X}" if ch in "()<> \"'`" else ch for ch in url)
    return f"[{_md(label)}]({safe})"


def _escape(text: str) -> str:
    text = escape.inline(text)
    for ch in _MARKUP:
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(result: GateResult, options: RenderOptions) -> str:
    out: list[str] = []
    put = out.append
    vendor = result.vendor.profile
    put(f"# Procurement gate: {_md(vendor.name)}")
    put("")
    put(f"- Organisation: {_md(result.org.name)}")
    put(f"- As of: {result.evaluated_on.isoformat()}")
    put(f"- Profile: `{vendor.location.path}`")
    put(f"- Data classes sent: {_md(_classes(result))}")
    put(f"- Rule packs: {_md(', '.join(p.id for p in result.packs) or 'none')}")
    for note in result.notes:
        put(f"- Note: {_md(note)}")
    if result.all_plans:
        put("")
        put("## Plans side by side")
        put("")
        put("| Plan | Decision | Blocking | Questions | Conditions |")
        put("| --- | --- | ---: | ---: | ---: |")
        for o in result.outcomes:
            put(
                f"| {_md(o.label)} | {o.decision.value} | {len(o.blocking)} | "
                f"{len(o.questions)} | {len(o.conditions)} |"
            )
        put("")
        first = result.first_passing
        put(
            f"**First plan that passes: {_md(first.label)}** ({first.decision.value})"
            if first
            else "**No plan passes.**"
        )
    for o in result.outcomes:
        put("")
        _outcome_md(put, o)
    return "\n".join(out) + "\n"


def _outcome_md(put: Callable[[str], None], o: PlanOutcome) -> None:
    put(f"## Plan {_md(o.label)}: {o.decision.value.upper()}")
    put("")
    put(f"### Blocking findings ({len(o.blocking)})")
    put("")
    if not o.blocking:
        put("None.")
    for f in o.blocking:
        put(f"- **{_md(f.rule)}** ({f.severity.value}, {f.verdict.value}): {_md(f.message)}")
        for c in f.citations:
            flag = " (citation not verified)" if not c.verified else ""
            put(f"  - Authority: {_link(c.citation, c.url)}{flag}")
        for read in sorted(f.facts, key=lambda r: r.fact):
            put(
                f"  - Vendor: `{read.fact}` = {_md(describe_read(read))} "
                f"(evidence {read.status.value}, `{read.location}`)"
            )
            for ev in read.evidence:
                section = f", section {_md(ev.section)}" if ev.section else ""
                doc = _link(ev.title or ev.doc, ev.url)
                quote = _md(" ".join(ev.quote.split()))
                put(f"    - {doc}{section}: \u201c{quote}\u201d ({ev.status.value})")
    put("")
    put(f"### Questions to ask the vendor ({len(o.questions)})")
    put("")
    if not o.questions:
        put("None.")
    for i, q in enumerate(o.questions, 1):
        put(f"{i}. {_md(q.line())}")
    put("")
    put(f"### Contract conditions to demand ({len(o.conditions)})")
    put("")
    if not o.conditions:
        put("None.")
    for i, cond in enumerate(o.conditions, 1):
        put(f"{i}. {_md(cond.text)} ({_md(', '.join(cond.rules))}; {cond.severity.value})")
    if o.waived:
        put("")
        put(f"### Waived findings ({len(o.waived)})")
        put("")
        for f in o.waived:
            who = ""
            if f.waiver is not None:
                w = f.waiver
                who = (
                    f": waived by {_md(w.approver)} until {w.expires.isoformat()} "
                    f"({_md(w.ticket)}), {_md(w.justification)}"
                )
            notes = "".join(f" Note: {_md(r)}." for r in f.reasons)
            put(f"- **{_md(f.rule)}** ({f.severity.value}){who}{notes}")
    if o.warnings:
        put("")
        put(f"### Warnings ({len(o.warnings)})")
        put("")
        for f in o.warnings:
            notes = "".join(f" Note: {_md(r)}." for r in f.reasons)
            put(
                f"- **{_md(f.rule)}** at `{f.location}`: {_md(f.message)}{notes} "
                f"{_md(f.remediation)}"
            )
