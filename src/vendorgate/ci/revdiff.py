"""``vendorgate diff``: what a change to the vendor list (or the rules, or the organisation
profile) does to the verdicts.

Both sides are evaluated in full - the same organisation file name, the same date, the same
threshold - and compared per vendor and rule: verdicts that flipped, findings that are new or
resolved, decisions that changed. A side is a git revision (its files read from git's object
database into a temporary folder, whatever its ``.gitattributes`` say; the user's working tree,
index and refs are never touched), a folder, or, when HEAD is omitted, the working tree itself.

The change "introduces a blocking finding" when some finding blocks after it and did not block
with the same verdict before it; ``vendorgate diff`` then exits 1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vendorgate.app import run as app_run
from vendorgate.ci import git as gitrepo
from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import (
    CheckResult,
    DecisionKind,
    Finding,
    Severity,
    VendorResult,
    Verdict,
)
from vendorgate.load import workspace

PROBLEMS = (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.ERROR)
"""Verdicts that make a finding something to act on."""

NOW = {
    Verdict.PASS: "now passes",
    Verdict.FAIL: "now fails",
    Verdict.UNDETERMINED: "is now undetermined",
    Verdict.WAIVED: "is now waived",
    Verdict.NOT_APPLICABLE: "no longer applies",
    Verdict.ERROR: "can no longer be evaluated",
}
HEADLINE_FLIPS = 3
"""How many flipped rules a one-line summary names before saying "and N more"."""


@dataclass(frozen=True)
class Flip:
    """One (vendor, rule) whose verdict or blocking changed."""

    rule: str
    """Rule id."""
    title: str
    """Rule title (from the side where it exists, HEAD preferred)."""
    severity: Severity
    """Severity on the HEAD side (BASE when the rule is gone)."""
    base: Verdict | None
    """Verdict before; None when the rule was not evaluated."""
    head: Verdict | None
    """Verdict after; None when the rule is no longer evaluated."""
    base_blocking: bool
    """Whether it blocked before."""
    head_blocking: bool
    """Whether it blocks after."""
    message: str
    """The finding's message on the HEAD side (BASE when gone)."""

    @property
    def kind(self) -> str:
        """new (became a problem), resolved (stopped being one), or changed."""
        before = self.base in PROBLEMS
        after = self.head in PROBLEMS
        if after and not before:
            return "new"
        if before and not after:
            return "resolved"
        return "changed"

    @property
    def introduces_blocking(self) -> bool:
        return self.head_blocking and not (self.base_blocking and self.base == self.head)

    def phrase(self) -> str:
        if self.head is None:
            return f"{self.rule} is no longer evaluated"
        return f"{self.rule} {NOW[self.head]}"


@dataclass(frozen=True)
class VendorChange:
    """What changed for one vendor."""

    id: str
    """Vendor id."""
    name: str
    """Display name (HEAD side when present)."""
    status: str
    """added, removed or changed."""
    base_decision: DecisionKind | None
    """Decision before; None for an added vendor."""
    head_decision: DecisionKind | None
    """Decision after; None for a removed vendor."""
    flips: tuple[Flip, ...]
    """Rules whose verdict or blocking changed, most important first."""

    @property
    def introduces_blocking(self) -> bool:
        return any(f.introduces_blocking for f in self.flips)


@dataclass(frozen=True)
class RevDiff:
    """The comparison of two evaluations."""

    base: str
    """How BASE was named, with its commit when a revision."""
    head: str
    """How HEAD was named."""
    organisation: str
    """The organisation's name on the HEAD side."""
    evaluated_on: date
    """The date both sides were evaluated as of."""
    changes: tuple[VendorChange, ...]
    """Vendors with any change, by id."""
    unchanged: int
    """How many vendors did not change."""

    @property
    def introduces_blocking(self) -> bool:
        return any(c.introduces_blocking for c in self.changes)


def decision_text(kind: DecisionKind | None) -> str:
    return kind.value.replace("_", " ") if kind else "absent"


def headline(change: VendorChange, organisation: str) -> str:
    """One line: "zoom: approved -> rejected for <org>: <rule> now fails"."""
    reasons = [f.phrase() for f in change.flips[:HEADLINE_FLIPS]]
    if len(change.flips) > HEADLINE_FLIPS:
        reasons.append(f"and {len(change.flips) - HEADLINE_FLIPS} more")
    why = f": {', '.join(reasons)}" if reasons else ""
    if change.status == "added":
        decision = decision_text(change.head_decision)
        return f"{change.id}: new vendor, {decision} for {organisation}{why}"
    if change.status == "removed":
        return f"{change.id}: removed (was {decision_text(change.base_decision)})"
    if change.base_decision != change.head_decision:
        move = f"{decision_text(change.base_decision)} -> {decision_text(change.head_decision)}"
    else:
        move = f"still {decision_text(change.head_decision)}"
    return f"{change.id}: {move} for {organisation}{why}"


# ---------------------------------------------------------------- comparing two results


def _keyed(findings: tuple[Finding, ...]) -> dict[tuple[str, int], Finding]:
    """Findings by (rule, occurrence): a rule is evaluated once per vendor, but synthetic
    findings (expired waivers) may repeat a rule id."""
    keyed: dict[tuple[str, int], Finding] = {}
    for f in sorted(findings, key=lambda f: (f.rule, f.message)):
        n = 0
        while (f.rule, n) in keyed:
            n += 1
        keyed[(f.rule, n)] = f
    return keyed


def _flips(before: VendorResult | None, after: VendorResult | None) -> tuple[Flip, ...]:
    old = _keyed(before.findings) if before else {}
    new = _keyed(after.findings) if after else {}
    flips = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is not None and b is not None and (a.verdict, a.blocking) == (b.verdict, b.blocking):
            continue
        if a is None and b is not None and b.verdict in (Verdict.PASS, Verdict.NOT_APPLICABLE):
            continue  # a new vendor's or new rule's passes are not news
        ref = b or a
        assert ref is not None
        flips.append(
            Flip(
                rule=ref.rule,
                title=ref.rule_title,
                severity=ref.severity,
                base=a.verdict if a else None,
                head=b.verdict if b else None,
                base_blocking=bool(a and a.blocking),
                head_blocking=bool(b and b.blocking),
                message=ref.message,
            )
        )
    return tuple(sorted(flips, key=_importance))


def _importance(flip: Flip) -> tuple[int, int, int, str]:
    kind = {"new": 0, "changed": 1, "resolved": 2}[flip.kind]
    return (0 if flip.introduces_blocking else 1, kind, -flip.severity.rank, flip.rule)


def changes(base: CheckResult, head: CheckResult, base_label: str, head_label: str) -> RevDiff:
    """Compare two evaluations vendor by vendor."""
    old = {r.vendor.id: r for r in base.results}
    new = {r.vendor.id: r for r in head.results}
    found = []
    unchanged = 0
    for vendor in sorted(set(old) | set(new)):
        a, b = old.get(vendor), new.get(vendor)
        flips = _flips(a, b)
        status = "added" if a is None else "removed" if b is None else "changed"
        a_kind = a.decision.kind if a else None
        b_kind = b.decision.kind if b else None
        if status == "changed" and not flips and a_kind == b_kind:
            unchanged += 1
            continue
        ref = b or a
        assert ref is not None
        found.append(VendorChange(vendor, ref.vendor.name, status, a_kind, b_kind, flips))
    return RevDiff(
        base_label, head_label, head.org.name, head.evaluated_on, tuple(found), unchanged
    )


# ---------------------------------------------------------------- the two sides


@dataclass(frozen=True)
class Tree:
    """One side of the comparison."""

    label: str
    """How the user named it (with the commit for a revision)."""
    root: Path
    """The top of the tree; organisation discovery stops here."""
    start: Path
    """Where discovery starts (the working directory's place inside the tree)."""
    shown_as: str
    """Prefix for file names in messages: ``REV:`` for a revision, ``DIR/`` for a folder."""
    isolated: bool
    """Whether evaluation runs inside the tree (revisions and folders) rather than in place."""


@contextlib.contextmanager
def _opened(spec: str | None, cwd: Path) -> Iterator[Tree]:
    if spec is None:
        yield Tree("working tree", gitrepo.toplevel(cwd), cwd, "", False)
        return
    folder = Path(spec)
    if folder.is_dir():
        root = folder.resolve()
        yield Tree(spec, root, root, f"{spec.rstrip('/')}/", True)
        return
    commit = gitrepo.resolve(spec, cwd)
    if commit is None:
        raise UsageError(f"{spec}: neither a folder nor a git revision of this repository")
    exported = gitrepo.export(commit, cwd)
    try:
        start = exported / gitrepo.prefix(cwd)
        yield Tree(f"{spec} ({commit[:12]})", exported, start, f"{spec}:", True)
    finally:
        shutil.rmtree(exported, ignore_errors=True)


def _org_file(tree: Tree, org: str | None, cwd: Path) -> Path:
    """The organisation profile of a tree: ``--org`` read inside it, else the nearest one from
    the working directory's place up to the tree's top."""
    if not tree.isolated:
        found = Path(org) if org else workspace.find_org(cwd)
        if found is None:
            raise UsageError("no vendorgate.yaml or org.yaml found; pass --org FILE")
        return found.resolve()
    if org:
        given = Path(org)
        if given.is_absolute():
            top = gitrepo.toplevel(cwd)
            try:
                given = given.resolve().relative_to(top)
            except ValueError as exc:
                raise UsageError(
                    f"--org {org}: to compare two versions, the organisation profile must be "
                    "inside the repository or folders compared"
                ) from exc
            candidate = (tree.root / given).resolve()
        else:
            candidate = (tree.start / given).resolve()
        if not candidate.is_relative_to(tree.root) or not candidate.is_file():
            raise UsageError(f"{tree.label}: organisation profile {org} not found there")
        return candidate
    for folder in (tree.start, *tree.start.parents):
        for name in workspace.ORG_FILENAMES:
            if (folder / name).is_file():
                return folder / name
        if folder == tree.root:
            break
    raise UsageError(f"{tree.label}: no vendorgate.yaml or org.yaml found; pass --org FILE")


@contextlib.contextmanager
def _inside(folder: Path | None) -> Iterator[None]:
    """Run with ``folder`` as the working directory, so file names in findings and messages
    are relative to the tree, never the temporary folder's absolute path."""
    if folder is None:
        yield
        return
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def evaluate(
    tree: Tree,
    org: str | None,
    cwd: Path,
    today: date,
    threshold: Severity | None,
    fail_on_undetermined: bool,
    versions_on: date | None = None,
    *,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
) -> CheckResult:
    """Evaluate one side as ``check`` would (``versions_on`` as with ``check --as-of``): the
    same evaluation context, so every option means what it means in ``check``."""
    org_file = _org_file(tree, org, cwd)
    with _inside(tree.root if tree.isolated else None):
        try:
            return app_run.check(
                (),
                org_file,
                (),
                today,
                threshold,
                fail_on_undetermined=fail_on_undetermined,
                versions_on=versions_on,
                plan=plan,
                data_classes=data_classes,
            )
        except InputError as exc:
            raise InputError(
                [Problem(p.message, tree.shown_as + p.path, p.line, p.column) for p in exc.problems]
            ) from exc
        except UsageError as exc:
            raise UsageError(f"{tree.label}: {exc}") from exc


def compare(
    base: str,
    head: str | None = None,
    org: str | None = None,
    today: date | None = None,
    threshold: Severity | None = None,
    fail_on_undetermined: bool = False,
    cwd: Path | None = None,
    *,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
) -> RevDiff:
    """Evaluate BASE and HEAD (the working tree when None) and compare them. ``today`` is
    ``--as-of``: the evaluation day and the versions in force, on both sides alike."""
    here = (cwd or Path.cwd()).resolve()
    day = today or date.today()
    options = (day, threshold, fail_on_undetermined, today)
    with _opened(base, here) as before_tree, _opened(head, here) as after_tree:
        before = evaluate(before_tree, org, here, *options, plan=plan, data_classes=data_classes)
        after = evaluate(after_tree, org, here, *options, plan=plan, data_classes=data_classes)
    return changes(before, after, before_tree.label, after_tree.label)
