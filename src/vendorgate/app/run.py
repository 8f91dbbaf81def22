"""The service layer: find inputs, load them, evaluate, decide. No click, no printing.

This is also the library API: :func:`check` and :func:`validate` are what ``vendorgate check``
and ``vendorgate validate`` call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import (
    CheckResult,
    OrgProfile,
    RulePack,
    Severity,
    VendorProfile,
)
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import lineage, waivers
from vendorgate.load.profiles import build_org, build_vendor
from vendorgate.load.rules import build_pack
from vendorgate.load.yaml import Document

if TYPE_CHECKING:
    from vendorgate.cache.store import Cache
    from vendorgate.rego.adapter import EngineOptions
from vendorgate.engine.vendor import evaluate_vendor
from vendorgate.load.catalogue import (
    Inputs,
    LoadedVendor,
    check_usage,
    check_waivers,
    load_document,
    load_org,
    load_packs,
    load_vendors,
    select_packs,
    waiver_problems,
    whole_catalogue,
)
from vendorgate.load.workspace import default_org, discover, discover_packs, find_org


def gather(
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    cache: Cache | None = None,
) -> Inputs:
    """Find and load the organisation, the rule packs and the vendor profiles."""
    org, org_doc, packs = load_policy(org_path, rules_paths)
    vendor_files = find_vendor_files(org, vendor_paths)
    if cache is None:
        vendors = load_vendors(vendor_files)
    else:
        vendors = load_vendors(vendor_files, cache.reader())
        cache.flush()
    inputs = Inputs(org, org_doc, tuple(packs), tuple(vendors))
    check_waivers(org, org_doc, inputs.rules)
    check_usage(org, vendors)
    if whole_catalogue(org, vendor_paths, vendor_files):
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


def select_in_force(vendors: Sequence[LoadedVendor], day: date) -> tuple[LoadedVendor, ...]:
    """The profiles in force on ``day``: one version per lineage (see ``lineage``)."""
    kept, _ = lineage.select([v.profile for v in vendors], day)
    ids = {p.id for p in kept}
    return tuple(v for v in vendors if v.profile.id in ids)


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
        from vendorgate.rego import adapter as service

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
        problems.extend(waiver_problems(org, doc, today or date.today(), files, packs, profiles))
    if problems:
        raise InputError(problems)
    return kinds


def has_blocking(result: CheckResult) -> bool:
    return any(f.blocking for f in result.findings)
