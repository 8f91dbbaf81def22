"""Reports put together from per-vendor pieces, byte for byte as the renderers write them from
a whole CheckResult.

For a large catalogue, each vendor's part of the report is rendered once, right after that
vendor is evaluated (possibly in another process, possibly in an earlier run: pieces are what
the result cache keeps), and the report is then the document's frame with the pieces spliced
in. Nothing here builds the report differently from the format modules: for SARIF and JSON
each piece is ``formats/sarif.py``'s or ``serialize.py``'s output for one vendor, indented to
where it sits, and the frame is their output for an empty result with the totals filled in;
the other formats (text, JUnit, GitHub, GitLab, Markdown, HTML, OSCAL) give a ``piece`` and a
``frame`` of their own, the frame computing overviews and totals from the small metadata each
piece carries.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from vendorgate.ci import baseline as baselines
from vendorgate.core.model import CheckResult, OrgProfile, RulePack, VendorResult
from vendorgate.core.render import Piece, RenderOptions
from vendorgate.core.serialize import VERDICT_ORDER, check_result, vendor_result
from vendorgate.report import jsontext
from vendorgate.report.formats import github, gitlab, html, junit, markdown, oscal, oscal_ap, sarif
from vendorgate.report.formats import text as text_format
from vendorgate.report.formats.html_summary import Previous

FORMATS = (
    *("sarif", "json", "text", "junit", "github", "gitlab", "markdown", "html"),
    *("oscal", "oscal-ap"),
)
"""The formats that can be put together from pieces."""
_OWN: dict[str, Any] = {
    "text": text_format,
    "junit": junit,
    "github": github,
    "gitlab": gitlab,
    "markdown": markdown,
    "html": html,
    "oscal": oscal,
    "oscal-ap": oscal_ap,
}
"""The formats whose module renders a vendor's piece and the frame itself."""
_UNINDEXED = 987_654_321
"""Stand-in ``ruleIndex`` of a SARIF result whose rule no pack describes: its index depends on
the results before it, so it is filled in when the report is put together."""
_SLOT = "\x00vendorgate-pieces\x00"
"""Marks where the pieces go in the frame (YAML input can hold no NUL character)."""
_DEPTH = {"sarif": 8, "json": 4}
"""Indentation of a result (SARIF ``runs[0].results[i]``) or a vendor (JSON ``vendors[i]``)."""


def piece(
    fmt: str,
    result: VendorResult,
    options: RenderOptions,
    rule_index: Mapping[str, int],
    org: OrgProfile,
) -> Piece:
    """Render one vendor's part. ``rule_index`` numbers the packs' rules as SARIF does; ``org``
    is the organisation as evaluation saw it (HTML shows its view of the vendor)."""
    findings = result.findings
    verdicts = Counter(f.verdict.value for f in findings)
    extras: list[tuple[str, dict[str, Any]]] = []
    meta: dict[str, Any] = {}
    deflated: bytes | None = None
    if fmt == "html":
        deflated, meta = html.piece(result, options, org)  # not UTF-8: deflated
        rendered = ""
    elif fmt == "oscal":
        deflated, meta = oscal.piece(result, options, org)  # not UTF-8: each list deflated
        rendered = ""
    elif fmt == "markdown":
        deflated, meta = markdown.piece(result, options)  # not UTF-8: deflated
        rendered = ""
    elif fmt == "oscal-ap":
        body, meta = oscal_ap.piece(result, options, org)
        rendered = body.decode("utf-8")
    elif fmt in _OWN:
        body, meta = _OWN[fmt].piece(result, options)
        rendered = body.decode("utf-8")
    elif fmt == "sarif":
        texts = []
        reported = sorted(
            (f for f in findings if f.verdict in sarif.REPORTED),
            key=lambda f: (f.vendor, f.plan or "", f.rule),
        )
        for f in reported:
            index = rule_index.get(f.rule)
            if index is None:
                extras.append((f.rule, sarif.finding_rule(f)))
                index = _UNINDEXED
            texts.append(_indented(jsontext.dumps(sarif.sarif_result(f, index, options)), 8))
        rendered = ",\n".join(texts)
        # Each result's priority and length, so the frame can keep the most serious ones.
        meta = {
            "results": [
                [sarif.priority(f), len(t.encode("utf-8"))]
                for f, t in zip(reported, texts, strict=True)
            ]
        }
    elif fmt == "json":
        rendered = _indented(jsontext.dumps(vendor_result(result)), 4)
    else:
        raise ValueError(f"the {fmt} format is not put together from pieces")
    return Piece(
        vendor=result.vendor.id,
        decision=result.decision.kind.value,
        verdicts=dict(sorted(verdicts.items())),
        blocking=sum(1 for f in findings if f.blocking),
        extras=tuple(extras),
        text=rendered.encode("utf-8") if deflated is None else deflated,
        meta=meta,
    )


def rule_index(packs: Sequence[RulePack]) -> dict[str, int]:
    """SARIF's numbering of the packs' rules (``ruleIndex``)."""
    rules = sorted((r for p in packs for r in p.rules), key=lambda r: r.id)
    return {rule.id: i for i, rule in enumerate(rules)}


def _indented(text: str, depth: int) -> str:
    # JSON strings hold no raw newline, so every newline starts a line of the structure.
    pad = " " * depth
    return pad + text.replace("\n", "\n" + pad)


def assemble(
    fmt: str,
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> Iterable[bytes]:
    """The report, as parts to write one after the other (once: HTML's are made as they are
    read). ``pieces`` are in any order."""
    if fmt in _OWN:
        own: Iterable[bytes] = _OWN[fmt].frame(pieces, org, day, packs, options)
        return own
    ordered = sorted(pieces, key=lambda p: p.vendor)
    empty = CheckResult(org, (), day, tuple(packs))
    frame: dict[str, Any]
    texts: list[bytes]
    if fmt == "sarif":
        frame = sarif.sarif_log(empty, options)
        texts = _sarif_frame(frame, ordered, org.path, options)
        slot_holder = frame["runs"][0]
        slot_key = "results"
    else:
        frame = check_result(empty)
        frame["summary"] = _summary(ordered)
        texts = [p.text for p in ordered if p.text]
        slot_holder, slot_key = frame, "vendors"
    if not texts:
        return [(jsontext.dumps(frame) + "\n").encode("utf-8")]
    slot_holder[slot_key] = [_SLOT]
    rendered = jsontext.dumps(frame) + "\n"
    return jsontext.splice(rendered, " " * _DEPTH[fmt] + json.dumps(_SLOT), texts, "pieces")


def _sarif_frame(
    frame: dict[str, Any], pieces: Sequence[Piece], org_path: str, options: RenderOptions
) -> list[bytes]:
    """Fill in the totals and the rules no pack describes, keep at most ``sarif.MAX_RESULTS``
    results as ``sarif.sarif_log`` does, and return the results' texts."""
    run = frame["runs"][0]
    rules: list[dict[str, Any]] = run["tool"]["driver"]["rules"]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results: list[tuple[int, bytes]] = []
    for p in pieces:
        extras = iter(p.extras)
        start = 0
        for priority, length in p.meta["results"]:
            text = p.text[start : start + length]
            start += length + 2  # the ",\n" between results
            if b'"ruleIndex": %d,' % _UNINDEXED in text:
                rule, descriptor = next(extras)
                if rule not in index:
                    index[rule] = len(rules)
                    rules.append(descriptor)
                text = text.replace(
                    b'"ruleIndex": %d,' % _UNINDEXED, b'"ruleIndex": %d,' % index[rule], 1
                )
            results.append((priority, text))
    kept = sarif.select([priority for priority, _ in results])
    texts = [text for i, (_, text) in enumerate(results) if kept is None or i in kept]
    if kept is not None:
        omitted = [priority for i, (priority, _) in enumerate(results) if i not in kept]
        rules.append(sarif.omitted_rule())
        note = sarif.omitted_result(omitted, len(rules) - 1, org_path, options)
        texts.append(_indented(jsontext.dumps(note), 8).encode("utf-8"))
    run["properties"]["blocking"] = sum(p.blocking for p in pieces)
    run["properties"]["decisions"] = {p.vendor: p.decision for p in pieces}
    return texts


def _summary(pieces: Sequence[Piece]) -> dict[str, Any]:
    """``serialize.summary`` from the pieces' totals."""
    verdicts: Counter[str] = Counter()
    for p in pieces:
        verdicts.update(p.verdicts)
    decisions = Counter(p.decision for p in pieces)
    return {
        "vendors": len(pieces),
        "findings": {k: verdicts.get(k, 0) for k in VERDICT_ORDER},
        "blocking": sum(p.blocking for p in pieces),
        "decisions": {k: decisions[k] for k in sorted(decisions)},
    }


# ---------------------------------------------------------------- report


class _SamePieces:
    """A renderer whose pieces are this module's own: only the way they are put together
    differs (see :class:`ToFile` and :class:`Site`)."""

    def rule_index(self, packs: Sequence[RulePack]) -> dict[str, int]:
        return rule_index(packs)

    def piece(
        self,
        fmt: str,
        result: VendorResult,
        options: RenderOptions,
        rule_index: Mapping[str, int],
        org: OrgProfile,
    ) -> Piece:
        return piece(fmt, result, options, rule_index, org)


@dataclass(frozen=True)
class ToFile(_SamePieces):
    """This module as the renderer of ``report`` (a document for a file, not a comment): the
    Markdown report is complete (only ``check``'s pull-request comment keeps a size budget) and
    the HTML summary may compare with a previous report (``--previous``). The pieces are the
    same as ``check``'s (cached as usual); only the frame differs."""

    previous: Previous | None = None
    """What the previous report said; None: no comparison."""

    def assemble(
        self,
        fmt: str,
        pieces: Sequence[Piece],
        org: OrgProfile,
        day: date,
        packs: Sequence[RulePack],
        options: RenderOptions,
    ) -> Iterable[bytes]:
        if fmt == "html":
            return html.frame(pieces, org, day, packs, options, self.previous)
        if fmt == "markdown":
            return markdown.document(pieces, org, day, packs, options)
        return assemble(fmt, pieces, org, day, packs, options)


class Site(_SamePieces):
    """This module as a renderer of the HTML report as a static site (``report -o DIR/``):
    :meth:`assemble` gives no single document; :attr:`files` are then the site's files."""

    def __init__(self, previous: Previous | None) -> None:
        self.previous = previous
        self.files: Iterator[tuple[str, bytes]] = iter(())
        """The site's files (relative path, bytes), made as they are read; set by assemble."""

    def assemble(
        self,
        fmt: str,
        pieces: Sequence[Piece],
        org: OrgProfile,
        day: date,
        packs: Sequence[RulePack],
        options: RenderOptions,
    ) -> Iterable[bytes]:
        if fmt != "html":
            raise ValueError("only the HTML report is written as a site")
        self.files = html.site(pieces, org, day, packs, options, self.previous)
        return ()


# ---------------------------------------------------------------- --baseline


@dataclass(frozen=True)
class Accepting:
    """``ci.baseline`` as the pipeline applies it, a vendor at a time (``pipeline.Accepted``)."""

    baseline: baselines.Baseline
    """The accepted findings."""

    @property
    def key(self) -> str:
        # The path is in the note a finding carries, so it keys the pieces too.
        return repr(self.baseline)

    def apply(self, result: VendorResult) -> tuple[VendorResult, dict[str, Any]]:
        """``baseline.apply`` to one vendor, and what :func:`accepted_summary` needs: how many
        findings the baseline covers and which of its fingerprints occur."""
        applied = baselines.apply_to_vendor(result, self.baseline)
        covered = sum(1 for f in result.findings if self.baseline.covers(f))
        recorded = {e.fingerprint for e in self.baseline.entries}
        occurring = sorted(
            {baselines.fingerprint(f) for f in result.findings if f.verdict in baselines.RECORDED}
            & recorded
        )
        return applied, {"covered": covered, "occurring": occurring}


def accepted_summary(accepting: Accepting, pieces: Sequence[Piece]) -> str:
    """``baseline.summary`` from the pieces (one line for stderr)."""
    covered = 0
    occurring: set[str] = set()
    for p in pieces:
        covered += p.meta["accepted"]["covered"]
        occurring.update(p.meta["accepted"]["occurring"])
    entries = accepting.baseline.entries
    stale = sum(1 for e in entries if e.fingerprint not in occurring)
    line = f"baseline {accepting.baseline.path}: {covered} known finding(s) do not block"
    if stale:
        line += f"; {stale} recorded finding(s) no longer occur (rewrite it with --write-baseline)"
    return line
