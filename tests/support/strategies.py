"""Hypothesis strategies for schema-valid vendor profiles, built from the vocabulary itself so
they follow it as it grows. (hypothesis-jsonschema does not work with current hypothesis.)"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from vendorgate.core import vocabulary as v


def fact_value(
    spec: v.FactSpec,
    integers: st.SearchStrategy[int] | None = None,
    subprocessor_names: Sequence[str] = ("Cloud Co", "Model Co", "Mail Co"),
) -> st.SearchStrategy[Any]:
    """Any value of the fact's kind, or `undisclosed`; ``integers`` (default 0 to 2000) and
    ``subprocessor_names`` let a test aim at its own edge cases."""
    undisclosed = st.just(v.UNDISCLOSED)
    if spec.kind == "enum":
        return st.sampled_from([*spec.values, v.UNDISCLOSED])
    if spec.kind == "integer":
        return st.one_of(st.integers(0, 2000) if integers is None else integers, undisclosed)
    if spec.kind == "list":
        return st.one_of(
            st.lists(st.sampled_from(spec.values), unique=True, max_size=4), undisclosed
        )
    subprocessor = st.fixed_dictionaries(
        {
            "name": st.sampled_from(list(subprocessor_names)),
            "category": st.sampled_from(v.SUBPROCESSOR_CATEGORIES),
        },
        optional={"region": st.sampled_from(v.REGIONS), "purpose": st.just("processing")},
    )
    return st.one_of(st.lists(subprocessor, max_size=3), undisclosed)


@functools.cache
def facts() -> st.SearchStrategy[dict[str, Any]]:
    """Built once: constructing strategies is far costlier than drawing from them."""
    return st.fixed_dictionaries(
        {},
        optional={
            spec.name: st.builds(lambda value: {"value": value}, fact_value(spec))
            for spec in v.FACTS
        },
    )


@st.composite
def vendor_profiles(draw: st.DrawFn, with_plans: bool = True) -> dict[str, Any]:
    """A schema-valid vendor profile as plain data (no documents or evidence)."""
    profile: dict[str, Any] = {
        "apiVersion": "vendorgate/v1",
        "kind": "VendorProfile",
        "id": "generated",
        "name": "Generated Vendor",
        "category": draw(st.sampled_from(v.VENDOR_CATEGORIES)),
        "documents": [],
        "facts": draw(facts()),
    }
    plan_ids: list[str] = []
    if with_plans and draw(st.booleans()):
        plan_ids = draw(plan_id_lists())
        profile["plans"] = [{"id": p, "facts": draw(facts())} for p in plan_ids]
    if draw(st.booleans()):
        profile["usage"] = draw(usage(plan_ids))
    return profile


def plan_id_lists() -> st.SearchStrategy[list[str]]:
    """The ids of a profile's plans: one to three, no repeats."""
    return st.lists(
        st.sampled_from(["free", "business", "enterprise"]), unique=True, min_size=1, max_size=3
    )


@st.composite
def usage(draw: st.DrawFn, plan_ids: Sequence[str]) -> dict[str, Any]:
    """A profile's `usage:`, naming one of ``plan_ids`` or none."""
    drawn: dict[str, Any] = {"status": draw(st.sampled_from(["active", "candidate"]))}
    if draw(st.booleans()):
        drawn["data_classes"] = draw(
            st.lists(st.sampled_from(v.DATA_CLASSES), unique=True, max_size=3)
        )
    if plan_ids and draw(st.booleans()):
        drawn["plan"] = draw(st.sampled_from(plan_ids))
    return drawn
