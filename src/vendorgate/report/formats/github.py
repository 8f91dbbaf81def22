"""``--format github``: GitHub Actions workflow commands that annotate the offending line of each
vendor profile in the pull request.

* ``::error`` for findings that block (and evaluation errors), ``::warning`` for failures and
  undetermined findings that do not block, ``::notice`` for waived findings.
* GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job), so each
  kind is capped at :data:`PER_KIND`, the most severe first; a final line says how many were
  left out and where to see everything (the job summary, or the SARIF upload).
* Escaping follows the workflow-command rules: in the message ``%``, CR and LF are
  percent-encoded; in properties (file, title) also ``:`` and ``,``.

With ``--format github`` the CLI also appends the Markdown report to ``$GITHUB_STEP_SUMMARY``
when that variable is set; this module only renders text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from vendorgate.core.model import CheckResult, Finding, OrgProfile, RulePack, VendorResult, Verdict
from vendorgate.core.render import Piece
from vendorgate.report import RenderOptions, cite, escape
from vendorgate.report.paths import repo_path

PER_KIND = 10
"""GitHub's per-step display limit for each of error, warning and notice annotations."""
KINDS = ("error", "warning", "notice")


def escape_data(text: str) -> str:
    """A workflow command's message: the shared policy (controls, bidi, odd breaks), then
    GitHub's own encoding of ``%`` and line breaks, so a value can never end the command."""
    kept = escape.controls(text)
    return kept.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def kind(f: Finding) -> str | None:
    """The annotation command for a finding, or None when it needs no annotation."""
    if f.verdict is Verdict.ERROR or (f.blocking and f.verdict is not Verdict.WAIVED):
        return "error"
    if f.verdict in (Verdict.FAIL, Verdict.UNDETERMINED):
        return "warning"
    if f.verdict is Verdict.WAIVED:
        return "notice"
    return None


def annotation(f: Finding, command: str, options: RenderOptions) -> str:
    loc = f.location
    blocking = ", blocking" if f.blocking else ""
    title = f"{f.rule} ({f.severity.value} {f.verdict.value}{blocking}): {f.vendor_name}"
    props = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", repo_path(loc.path, options)),
            ("line", str(max(loc.line, 1))),
            ("col", str(max(loc.column, 1))),
            ("title", title),
        )
    )
    return f"::{command} {props}::{escape_data(cite.text(f))}"


def render(result: CheckResult, options: RenderOptions) -> str:
    chosen: dict[str, list[tuple[_Key, str]]] = {k: [] for k in KINDS}
    for f in result.findings:
        command = kind(f)
        if command is not None:
            chosen[command].append((_key(f), annotation(f, command, options)))
    blocking = sum(1 for f in result.findings if f.blocking)
    return _lines(chosen, len(result.results), blocking)


_Key = tuple[int, str, str, str]
"""Most severe first, then by vendor, plan and rule."""


def _key(f: Finding) -> _Key:
    return (cite.severity_rank(f), f.vendor, f.plan or "", f.rule)


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """The vendor's annotations, one a line (workflow commands hold no raw newline), and for
    each its kind and rank: the frame shows only the first :data:`PER_KIND` of each kind."""
    lines = []
    keys = []
    for f in result.findings:
        command = kind(f)
        if command is not None:
            lines.append(annotation(f, command, options))
            keys.append([command, *_key(f)])
    return "\n".join(lines).encode("utf-8"), {"keys": keys}


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The first :data:`PER_KIND` annotations of each kind, taken from the vendors' pieces, and
    the summary line."""
    chosen: dict[str, list[tuple[_Key, str]]] = {k: [] for k in KINDS}
    for p in pieces:
        lines = p.text.decode("utf-8").split("\n") if p.text else []
        for (command, *key), line in zip(p.meta["keys"], lines, strict=True):
            rank, vendor, plan, rule = key
            chosen[command].append(((rank, vendor, plan, rule), line))
    blocking = sum(p.blocking for p in pieces)
    return [_lines(chosen, len(pieces), blocking).encode("utf-8")]


def _lines(chosen: dict[str, list[tuple[_Key, str]]], vendors: int, blocking: int) -> str:
    lines = []
    omitted: Counter[str] = Counter()
    for command in KINDS:
        ranked = sorted(chosen[command], key=lambda item: item[0])
        lines += [line for _, line in ranked[:PER_KIND]]
        omitted[command] = max(len(ranked) - PER_KIND, 0)
    lines.append(_summary(vendors, blocking, {k: len(v) for k, v in chosen.items()}, omitted))
    return "\n".join(lines) + "\n"


def _summary(vendors: int, blocking: int, shown: dict[str, int], omitted: Counter[str]) -> str:
    counts = ", ".join(f"{shown[k]} {k}(s)" for k in KINDS)
    text = (
        f"vendorgate: {vendors} vendor(s) checked, {blocking} blocking finding(s); "
        f"annotations: {counts}"
    )
    left_out = sum(omitted.values())
    if left_out:
        detail = ", ".join(f"{n} {k}(s)" for k, n in omitted.items() if n)
        text += (
            f". {left_out} annotation(s) not shown ({detail}): GitHub displays at most "
            f"{PER_KIND} of each kind per step; see the job summary or the SARIF report"
        )
    return text + "."
