"""The strict loader and schema validation: every bad input is a located, actionable error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import REPO
from vendorgate.core.errors import InputError
from vendorgate.load.validate import validate
from vendorgate.load.yaml import MAX_DEPTH, load_bytes, load_file

ZOOM = (REPO / "vendors" / "zoom-2023-08.yaml").read_text(encoding="utf-8")


def problems_of(text: str | bytes, name: str = "v.yaml") -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(InputError) as caught:
        validate(load_bytes(raw, name))
    return [p.format() for p in caught.value.problems]


def only_problem(text: str | bytes) -> str:
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def test_positions_of_values_and_keys_are_recorded() -> None:
    doc = load_bytes(b"a:\n  b: [x, {c: 1}]\n", "t.yaml")
    assert doc.data == {"a": {"b": ["x", {"c": 1}]}}
    assert doc.positions[("a", "b", 1, "c")] == (2, 14)
    assert doc.key_positions[("a", "b")] == (2, 3)


def test_duplicate_key_names_both_lines() -> None:
    message = only_problem(
        ZOOM.replace("category: video_conferencing\n", "category: video_conferencing\nid: again\n")
    )
    assert message.startswith("v.yaml:10:1: duplicate key `id` (first defined at line 6)")


def test_yaml_boolean_where_a_value_is_expected_is_explained() -> None:
    text = ZOOM.replace("    value: on_request\n", "    value: yes\n")
    message = only_problem(text)
    line = text.splitlines().index("    value: yes") + 1
    assert message.startswith(f"v.yaml:{line}:12: `facts.baa_available.value: yes` is read by YAML")
    assert "available, on_request, not_available, undisclosed" in message


def test_norway_problem_in_a_list_is_caught() -> None:
    text = ZOOM.replace("usage:\n", "facts_extra: 1\nusage:\n")
    assert "unknown field `facts_extra`" in only_problem(text)
    text = ZOOM.replace("  data_classes: [phi]", "  data_classes: [no]")
    assert "read by YAML as the boolean false" in only_problem(text)


def test_unknown_field_suggests_the_right_name() -> None:
    message = only_problem(ZOOM.replace("  baa_available:", "  baa_availble:"))
    assert "unknown field `baa_availble` in `facts` (did you mean `baa_available`?)" in message


def test_misspelt_enum_value_suggests_the_right_one() -> None:
    message = only_problem(ZOOM.replace("    value: on_request", "    value: on_requst"))
    assert "`on_requst` is not allowed" in message
    assert "(did you mean `on_request`?)" in message


def test_number_where_a_string_is_expected_suggests_quoting() -> None:
    text = ZOOM.replace(
        "f5f148d2abc7696a2e50af347409b384037d3e83a03b3a75b2bffde0a1ec5551", "0" * 64
    )
    assert 'quote it: "' in only_problem(text)


def test_broken_yaml_is_located() -> None:
    message = only_problem("apiVersion: vendorgate/v1\nkind: [VendorProfile\n")
    assert message.startswith("v.yaml:3:1: invalid YAML")


def test_several_documents_are_refused() -> None:
    message = only_problem(ZOOM + "---\n" + ZOOM)
    assert "several YAML documents in one file" in message


def test_tabs_are_refused_with_a_hint() -> None:
    assert "tab character" in only_problem("a:\n\tb: 1\n")


def test_non_utf8_bytes_are_located() -> None:
    message = only_problem(b"apiVersion: vendorgate/v1\nname: caf\xe9\n")
    assert message.startswith("v.yaml:2:10: not valid UTF-8 (byte 0xe9)")


def test_binary_data_is_refused() -> None:
    assert "binary data" in only_problem(b"a: \x00\x01\x02")


def test_byte_order_mark_is_accepted() -> None:
    doc = load_bytes(b"\xef\xbb\xbf" + ZOOM.encode(), "v.yaml")
    assert validate(doc) == "vendor"


def test_empty_file_is_an_error() -> None:
    assert "the file is empty" in only_problem(b"  \n")


def test_alias_bomb_is_stopped() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    message = only_problem("\n".join(lines) + "\n")
    assert "alias/anchor bomb" in message


def test_deep_nesting_is_refused() -> None:
    depth = MAX_DEPTH + 5
    message = only_problem("[" * depth + "]" * depth + "\n")
    assert "nested deeper than" in message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError) as caught:
        load_file(big, "big.yaml")
    assert "the limit is" in caught.value.format()


def test_merge_keys_are_refused() -> None:
    assert "merge keys" in only_problem("base: &b {x: 1}\nother:\n  <<: *b\n")


def test_dates_written_as_timestamps_or_strings_are_the_same() -> None:
    as_string = load_bytes(
        ZOOM.replace("reviewed: 2026-11-29", "reviewed: '2026-11-29'").encode(), "v.yaml"
    )
    as_timestamp = load_bytes(ZOOM.encode(), "v.yaml")
    assert as_string.data["reviewed"] == as_timestamp.data["reviewed"] == "2026-11-29"


def test_impossible_date_is_refused() -> None:
    from vendorgate.load.profiles import build_vendor

    doc = load_bytes(
        ZOOM.replace("reviewed: 2026-11-29", "reviewed: 2026-02-30").encode(), "v.yaml"
    )
    validate(doc)
    with pytest.raises(InputError) as caught:
        build_vendor(doc)
    assert "`2026-02-30` is not a real calendar date" in caught.value.format()


def test_evidence_naming_an_unknown_document_is_an_error() -> None:
    from vendorgate.load.profiles import build_vendor

    doc = load_bytes(
        ZOOM.replace(
            '      - doc: tos-2023-08-11\n        section: "31.3"',
            '      - doc: tos-2023-08-12\n        section: "31.3"',
        ).encode(),
        "v.yaml",
    )
    validate(doc)
    with pytest.raises(InputError) as caught:
        build_vendor(doc)
    assert "(did you mean `tos-2023-08-11`?)" in caught.value.format()


def test_wrong_kind_for_the_place_is_named() -> None:
    doc = load_bytes(ZOOM.encode(), "v.yaml")
    with pytest.raises(InputError) as caught:
        validate(doc, "org")
    assert "expected a OrgProfile here" in caught.value.format()


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    text = ZOOM.replace("  baa_available:", "  baa_availble:").replace(
        "category: video_conferencing", "category: video"
    )
    assert len(problems_of(text)) == 2
