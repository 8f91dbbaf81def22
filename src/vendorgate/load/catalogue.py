"""Loading the inputs of a run: vendor profiles, the organisation profile and rule packs,
with the checks that span files (duplicate ids, enabled packs, waivers, usage)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import (
    OrgProfile,
    Rule,
    RulePack,
    VendorProfile,
)
from vendorgate.load import waivers
from vendorgate.load.profiles import build_org, build_vendor
from vendorgate.load.rules import build_pack
from vendorgate.load.validate import validate as validate_schema
from vendorgate.load.workspace import discover, discover_packs, display_path, root_for
from vendorgate.load.yaml import Document, load_file

ReadDocument = Callable[[Path, str], Document]
"""Reads and validates one vendor profile file (its path and display path): the cache's
reader, or :func:`read_vendor_document`."""


@dataclass(frozen=True)
class LoadedVendor:
    profile: VendorProfile
    path: Path
    """The file it came from."""
    root: Path
    """The repository its snapshots must stay inside."""


def load_document(path: Path, expected: str | None = None) -> tuple[Document, str]:
    doc = load_file(path, display_path(path))
    return doc, validate_schema(doc, expected)


def read_vendor_document(path: Path, display: str) -> Document:
    """A vendor profile file, loaded and validated."""
    doc = load_file(path, display)
    validate_schema(doc, "vendor")
    return doc


def load_vendors(
    paths: Sequence[Path], read_document: ReadDocument = read_vendor_document
) -> list[LoadedVendor]:
    """Load every profile, reporting the problems of all files at once. ``read_document``
    may be a cache's reader, so that a file parsed and validated before is not parsed again."""
    problems: list[Problem] = []
    vendors: list[LoadedVendor] = []
    seen: dict[str, Path] = {}
    roots: dict[Path, Path] = {}
    for path in paths:
        try:
            doc = read_document(path, display_path(path))
            profile = build_vendor(doc)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if profile.id in seen:
            problems.append(
                Problem(
                    f"vendor id `{profile.id}` is also used by {display_path(seen[profile.id])}",
                    profile.location.path,
                    profile.location.line,
                    profile.location.column,
                )
            )
            continue
        seen[profile.id] = path
        vendors.append(LoadedVendor(profile, path, root_for(path, roots)))
    if problems:
        raise InputError(problems)
    return vendors


def load_org(path: Path) -> tuple[OrgProfile, Document]:
    doc, _ = load_document(path, "org")
    return build_org(doc, path.resolve().parent), doc


def load_packs(paths: Sequence[Path]) -> list[RulePack]:
    problems: list[Problem] = []
    packs: list[RulePack] = []
    for path in paths:
        try:
            doc, _ = load_document(path, "rules")
            packs.append(build_pack(doc, path))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return packs


def select_packs(
    packs: list[RulePack], org: OrgProfile, org_doc: Document | None
) -> list[RulePack]:
    """The packs the organisation enables; an unknown pack name is an input error."""
    by_id: dict[str, RulePack] = {}
    problems: list[Problem] = []
    for pack in packs:
        if pack.id in by_id:
            problems.append(
                Problem(
                    f"pack id `{pack.id}` is also used by {by_id[pack.id].path}", pack.path, 1, 1
                )
            )
        by_id[pack.id] = pack
    rule_owner: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in rule_owner and rule_owner[rule.id] != pack.id:
                problems.append(
                    Problem(
                        f"rule id `{rule.id}` is also defined in pack `{rule_owner[rule.id]}`",
                        rule.location.path,
                        rule.location.line,
                        rule.location.column,
                    )
                )
            rule_owner[rule.id] = pack.id
    if org.packs is None:
        if problems:
            raise InputError(problems)
        return sorted(packs, key=lambda p: p.id)

    for index, name in enumerate(org.packs):
        if name not in by_id:
            hint = did_you_mean(name, list(by_id))
            known = ", ".join(sorted(by_id)) or "none found"
            message = f"unknown rule pack `{name}`; available: {known}{hint}"
            if org_doc is not None:
                problems.append(org_doc.problem(("packs", index), message))
            else:
                problems.append(Problem(message, org.path))
    if problems:
        raise InputError(problems)
    return [by_id[name] for name in org.packs]


def require_rules(
    packs: Sequence[RulePack], sources: Sequence[str | Path], org: OrgProfile
) -> None:
    """A run with no rule to evaluate would approve every vendor: it is an input error."""
    if any(pack.rules for pack in packs):
        return
    shown = ", ".join(str(s) for s in sources)
    raise InputError(
        Problem(
            f"no rules to evaluate: no rule pack (a YAML file with `kind: RulePack`, or a "
            f".rego module) is enabled from {shown}; check `rules_paths` and `packs`",
            org.path or shown,
        )
    )


def check_usage_names(org: OrgProfile, doc: Document | None, ids: Iterable[str]) -> None:
    """Every vendor the organisation's ``usage`` names has a profile in the catalogue: usage
    that matches no vendor would leave the vendor it meant unevaluated, or evaluated on the
    data classes of its own profile. Call only with the ids of the whole catalogue."""
    known = set(ids)
    problems = []
    for name in org.usage:
        if name in known:
            continue
        message = (
            f"usage names vendor `{name}`, which no vendor profile of the catalogue has as "
            f"its id{did_you_mean(name, sorted(known))}"
        )
        problems.append(
            doc.problem(("usage", name), message, of_key=True)
            if doc is not None
            else Problem(message, org.path)
        )
    if problems:
        raise InputError(problems)


def check_waivers(org: OrgProfile, org_doc: Document | None, rules: Sequence[Rule]) -> None:
    """A waiver naming a rule that no enabled pack defines is an input error."""
    known = {r.id for r in rules}
    problems = []

    for index, waiver in enumerate(org.waivers):
        if waiver.rule not in known:
            hint = did_you_mean(waiver.rule, sorted(known))
            message = f"waiver names rule `{waiver.rule}`, which no enabled pack defines{hint}"
            problems.append(
                org_doc.problem(("waivers", index, "rule"), message)
                if org_doc
                else Problem(message, org.path)
            )
    if problems:
        raise InputError(problems)


@dataclass(frozen=True)
class Inputs:
    """Everything an evaluation run needs, loaded and checked."""

    org: OrgProfile
    org_doc: Document | None
    packs: tuple[RulePack, ...]
    vendors: tuple[LoadedVendor, ...]

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)


def whole_catalogue(org: OrgProfile, given: Sequence[str | Path], files: Sequence[Path]) -> bool:
    """Whether the run covers the organisation's whole catalogue, so that a waiver naming a
    vendor it did not load names an unknown vendor (not merely one outside this run)."""
    if not org.vendors_paths:
        return False
    if not given:
        return True
    try:
        return waivers.is_full_catalogue(files, discover(org.vendors_paths))
    except UsageError:
        return False


def check_usage(org: OrgProfile, vendors: Sequence[LoadedVendor]) -> None:
    """A usage override naming a plan the vendor does not have is an input error."""
    problems = []
    for loaded in vendors:
        override = org.usage.get(loaded.profile.id)
        if override is None or override.plan is None:
            continue
        if loaded.profile.plan(override.plan) is None:
            plans = ", ".join(p.id for p in loaded.profile.plans) or "none"
            loc = override.location
            problems.append(
                Problem(
                    f"usage of `{loaded.profile.id}` names plan `{override.plan}`, which its "
                    f"profile does not define (plans: {plans})",
                    loc.path,
                    loc.line,
                    loc.column,
                )
            )
    if problems:
        raise InputError(problems)


def waiver_problems(
    org: OrgProfile,
    doc: Document,
    today: date,
    files: Sequence[Path],
    packs: Sequence[RulePack],
    profiles: Sequence[VendorProfile],
) -> list[Problem]:
    checks: list[Callable[[], None]] = [lambda: waivers.check_not_expired(org, doc, today)]
    if org.vendors_paths and whole_catalogue(org, files, files):
        checks.append(lambda: waivers.check_vendors(org, doc, profiles))
        checks.append(lambda: check_usage_names(org, doc, (p.id for p in profiles)))
    enabled = [p for p in packs if org.packs is None or p.id in org.packs]
    if org.rules_paths and covers_packs(files, org.rules_paths):
        checks.append(lambda: check_waivers(org, doc, [r for p in enabled for r in p.rules]))
    problems: list[Problem] = []
    for run_check in checks:
        try:
            run_check()
        except InputError as exc:
            problems.extend(exc.problems)
    return problems


def covers_packs(files: Sequence[Path], sources: Sequence[str]) -> bool:
    try:
        wanted = {p.resolve() for p in discover_packs(sources)}
    except UsageError:
        return False
    return wanted <= {p.resolve() for p in files}
