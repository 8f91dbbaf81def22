"""``vendorgate test``: run the example vendor profiles kept beside each rule and check that
each comes out with the verdict its folder names, as ``opa test`` does for Rego.

Layout, next to a pack file::

    examples/<rule-id>/pass/*.yaml           each must pass the rule
    examples/<rule-id>/fail/*.yaml           each must fail it
    examples/<rule-id>/undetermined/*.yaml   each must come out undetermined
    examples/<rule-id>/not_applicable/*.yaml optional: each must be out of the rule's scope

A rule's ``examples:`` field may name another folder. An ``org.yaml`` in the rule's folder or in
a kind folder sets the organisation the examples are evaluated for; otherwise one is built that
meets the rule's applicability (its sectors and jurisdictions) and accepts unverified evidence,
so that examples can state facts without quotes. The data classes come from each example's
``usage``. Every rule needs at least one example of each of pass, fail and undetermined.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from vendorgate.app.context import EvaluationContext, context_for
from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import OrgProfile, Rule, RulePack, Verdict
from vendorgate.load import catalogue, workspace

REQUIRED_KINDS = ("pass", "fail", "undetermined")
"""Every rule needs examples of these."""
OPTIONAL_KINDS = ("not_applicable",)
"""Examples a rule may have, to pin down its applicability."""
KINDS = REQUIRED_KINDS + OPTIONAL_KINDS
ORG_FILE = "org.yaml"
EXAMPLES_DIR = "examples"


@dataclass(frozen=True)
class ExampleResult:
    """One example profile evaluated against its rule."""

    path: str
    """The example file, relative to the working directory when below it."""
    expected: str
    """The verdict its folder names."""
    actual: str
    """The verdict the rule gave."""
    message: str
    """The finding's message, to show why."""

    @property
    def ok(self) -> bool:
        return self.expected == self.actual


@dataclass(frozen=True)
class RuleTests:
    """A rule with the results of its examples."""

    rule: str
    """Rule id."""
    pack: str
    """Pack id."""
    where: str
    """file:line:col of the rule."""
    folder: str
    """The rule's example folder."""
    results: tuple[ExampleResult, ...]
    """In kind order, then by file name."""

    def count(self, kind: str) -> int:
        return sum(1 for r in self.results if r.expected == kind)

    @property
    def missing(self) -> tuple[str, ...]:
        """Required kinds without a single example."""
        return tuple(kind for kind in REQUIRED_KINDS if not self.count(kind))

    @property
    def wrong(self) -> tuple[ExampleResult, ...]:
        return tuple(r for r in self.results if not r.ok)


@dataclass(frozen=True)
class TestRun:
    """Every rule of the packs under test, with its examples' results."""

    rules: tuple[RuleTests, ...]

    @property
    def examples(self) -> int:
        return sum(len(r.results) for r in self.rules)

    @property
    def wrong(self) -> tuple[ExampleResult, ...]:
        return tuple(w for r in self.rules for w in r.wrong)

    @property
    def incomplete(self) -> tuple[RuleTests, ...]:
        """Rules lacking a required kind of example."""
        return tuple(r for r in self.rules if r.missing)

    @property
    def ok(self) -> bool:
        return bool(self.rules) and not self.wrong and not self.incomplete


# ---------------------------------------------------------------- running


def run_tests(
    paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    today: date | None = None,
) -> TestRun:
    """Run the examples of every rule in the packs found under ``paths`` (default: the
    organisation's ``rules_paths``). Raises InputError when a pack, an example or an example
    folder is malformed, UsageError when there is nothing to test."""
    sources = list(paths) or _org_rules_paths(org_path)
    files = workspace.discover_packs(sources)
    if not files:
        shown = ", ".join(str(s) for s in sources)
        raise UsageError(f"{shown}: no rule packs found (files with `kind: RulePack`)")
    loaded = _load_packs(files)
    # select_packs rejects two packs with one id, or one rule id in two packs.
    packs = catalogue.select_packs([pack for pack, _ in loaded], workspace.default_org(), None)
    pack_files = {pack.id: file for pack, file in loaded}
    problems: list[Problem] = []
    _check_orphans(packs, files, problems)
    # One context for the run (day, snapshot stores); each example folder brings its own org.
    base = context_for(workspace.default_org(), None, packs, today=today)
    results = tuple(
        _test_rule(rule, pack_files[pack.id], base, problems)
        for pack in packs
        for rule in pack.rules
    )
    if problems:
        # A broken org.yaml shared by several kind folders is reported once.
        raise InputError(list(dict.fromkeys(problems)))
    return TestRun(results)


def _load_packs(files: Sequence[Path]) -> list[tuple[RulePack, Path]]:
    """Each pack with the file it came from (``RulePack.path`` is only for display)."""
    problems: list[Problem] = []
    loaded: list[tuple[RulePack, Path]] = []
    for file in files:
        try:
            (pack,) = catalogue.load_packs([file])
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        loaded.append((pack, file))
    if problems:
        raise InputError(problems)
    return loaded


def _org_rules_paths(org_path: str | Path | None) -> list[str]:
    org_file = Path(org_path) if org_path else workspace.find_org()
    if org_path and not Path(org_path).is_file():
        raise UsageError(f"{org_path}: organisation profile not found")
    if org_file is None:
        raise UsageError("no RULES given and no vendorgate.yaml found; pass a pack or a folder")
    org, _ = catalogue.load_org(org_file)
    if not org.rules_paths:
        raise UsageError(f"{workspace.display_path(org_file)}: no `rules_paths`; pass RULES")
    return list(org.rules_paths)


def examples_folder(rule: Rule, pack_file: Path) -> Path:
    """Where a rule's examples live: its ``examples:`` field, else beside its pack file."""
    if rule.examples:
        return Path(rule.examples)
    return pack_file.parent / EXAMPLES_DIR / rule.id


def _test_rule(
    rule: Rule,
    pack_file: Path,
    base: EvaluationContext,
    problems: list[Problem],
) -> RuleTests:
    folder = examples_folder(rule, pack_file)
    results: list[ExampleResult] = []
    for kind, files in _example_files(folder, problems):
        org = _org_for(rule, folder, kind, problems)
        if org is None:
            continue
        for path in files:
            result = _evaluate(rule, replace(base, org=org), path, kind, problems)
            if result is not None:
                results.append(result)
    where = f"{rule.location.path}:{rule.location.line}:{rule.location.column}"
    return RuleTests(rule.id, rule.pack, where, _shown(folder), tuple(results))


def _example_files(folder: Path, problems: list[Problem]) -> list[tuple[str, list[Path]]]:
    """(kind, example files) per kind folder, in kind order; misnamed entries are problems,
    because an example nobody runs is a test that silently passes."""
    if not folder.is_dir():
        return []
    found: dict[str, list[Path]] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name == ORG_FILE:
            continue
        if entry.is_dir():
            if entry.name not in KINDS:
                problems.append(_misnamed(entry, KINDS, "example kind folder"))
                continue
            found[entry.name] = sorted(
                p
                for p in entry.iterdir()
                if p.suffix in workspace.YAML_SUFFIXES and p.is_file() and p.name != ORG_FILE
            )
        elif entry.suffix in workspace.YAML_SUFFIXES:
            problems.append(
                Problem(
                    f"example profiles go in one of {', '.join(KINDS)}/ below "
                    f"{_shown(folder)}, so that the expected verdict is known",
                    _shown(entry),
                )
            )
    return [(kind, found[kind]) for kind in KINDS if kind in found]


def _misnamed(entry: Path, known: Sequence[str], what: str) -> Problem:
    hint = did_you_mean(entry.name, list(known))
    return Problem(
        f"unknown {what} `{entry.name}`; expected one of {', '.join(known)}{hint}",
        _shown(entry),
    )


def _org_for(rule: Rule, folder: Path, kind: str, problems: list[Problem]) -> OrgProfile | None:
    """The kind folder's org.yaml, else the rule folder's, else one built to fit the rule."""
    for candidate in (folder / kind / ORG_FILE, folder / ORG_FILE):
        if candidate.is_file():
            try:
                org, _ = catalogue.load_org(candidate)
            except InputError as exc:
                problems.extend(exc.problems)
                return None
            return org
    scope = rule.applies_to
    return OrgProfile(
        name=f"example organisation for {rule.id}",
        path=f"(built for {rule.id})",
        sectors=tuple(s for s in scope.sectors if s != "any"),
        jurisdictions=scope.jurisdictions,
        evidence_require="any",
    )


def _evaluate(
    rule: Rule,
    ctx: EvaluationContext,
    path: Path,
    kind: str,
    problems: list[Problem],
) -> ExampleResult | None:
    try:
        (loaded,) = catalogue.load_vendors([path])
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    result = ctx.evaluate_vendor(loaded, [rule])
    # The rule's own finding; an evaluation error replaces every finding, so fall back to it.
    finding = next((f for f in result.findings if f.rule == rule.id), None)
    if finding is None:
        finding = next(f for f in result.findings if f.verdict is Verdict.ERROR)
    message = " ".join((finding.message, *(f"({reason})" for reason in finding.reasons)))
    return ExampleResult(_shown(path), kind, finding.verdict.value, message)


def _shown(path: Path) -> str:
    """A relative path as the user named it; an absolute one (from the organisation's
    ``rules_paths``) relative to the working directory, so no machine path is printed.
    (Not ``workspace.display_path``: that shortens paths to the nearest folder holding an
    org.yaml, which an example folder may hold.)"""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _check_orphans(
    packs: Sequence[RulePack], files: Sequence[Path], problems: list[Problem]
) -> None:
    """Example folders beside a pack folder that name no rule. Checked only where every pack of
    that folder is under test, since a folder is shared by the packs beside it."""
    loaded = {f.resolve() for f in files}
    rule_ids = sorted(rule.id for pack in packs for rule in pack.rules)
    for base in sorted({f.resolve().parent for f in files}):
        root = base / EXAMPLES_DIR
        beside = {p.resolve() for p in workspace.discover_packs(sorted(base.glob("*.y*ml")))}
        if not root.is_dir() or not beside <= loaded:
            continue
        for entry in sorted(root.iterdir()):
            if entry.is_dir() and not entry.name.startswith(".") and entry.name not in rule_ids:
                hint = did_you_mean(entry.name, rule_ids)
                problems.append(
                    Problem(
                        f"examples for `{entry.name}`, which no pack here defines{hint}; "
                        "rename the folder to the rule's id or remove it",
                        _shown(entry),
                    )
                )
