"""The pre-procurement gate: may we buy this vendor, on which plan, and on what conditions?

``gate`` evaluates one vendor profile (each of its plans with ``--plan all``) and turns the
findings into what procurement acts on: the decision, the blocking findings with both
citations, the questions to ask the vendor (from every undetermined fact a rule needed) and
the contract conditions to demand (from the remediation of every finding that did not pass).

With ``--as-of DATE`` the gate replays the past: waivers valid then, evidence age then, and,
for a dated profile (``lineage`` + ``in_force``), the version of the vendor's terms in force
then, found among the profiles beside the named file and in the organisation's catalogue.
Without ``--as-of`` the named file is evaluated as written (on today's date), with a note
when its terms are no longer the ones in force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vendorgate.app import run
from vendorgate.app.context import build_context, lineage_versions, pick_version
from vendorgate.core.errors import UsageError
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import (
    Citation,
    DecisionKind,
    FactValue,
    Finding,
    LeafTrace,
    OrgProfile,
    Outcome,
    RulePack,
    Severity,
    Trace,
    VendorResult,
    Verdict,
)
from vendorgate.core.model import Document as VendorDocument
from vendorgate.core.vocabulary import DATA_CLASSES, FACTS, FACTS_BY_NAME
from vendorgate.load import catalogue, workspace

ALL_PLANS = "all"
"""``--plan all``: the base terms and every plan, side by side."""
PASSING = (DecisionKind.APPROVED, DecisionKind.APPROVED_WITH_CONDITIONS)
_NEEDS_ANSWER = (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED)
_FACT_ORDER = {spec.name: i for i, spec in enumerate(FACTS)}


@dataclass(frozen=True)
class GateRequest:
    """What the user asked for; a decision record stores it so it can be replayed."""

    vendor: Path
    """The vendor profile named on the command line."""
    plan: str | None = None
    """A plan id, ``all``, or None for the plan the organisation uses."""
    data_classes: tuple[str, ...] | None = None
    """``--data-classes``: overrides what the organisation sends; None keeps the profiles'."""
    org: Path | None = None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...] = ()
    """``--rules``; empty uses the organisation's."""
    as_of: date | None = None
    """``--as-of``: evaluate on that date, with the vendor version in force then."""
    today: date | None = None
    """The evaluation date when ``as_of`` is None (None: the real today)."""
    fail_on: Severity | None = None
    """``--fail-on``: the lowest severity that blocks; None keeps the organisation's."""
    fail_on_undetermined: bool = False
    """``--fail-on-undetermined``: undetermined findings at or above the threshold block."""


@dataclass(frozen=True)
class Need:
    """A rule that needs an answer to a question."""

    rule: str
    """Rule id."""
    severity: Severity
    """The rule's severity."""
    citations: tuple[Citation, ...]
    """The authority behind the rule."""

    def describe(self) -> str:
        cited = " and ".join(c.citation for c in self.citations)
        return f"{self.rule}, {cited}" if cited else self.rule


@dataclass(frozen=True)
class Question:
    """One question to ask the vendor, about one fact several rules may need."""

    fact: str
    """The vocabulary fact the answer settles."""
    text: str
    """The vocabulary's question."""
    needs: tuple[Need, ...]
    """Every rule that needs the answer, most severe first."""
    value: FactValue | None
    """What the profile states now (None: nothing; ``undisclosed``; or a value whose evidence
    the organisation does not accept)."""

    @property
    def severity(self) -> Severity:
        return max((n.severity for n in self.needs), key=lambda s: s.rank)

    def line(self) -> str:
        return f"{self.text} - needed by " + "; ".join(n.describe() for n in self.needs)


@dataclass(frozen=True)
class ContractCondition:
    """A clause to demand in the contract: a rule's remediation."""

    text: str
    """The remediation, as the rule pack words it."""
    rules: tuple[str, ...]
    """The rules whose findings call for it."""
    severity: Severity
    """The most severe of those rules."""


@dataclass(frozen=True)
class PlanOutcome:
    """The gate's answer for one plan (None: the base terms)."""

    plan: str | None
    """Plan id; None for the vendor-level terms."""
    result: VendorResult
    """Findings and decision."""
    questions: tuple[Question, ...]
    """What to ask the vendor, most severe first."""
    conditions: tuple[ContractCondition, ...]
    """What to demand in the contract, most severe first."""

    @property
    def decision(self) -> DecisionKind:
        return self.result.decision.kind

    @property
    def passes(self) -> bool:
        return self.decision in PASSING

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in _ordered(self.result.findings) if f.blocking)

    @property
    def waived(self) -> tuple[Finding, ...]:
        return tuple(f for f in _ordered(self.result.findings) if f.verdict is Verdict.WAIVED)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """vendorgate's own findings (an expired waiver, an evaluation error)."""
        return tuple(f for f in _ordered(self.result.findings) if f.pack == "vendorgate")

    @property
    def label(self) -> str:
        return plan_label(self.plan)


@dataclass(frozen=True)
class GateResult:
    request: GateRequest
    """What was asked."""
    evaluated_on: date
    """The as-of date (today unless ``--as-of``)."""
    org: OrgProfile
    """The organisation."""
    org_file: Path | None
    """Its file; None when no organisation profile was found."""
    packs: tuple[RulePack, ...]
    """The enabled rule packs."""
    rule_files: tuple[Path, ...]
    """The files of the enabled rule packs (for decision records)."""
    named: catalogue.LoadedVendor
    """The profile named on the command line."""
    vendor: catalogue.LoadedVendor
    """The profile evaluated: the named one, or the version of its lineage in force."""
    versions: tuple[catalogue.LoadedVendor, ...]
    """Every version of the vendor's lineage that was read (the named profile included)."""
    data_classes: tuple[str, ...] | None
    """The data classes the evaluation assumed the organisation sends; None: not stated."""
    data_classes_source: str
    """Where they came from."""
    outcomes: tuple[PlanOutcome, ...]
    """One per plan evaluated, base terms first."""
    notes: tuple[str, ...]
    """What a reader must know about the evaluation (version picked, documents not yet in
    force, data classes assumed)."""

    @property
    def all_plans(self) -> bool:
        return self.request.plan == ALL_PLANS

    @property
    def first_passing(self) -> PlanOutcome | None:
        """The first plan (base terms first, then in file order) that passes."""
        return next((o for o in self.outcomes if o.passes), None)

    @property
    def passes(self) -> bool:
        """Exit 0: the plan asked for passes; with ``--plan all``, some plan passes."""
        if self.all_plans:
            return self.first_passing is not None
        return self.outcomes[0].passes


def plan_label(plan: str | None) -> str:
    return plan if plan is not None else "(base)"


def parse_data_classes(raw: str) -> tuple[str, ...]:
    """``--data-classes phi,personal_data``; an unknown class is a usage error, and so is an
    empty list or entry: ``--data-classes ""`` would otherwise mean "no data is sent" and skip
    every rule limited to data classes, the opposite of what leaving the option out does."""
    entries = [c.strip() for c in raw.split(",")]
    if not any(entries):
        raise UsageError(
            "--data-classes: no data class given; name at least one "
            f"(known: {', '.join(DATA_CLASSES)}), or leave the option out to use the profiles'"
        )
    if not all(entries):
        raise UsageError(
            f"--data-classes: an empty entry in `{raw}`; separate data classes with single commas"
        )
    classes = tuple(dict.fromkeys(entries))
    for c in classes:
        if c not in DATA_CLASSES:
            hint = did_you_mean(c, DATA_CLASSES)
            raise UsageError(
                f"--data-classes: unknown data class `{c}`{hint}; known: {', '.join(DATA_CLASSES)}"
            )
    return classes


def evaluate(request: GateRequest) -> GateResult:
    """Run the gate. Raises InputError / UsageError on bad input (exit 2)."""
    if not request.vendor.is_file():
        raise UsageError(f"{request.vendor}: vendor profile not found")
    ctx = build_context(
        request.org,
        request.rules,
        as_of=request.as_of,
        today=request.today,
        fail_on=request.fail_on,
        fail_on_undetermined=request.fail_on_undetermined,
        plan=None if request.plan == ALL_PLANS else request.plan,
        data_classes=request.data_classes,
    )
    inputs = run.gather([request.vendor], context=ctx)
    named = inputs.vendors[0]
    versions = _versions(named, inputs.org)
    ctx, vendor = pick_version(ctx, named, versions)
    plans = _plans(vendor, request.plan, inputs.org)
    classes, source = ctx.data_classes_for(vendor.profile)
    notes = list(ctx.notes)
    if classes is None:
        notes.append(
            "nobody says which data classes the organisation sends to this vendor; rules "
            "limited to data classes are applied to be safe (use --data-classes)"
        )
    outcomes = tuple(_outcome(ctx.evaluate_vendor(vendor, plan=plan)) for plan in plans)
    org_file = request.org or workspace.find_org()
    rule_sources = list(request.rules) or list(inputs.org.rules_paths)
    return GateResult(
        request=request,
        evaluated_on=ctx.day,
        org=inputs.org,
        org_file=org_file,
        packs=inputs.packs,
        rule_files=_enabled_files(workspace.discover_packs(rule_sources), inputs.packs),
        named=named,
        vendor=vendor,
        versions=versions,
        data_classes=classes,
        data_classes_source=source,
        outcomes=outcomes,
        notes=tuple(notes),
    )


def _enabled_files(files: Sequence[Path], packs: Sequence[RulePack]) -> tuple[Path, ...]:
    """The files of the enabled packs: the rules the decision rests on."""
    enabled = {p.path for p in packs}  # pack paths are display paths; compare like with like
    return tuple(f for f in files if workspace.display_path(f) in enabled)


# ---------------------------------------------------------------- versions


def _versions(named: catalogue.LoadedVendor, org: OrgProfile) -> tuple[catalogue.LoadedVendor, ...]:
    return lineage_versions(named, org)


# ---------------------------------------------------------------- plans and data classes


def _plans(vendor: catalogue.LoadedVendor, wanted: str | None, org: OrgProfile) -> list[str | None]:
    profile = vendor.profile
    known = [p.id for p in profile.plans]
    if wanted == ALL_PLANS:
        return [None, *known]
    if wanted is None:
        return [org.plan_for(profile)]
    if wanted not in known:
        hint = did_you_mean(wanted, known)
        listed = ", ".join(known) or "none; its terms have no plans"
        raise UsageError(
            f"--plan: {workspace.display_path(vendor.path)} has no plan `{wanted}`{hint} "
            f"(plans: {listed}; or `all`)"
        )
    return [wanted]


# ---------------------------------------------------------------- questions and conditions


def _outcome(result: VendorResult) -> PlanOutcome:
    return PlanOutcome(result.plan, result, questions(result.findings), conditions(result.findings))


def needed_leaves(trace: Trace) -> list[LeafTrace]:
    """The undetermined leaves the outcome depends on: below the root, only through nodes that
    are themselves undetermined (an ``any`` that passes anyway needs none of its unknowns)."""
    if isinstance(trace, LeafTrace):
        return [trace] if trace.outcome is Outcome.UNDETERMINED else []
    return [
        leaf
        for child in trace.children
        if child.outcome is Outcome.UNDETERMINED
        for leaf in needed_leaves(child)
    ]


def questions(findings: Sequence[Finding]) -> tuple[Question, ...]:
    """One question per undetermined fact a non-passing rule needed, listing every such rule."""
    needs: dict[str, dict[str, Need]] = {}
    values: dict[str, FactValue | None] = {}
    awaiting: dict[str, tuple[VendorDocument, ...]] = {}
    unreviewed: set[str] = set()
    for f in findings:
        if f.verdict not in _NEEDS_ANSWER or f.trace is None:
            continue
        for leaf in needed_leaves(f.trace):
            read_as = leaf.leaf.fact.split(".", 1)[0]
            read = next((r for r in f.facts if r.fact == read_as), None)
            # A fact read from its broad fact is answered by the broad fact's question: the
            # profile states only that one, and asking both would ask the same thing twice.
            fact = read.derived_from if read and read.derived_from else read_as
            needs.setdefault(fact, {})[f.rule] = Need(f.rule, f.severity, f.citations)
            values[fact] = read.value if read else None
            awaiting[fact] = read.awaiting if read else ()
            if read and read.unreviewed:
                unreviewed.add(fact)
    asked = [
        Question(
            fact,
            _question_text(fact)
            + _document_request(awaiting[fact])
            + (_REVIEW_REQUEST if fact in unreviewed else ""),
            tuple(sorted(by_rule.values(), key=lambda n: (-n.severity.rank, n.rule))),
            values[fact],
        )
        for fact, by_rule in needs.items()
    ]
    return tuple(
        sorted(asked, key=lambda q: (-q.severity.rank, _FACT_ORDER.get(q.fact, 999), q.fact))
    )


_REVIEW_REQUEST = (
    " The profile holds a suggestion for it that nobody has reviewed (`unreviewed: true`): "
    "check it against its quotes first, then remove the mark."
)


def _document_request(documents: Sequence[VendorDocument]) -> str:
    """The documents to ask for when the answer rests on ones that are not archived."""
    if not documents:
        return ""
    named = "; ".join(f"{d.title} ({d.url})" for d in documents)
    return f" Please send the document that decides it, which is not archived: {named}."


def _question_text(fact: str) -> str:
    spec = FACTS_BY_NAME.get(fact)
    return spec.question if spec else f"What do your terms say about `{fact}`?"


def conditions(findings: Sequence[Finding]) -> tuple[ContractCondition, ...]:
    """The remediation of every rule finding that did not pass (waived ones included: a waiver
    accepts a risk for a while, the contract should still close it)."""
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        if f.verdict in _NEEDS_ANSWER and f.pack != "vendorgate" and f.remediation.strip():
            grouped.setdefault(" ".join(f.remediation.split()), []).append(f)
    found = [
        ContractCondition(
            text,
            tuple(sorted(dict.fromkeys(f.rule for f in group))),
            max((f.severity for f in group), key=lambda s: s.rank),
        )
        for text, group in grouped.items()
    ]
    return tuple(sorted(found, key=lambda c: (-c.severity.rank, c.rules)))


_VERDICT_RANK = {v: i for i, v in enumerate(Verdict)}


def _ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, _VERDICT_RANK[f.verdict], f.rule))
