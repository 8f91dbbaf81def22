"""The service layer: find inputs, load them, evaluate, decide. No click, no printing.

This is also the library API: :func:`check` and :func:`validate` are what ``vendorgate check``
and ``vendorgate validate`` call.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate import engine, evidence, evidence_age, lineage, waivers
from vendorgate.decide import decide, mark_blocking
from vendorgate.errors import InputError, Problem, UsageError
from vendorgate.load import Document, load_file
from vendorgate.model import (
    CheckResult,
    Fact,
    FactRead,
    Finding,
    OrgProfile,
    Rule,
    RulePack,
    Severity,
    VendorProfile,
    VendorResult,
    Verdict,
)
from vendorgate.profiles import build_org, build_vendor
from vendorgate.rules import build_pack
from vendorgate.schema import validate as validate_schema

if TYPE_CHECKING:
    from vendorgate.cache import Cache
    from vendorgate.rego.service import EngineOptions

ORG_FILENAMES = ("vendorgate.yaml", "org.yaml")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedVendor:
    profile: VendorProfile
    path: Path
    """The file it came from."""
    root: Path
    """The repository its snapshots must stay inside."""


def display_path(path: Path) -> str:
    """The path relative to its project root (see :func:`project_root`), so that findings and
    messages read the same from any working directory and in CI annotations."""
    resolved = Path(os.path.abspath(path))
    root = project_root(resolved.parent)
    if root is None:
        return str(path)
    return resolved.relative_to(root).as_posix()


@functools.cache
def project_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (so paths match what code
    review and CI annotations show), else the nearest holding an organisation profile; None
    when there is neither."""
    chain = (folder, *folder.parents)
    for candidate in chain:
        if (candidate / ".git").exists():
            return candidate
    for candidate in chain:
        if any((candidate / name).is_file() for name in ORG_FILENAMES):
            return candidate
    return None


def find_org(start: Path | None = None) -> Path | None:
    """Walk up from ``start`` (the working directory) to the first organisation profile."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ORG_FILENAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def discover(paths: Iterable[str | Path], *, what: str = "vendor profile") -> list[Path]:
    """YAML files named directly or found below the given folders, sorted, without duplicates."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            depth = len(path.parts)
            for candidate in sorted(path.rglob("*"), key=_path_order):
                if (
                    candidate.suffix in YAML_SUFFIXES
                    and not any(p.startswith(".") for p in candidate.parts[depth:])
                    and candidate.is_file()
                ):
                    found[candidate] = None
        elif path.is_file():
            found[path] = None
        else:
            raise UsageError(f"{raw}: no such file or folder ({what}s expected)")
    return list(found)


def _path_order(path: Path) -> tuple[str, ...] | Path:
    """The order of sorting paths themselves, faster for large folders: on POSIX, paths
    compare by their parts; elsewhere (case-insensitive) the paths are compared as they are."""
    return path.parts if os.name == "posix" else path


def repo_root(path: Path) -> Path:
    """The repository a profile lives in: the nearest folder above it holding ``.git``, else
    one holding an organisation profile, else the profile's own folder. Snapshots must stay
    inside it."""
    start = path.resolve().parent
    chain = (start, *start.parents)
    for folder in chain:
        if (folder / ".git").exists():
            return folder
    for folder in chain:
        if any((folder / n).is_file() for n in ORG_FILENAMES):
            return folder
    return start


def root_for(path: Path, roots: dict[Path, Path]) -> Path:
    """:func:`repo_root`, worked out once per folder in ``roots`` (resolving every file of a
    large catalogue walks the file system for each); a symlinked file is resolved on its own."""
    if path.is_symlink():
        return repo_root(path)
    root = roots.get(path.parent)
    if root is None:
        root = roots[path.parent] = repo_root(path)
    return root


def load_document(path: Path, expected: str | None = None) -> tuple[Document, str]:
    doc = load_file(path, display_path(path))
    return doc, validate_schema(doc, expected)


def load_vendors(paths: Sequence[Path], cache: Cache | None = None) -> list[LoadedVendor]:
    """Load every profile, reporting the problems of all files at once. With a ``cache``,
    a file whose bytes were parsed and validated before is not parsed again."""
    problems: list[Problem] = []
    vendors: list[LoadedVendor] = []
    seen: dict[str, Path] = {}
    roots: dict[Path, Path] = {}
    for path in paths:
        try:
            if cache is None:
                doc, _ = load_document(path, "vendor")
            else:
                from vendorgate.cache import load_profile_document

                doc = load_profile_document(path, display_path(path), cache)
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
    if cache is not None:
        cache.flush()
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


_RULE_PACK_KIND = re.compile(rb"^kind:[ \t]*[\"']?RulePack[\"']?[ \t]*(#.*)?$", re.MULTILINE)


def discover_packs(paths: Iterable[str | Path]) -> list[Path]:
    """Rule pack files: YAML files with a top-level ``kind: RulePack`` line, wherever it stands
    (example vendor profiles beside the packs are skipped). A file named directly is always
    taken, so a mistyped kind is reported rather than ignored."""
    named = {Path(p) for p in paths if Path(p).is_file()}
    packs = []
    for path in discover(paths, what="rule pack"):
        if path in named or _RULE_PACK_KIND.search(path.read_bytes()):
            packs.append(path)
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
    import difflib

    for index, name in enumerate(org.packs):
        if name not in by_id:
            close = difflib.get_close_matches(name, list(by_id), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            known = ", ".join(sorted(by_id)) or "none found"
            message = f"unknown rule pack `{name}`; available: {known}{hint}"
            if org_doc is not None:
                problems.append(org_doc.problem(("packs", index), message))
            else:
                problems.append(Problem(message, org.path))
    if problems:
        raise InputError(problems)
    return [by_id[name] for name in org.packs]


def check_waivers(org: OrgProfile, org_doc: Document | None, rules: Sequence[Rule]) -> None:
    """A waiver naming a rule that no enabled pack defines is an input error."""
    known = {r.id for r in rules}
    problems = []
    import difflib

    for index, waiver in enumerate(org.waivers):
        if waiver.rule not in known:
            close = difflib.get_close_matches(waiver.rule, sorted(known), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            message = f"waiver names rule `{waiver.rule}`, which no enabled pack defines{hint}"
            problems.append(
                org_doc.problem(("waivers", index, "rule"), message)
                if org_doc
                else Problem(message, org.path)
            )
    if problems:
        raise InputError(problems)


def default_org() -> OrgProfile:
    """Used when no organisation profile is found: every pack, default thresholds."""
    return OrgProfile(name="(no organisation profile)", path="")


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


def gather(
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    cache: Cache | None = None,
) -> Inputs:
    """Find and load the organisation, the rule packs and the vendor profiles."""
    org, org_doc, packs = load_policy(org_path, rules_paths)
    vendor_files = find_vendor_files(org, vendor_paths)
    vendors = load_vendors(vendor_files, cache)
    inputs = Inputs(org, org_doc, tuple(packs), tuple(vendors))
    check_waivers(org, org_doc, inputs.rules)
    check_usage(org, vendors)
    if _whole_catalogue(org, vendor_paths, vendor_files):
        waivers.check_vendors(org, org_doc, (v.profile for v in vendors))
    return inputs


def load_policy(
    org_path: str | Path | None = None, rules_paths: Sequence[str | Path] = ()
) -> tuple[OrgProfile, Document | None, list[RulePack]]:
    """The organisation profile (found or named) and the rule packs it enables."""
    org_file = Path(org_path) if org_path else find_org()
    if org_path and not Path(org_path).is_file():
        raise UsageError(f"{org_path}: organisation profile not found")
    org, org_doc = load_org(org_file) if org_file else (default_org(), None)
    rule_sources = list(rules_paths) or list(org.rules_paths)
    if not rule_sources:
        raise UsageError(
            "no rule packs: pass --rules PATH, or list `rules_paths` in the organisation profile"
        )
    packs = select_packs(
        _with_rego_rules(load_packs(discover_packs(rule_sources)), rule_sources), org, org_doc
    )
    return org, org_doc, packs


def find_vendor_files(org: OrgProfile, vendor_paths: Sequence[str | Path] = ()) -> list[Path]:
    """The vendor profile files named, else those of the organisation's catalogue."""
    vendor_sources = list(vendor_paths) or list(org.vendors_paths)
    if not vendor_sources:
        raise UsageError(
            "no vendor profiles: pass PATHS, or list `vendors_paths` in the organisation profile"
        )
    return discover(vendor_sources)


def _whole_catalogue(org: OrgProfile, given: Sequence[str | Path], files: Sequence[Path]) -> bool:
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


def select_in_force(vendors: Sequence[LoadedVendor], day: date) -> tuple[LoadedVendor, ...]:
    """The profiles in force on ``day``: one version per lineage (see ``lineage``)."""
    kept, _ = lineage.select([v.profile for v in vendors], day)
    ids = {p.id for p in kept}
    return tuple(v for v in vendors if v.profile.id in ids)


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


class Resolver:
    """Checks the evidence of each fact once per vendor (shared by the native and Rego engines,
    so both see the same evidence statuses)."""

    def __init__(self, loaded: LoadedVendor, store: evidence.SnapshotStore) -> None:
        self.loaded = loaded
        self.store = store
        self.cache: dict[tuple[str, str | None], FactRead] = {}

    def __call__(self, fact: Fact) -> FactRead:
        key = (fact.name, fact.plan)
        read = self.cache.get(key)
        if read is None:
            cited = tuple(
                evidence.check(ev, self.loaded.profile, self.loaded.path, self.store)
                for ev in fact.evidence
            )
            read = FactRead(fact.name, fact.value, fact.location, cited, fact.plan)
            self.cache[key] = read
        return read


def evaluate_vendor(
    loaded: LoadedVendor,
    rules: Sequence[Rule],
    org: OrgProfile,
    today: date,
    plan: str | None,
    store: evidence.SnapshotStore,
    data_classes: tuple[str, ...] | None = None,
    threshold: Severity | None = None,
) -> VendorResult:
    """Findings and decision for one vendor and plan. An unexpected exception becomes an
    ``error`` finding for this vendor only, never a pass."""
    profile = loaded.profile
    ctx = engine.Context(
        vendor=profile,
        plan=plan,
        facts=profile.facts_for(plan),
        org=org,
        today=today,
        resolve=Resolver(loaded, store),
        data_classes=data_classes if data_classes is not None else org.data_classes_for(profile),
    )
    try:
        findings = tuple(engine.evaluate(rule, ctx) for rule in rules)
        findings += evidence_age.findings(profile, plan, org, today)
    except Exception as exc:
        findings = (_error_finding(profile, plan, exc),)
    findings = mark_blocking(findings, org, threshold)
    # Added after blocking is decided: an expired waiver is a warning that never blocks.
    findings += waivers.expired_findings(profile, plan, org, today)
    return VendorResult(profile, plan, findings, decide(profile.id, plan, findings, org))


def _error_finding(profile: VendorProfile, plan: str | None, exc: Exception) -> Finding:
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule="vendorgate.evaluation-error",
        rule_title="Evaluation error",
        pack="vendorgate",
        severity=Severity.CRITICAL,
        verdict=Verdict.ERROR,
        message=f"{profile.name}: evaluation failed ({type(exc).__name__}: {exc}); "
        "the vendor cannot be approved until this is fixed.",
        citations=(),
        facts=(),
        remediation="Report this as a vendorgate bug with the profile attached.",
        location=profile.location,
    )


Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` while vendors are evaluated (for progress bars)."""


def _with_rego_rules(packs: list[RulePack], sources: Sequence[str | Path]) -> list[RulePack]:
    """Add the rules of the packs' ``.rego`` modules (see ``vendorgate.rego.packs``)."""
    from vendorgate.rego.packs import with_rego_rules

    return with_rego_rules(packs, sources)


def evaluate(
    inputs: Inputs,
    today: date | None = None,
    threshold: Severity | None = None,
    progress: Progress | None = None,
    engine_options: EngineOptions | None = None,
) -> CheckResult:
    """Evaluate every vendor (on the plan it uses) against every enabled rule.

    ``engine_options`` selects the Rego engine or an OPA server instead of the native one; rules
    written in Rego always run in the Rego engine (see ``vendorgate.rego.service``)."""
    if (engine_options is not None and engine_options.engine != "native") or any(
        rule.rego_module for rule in inputs.rules
    ):
        from vendorgate.rego import service

        return service.evaluate(inputs, today, threshold, engine_options, progress)
    day = today or date.today()
    rules = inputs.rules
    results = []
    stores: dict[Path, evidence.SnapshotStore] = {}
    ordered = sorted(inputs.vendors, key=lambda lv: lv.profile.id)
    for done, loaded in enumerate(ordered):
        if progress is not None:
            progress(done, len(ordered), loaded.profile.id)
        store = stores.setdefault(loaded.root, evidence.SnapshotStore(loaded.root))
        results.append(
            evaluate_vendor(
                loaded,
                rules,
                inputs.org,
                day,
                inputs.org.plan_for(loaded.profile),
                store,
                threshold=threshold,
            )
        )
    if progress is not None:
        progress(len(ordered), len(ordered), "")
    return CheckResult(inputs.org, tuple(results), day, inputs.packs)


def check(
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    today: date | None = None,
    fail_on: Severity | None = None,
    fail_on_undetermined: bool = False,
    versions_on: date | None = None,
    engine_options: EngineOptions | None = None,
    cache: Cache | None = None,
) -> CheckResult:
    """Library entry point: load everything and evaluate. Raises InputError on bad input.

    ``versions_on`` (``--as-of``) evaluates, of each vendor lineage, only the version in force
    on that date. ``cache`` (see ``vendorgate.cache``) keeps parsed profiles between runs."""
    inputs = gather(vendor_paths, org_path, rules_paths, cache)
    if versions_on is not None:
        inputs = replace(inputs, vendors=select_in_force(inputs.vendors, versions_on))
    if fail_on_undetermined:
        inputs = block_undetermined(inputs)
    return evaluate(inputs, today, fail_on, engine_options=engine_options)


def block_undetermined(inputs: Inputs) -> Inputs:
    """``--fail-on-undetermined``: undetermined findings at or above the threshold block (and
    so keep their vendor from approval) whatever the organisation's `undetermined` setting."""
    return replace(inputs, org=replace(inputs.org, undetermined="block"))


def validate(paths: Sequence[str | Path], today: date | None = None) -> list[str]:
    """Validate vendor, rule pack and organisation files of any kind; returns their kinds.

    An organisation profile's waivers must not be expired on ``today`` (the date of writing;
    default: today), and, when the files include its whole catalogue, must name known rules
    and vendors."""
    problems: list[Problem] = []
    kinds = []
    files = discover(paths, what="YAML file")
    orgs: list[tuple[OrgProfile, Document]] = []
    packs: list[RulePack] = []
    profiles: list[VendorProfile] = []
    for path in files:
        try:
            doc, kind = load_document(path)
            if kind == "vendor":
                profiles.append(build_vendor(doc))
            elif kind == "rules":
                packs.append(build_pack(doc, path))
            else:
                orgs.append((build_org(doc, path.resolve().parent), doc))
            kinds.append(kind)
        except InputError as exc:
            problems.extend(exc.problems)
    for org, doc in orgs:
        problems.extend(_waiver_problems(org, doc, today or date.today(), files, packs, profiles))
    if problems:
        raise InputError(problems)
    return kinds


def _waiver_problems(
    org: OrgProfile,
    doc: Document,
    today: date,
    files: Sequence[Path],
    packs: Sequence[RulePack],
    profiles: Sequence[VendorProfile],
) -> list[Problem]:
    checks: list[Callable[[], None]] = [lambda: waivers.check_not_expired(org, doc, today)]
    if org.vendors_paths and _whole_catalogue(org, files, files):
        checks.append(lambda: waivers.check_vendors(org, doc, profiles))
    enabled = [p for p in packs if org.packs is None or p.id in org.packs]
    if org.rules_paths and _covers(files, org.rules_paths):
        checks.append(lambda: check_waivers(org, doc, [r for p in enabled for r in p.rules]))
    problems: list[Problem] = []
    for run_check in checks:
        try:
            run_check()
        except InputError as exc:
            problems.extend(exc.problems)
    return problems


def _covers(files: Sequence[Path], sources: Sequence[str]) -> bool:
    try:
        wanted = {p.resolve() for p in discover_packs(sources)}
    except UsageError:
        return False
    return wanted <= {p.resolve() for p in files}


def has_blocking(result: CheckResult) -> bool:
    return any(f.blocking for f in result.findings)
