"""Finding fingerprints and baselines: adopt vendorgate on an existing vendor list and block only
on what is new.

A fingerprint identifies a finding across runs and edits: it hashes the vendor id, the plan, the
rule id and the fact the finding points at, never line numbers, so moving a fact inside a file
keeps its fingerprint. A baseline file records the fingerprints (and verdicts) of the findings
that exist today; with ``check --baseline FILE`` those stop blocking and anything new still does.

A baseline changes what blocks the build, not what vendorgate concludes: verdicts and per-vendor
decisions are left as they are, and errors are never baselined (fail closed).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import CheckResult, Finding, VendorResult, Verdict

BASELINE_VERSION = "1"
FINGERPRINT_KEY = "vendorgateFinding/v1"
"""Name of the fingerprint in SARIF ``partialFingerprints``; bump it when the recipe changes."""

BASELINE_NOTE = "recorded in the baseline"
"""How a baselined finding's reason starts."""

RECORDED = (Verdict.FAIL, Verdict.UNDETERMINED)
"""Verdicts a baseline records. Waived findings are governed by their waiver's expiry, and
errors must always be fixed."""

_COVERS = {
    Verdict.FAIL: frozenset({Verdict.FAIL, Verdict.UNDETERMINED}),
    Verdict.UNDETERMINED: frozenset({Verdict.UNDETERMINED}),
}
"""A recorded verdict covers the same verdict or a milder one: a recorded failure that becomes
undetermined stays quiet, a recorded undetermined finding that becomes a failure blocks."""


def focus_fact(finding: Finding) -> str:
    """The fact the finding's location points at; empty when it points at no fact it read."""
    for read in finding.facts:
        if read.location == finding.location:
            return read.fact
    return ""


def fingerprint(finding: Finding) -> str:
    """A stable identity for a finding: independent of line numbers, wording and severity."""
    parts = ("vendorgate-finding/v1", finding.vendor, finding.plan or "", finding.rule)
    text = "\x1f".join((*parts, focus_fact(finding)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One finding recorded in a baseline."""

    fingerprint: str
    """See :func:`fingerprint`."""
    verdict: Verdict
    """fail or undetermined."""
    vendor: str = ""
    """Vendor id, for people reading the file."""
    rule: str = ""
    """Rule id, for people reading the file."""


@dataclass(frozen=True)
class Baseline:
    """The findings a team has accepted for now."""

    entries: tuple[Entry, ...]
    """Recorded findings."""
    path: str = ""
    """Where it was read from, for messages."""

    def covers(self, finding: Finding) -> bool:
        if finding.verdict not in RECORDED:
            return False
        mark = fingerprint(finding)
        return any(
            e.fingerprint == mark and finding.verdict in _COVERS[e.verdict] for e in self.entries
        )

    def unmatched(self, result: CheckResult) -> tuple[Entry, ...]:
        """Entries that no current finding matches (fixed since, or renamed)."""
        current = {fingerprint(f) for f in result.findings if f.verdict in RECORDED}
        return tuple(e for e in self.entries if e.fingerprint not in current)


def record(result: CheckResult) -> str:
    """The baseline file for a result: JSON, sorted, no dates, so it diffs cleanly in git."""
    findings = sorted(
        (f for f in result.findings if f.verdict in RECORDED),
        key=lambda f: (f.vendor, f.plan or "", f.rule),
    )
    document = {
        "schemaVersion": BASELINE_VERSION,
        "generator": "vendorgate",
        "findings": [
            {
                "fingerprint": fingerprint(f),
                "vendor": f.vendor,
                "plan": f.plan,
                "rule": f.rule,
                "fact": focus_fact(f),
                "verdict": f.verdict.value,
                "severity": f.severity.value,
            }
            for f in findings
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def apply(result: CheckResult, baseline: Baseline) -> CheckResult:
    """The result with every baselined finding no longer blocking (and saying why)."""
    return replace(result, results=tuple(apply_to_vendor(vr, baseline) for vr in result.results))


def apply_to_vendor(vr: VendorResult, baseline: Baseline) -> VendorResult:
    """:func:`apply` for one vendor (the check pipeline applies it a vendor at a time)."""
    note = (
        f"{BASELINE_NOTE} {baseline.path or '(baseline)'}: it does not block; "
        "fix it or rewrite the baseline with --write-baseline"
    )
    return replace(vr, findings=_apply(vr, baseline, note))


def _apply(vr: VendorResult, baseline: Baseline, note: str) -> tuple[Finding, ...]:
    return tuple(
        replace(f, blocking=False, reasons=(*f.reasons, note))
        if f.blocking and baseline.covers(f)
        else f
        for f in vr.findings
    )


def load(path: str | Path) -> Baseline:
    """Read a baseline written by :func:`record`; a malformed file is an input error located at
    its line and column."""
    from vendorgate.load.yaml import load_bytes
    from vendorgate.text.reader import read_bytes

    file = Path(path)
    shown = str(path)
    if not file.is_file():
        raise UsageError(f"{shown}: baseline file not found (write one with --write-baseline)")
    raw = read_bytes(file, shown)
    try:
        json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(Problem("not valid UTF-8", shown)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(Problem(f"invalid JSON: {exc.msg}", shown, exc.lineno, exc.colno)) from exc
    doc = load_bytes(raw, shown)
    data: Any = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(
            doc.problem((), "not a vendorgate baseline: expected an object with `findings`")
        )
    if data.get("schemaVersion") != BASELINE_VERSION:
        raise InputError(
            doc.problem(
                ("schemaVersion",),
                f"unsupported baseline schemaVersion {data.get('schemaVersion')!r}; "
                f"expected {BASELINE_VERSION!r}",
            )
        )
    entries = [_entry(doc, index, item) for index, item in enumerate(data["findings"])]
    return Baseline(tuple(entries), shown)


def _entry(doc: Any, index: int, item: Any) -> Entry:
    where = ("findings", index)
    if not isinstance(item, dict):
        raise InputError(doc.problem(where, "expected an object with `fingerprint` and `verdict`"))
    mark = item.get("fingerprint")
    if not isinstance(mark, str) or len(mark) != 64 or not _is_hex(mark):
        raise InputError(
            doc.problem((*where, "fingerprint"), "`fingerprint` must be 64 hexadecimal digits")
        )
    verdict = item.get("verdict")
    allowed = [v.value for v in RECORDED]
    if verdict not in allowed:
        raise InputError(
            doc.problem((*where, "verdict"), f"`verdict` must be one of {', '.join(allowed)}")
        )
    return Entry(mark, Verdict(verdict), str(item.get("vendor", "")), str(item.get("rule", "")))


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)


def summary(result: CheckResult, baseline: Baseline) -> str:
    """One line for stderr: how much the baseline holds back, and whether it has gone stale."""
    covered = sum(1 for f in result.findings if baseline.covers(f))
    stale = len(baseline.unmatched(result))
    line = f"baseline {baseline.path}: {covered} known finding(s) do not block"
    if stale:
        line += f"; {stale} recorded finding(s) no longer occur (rewrite it with --write-baseline)"
    return line
