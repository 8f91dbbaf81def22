"""One evaluation context: what every command means by ``--as-of``, ``--fail-on``,
``--fail-on-undetermined``, ``--plan`` and ``--data-classes``.

``check``, ``report``, ``gate``, ``explain``, ``diff`` and ``test`` all build an
:class:`EvaluationContext` with :func:`build_context` and evaluate through it, so an option
cannot mean one thing in one command and another elsewhere: ``--as-of DATE`` is the evaluation
day *and* picks, of each vendor lineage, the version in force that day; the blocking policy is
read at decision time (the organisation profile is never rewritten); and the notes a reader
must see (the version picked, documents not yet in force) are worded once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import OrgProfile, Rule, RulePack, Severity, VendorProfile, VendorResult
from vendorgate.engine import vendor as engine_vendor
from vendorgate.engine.decide import BlockingPolicy
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import lineage, workspace
from vendorgate.load.catalogue import LoadedVendor, load_vendors

if TYPE_CHECKING:
    from vendorgate.load.yaml import Document
    from vendorgate.rego.adapter import EngineOptions

_ORGS_PLAN = object()
"""Sentinel: evaluate on the plan the context says (override, else the organisation's)."""


class SnapshotStores:
    """One snapshot store per repository root, shared by every vendor evaluated in a run."""

    def __init__(self) -> None:
        self._stores: dict[Path, evidence.SnapshotStore] = {}

    def for_root(self, root: Path) -> evidence.SnapshotStore:
        return self._stores.setdefault(root, evidence.SnapshotStore(root))


@dataclass(frozen=True)
class EvaluationContext:
    """Everything an evaluation depends on besides the vendor profiles themselves."""

    org: OrgProfile
    """The organisation profile, exactly as on disk (options never rewrite it)."""
    org_doc: Document | None
    """Its parsed document (for positions in messages); None for the default organisation."""
    packs: tuple[RulePack, ...]
    """The enabled rule packs (YAML and Rego)."""
    day: date
    """The evaluation day: waivers, evidence age and documents' effective dates are judged
    against it (``--as-of``, else today)."""
    versions_on: date | None
    """``--as-of``: of each vendor lineage, evaluate the version in force on this day; None
    evaluates every profile as written."""
    blocking: BlockingPolicy = field(default_factory=BlockingPolicy)
    """What blocks: ``--fail-on`` and ``--fail-on-undetermined`` as one policy."""
    plan: str | None = None
    """``--plan``: the plan to evaluate; None uses the plan the organisation uses."""
    data_classes: tuple[str, ...] | None = None
    """``--data-classes``: what the organisation sends; None keeps the profiles' usage."""
    engine: EngineOptions | None = None
    """``--engine`` and its OPA settings; None is the native engine."""
    stores: SnapshotStores = field(default_factory=SnapshotStores, compare=False, repr=False)
    """Pinned snapshot stores, one per repository root."""
    notes: tuple[str, ...] = ()
    """What a reader must know about this evaluation (the version in force picked, versions
    skipped, documents that took effect after the evaluation day), in the words every command
    shows."""

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)

    @property
    def threshold(self) -> Severity | None:
        """``--fail-on``, for callers that still take a bare threshold."""
        return self.blocking.threshold

    def with_notes(self, notes: Sequence[str]) -> EvaluationContext:
        """This context with ``notes`` added (each note once, in order)."""
        return replace(self, notes=tuple(dict.fromkeys((*self.notes, *notes))))

    def plan_for(self, profile: VendorProfile) -> str | None:
        return self.plan if self.plan is not None else self.org.plan_for(profile)

    def data_classes_for(self, profile: VendorProfile) -> tuple[tuple[str, ...] | None, str]:
        """The data classes assumed sent to the vendor, and where that came from."""
        if self.data_classes is not None:
            return self.data_classes, "--data-classes"
        override = self.org.usage.get(profile.id)
        if override is not None and override.data_classes is not None:
            return override.data_classes, "the organisation profile's usage"
        if profile.usage is not None and profile.usage.data_classes is not None:
            return profile.usage.data_classes, "the vendor profile's usage"
        return None, "not stated"

    def evaluate_vendor(
        self,
        loaded: LoadedVendor,
        rules: Sequence[Rule] | None = None,
        plan: str | object | None = _ORGS_PLAN,
    ) -> VendorResult:
        """One vendor on one plan (default: the context's) against ``rules`` (default: all)."""
        chosen = self.plan_for(loaded.profile) if plan is _ORGS_PLAN else plan
        assert chosen is None or isinstance(chosen, str)
        return engine_vendor.evaluate_vendor(
            loaded,
            self.rules if rules is None else rules,
            self.org,
            self.day,
            chosen,
            self.stores.for_root(loaded.root),
            data_classes=self.data_classes_for(loaded.profile)[0],
            policy=self.blocking,
        )


def build_context(
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    *,
    as_of: date | None = None,
    today: date | None = None,
    fail_on: Severity | None = None,
    fail_on_undetermined: bool = False,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
    engine_options: EngineOptions | None = None,
) -> EvaluationContext:
    """The context of one command from its plain options. ``as_of`` (``--as-of``) is both the
    evaluation day and the day whose versions in force are picked; ``today`` only sets the
    evaluation day when there is no ``as_of`` (tests; default: the real today)."""
    from vendorgate.rego.adapter import load_policy

    org, org_doc, packs = load_policy(org_path, rules_paths)
    return context_for(
        org,
        org_doc,
        packs,
        as_of=as_of,
        today=today,
        blocking=BlockingPolicy(fail_on, fail_on_undetermined),
        plan=plan,
        data_classes=data_classes,
        engine_options=engine_options,
    )


def context_for(
    org: OrgProfile,
    org_doc: Document | None,
    packs: Sequence[RulePack],
    *,
    as_of: date | None = None,
    today: date | None = None,
    blocking: BlockingPolicy | None = None,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
    engine_options: EngineOptions | None = None,
) -> EvaluationContext:
    """The context over a policy already loaded (the same rules as :func:`build_context`)."""
    return EvaluationContext(
        org=org,
        org_doc=org_doc,
        packs=tuple(packs),
        day=as_of or today or date.today(),
        versions_on=as_of,
        blocking=blocking or BlockingPolicy(),
        plan=plan,
        data_classes=data_classes,
        engine=engine_options,
    )


# ---------------------------------------------------------------- versions in force


def version_note(day: date, chosen: LoadedVendor) -> str:
    """The note every command shows for the version of a lineage picked by ``--as-of``."""
    profile = chosen.profile
    return (
        f"version in force on {day.isoformat()}: {profile.id} "
        f"({lineage.span(profile)}), {workspace.display_path(chosen.path)}"
    )


def document_notes(ctx: EvaluationContext, vendor: VendorProfile) -> list[str]:
    """Documents of ``vendor`` that took effect after the evaluation day."""
    return documents_after(ctx.day, vendor)


def documents_after(day: date, vendor: VendorProfile) -> list[str]:
    """The notes for documents of ``vendor`` that took effect after ``day``."""
    return [
        f"vendor `{vendor.id}`: document `{d.id}` took effect on {d.effective.isoformat()}, "
        f"after {day.isoformat()}: what the profile quotes from it did not yet apply then"
        for d in vendor.documents.values()
        if d.effective is not None and d.effective > day
    ]


def lineage_versions(named: LoadedVendor, org: OrgProfile) -> tuple[LoadedVendor, ...]:
    """Every profile of the named profile's lineage: beside it, and in the org's catalogue."""
    name = named.profile.lineage
    if name is None:
        return (named,)
    candidates: dict[Path, None] = {}
    for path in sorted(named.path.parent.iterdir()):
        if path.suffix in workspace.YAML_SUFFIXES and path.is_file():
            candidates[path.resolve()] = None
    if org.vendors_paths:
        try:
            for path in workspace.discover(org.vendors_paths):
                candidates[path.resolve()] = None
        except UsageError:
            pass  # a missing catalogue folder is the check command's business, not the gate's
    candidates.pop(named.path.resolve(), None)
    found = lineage.find_files(name, candidates)
    others = [v for v in load_vendors(found) if v.profile.lineage == name]
    clash = [v for v in others if v.profile.id == named.profile.id]
    if clash:
        loc = clash[0].profile.location
        raise InputError(
            [
                Problem(
                    f"vendor id `{named.profile.id}` is also used by "
                    f"{workspace.display_path(named.path)}",
                    loc.path,
                    loc.line,
                    loc.column,
                )
            ]
        )
    return (named, *sorted(others, key=lambda v: v.profile.id))


def _dated(profile: VendorProfile) -> bool:
    return profile.lineage is not None or profile.in_force is not None


def select_versions(
    ctx: EvaluationContext, vendors: Sequence[LoadedVendor]
) -> tuple[EvaluationContext, tuple[LoadedVendor, ...]]:
    """The profiles to evaluate and the context with its notes.

    With ``versions_on``, one version per lineage (a lineage with none in force is an input
    error: evaluating another version instead would answer a different question); without it,
    every profile as written. Either way, documents not yet in force on the day are noted."""
    kept = tuple(vendors)
    notes: list[str] = []
    if ctx.versions_on is not None:
        day = ctx.versions_on
        chosen, skipped = lineage.select([v.profile for v in vendors], day)
        ids = {p.id for p in chosen}
        kept = tuple(v for v in vendors if v.profile.id in ids)
        notes += [version_note(day, v) for v in kept if _dated(v.profile)]
        if skipped:
            names = ", ".join(sorted(p.id for p in skipped))
            notes.append(f"versions not in force on {day.isoformat()}, not evaluated: {names}")
    for v in sorted(kept, key=lambda lv: lv.profile.id):
        notes += document_notes(ctx, v.profile)
    return ctx.with_notes(notes), kept


def pick_version(
    ctx: EvaluationContext, named: LoadedVendor, versions: Sequence[LoadedVendor]
) -> tuple[EvaluationContext, LoadedVendor]:
    """For a command about one named vendor (``gate``, ``explain``): the profile to evaluate
    among the versions of its lineage, with the same notes :func:`select_versions` gives, plus
    what the reader must know about the profile they named."""
    profile = named.profile
    if not _dated(profile):
        return ctx.with_notes(document_notes(ctx, profile)), named
    by_id = {v.profile.id: v for v in versions}
    current = lineage.in_force_on([v.profile for v in versions], ctx.versions_on or ctx.day)
    if ctx.versions_on is not None:
        if current is None:
            raise InputError(
                [
                    lineage.none_in_force(
                        lineage.name(profile), [v.profile for v in versions], ctx.versions_on
                    )
                ]
            )
        chosen = by_id[current.id]
        notes = [version_note(ctx.versions_on, chosen)]
        skipped = sorted(v.profile.id for v in versions if v is not chosen)
        if skipped:
            day = ctx.versions_on.isoformat()
            notes.append(f"versions not in force on {day}, not evaluated: {', '.join(skipped)}")
        if chosen is not named:
            notes.append(
                f"the named profile {profile.id} ({lineage.span(profile)}) was not in force then"
            )
        return ctx.with_notes([*notes, *document_notes(ctx, chosen.profile)]), chosen
    notes = [*_as_written(ctx, named, current, by_id), *document_notes(ctx, profile)]
    return ctx.with_notes(notes), named


def _as_written(
    ctx: EvaluationContext,
    named: LoadedVendor,
    current: VendorProfile | None,
    by_id: dict[str, LoadedVendor],
) -> list[str]:
    """Without ``--as-of`` the named profile is evaluated as written; say whether its terms
    are the ones in force on the evaluation day."""
    profile = named.profile
    if current is not None and current.id == profile.id:
        return [f"these terms are in force ({lineage.span(profile)})"]
    day = ctx.day.isoformat()
    note = (
        f"these terms ({profile.id}) were in force {lineage.span(profile)}, not on {day}; "
        "evaluated as written"
    )
    if current is not None:
        note += (
            f"; the version in force on {day} is {current.id} "
            f"({workspace.display_path(by_id[current.id].path)})"
        )
    return [note + "; pass --as-of DATE to evaluate the version in force on a date"]
