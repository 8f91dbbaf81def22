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

from vendorgate.app.context import EvaluationContext, build_context, context_for, select_versions
from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import (
    CheckResult,
    OrgProfile,
    RulePack,
    Severity,
    VendorProfile,
)
from vendorgate.engine.decide import BlockingPolicy
from vendorgate.load import lineage, waivers
from vendorgate.load.catalogue import (
    Inputs,
    LoadedVendor,
    check_usage,
    check_usage_names,
    check_waivers,
    load_document,
    load_vendors,
    waiver_problems,
    whole_catalogue,
)
from vendorgate.load.profiles import build_org, build_vendor
from vendorgate.load.rules import build_pack
from vendorgate.load.workspace import discover, display_path
from vendorgate.load.yaml import Document

if TYPE_CHECKING:
    from vendorgate.cache.store import Cache
    from vendorgate.rego.adapter import EngineOptions


def gather(
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    cache: Cache | None = None,
    *,
    context: EvaluationContext | None = None,
) -> Inputs:
    """Find and load the organisation, the rule packs and the vendor profiles. With
    ``context`` its policy is used (``org_path`` and ``rules_paths`` are then ignored)."""
    if context is None:
        org, org_doc, packs = load_policy(org_path, rules_paths)
    else:
        org, org_doc, packs = context.org, context.org_doc, list(context.packs)
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
        check_usage_names(org, org_doc, (v.profile.id for v in vendors))
    return inputs


def load_policy(
    org_path: str | Path | None = None, rules_paths: Sequence[str | Path] = ()
) -> tuple[OrgProfile, Document | None, list[RulePack]]:
    """The organisation profile (found or named) and the rule packs it enables."""
    from vendorgate.rego.adapter import load_policy as load

    return load(org_path, rules_paths)


def find_vendor_files(org: OrgProfile, vendor_paths: Sequence[str | Path] = ()) -> list[Path]:
    """The vendor profile files named, else those of the organisation's catalogue."""
    vendor_sources = list(vendor_paths) or list(org.vendors_paths)
    if not vendor_sources:
        raise UsageError(
            "no vendor profiles: pass PATHS, or list `vendors_paths` in the organisation profile"
        )
    files = discover(vendor_sources)
    if not files:
        shown = ", ".join(display_path(Path(s)) for s in vendor_sources)
        raise UsageError(
            f"{shown}: no vendor profiles found (YAML files); a run over no vendor approves none"
        )
    return files


def select_in_force(vendors: Sequence[LoadedVendor], day: date) -> tuple[LoadedVendor, ...]:
    """The profiles in force on ``day``: one version per lineage (see ``lineage``)."""
    kept, _ = lineage.select([v.profile for v in vendors], day)
    ids = {p.id for p in kept}
    return tuple(v for v in vendors if v.profile.id in ids)


Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` while vendors are evaluated (for progress bars)."""


def evaluate(
    inputs: Inputs,
    today: date | None = None,
    threshold: Severity | None = None,
    progress: Progress | None = None,
    engine_options: EngineOptions | None = None,
    *,
    context: EvaluationContext | None = None,
) -> CheckResult:
    """Evaluate every vendor (on the plan it uses) against every enabled rule.

    ``context`` (see ``app.context``) carries the day, blocking policy, plan, data classes and
    engine; without it they come from ``today``, ``threshold`` and ``engine_options``. The
    Rego engine or an OPA server replaces the native one when asked; rules written in Rego
    always run in the Rego engine (see ``vendorgate.rego.adapter``)."""
    ctx = context or _context_of(inputs, today, threshold, engine_options)
    if (ctx.engine is not None and ctx.engine.engine != "native") or any(
        rule.rego_module for rule in inputs.rules
    ):
        return _evaluate_rego(inputs, ctx, progress)
    results = []
    ordered = sorted(inputs.vendors, key=lambda lv: lv.profile.id)
    for done, loaded in enumerate(ordered):
        if progress is not None:
            progress(done, len(ordered), loaded.profile.id)
        results.append(ctx.evaluate_vendor(loaded, inputs.rules))
    if progress is not None:
        progress(len(ordered), len(ordered), "")
    return CheckResult(inputs.org, tuple(results), ctx.day, inputs.packs, ctx.notes)


def _context_of(
    inputs: Inputs,
    today: date | None,
    threshold: Severity | None,
    engine_options: EngineOptions | None,
) -> EvaluationContext:
    # The older calling convention: the options given, over the inputs' own policy.
    return context_for(
        inputs.org,
        inputs.org_doc,
        inputs.packs,
        today=today,
        blocking=BlockingPolicy(threshold),
        engine_options=engine_options,
    )


def _evaluate_rego(
    inputs: Inputs, ctx: EvaluationContext, progress: Progress | None
) -> CheckResult:
    from vendorgate.rego import adapter

    overrides = adapter.Overrides(ctx.plan, ctx.data_classes)
    result = adapter.evaluate(
        inputs,
        ctx.day,
        ctx.threshold,
        ctx.engine,
        progress,
        policy=ctx.blocking,
        overrides=overrides,
    )
    return replace(result, notes=ctx.notes)


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
    *,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
) -> CheckResult:
    """Library entry point: load everything and evaluate. Raises InputError on bad input.

    ``versions_on`` (``--as-of``) evaluates, of each vendor lineage, only the version in force
    on that date (and is the evaluation day unless ``today`` says otherwise). ``cache`` (see
    ``vendorgate.cache``) keeps parsed profiles between runs."""
    ctx = build_context(
        org_path,
        rules_paths,
        as_of=versions_on,
        today=today,
        fail_on=fail_on,
        fail_on_undetermined=fail_on_undetermined,
        plan=plan,
        data_classes=data_classes,
        engine_options=engine_options,
    )
    if today is not None and versions_on is not None:
        ctx = replace(ctx, day=today)  # a library caller may replay versions on another day
    inputs = gather(vendor_paths, cache=cache, context=ctx)
    ctx, vendors = select_versions(ctx, inputs.vendors)
    return evaluate(replace(inputs, vendors=vendors), context=ctx)


def block_undetermined(inputs: Inputs) -> Inputs:
    """Kept for callers of the older API: ``--fail-on-undetermined`` folded into the profile.
    Evaluation itself no longer does this; it reads ``BlockingPolicy.fail_on_undetermined``."""
    return replace(inputs, org=replace(inputs.org, undetermined="block"))


def validate(paths: Sequence[str | Path], today: date | None = None) -> list[str]:
    """Validate vendor, rule pack and organisation files of any kind; returns their kinds
    (see :func:`validate_files`)."""
    return validate_files(paths, today)[0]


def validate_files(
    paths: Sequence[str | Path], today: date | None = None
) -> tuple[list[str], list[str]]:
    """Validate vendor, rule pack and organisation files of any kind; returns their kinds and
    notes for a person (profiles holding facts nobody has reviewed).

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
    return kinds, [note for p in profiles if (note := _unreviewed_note(p))]


def _unreviewed_note(profile: VendorProfile) -> str:
    """A note naming the facts marked ``unreviewed: true``, which read as undisclosed."""
    facts = [*profile.facts.values(), *(f for plan in profile.plans for f in plan.facts.values())]
    names = sorted({f.name for f in facts if f.unreviewed})
    if not names:
        return ""
    return (
        f"note: {profile.location.path}: {len(names)} fact(s) marked `unreviewed: true` read "
        f"as undisclosed until reviewed: {', '.join(names)} (`vendorgate review "
        f"{profile.location.path}` shows them with their quotes)"
    )


def has_blocking(result: CheckResult) -> bool:
    return any(f.blocking for f in result.findings)
