"""The one three-valued logic: Kleene's all/any/not, shared by the native engine and Rego."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendorgate.core.model import FactRead, Location, Outcome
from vendorgate.engine import logic
from vendorgate.load.rules import build_pack
from vendorgate.load.validate import validate
from vendorgate.load.yaml import load_bytes
from vendorgate.rego import assemble

OUTCOMES = st.sampled_from(list(Outcome))
RANK = {Outcome.FAIL: 0, Outcome.UNDETERMINED: 1, Outcome.PASS: 2}


@given(st.lists(OUTCOMES, min_size=1, max_size=6))
def test_combine_is_min_for_all_and_max_for_any(outcomes: list[Outcome]) -> None:
    assert logic.combine("all", outcomes) == min(outcomes, key=RANK.__getitem__)
    assert logic.combine("any", outcomes) == max(outcomes, key=RANK.__getitem__)


def test_not_swaps_pass_and_fail_and_keeps_unknown() -> None:
    assert logic.negate(Outcome.PASS) is Outcome.FAIL
    assert logic.negate(Outcome.FAIL) is Outcome.PASS
    assert logic.negate(Outcome.UNDETERMINED) is Outcome.UNDETERMINED
    assert logic.combine("not", [Outcome.PASS]) is Outcome.FAIL


def test_unknown_node_kind_or_bad_not_raises_instead_of_guessing() -> None:
    with pytest.raises(ValueError, match="unknown condition node"):
        logic.combine("xor", [Outcome.PASS])
    with pytest.raises(ValueError, match="exactly one"):
        logic.combine("not", [Outcome.PASS, Outcome.FAIL])


PACK = b"""\
apiVersion: vendorgate/v1
kind: RulePack
id: logic-test
title: Logic test
rules:
  - id: logic.nested
    title: Nested
    severity: high
    citations:
      - citation: "GDPR Art. 5(1)(b)"
        url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
    remediation: Fix it.
    condition:
      all:
        - any:
            - not:
                fact: dpa_available
                equals: available
            - all:
                - fact: dpa_available
                  equals: available
                - fact: dpa_available
                  not_equals: not_available
"""


@given(st.lists(OUTCOMES, min_size=3, max_size=3))
def test_rego_traces_combine_nodes_like_the_native_logic(leaves: list[Outcome]) -> None:
    """assemble rebuilds a trace from Rego's leaf outcomes; its nodes follow engine.logic."""
    doc = load_bytes(PACK, "pack.yaml")
    validate(doc, "rules")
    pack = build_pack(doc, Path("pack.yaml"))
    rule = pack.rules[0]

    def read(name: str) -> FactRead:
        return FactRead(name, None, Location("v.yaml", 1, 1), (), None)

    trace = assemble.trace(rule.condition, leaves, read)
    expected = logic.any_of([logic.negate(leaves[0]), logic.all_of(leaves[1:])])
    assert trace.outcome is expected
