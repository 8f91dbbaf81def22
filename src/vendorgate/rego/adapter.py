"""The Rego side of ``check``: evaluate with regopy or an OPA server, and build OPA bundles.

``check --engine native`` (the default) evaluates YAML rules in Python; rules written in Rego
then run in regopy and their findings join the native ones. ``--engine rego`` compiles every
YAML rule to Rego and lets the policy decide everything; ``--engine opa`` asks an OPA server
that serves the bundle of ``vendorgate bundle``. All three give the same findings and decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendorgate.core.errors import InputError, UsageError
from vendorgate.core.model import (
    CheckResult,
    Finding,
    OrgProfile,
    Rule,
    RulePack,
    Severity,
    VendorProfile,
    VendorResult,
    Verdict,
)
from vendorgate.engine import evidence_age
from vendorgate.engine.decide import BlockingPolicy, decide, is_blocking, mark_blocking
from vendorgate.evidence import snapshots as evidence
from vendorgate.rego import assemble, document, packs, runtime
from vendorgate.rego.compile import Policy, compile_policy

if TYPE_CHECKING:
    from vendorgate.evidence.resolver import Resolver
    from vendorgate.load.catalogue import Inputs, LoadedVendor
    from vendorgate.load.yaml import Document

ENGINES = ("native", "rego", "opa")


@dataclass(frozen=True)
class Overrides:
    """``--plan`` and ``--data-classes`` for the Rego engines (plain values: this layer is
    below the application's evaluation context, which fills them in)."""

    plan: str | None = None
    """The plan to evaluate; None lets the policy use the organisation's plan."""
    data_classes: tuple[str, ...] | None = None
    """Data classes sent; None lets the policy use the profiles' usage."""


@dataclass(frozen=True)
class EngineOptions:
    """How ``check`` evaluates."""

    engine: str = "native"
    """native | rego | opa."""
    opa_url: str | None = None
    """Base URL of the OPA server (``--engine opa``)."""
    opa_token: str | None = None
    """Bearer token for the OPA server, if it requires one."""
    timeout: float | None = None
    """Seconds for the whole Rego evaluation, or for each OPA request."""


def build_policy(packs_: Sequence[RulePack], org: OrgProfile) -> tuple[Policy, list[runtime.Probe]]:
    """The compiled policy, and a probe per rule written in Rego (to locate runtime errors)."""
    rules = [r for p in packs_ for r in p.rules]
    modules, refs = packs.modules_for(rules)
    policy = compile_policy(packs_, org, modules, refs)
    probes = []
    for ref in refs:
        module = next(m for m in modules if m.text.find(f"\n{ref.name} contains") >= 0)
        head = module.text.find(f"\n{ref.name} contains") + 1
        probes.append(
            runtime.Probe(
                f"{ref.package.replace('.', '/')}/{ref.name}",
                module.path,
                len(module.text[:head].encode("utf-8")),
            )
        )
    return policy, probes


def _inputs_for(
    vendors: Sequence[LoadedVendor],
    org: OrgProfile,
    day: date,
    blocking: BlockingPolicy,
    overrides: Overrides,
) -> tuple[list[Resolver], list[dict[str, Any]]]:
    from vendorgate.evidence.resolver import Resolver

    stores: dict[Path, evidence.SnapshotStore] = {}
    resolvers = []
    docs = []
    for loaded in vendors:
        # As in the native engine: a review dated after the calendar day is an input error
        # for every engine, never a profile that a policy somewhere judges fresh.
        evidence_age.check_reviewed(loaded.profile)
        store = stores.setdefault(loaded.root, evidence.SnapshotStore(loaded.root))
        resolve = Resolver(loaded, store)
        resolvers.append(resolve)
        extra: dict[str, Any] = {}
        if overrides.plan is not None:
            extra["plan"] = overrides.plan
        docs.append(
            document.decision_input(
                loaded.profile,
                resolve,
                day,
                fail_on=blocking.limit(org),
                undetermined=blocking.undetermined(org),
                data_classes=overrides.data_classes,
                **extra,
            )
        )
    return resolvers, docs


def decisions(
    policy: Policy,
    probes: Sequence[runtime.Probe],
    docs: Sequence[dict[str, Any]],
    options: EngineOptions,
) -> list[Any]:
    """The decision document of each input, from regopy (bounded) or from the OPA server."""
    if options.engine == "opa":
        from vendorgate.rego import opa_client

        try:
            answers = opa_client.decide_all(
                docs,
                url=options.opa_url or "",
                token=options.opa_token,
                timeout=options.timeout or opa_client.DEFAULT_TIMEOUT,
            )
        except opa_client.OpaError as exc:
            raise opa_client.OpaError(_named_by_source(str(exc), policy)) from exc
        opa_client.check_revision(answers, policy.revision, options.opa_url or "")
        return answers
    try:
        return runtime.evaluate_isolated(
            policy, docs, options.timeout or runtime.DEFAULT_TIMEOUT, probes
        )
    except runtime.RegoEvaluationError as exc:
        located = runtime.locate(exc, policy)
        if isinstance(located, InputError):
            raise located from exc
        raise UsageError(f"Rego evaluation failed: {exc.message}") from exc


def _named_by_source(message: str, policy: Policy) -> str:
    """OPA's message with each user's module named by the file it was written in, not by its
    path inside the bundle (rows are the same: only rule heads are renamed)."""
    for module in policy.modules:
        if module.source:
            message = message.replace(f"{module.path}:", f"{module.source}:")
    return message


def evaluate(
    inputs: Inputs,
    today: date | None = None,
    threshold: Severity | None = None,
    options: EngineOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    policy: BlockingPolicy | None = None,
    overrides: Overrides | None = None,
) -> CheckResult:
    """Evaluate every vendor as ``app_run.evaluate`` does, with the engine ``options`` names.

    ``policy`` (``--fail-on``, ``--fail-on-undetermined``) decides what blocks, exactly as in
    the native engine; a bare ``threshold`` is ``--fail-on`` alone. ``overrides`` carries
    ``--plan`` and ``--data-classes``."""
    blocking = policy if policy is not None else BlockingPolicy(threshold)
    chosen_overrides = overrides or Overrides()
    chosen = options or EngineOptions()
    if chosen.engine not in ENGINES:
        raise UsageError(f"unknown engine `{chosen.engine}`; use one of {', '.join(ENGINES)}")
    if chosen.engine == "opa" and not chosen.opa_url:
        raise UsageError("--engine opa needs --opa-url URL (the OPA server's base URL)")
    day = today or date.today()
    org = inputs.org
    ordered = sorted(inputs.vendors, key=lambda lv: lv.profile.id)
    if progress is not None:
        progress(0, len(ordered), "")
    compiled, probes = build_policy(inputs.packs, org)
    resolvers, docs = _inputs_for(ordered, org, day, blocking, chosen_overrides)
    answers = decisions(compiled, probes, docs, chosen)
    rules = {r.id: r for r in inputs.rules}
    results = []
    for loaded, resolve, answer in zip(ordered, resolvers, answers, strict=True):
        try:
            result = assemble.vendor_result(answer, loaded.profile, rules, org, resolve)
        except assemble.DecisionShapeError as exc:
            raise UsageError(
                f"the {chosen.engine} engine returned a decision for `{loaded.profile.id}` "
                f"that vendorgate cannot read ({exc}); is it serving vendorgate's bundle?"
            ) from exc
        if chosen.engine == "native":
            result = _with_native(result, loaded, rules, org, day, blocking, chosen_overrides)
        else:
            result = judged_again(result, rules, org, blocking, chosen.engine)
        results.append(result)
    if progress is not None:
        progress(len(ordered), len(ordered), "")
    return CheckResult(org, tuple(results), day, inputs.packs)


WAIVER_EXPIRED = "vendorgate.waiver-expired"
"""The finding of an expired waiver: a warning that never blocks (as in the native engine)."""


def judged_again(
    answered: VendorResult,
    rules: Mapping[str, Rule],
    org: OrgProfile,
    blocking: BlockingPolicy,
    engine: str,
) -> VendorResult:
    """The policy's answer judged in Python: a rule the answer has no finding for is an error
    finding (never a pass), and what blocks and the decision are computed here from the
    findings, whatever blocking flags and decision the policy (or a server) sent."""
    profile = answered.vendor
    answered_rules = {f.rule for f in answered.findings}
    missing = tuple(
        _missing_finding(profile, answered.plan, rule, engine)
        for rule_id, rule in rules.items()
        if rule_id not in answered_rules
    )
    judged = tuple(
        replace(f, blocking=False)
        if f.rule == WAIVER_EXPIRED and f.verdict is not Verdict.ERROR
        else replace(f, blocking=is_blocking(f, org, policy=blocking))
        for f in (*answered.findings, *missing)
    )
    return VendorResult(
        profile,
        answered.plan,
        judged,
        decide(profile.id, answered.plan, judged, org, policy=blocking),
    )


def _missing_finding(profile: VendorProfile, plan: str | None, rule: Rule, engine: str) -> Finding:
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule=rule.id,
        rule_title=rule.title,
        pack=rule.pack,
        severity=rule.severity,
        verdict=Verdict.ERROR,
        message=f"the {engine} engine returned no finding for rule `{rule.id}`; a rule "
        "without an answer is an error, never a pass (is the policy the one `vendorgate "
        "bundle` built?)",
        citations=rule.citations,
        facts=(),
        remediation=rule.remediation,
        location=profile.location,
    )


def _with_native(
    from_rego: VendorResult,
    loaded: LoadedVendor,
    rules: Mapping[str, Rule],
    org: OrgProfile,
    day: date,
    blocking: BlockingPolicy,
    overrides: Overrides,
) -> VendorResult:
    """YAML rules evaluated natively, rules written in Rego taken from the policy; native
    blocking and decision over both."""
    from vendorgate.engine import vendor

    yaml_rules = [r for r in rules.values() if not r.rego_module]
    store = evidence.SnapshotStore(loaded.root)
    plan = overrides.plan if overrides.plan is not None else org.plan_for(loaded.profile)
    native = vendor.evaluate_vendor(
        loaded,
        yaml_rules,
        org,
        day,
        plan,
        store,
        data_classes=overrides.data_classes,
        policy=blocking,
    )
    by_rule = {f.rule: f for f in native.findings}
    from_policy = {f.rule: f for f in from_rego.findings if rules.get(f.rule, None) is not None}
    ordered = []
    for rule_id, rule in rules.items():
        if rule.rego_module:
            ordered.append(replace(from_policy[rule_id], blocking=False))
        elif rule_id in by_rule:
            ordered.append(by_rule.pop(rule_id))
    rest = tuple(by_rule.values())
    findings = (*mark_blocking(tuple(ordered), org, policy=blocking), *rest)
    plan = native.plan
    return VendorResult(
        loaded.profile,
        plan,
        findings,
        decide(loaded.profile.id, plan, findings, org, policy=blocking),
    )


# ---------------------------------------------------------------- bundles


def load_policy(
    org_path: str | Path | None = None, rules_paths: Sequence[str | Path] = ()
) -> tuple[OrgProfile, Document | None, list[RulePack]]:
    """The organisation profile (found or named) and the rule packs it enables, YAML and Rego
    alike. The one loader behind ``check``, ``bundle`` and every other command."""
    from vendorgate.load import catalogue, workspace

    org_file = Path(org_path) if org_path else workspace.find_org()
    if org_path and not Path(org_path).is_file():
        raise UsageError(f"{org_path}: organisation profile not found")
    org, org_doc = catalogue.load_org(org_file) if org_file else (workspace.default_org(), None)
    sources = list(rules_paths) or list(org.rules_paths)
    if not sources:
        raise UsageError(
            "no rule packs: pass --rules PATH, or list `rules_paths` in the organisation profile"
        )
    loaded = packs.with_rego_rules(catalogue.load_packs(workspace.discover_packs(sources)), sources)
    selected = catalogue.select_packs(loaded, org, org_doc)
    catalogue.require_rules(selected, sources, org)
    return org, org_doc, selected


def load_policy_inputs(
    org_path: str | Path | None, rules_paths: Sequence[str | Path]
) -> tuple[OrgProfile, list[RulePack]]:
    """The organisation and its enabled packs, as ``check`` would load them (no vendors)."""
    from vendorgate.load import catalogue

    org, org_doc, selected = load_policy(org_path, rules_paths)
    catalogue.check_waivers(org, org_doc, [r for p in selected for r in p.rules])
    return org, selected
