"""``--format sarif``: SARIF 2.1.0 for code scanning, so a reviewer sees the problem on the
offending line of the vendor profile.

* One reporting descriptor per rule of every enabled pack, with the rule's citations and
  remediation in its help text (plain and Markdown).
* Results for every finding that needs attention: fail, undetermined, error, and waived (the
  latter carry an accepted external suppression with the waiver's justification). Passing and
  not-applicable findings are not results.
* Each result points at the fact's line and column in the vendor YAML (the vendor's header when
  the fact is absent), relative to the repository root (``RenderOptions.root``) under
  ``%SRCROOT%``; every other fact the rule read is a related location.
* Severity mapping (``properties.security-severity``, which GitHub buckets as critical >= 9.0,
  high >= 7.0, medium >= 4.0, low > 0): critical 9.5, high 8.0, medium 5.5, low 3.0, info 1.0.
  ``level``: critical and high are ``error``, medium ``warning``, low and info ``note``; a finding
  that blocks, or an evaluation error, is always ``error``; an undetermined finding that does not
  block is at most ``warning``.
* At most :data:`MAX_RESULTS` results per run (GitHub shows 5,000 and rejects more than
  25,000): when there are more, the most serious are kept (blocking and errors first, then by
  severity; waived last), in their usual order, and a last ``note`` result says how many of
  each severity were left out and where to see them all.
* ``helpUri`` only when the rule's first citation is an absolute ``http(s)`` URL (a policy
  path relative to the packs means nothing to code scanning); ``informationUri`` is the
  project's home.
* ``partialFingerprints`` hash vendor, plan, rule and fact (see :mod:`vendorgate.baseline`),
  never line numbers. No timestamps, no absolute paths: same inputs give the same bytes.
* Every string passes through :func:`vendorgate.report.escape.data` (controls and bidi
  characters replaced, line breaks only in the fields shown as text).
"""

from __future__ import annotations

import re
from typing import Any

from vendorgate.ci.baseline import FINGERPRINT_KEY, fingerprint
from vendorgate.core.model import CheckResult, Finding, Location, Rule, Severity, Verdict
from vendorgate.core.version import __version__
from vendorgate.engine.conditions import describe_read
from vendorgate.report import RenderOptions, cite, escape, jsontext
from vendorgate.report.mdtext import code, link, md
from vendorgate.report.paths import uri

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
INFORMATION_URI = "https://vendorgate.dev/"
"""The project's home, the driver's ``informationUri``."""
MAX_RESULTS = 5000
"""Results per run, the note about what was left out included (what GitHub displays)."""
TRUNCATED_RULE = "vendorgate.results-omitted"
"""The rule of the note result that says what was left out."""
SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
"""critical 0 ... info 4: lower ranks are kept first."""

SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}
LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
REPORTED = (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.ERROR, Verdict.WAIVED)


MULTILINE_FIELDS = frozenset({"text", "markdown"})
"""The SARIF fields a viewer shows as lines of text (messages, descriptions, help); every other
string is made one line."""


def render(result: CheckResult, options: RenderOptions) -> str:
    return jsontext.dumps(sarif_log(result, options)) + "\n"


def _safe(data: dict[str, Any]) -> dict[str, Any]:
    # Applied by every public builder, so the streamed report (pieces rendered one vendor at a
    # time, see report.fragments) is escaped exactly as the whole-log one.
    safe: dict[str, Any] = escape.data(data, MULTILINE_FIELDS)
    return safe


def sarif_log(result: CheckResult, options: RenderOptions) -> dict[str, Any]:
    """The SARIF log as plain data (a single run)."""
    rules = _rules(result)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    findings = sorted(
        (f for f in result.findings if f.verdict in REPORTED),
        key=lambda f: (f.vendor, f.plan or "", f.rule),
    )
    kept = select([priority(f) for f in findings])
    results = []
    for i, f in enumerate(findings):
        if f.rule not in index:  # a finding from a rule the packs do not list: describe it
            index[f.rule] = len(rules)
            rules.append(finding_rule(f))
        if kept is None or i in kept:
            results.append(sarif_result(f, index[f.rule], options))
    if kept is not None:
        omitted = [priority(f) for i, f in enumerate(findings) if i not in kept]
        rules.append(omitted_rule())
        results.append(omitted_result(omitted, len(rules) - 1, result.org.path, options))
    decisions = {
        r.vendor.id: r.decision.kind.value
        for r in sorted(result.results, key=lambda r: r.vendor.id)
    }
    return _safe(
        {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "vendorgate",
                            "informationUri": INFORMATION_URI,
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": rules,
                        }
                    },
                    "originalUriBaseIds": {
                        SRCROOT: {"description": {"text": "The root of the repository checked."}}
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                    "properties": {
                        "organisation": result.org.name,
                        "evaluatedOn": result.evaluated_on.isoformat(),
                        "blocking": sum(1 for f in result.findings if f.blocking),
                        "decisions": decisions,
                    },
                }
            ],
        }
    )


def _rules(result: CheckResult) -> list[dict[str, Any]]:
    rules = sorted((r for p in result.packs for r in p.rules), key=lambda r: r.id)
    return [_rule(r) for r in rules]


def _name(rule_id: str) -> str:
    """SARIF rule names are identifier-like: ``hipaa-baa-available`` -> ``HipaaBaaAvailable``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", rule_id))


def _rule(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _name(rule.id) or rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description or rule.title},
    }
    if rule.citations and rule.citations[0].url.startswith(("https://", "http://")):
        descriptor["helpUri"] = rule.citations[0].url
    descriptor["help"] = {"text": _help_text(rule), "markdown": _help_markdown(rule)}
    descriptor["defaultConfiguration"] = {"level": LEVEL[rule.severity]}
    descriptor["properties"] = {
        "tags": sorted({"compliance", "security", "vendorgate", rule.pack}),
        "security-severity": SECURITY_SEVERITY[rule.severity],
        "severity": rule.severity.value,
        "pack": rule.pack,
        "precision": "high",
    }
    return descriptor


def _help_text(rule: Rule) -> str:
    lines = [rule.title]
    if rule.description:
        lines += ["", rule.description]
    lines += ["", "Authority:"]
    lines += [f"- {cite.authority(c)}" for c in rule.citations]
    lines += ["", f"Remediation (what to demand from the vendor): {rule.remediation}"]
    scope = _scope(rule)
    if scope:
        lines += ["", f"Applies to: {scope}."]
    return "\n".join(lines)


def _help_markdown(rule: Rule) -> str:
    lines = [f"**{md(rule.title)}**"]
    if rule.description:
        lines += ["", md(rule.description)]
    lines += ["", "**Authority**", ""]
    for c in rule.citations:
        title = f" - {md(c.title)}" if c.title else ""
        flag = " *(citation not verified)*" if not c.verified else ""
        lines.append(f"- {link(c.citation, c.url)}{title}{flag}")
    lines += ["", f"**Remediation** (what to demand from the vendor): {md(rule.remediation)}"]
    scope = _scope(rule)
    if scope:
        lines += ["", f"**Applies to:** {md(scope)}."]
    lines += ["", f"Rule pack {code(rule.pack)}, severity {rule.severity.value}."]
    return "\n".join(lines)


def _scope(rule: Rule) -> str:
    scope = rule.applies_to
    parts = []
    for label, values in (
        ("sectors", scope.sectors),
        ("jurisdictions", scope.jurisdictions),
        ("vendor categories", scope.vendor_categories),
        ("data classes", scope.data_classes),
    ):
        if values:
            parts.append(f"{label} {', '.join(values)}")
    return "; ".join(parts)


def finding_rule(f: Finding) -> dict[str, Any]:
    """A descriptor built from a finding, for rules no pack describes (evaluation errors,
    expired waivers)."""
    return _safe(
        {
            "id": f.rule,
            "name": _name(f.rule) or f.rule,
            "shortDescription": {"text": f.rule_title},
            "fullDescription": {"text": f.rule_title},
            "help": {"text": f.remediation or f.rule_title, "markdown": md(f.remediation)},
            "defaultConfiguration": {"level": LEVEL[f.severity]},
            "properties": {
                "tags": ["compliance", "vendorgate"],
                "security-severity": SECURITY_SEVERITY[f.severity],
                "severity": f.severity.value,
                "pack": f.pack,
            },
        }
    )


def level(f: Finding) -> str:
    if f.verdict is Verdict.ERROR or f.blocking:
        return "error"
    base = LEVEL[f.severity]
    if f.verdict is Verdict.UNDETERMINED and base == "error":
        return "warning"
    return base


def _location(loc: Location, options: RenderOptions, message: str = "") -> dict[str, Any]:
    physical = {
        "artifactLocation": {"uri": uri(loc.path, options), "uriBaseId": SRCROOT},
        "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)},
    }
    located: dict[str, Any] = {"physicalLocation": physical}
    if message:
        located["message"] = {"text": message}
    return located


def sarif_result(f: Finding, rule_index: int, options: RenderOptions) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f),
        "message": {"text": cite.text(f)},
        "locations": [_location(f.location, options)],
    }
    related = [
        _location(
            read.location,
            options,
            f"{read.fact} = {describe_read(read)} (evidence {read.status.value})",
        )
        for read in sorted(f.facts, key=lambda r: r.fact)
        if read.location != f.location
    ]
    if related:
        result["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(related, 1)]
    result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(f)}
    if f.waiver is not None:
        w = f.waiver
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": (
                    f"{w.justification} (approved by {w.approver}, {w.ticket}, "
                    f"until {w.expires.isoformat()})"
                ),
                "properties": {
                    "approver": w.approver,
                    "ticket": w.ticket,
                    "expires": w.expires.isoformat(),
                },
            }
        ]
    result["properties"] = {
        "vendor": f.vendor,
        "vendorName": f.vendor_name,
        "plan": f.plan,
        "verdict": f.verdict.value,
        "severity": f.severity.value,
        "blocking": f.blocking,
        "pack": f.pack,
    }
    return _safe(result)


# ---------------------------------------------------------------- within the platform's limits


def priority(f: Finding) -> int:
    """Which results are kept first when a run has too many: blocking findings and errors,
    then the others, then waived ones; within each, by severity (lower is kept first)."""
    if f.verdict is Verdict.WAIVED:
        band = 2
    elif f.blocking or f.verdict is Verdict.ERROR:
        band = 0
    else:
        band = 1
    return band * 10 + SEVERITY_RANK[f.severity]


def select(priorities: list[int]) -> set[int] | None:
    """The positions of the results to keep (the most serious, the earlier first among
    equals), leaving room for the note; None when all fit."""
    limit = MAX_RESULTS  # read when called, so a test can lower it
    if len(priorities) <= limit:
        return None
    ranked = sorted(range(len(priorities)), key=lambda i: (priorities[i], i))
    return set(ranked[: limit - 1])


def omitted_rule() -> dict[str, Any]:
    """The descriptor of the note result."""
    return {
        "id": TRUNCATED_RULE,
        "name": "ResultsOmitted",
        "shortDescription": {"text": "Results left out of this run"},
        "fullDescription": {
            "text": f"Code scanning shows at most {MAX_RESULTS} results per run; vendorgate "
            "keeps the most serious and says here what it left out."
        },
        "help": {
            "text": "Run `vendorgate check --format json` (or text) for every finding.",
            "markdown": "Run `vendorgate check --format json` (or text) for every finding.",
        },
        "defaultConfiguration": {"level": "note"},
        "properties": {"tags": ["vendorgate"], "precision": "high"},
    }


def omitted_result(
    omitted: list[int], rule_index: int, org_path: str, options: RenderOptions
) -> dict[str, Any]:
    """The note saying how many results, of which severity, were left out."""
    counts = dict.fromkeys(Severity, 0)
    for rank in omitted:
        counts[list(Severity)[rank % 10]] += 1
    detail = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
    result: dict[str, Any] = {
        "ruleId": TRUNCATED_RULE,
        "ruleIndex": rule_index,
        "level": "note",
        "message": {
            "text": f"{len(omitted)} more result(s) are not in this run ({detail}): code "
            f"scanning shows at most {MAX_RESULTS}, so the most serious were kept. Run "
            "`vendorgate check --format json` for every finding."
        },
    }
    if org_path:
        result["locations"] = [_location(Location(org_path, 1, 1), options)]
    result["properties"] = {
        "omitted": len(omitted),
        "bySeverity": {s.value: n for s, n in counts.items()},
    }
    return result
