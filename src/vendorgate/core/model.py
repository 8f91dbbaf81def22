"""Domain types. Frozen, typed, free of I/O; every other module builds on these."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


class Severity(str, enum.Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for thresholds."""
        return _SEVERITY_RANK[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank


_SEVERITY_RANK = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}


class Outcome(str, enum.Enum):
    """Three-valued result of a condition."""

    PASS = "pass"
    FAIL = "fail"
    UNDETERMINED = "undetermined"


class Verdict(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    UNDETERMINED = "undetermined"
    WAIVED = "waived"
    NOT_APPLICABLE = "not_applicable"
    ERROR = "error"


class DecisionKind(str, enum.Enum):
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"


class EvidenceStatus(str, enum.Enum):
    VERIFIED = "verified"
    UNSUPPORTED = "unsupported"
    STALE = "stale"
    UNVERIFIED = "unverified"
    MISSING_DOCUMENT = "missing-document"


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file."""

    path: str
    """File path as given (relative to the working directory when possible)."""
    line: int = 0
    """1-based line; 0 when unknown."""
    column: int = 0
    """1-based column; 0 when unknown."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


# ---------------------------------------------------------------- vendor profiles


@dataclass(frozen=True)
class Subprocessor:
    name: str
    """The sub-processor's name."""
    category: str
    """Its role; ``ai_model_provider`` marks AI providers."""
    purpose: str = ""
    """What it does with customer data."""
    region: str = ""
    """Where it processes data; empty when not stated."""


FactValue = str | int | tuple[str, ...] | tuple[Subprocessor, ...]


@dataclass(frozen=True)
class Evidence:
    """A claim that a document says something, as written in a profile."""

    doc: str
    """Id of the document in the profile."""
    quote: str
    """Verbatim text from the document."""
    section: str
    """Section number; empty when not given."""
    location: Location
    """Where the evidence entry is written."""
    weight: str = ""
    """``binding`` or ``summary`` for this passage (a summary box inside binding terms);
    empty means the document's weight."""


@dataclass(frozen=True)
class Fact:
    name: str
    """Vocabulary name."""
    value: FactValue
    """The value, or ``undisclosed``."""
    evidence: tuple[Evidence, ...]
    """The quotes behind the value; empty means unverified."""
    location: Location
    """Where the fact is written."""
    note: str = ""
    """A reviewer's remark."""
    plan: str | None = None
    """The plan whose override this is, or None for the vendor-level fact."""
    rests_on: tuple[str, ...] = ()
    """Ids of referenced documents that are not archived and that decide this fact. While
    any is listed the fact reads as ``undisclosed`` (the loader sets ``value`` so), and the
    gate asks for the documents."""
    claimed: FactValue | None = None
    """The value the profile wrote when ``rests_on`` made it ``undisclosed``; None otherwise."""
    derived_from: str = ""
    """For a scoped fact the profile does not state: the broad fact it was read from."""
    unreviewed: bool = False
    """Marked ``unreviewed: true`` (``vendorgate new`` marks each scanner suggestion so): the
    fact reads as ``undisclosed``, the written value kept as ``claimed``, until a person has
    checked it against its quotes and removed the mark. The scanner is wrong often enough
    that its value must never decide a verdict on its own."""


@dataclass(frozen=True)
class Document:
    id: str
    """Short id evidence uses."""
    title: str
    """The document's title."""
    type: str
    """terms_of_service, privacy_policy, dpa, baa..."""
    url: str
    """Where the vendor publishes it."""
    location: Location
    """Where the document entry is written."""
    effective: date | None = None
    """The vendor's effective date."""
    retrieved: date | None = None
    """When the snapshot was taken."""
    sha256: str = ""
    """Recorded sha256 of the snapshot bytes."""
    snapshot: str = ""
    """Snapshot path as written (relative to the profile)."""
    source: str = ""
    """Archive and licence credit."""
    weight: str = "binding"
    """``binding`` (terms, DPA, BAA, privacy policy) or ``summary`` (FAQ, announcement)."""
    archived: bool = True
    """False for a document the vendor's texts refer to that has no snapshot here (an
    agreement "available on request"); facts resting on it are undetermined."""


@dataclass(frozen=True)
class Plan:
    id: str
    """Plan id."""
    name: str
    """Display name."""
    facts: Mapping[str, Fact]
    """Facts that override the vendor-level facts on this plan."""
    location: Location
    """Where the plan is written."""


@dataclass(frozen=True)
class Usage:
    status: str
    """active, candidate or retired."""
    plan: str | None = None
    """Plan in use."""
    data_classes: tuple[str, ...] = ()
    """Data classes the organisation sends."""
    owner: str = ""
    """Relationship owner."""
    since: date | None = None
    """When use began."""


@dataclass(frozen=True)
class InForce:
    """The dates a dated profile's terms were in force (see docs/gate.md, "Versions")."""

    start: date
    """First day the terms applied (``in_force.from``), from the documents' effective date."""
    end: date | None = None
    """Last day they applied (``in_force.until``); None means until the lineage's next version
    starts, or still in force."""
    location: Location = Location("")
    """Where ``in_force`` is written."""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class VendorProfile:
    id: str
    """Vendor id, unique in a catalogue."""
    name: str
    """Display name."""
    category: str
    """Vendor category."""
    documents: Mapping[str, Document]
    """Documents by id, in file order."""
    facts: Mapping[str, Fact]
    """Vendor-level facts by name."""
    plans: tuple[Plan, ...]
    """Plans with their overrides."""
    usage: Usage | None
    """How the organisation uses it; None when not stated."""
    location: Location
    """The profile header (line of ``kind``), used when a fact is missing."""
    legal_name: str = ""
    """The contracting entity."""
    website: str = ""
    """Home page."""
    reviewed: date | None = None
    """Last review date."""
    description: str = ""
    """Free text."""
    reviewed_at: Location | None = None
    """Where ``reviewed`` is written; None when the profile has no review date."""
    lineage: str | None = None
    """Name shared by dated profiles of one vendor (``zoom``); None for an undated profile."""
    in_force: InForce | None = None
    """When these terms were in force; None when the profile is not dated."""

    def plan(self, plan_id: str) -> Plan | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def written_facts(self) -> tuple[Fact, ...]:
        """Every fact the profile file states, vendor-level then per plan; scoped facts read
        from their broad fact are left out (their evidence is the broad fact's)."""
        every = (*self.facts.values(), *(f for p in self.plans for f in p.facts.values()))
        return tuple(f for f in every if not f.derived_from)

    def facts_for(self, plan_id: str | None) -> Mapping[str, Fact]:
        """Vendor facts with the plan's overrides applied."""
        plan = self.plan(plan_id) if plan_id else None
        if plan is None or not plan.facts:
            return self.facts
        return {**self.facts, **plan.facts}


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class Citation:
    citation: str
    """The exact citation string."""
    url: str
    """Where the authority can be read."""
    title: str = ""
    """What the authority is."""
    authority: str = ""
    """Id in the authorities registry."""
    verified: bool = True
    """False when the exact text or subsection was not confirmed."""
    kind: str = "authority"
    """``authority`` (from the registry) or ``organisation_policy`` (the organisation's own
    policy; its url may be a path relative to the pack)."""


@dataclass(frozen=True)
class Leaf:
    fact: str
    """Fact name, or ``subprocessors.<field>``."""
    op: str
    """Operator: equals, in, at_least, is..."""
    operand: object
    """The value the operator compares with."""
    location: Location
    """Where the test is written."""


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]
    location: Location


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]
    location: Location


@dataclass(frozen=True)
class Not:
    item: Condition
    location: Location


Condition = Leaf | AllOf | AnyOf | Not


@dataclass(frozen=True)
class Applicability:
    """Empty tuples mean "any"."""

    sectors: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    vendor_categories: tuple[str, ...] = ()
    data_classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    """Stable id."""
    title: str
    """One line."""
    severity: Severity
    """How serious a failure is."""
    condition: Condition
    """What a compliant vendor satisfies."""
    citations: tuple[Citation, ...]
    """The authority behind the rule."""
    remediation: str
    """The contract condition to demand."""
    pack: str
    """Id of the pack it belongs to."""
    location: Location
    """Where the rule is written."""
    applies_to: Applicability = field(default_factory=Applicability)
    """When it applies."""
    description: str = ""
    """Why it exists."""
    examples: str = ""
    """Folder of example profiles, resolved to a path."""
    rego_module: str = ""
    """For a rule written in Rego (a ``deny``/``warn`` rule of a pack's ``.rego`` module): that
    module's path. Its ``condition`` is then an empty ``all`` and only ``vendorgate.rego``
    evaluates it. Empty for YAML rules."""
    rego_file: str = ""
    """That module's file as found (absolute), which ``vendorgate.rego`` reads: ``rego_module``
    is the path messages show, relative to the project, not to the working directory."""


@dataclass(frozen=True)
class RulePack:
    id: str
    title: str
    rules: tuple[Rule, ...]
    path: str
    description: str = ""
    sha256: str = field(default="", repr=False)
    """sha256 of the pack file's bytes ("" when not read from one). Out of ``repr``: the HTML
    report identifier hashes the repr, and this adds nothing to the inputs it names."""


# ---------------------------------------------------------------- organisation


@dataclass(frozen=True)
class Waiver:
    rule: str
    """Rule id."""
    vendor: str
    """Vendor id."""
    justification: str
    approver: str
    ticket: str
    expires: date
    """Last day it applies."""
    location: Location
    plan: str | None = None
    """Plan id, or None for every plan."""
    granted: date | None = None
    """When it was granted; before that day it does not waive (for ``--as-of`` replays)."""

    def active_on(self, day: date) -> bool:
        return (self.granted is None or self.granted <= day) and day <= self.expires

    def matches(self, rule: str, vendor: str, plan: str | None) -> bool:
        return self.rule == rule and self.vendor == vendor and self.plan in (None, plan)

    def covers(self, rule: str, vendor: VendorProfile, plan: str | None) -> bool:
        """Matches by vendor id only: a profile that merely shares a ``lineage`` (which any
        profile may declare) is not the vendor the approver accepted the risk of."""
        return self.matches(rule, vendor.id, plan)


@dataclass(frozen=True)
class UsageOverride:
    """The organisation's own statement of how it uses one vendor."""

    status: str | None = None
    """active, candidate or retired; None keeps the profile's."""
    plan: str | None = None
    """Plan in use; None keeps the profile's."""
    data_classes: tuple[str, ...] | None = None
    """Data classes sent; None keeps the profile's."""
    owner: str = ""
    """Relationship owner."""
    location: Location = Location("")
    """Where the override is written."""
    tier: str | None = None
    """Criticality tier (``vocabulary.CRITICALITY_TIERS``); None: not stated."""
    renewal: date | None = None
    """When the contract renews (the last day to negotiate a condition)."""
    review_due: date | None = None
    """When the organisation's next review of the vendor is due."""


@dataclass(frozen=True)
class OrgProfile:
    name: str
    path: str
    sha256: str = field(default="", repr=False, kw_only=True)
    """sha256 of the profile file's bytes ("" without one). Out of ``repr`` for the same reason
    as ``RulePack.sha256``."""
    sectors: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    packs: tuple[str, ...] | None = None
    """Enabled packs; None means every pack found."""
    rules_paths: tuple[str, ...] = ()
    """Resolved paths of rule packs."""
    vendors_paths: tuple[str, ...] = ()
    """Resolved paths of vendor profiles."""
    blocking_severity: Severity = Severity.HIGH
    undetermined: str = "block"
    """block | review | ignore."""
    evidence_require: str = "any"
    """verified | any."""
    evidence_on_failure: str = "undetermined"
    max_evidence_age_days: int | None = None
    waivers: tuple[Waiver, ...] = ()
    usage: Mapping[str, UsageOverride] = field(default_factory=dict)
    """Per-vendor usage that overrides what vendor profiles say."""

    def plan_for(self, vendor: VendorProfile) -> str | None:
        """The plan the organisation uses: its own override, else the profile's usage."""
        override = self.usage.get(vendor.id)
        if override is not None and override.plan is not None:
            return override.plan
        return vendor.usage.plan if vendor.usage else None

    def data_classes_for(self, vendor: VendorProfile) -> tuple[str, ...] | None:
        """Data classes sent to the vendor; None when nobody says."""
        override = self.usage.get(vendor.id)
        if override is not None and override.data_classes is not None:
            return override.data_classes
        return vendor.usage.data_classes if vendor.usage else None


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class CitedEvidence:
    """A piece of evidence with its document resolved and its quote checked."""

    doc: str
    title: str
    url: str
    effective: date | None
    section: str
    quote: str
    """For verified evidence, the span found in the snapshot (the quote without the markup
    normalisation ignores, typography kept); otherwise the quote as written."""
    sha256: str
    status: EvidenceStatus
    detail: str = ""
    """Why the status is what it is; for verified evidence, a note when the quote stands in
    another section than the one cited (else empty)."""
    binding: bool = True
    """Whether the passage is binding (not a summary, FAQ or announcement)."""


@dataclass(frozen=True)
class FactRead:
    """A fact a rule read, with its evidence."""

    fact: str
    value: FactValue | None
    """None when the profile does not state the fact."""
    location: Location
    """Where the fact is written, or the vendor header when missing."""
    evidence: tuple[CitedEvidence, ...]
    plan: str | None = None
    awaiting: tuple[Document, ...] = ()
    """Referenced documents, not archived, that decide the fact (``Fact.rests_on``)."""
    derived_from: str = ""
    """The broad fact this one was read from when the profile does not state it."""
    unreviewed: bool = False
    """The profile marks the fact as a suggestion nobody has reviewed (``Fact.unreviewed``)."""

    @property
    def binding(self) -> bool:
        """Whether any verified passage behind the value is binding."""
        return any(e.binding and e.status is EvidenceStatus.VERIFIED for e in self.evidence)

    @property
    def status(self) -> EvidenceStatus:
        """The weakest status of its evidence; unverified when it has none."""
        if not self.evidence:
            return EvidenceStatus.UNVERIFIED
        order = list(EvidenceStatus)
        return max((e.status for e in self.evidence), key=order.index)


@dataclass(frozen=True)
class LeafTrace:
    leaf: Leaf
    outcome: Outcome
    value: FactValue | None


@dataclass(frozen=True)
class NodeTrace:
    kind: str
    """all, any or not."""
    outcome: Outcome
    children: tuple[Trace, ...]


Trace = LeafTrace | NodeTrace


@dataclass(frozen=True)
class Finding:
    vendor: str
    """Vendor id."""
    vendor_name: str
    plan: str | None
    rule: str
    rule_title: str
    pack: str
    severity: Severity
    verdict: Verdict
    message: str
    """A sentence a person understands."""
    citations: tuple[Citation, ...]
    facts: tuple[FactRead, ...]
    """Every fact the rule read, with evidence."""
    remediation: str
    location: Location
    """The offending fact in the vendor file, or the vendor header."""
    waiver: Waiver | None = None
    reasons: tuple[str, ...] = ()
    """Extra explanations (evidence policy, waiver state)."""
    trace: Trace | None = None
    """How the condition evaluated, for ``explain``."""
    blocking: bool = False
    """Whether it blocks under the organisation's threshold (set by ``decide``)."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.vendor, self.plan or "", self.rule)


@dataclass(frozen=True)
class Decision:
    vendor: str
    plan: str | None
    kind: DecisionKind
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class VendorResult:
    vendor: VendorProfile
    plan: str | None
    findings: tuple[Finding, ...]
    decision: Decision


@dataclass(frozen=True)
class CheckResult:
    org: OrgProfile
    results: tuple[VendorResult, ...]
    evaluated_on: date
    packs: tuple[RulePack, ...]
    notes: tuple[str, ...] = ()
    """What a reader must know about the evaluation (the versions in force picked by
    ``--as-of``, documents not yet in force); the same words in every command."""

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.results for f in r.findings)
