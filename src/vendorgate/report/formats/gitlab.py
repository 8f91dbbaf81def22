"""``--format gitlab``: a GitLab Code Quality report, the JSON array GitLab reads from
``artifacts:reports:codequality`` to annotate the changed lines of a merge request.

One issue per finding that needs attention: a failure, an undetermined finding or an
evaluation error (waived, passing and not-applicable findings are not issues). Each issue has
the fields GitLab documents (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):

* ``description``: the finding's sentence with both citations (the law and the vendor's clause);
* ``check_name``: the rule id;
* ``fingerprint``: the sha256 of the vendor profile's path and the finding's identity (vendor,
  plan, rule and the fact the location points at: the one SARIF and baselines use), never its
  line, so a finding keeps its identity when lines move and GitLab can tell new issues from
  fixed ones;
* ``severity``: ``blocker`` for what blocks (and every evaluation error, which always blocks),
  otherwise the rule's severity as GitLab names it (critical, major, minor, info);
* ``location``: the vendor profile's path from the repository root and the offending line.

Issues are in vendor, plan and rule order; nothing depends on the clock: the same inputs give
the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any

from vendorgate.ci.baseline import fingerprint as finding_identity
from vendorgate.core.model import CheckResult, Finding, OrgProfile, RulePack, VendorResult, Verdict
from vendorgate.core.render import Piece
from vendorgate.report import RenderOptions, cite, jsontext
from vendorgate.report.paths import repo_path

ISSUES = (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.ERROR)
"""The verdicts reported as Code Quality issues."""
SEVERITY = {
    "critical": "critical",
    "high": "major",
    "medium": "minor",
    "low": "info",
    "info": "info",
}
"""A rule's severity in GitLab's words, for findings that do not block."""
BLOCKER = "blocker"
"""GitLab's severity for a finding that blocks the merge request."""
_INDENT = "  "
"""An issue's indentation inside the top-level array."""


def render(result: CheckResult, options: RenderOptions) -> str:
    pieces = []
    for vr in result.results:
        text, meta = piece(vr, options)
        pieces.append(Piece(vr.vendor.id, vr.decision.kind.value, {}, 0, (), text, meta))
    frames = frame(pieces, result.org, result.evaluated_on, result.packs, options)
    return b"".join(frames).decode("utf-8")


def issue(f: Finding, options: RenderOptions) -> dict[str, Any]:
    """One finding as a Code Quality issue."""
    path = repo_path(f.location.path, options)
    line = max(f.location.line, 1)
    return {
        "description": cite.text(f),
        "check_name": f.rule,
        "fingerprint": fingerprint(path, finding_identity(f)),
        "severity": severity(f),
        "location": {"path": path, "lines": {"begin": line}},
    }


def fingerprint(path: str, identity: str) -> str:
    """An issue's identity: the finding's (a hex digest) in the file at ``path``. NUL, which no
    path holds, separates them, so two different pairs cannot give the same text to hash."""
    return hashlib.sha256(f"{path}\x00{identity}".encode()).hexdigest()


def severity(f: Finding) -> str:
    if f.verdict is Verdict.ERROR or f.blocking:
        return BLOCKER
    return SEVERITY[f.severity.value]


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """The vendor's issues, each indented as an element of the array, joined by commas."""
    chosen = sorted(
        (f for f in result.findings if f.verdict in ISSUES), key=lambda f: (f.plan or "", f.rule)
    )
    texts = [_indented(jsontext.dumps(issue(f, options))) for f in chosen]
    order = [result.vendor.id, result.plan or ""]
    return ",\n".join(texts).encode("utf-8"), {"order": order}


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The array around the vendors' issues, in vendor order."""
    texts = [p.text for p in sorted(pieces, key=lambda p: tuple(p.meta["order"])) if p.text]
    if not texts:
        return [b"[]\n"]
    return [b"[\n", b",\n".join(texts), b"\n]\n"]


def _indented(text: str) -> str:
    # JSON strings hold no raw newline, so every newline starts a line of the structure.
    return _INDENT + text.replace("\n", "\n" + _INDENT)
