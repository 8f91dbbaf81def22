"""Exit codes, one function per kind of result: 0 nothing blocking, 1 blocking, 2 bad input
(raised as a ``VendorgateError``, never returned from here). Every command asks here, so the
rule for a kind of result is written once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vendorgate.core.errors import EXIT_BLOCKING, EXIT_OK

if TYPE_CHECKING:
    from vendorgate.app.explain import Explanation
    from vendorgate.app.ruletest import TestRun
    from vendorgate.ci.revdiff import RevDiff
    from vendorgate.core.model import CheckResult
    from vendorgate.evidence.docdiff import DocDiff
    from vendorgate.evidence.review import Review
    from vendorgate.evidence.verify import VerifyResult
    from vendorgate.evidence.watch import WatchResult
    from vendorgate.gate.decisions import GateResult
    from vendorgate.gate.records import Verification


def _code(blocking: bool) -> int:
    return EXIT_BLOCKING if blocking else EXIT_OK


def check(result: CheckResult) -> int:
    """``check`` and ``report``: 1 when any finding blocks."""
    from vendorgate.app import run

    return _code(run.has_blocking(result))


def streamed(blocking: bool) -> int:
    """``check`` written a vendor at a time: the pipeline counts blocking findings itself."""
    return _code(blocking)


def gate(result: GateResult) -> int:
    """1 unless the plan (with ``--plan all``: some plan) is approved, with or without
    conditions."""
    return _code(not result.passes)


def verification(result: Verification) -> int:
    """``gate --verify-record``: 1 when the record no longer holds."""
    return _code(not result.holds)


def diff(result: RevDiff) -> int:
    """1 when the change introduces a blocking finding."""
    return _code(result.introduces_blocking)


def evidence_verify(result: VerifyResult, strict: bool) -> int:
    """1 only with ``--strict`` and some evidence not verified."""
    return _code(strict and not result.all_verified)


def evidence_diff(result: DocDiff) -> int:
    """1 when a quoted passage vanished."""
    return _code(bool(result.vanished))


def watch(result: WatchResult) -> int:
    """1 unless every document is unchanged."""
    return _code(not result.all_unchanged)


def explain(result: Explanation) -> int:
    """1 when the finding explained blocks."""
    return _code(result.blocking)


def test(result: TestRun) -> int:
    """1 on a wrong verdict or a rule lacking a kind of example."""
    return _code(not result.ok)


def review(result: Review) -> int:
    """1 while any fact of the profile is still marked ``unreviewed: true``."""
    return _code(bool(result.facts))
