"""``vendorgate explain VENDOR RULE``: one evaluation, step by step, in words.

It shows why the rule applies (or not), every leaf test with the fact's value, the vendor's
quotes and the test's outcome, how each all / any / not node combined its items under
three-valued logic, whether a waiver applied, and the final verdict. The text is built here
(no printing); the CLI writes it.
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
    Finding,
    OrgProfile,
    Rule,
    Severity,
    VendorProfile,
)
from vendorgate.load import catalogue, workspace

WIDTH = 100
_INDENT = "  "


@dataclass(frozen=True)
class Explanation:
    """Everything ``explain`` shows about one (vendor, plan, rule) evaluation."""

    vendor: VendorProfile
    """The vendor profile evaluated."""
    plan: str | None
    """The plan whose facts were used."""
    rule: Rule
    """The rule evaluated."""
    org: OrgProfile
    """The organisation whose settings applied."""
    data_classes: tuple[str, ...] | None
    """Data classes the organisation sends to the vendor; None when nobody says."""
    finding: Finding
    """The finding, with its trace."""
    decision: str
    """The vendor's decision if this were the only rule."""
    today: date
    """Evaluation date (waiver expiry is judged against it)."""
    notes: tuple[str, ...] = ()
    """The evaluation context's notes (version in force picked, documents not yet in force),
    worded as ``check`` and ``gate`` word them."""

    @property
    def blocking(self) -> bool:
        return self.finding.blocking


def explain(
    vendor: str,
    rule_id: str,
    plan: str | None = None,
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    *,
    vendor_paths: Sequence[str | Path] = (),
    today: date | None = None,
    as_of: date | None = None,
    fail_on: Severity | None = None,
    fail_on_undetermined: bool = False,
    data_classes: tuple[str, ...] | None = None,
) -> Explanation:
    """Evaluate one rule for one vendor. ``vendor`` is a vendor id from the organisation's
    catalogue (or ``vendor_paths``), or the path of a vendor profile.

    ``as_of`` (``--as-of``; ``today`` is its older name, which the command line passes) is the
    evaluation day and, for a dated vendor, picks the version of its lineage in force then,
    exactly as ``check``, ``report`` and ``gate`` do."""
    ctx = build_context(
        org_path,
        rules_paths,
        as_of=as_of or today,
        fail_on=fail_on,
        fail_on_undetermined=fail_on_undetermined,
        plan=plan,
        data_classes=data_classes,
    )
    as_path = Path(vendor)
    by_path = as_path.suffix in workspace.YAML_SUFFIXES and as_path.is_file()
    sources = [as_path] if by_path else list(vendor_paths)
    inputs = run.gather(sources, context=ctx)
    named = _find_vendor(inputs, vendor, by_path)
    ctx, loaded = pick_version(ctx, named, _lineage_of(named, inputs, by_path))
    rule = _find_rule(inputs, rule_id)
    profile = loaded.profile
    chosen = ctx.plan_for(profile)
    if chosen is not None and profile.plan(chosen) is None:
        plans = ", ".join(p.id for p in profile.plans) or "none"
        raise UsageError(f"vendor `{profile.id}` has no plan `{chosen}` (plans: {plans})")
    result = ctx.evaluate_vendor(loaded, [rule], plan=chosen)
    finding = next((f for f in result.findings if f.rule == rule.id), result.findings[0])
    return Explanation(
        vendor=profile,
        plan=chosen,
        rule=rule,
        org=inputs.org,
        data_classes=ctx.data_classes_for(profile)[0],
        finding=finding,
        decision=result.decision.kind.value,
        today=ctx.day,
        notes=ctx.notes,
    )


def _lineage_of(
    named: catalogue.LoadedVendor, inputs: catalogue.Inputs, by_path: bool
) -> tuple[catalogue.LoadedVendor, ...]:
    """The versions of the named vendor's lineage: in the catalogue, and beside a named file."""
    if named.profile.lineage is None:
        return (named,)
    name = named.profile.lineage
    found = {v.path.resolve(): v for v in inputs.vendors if v.profile.lineage == name}
    if by_path:
        found.update({v.path.resolve(): v for v in lineage_versions(named, inputs.org)})
    found.pop(named.path.resolve(), None)
    return (named, *sorted(found.values(), key=lambda v: v.profile.id))


def _find_vendor(inputs: catalogue.Inputs, vendor: str, by_path: bool) -> catalogue.LoadedVendor:
    if by_path and len(inputs.vendors) == 1:
        return inputs.vendors[0]
    for loaded in inputs.vendors:
        if loaded.profile.id == vendor:
            return loaded
    known = sorted(v.profile.id for v in inputs.vendors)
    hint = did_you_mean(vendor, known)
    raise UsageError(
        f"no vendor `{vendor}` in the catalogue{hint}; known: {', '.join(known) or 'none'}"
        " (or give the path of a vendor profile)"
    )


def _find_rule(inputs: catalogue.Inputs, rule_id: str) -> Rule:
    rules = {r.id: r for r in inputs.rules}
    if rule_id in rules:
        return rules[rule_id]
    hint = did_you_mean(rule_id, sorted(rules))
    packs = ", ".join(p.id for p in inputs.packs) or "none"
    raise UsageError(f"no rule `{rule_id}` in the enabled packs ({packs}){hint}")
