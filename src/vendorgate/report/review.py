"""Writing ``vendorgate review`` results: each unreviewed suggestion with its quotes, their
status and the paragraph around each, for a person to judge; or JSON. Deterministic: facts in
vocabulary order, quotes as the profile writes them."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from vendorgate.core import serialize
from vendorgate.core.model import FactValue
from vendorgate.core.render import RenderOptions
from vendorgate.core.version import __version__
from vendorgate.evidence.review import Context, FactReview, QuoteReview, Review
from vendorgate.report import escape, jsontext
from vendorgate.report.verify import item_json
from vendorgate.text import normalise


def to_json(result: Review, options: RenderOptions) -> str:
    data = {
        "generator": {"name": "vendorgate", "version": __version__},
        "profile": result.path,
        "vendor": result.vendor,
        "summary": counts(result),
        "accepted": [
            {"fact": a.key, "value": serialize.value(a.value), "lineRemoved": a.line}
            for a in result.accepted
        ],
        "unreviewed": [_fact_json(item) for item in result.facts],
        "undisclosedWithPassages": [
            {"fact": name, "passages": count} for name, count in result.pointed
        ],
        "warnings": list(result.warnings),
    }
    return jsontext.document(data)


def counts(result: Review) -> dict[str, int]:
    """The counts both formats give (JSON's ``summary``, the text's summary lines):
    ``unreviewed`` is the one the exit code follows (1 while it is not 0)."""
    ready = sum(1 for item in result.facts if not item.refusals)
    return {
        "unreviewed": len(result.facts),
        "acceptable": ready,
        "blocked": len(result.facts) - ready,
        "accepted": len(result.accepted),
        "undisclosedWithPassages": len(result.pointed),
    }


def _fact_json(item: FactReview) -> dict[str, Any]:
    return {
        "fact": item.fact.name,
        "plan": item.fact.plan,
        "accept": item.key,
        "location": serialize.location(item.fact.location),
        "suggested": serialize.value(item.suggested),
        "note": item.fact.note,
        "acceptable": not item.refusals,
        "refusals": item.refusals,
        "evidence": [_quote_json(quote) for quote in item.quotes],
    }


def _quote_json(quote: QuoteReview) -> dict[str, Any]:
    context = quote.context
    shown = (
        None if context is None else {"text": context.text, "quote": [context.start, context.end]}
    )
    return {**item_json(quote.evidence), "reads": quote.reads or None, "context": shown}


def to_text(result: Review, options: RenderOptions) -> str:
    lines = [f"accepted {_accepted(a.key, a.value, a.line)}" for a in result.accepted]
    if not result.facts:
        lines.append(f"{result.path}: no unreviewed facts")
        return _terminal([*lines, *_pointed_lines(result)])
    lines.append(
        f"{result.path}: {len(result.facts)} fact(s) marked `unreviewed: true`, read as "
        "undisclosed until reviewed"
    )
    for item in result.facts:
        lines.extend(["", *_fact_lines(item, options.width)])
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    ready = [item.key for item in result.facts if not item.refusals]
    lines.append("")
    if ready:
        lines.append(
            "after checking each against its quotes: "
            f"vendorgate review {result.path} --accept {','.join(ready)}"
        )
    blocked = counts(result)["blocked"]
    if blocked:
        lines.append(f"{blocked} fact(s) cannot be accepted until their evidence verifies")
    return _terminal([*lines, *_pointed_lines(result)])


def _terminal(lines: list[str]) -> str:
    # The vendor's words (quotes, their paragraphs, how a page's quote reads) reach a
    # terminal: their escape sequences and bidirectional overrides must not.
    return escape.multiline("\n".join(lines)) + "\n"


def _pointed_lines(result: Review) -> list[str]:
    """The undisclosed facts with passages found by wording to read: a fact name of the
    profile (letters, digits, `_`, as the pattern read it) and a count, nothing else."""
    if not result.pointed:
        return []
    lines = ["", "undisclosed, with passages found by wording (no value suggested):"]
    for name, count in result.pointed:
        lines.append(
            f"  {count} passage(s) to read for {name}; see the comments under it in the profile"
        )
    return lines


def _accepted(key: str, value: FactValue, line: int) -> str:
    return f"{key}: reads as `{_value(value)}` now (removed line {line})"


def _fact_lines(item: FactReview, width: int) -> list[str]:
    where = item.fact.location
    lines = [f"{item.key} ({where.path}:{where.line}): suggested `{_value(item.suggested)}`"]
    if item.fact.note:
        lines.extend(_wrapped("  note: ", item.fact.note, width))
    if not item.quotes:
        lines.append("  no quotes")
    for number, quote in enumerate(item.quotes, start=1):
        lines.extend(_quote_lines(number, quote, width))
    for reason in item.refusals:
        lines.extend(_wrapped("  cannot be accepted: ", reason, width))
    return lines


def _quote_lines(number: int, quote: QuoteReview, width: int) -> list[str]:
    cited = quote.evidence.cited
    section = f" section {cited.section}" if cited.section else ""
    found = f" (found in {quote.evidence.found_in})" if quote.evidence.found_in else ""
    lines = [f"  [{number}] {cited.doc}{section}: {quote.evidence.status.value}{found}"]
    for detail in (cited.detail, quote.evidence.note):
        if detail:
            lines.extend(_wrapped("      ", detail, width))
    if quote.evidence.still_present is not None:
        still = "still" if quote.evidence.still_present else "no longer"
        lines.append(f"      the quote is {still} in the changed file")
    said = cited.quote if quote.verified else normalise.normalise(cited.quote)
    lines.extend(_wrapped("      quote:   ", f"\u201c{said}\u201d", width))
    if quote.reads:  # an HTML page's quote holds its markup: how it reads on the page
        lines.extend(_wrapped("      reads:   ", f"\u201c{quote.reads}\u201d", width))
    if quote.context is not None:
        shown = _marked(quote.context)
        said = "context: " if quote.verified else "in file: "
        lines.extend(_wrapped(f"      {said}", shown, width))
    elif quote.evidence.closest is not None:
        closest = quote.evidence.closest
        text = f"{closest.where}, {round(closest.similarity * 100)}% similar: {closest.text}"
        lines.extend(_wrapped("      closest: ", text, width))
    return lines


def _marked(context: Context) -> str:
    """The paragraph with the quote between guillemets."""
    text, start, end = context.text, context.start, context.end
    return f"{text[:start]}\u00ab{text[start:end]}\u00bb{text[end:]}"


def _wrapped(first: str, text: str, width: int) -> list[str]:
    return textwrap.wrap(
        text,
        width=max(width, 40),
        initial_indent=first,
        subsequent_indent=" " * len(first),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _value(value: FactValue) -> str:
    shown = serialize.value(value)
    return shown if isinstance(shown, str) else json.dumps(shown, ensure_ascii=False)
