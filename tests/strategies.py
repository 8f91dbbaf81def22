"""Hypothesis strategies for schema-valid vendor profiles, built from the vocabulary itself so
they follow it as it grows. (hypothesis-jsonschema does not work with current hypothesis.)"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from vendorgate import vocabulary as v


def fact_value(spec: v.FactSpec) -> st.SearchStrategy[Any]:
    undisclosed = st.just(v.UNDISCLOSED)
    if spec.kind == "enum":
        return st.sampled_from([*spec.values, v.UNDISCLOSED])
    if spec.kind == "integer":
        return st.one_of(st.integers(0, 2000), undisclosed)
    if spec.kind == "list":
        return st.one_of(
            st.lists(st.sampled_from(spec.values), unique=True, max_size=4), undisclosed
        )
    subprocessor = st.fixed_dictionaries(
        {
            "name": st.sampled_from(["Cloud Co", "Model Co", "Mail Co"]),
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
        plan_ids = draw(
            st.lists(
                st.sampled_from(["free", "business", "enterprise"]),
                unique=True,
                min_size=1,
                max_size=3,
            )
        )
        profile["plans"] = [{"id": p, "facts": draw(facts())} for p in plan_ids]
    if draw(st.booleans()):
        usage: dict[str, Any] = {"status": draw(st.sampled_from(["active", "candidate"]))}
        if draw(st.booleans()):
            usage["data_classes"] = draw(
                st.lists(st.sampled_from(v.DATA_CLASSES), unique=True, max_size=3)
            )
        if plan_ids and draw(st.booleans()):
            usage["plan"] = draw(st.sampled_from(plan_ids))
        profile["usage"] = usage
    return profile
