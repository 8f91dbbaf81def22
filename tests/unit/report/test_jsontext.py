"""The faster indented JSON writer gives exactly ``json.dumps(indent=2, ensure_ascii=False)``."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgate.report import jsontext

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert jsontext.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


class Colour(str, enum.Enum):
    RED = "red"


def test_values_it_does_not_write_itself_are_written_by_json() -> None:
    for value in ({"a": Colour.RED}, {1: "x", None: [True]}, [{"k": {}}, [], "\u2028\x00"]):
        assert jsontext.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
