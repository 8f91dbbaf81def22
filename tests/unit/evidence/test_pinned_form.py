"""The form a fetched page is pinned in: ``pinned_form`` (watch --save), which replaces what
its charset cannot decode, and ``strict_pinned_form`` (new), which refuses instead."""

from __future__ import annotations

import pytest

from vendorgate.evidence.snapshots import pinned_form, strict_pinned_form

CAFE = "Caf\xe9 terms\n"


@pytest.mark.parametrize("charset", ["", "iso-8859-1", "utf-8"])
def test_a_utf8_body_is_kept_as_served_by_both(charset: str) -> None:
    body = "\ufeffCaf\xe9 <b>terms</b>\r\n".encode()
    assert pinned_form(body, charset) == body
    assert strict_pinned_form(body, charset) == (body, "")


def test_a_body_in_its_declared_charset_becomes_utf8_by_both() -> None:
    body = CAFE.encode("latin-1")
    assert pinned_form(body, "iso-8859-1") == CAFE.encode()
    assert strict_pinned_form(body, "ISO-8859-1") == (CAFE.encode(), "iso8859-1")


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        (CAFE.encode("latin-1"), ""),  # no charset declared: none is guessed
        (CAFE.encode("latin-1"), "utf-8"),  # mislabelled
        (CAFE.encode("latin-1"), "no-such-charset"),
        (b"\x81\x8d terms", "cp1252"),  # bytes cp1252 leaves undefined
        (b"caf\\u00e9 terms \xff", "unicode_escape"),  # not a charset a page is written in
        (b"dGVybXM= \xff", "base64"),  # not a text encoding at all
    ],
)
def test_strict_refuses_a_body_no_declared_charset_decodes_whole(body: bytes, charset: str) -> None:
    assert strict_pinned_form(body, charset) is None


def test_the_replacing_form_patches_what_strict_refuses() -> None:
    # watch --save keeps this behaviour: a saved version with U+FFFD in it is still shown
    assert pinned_form(CAFE.encode("latin-1"), "utf-8") == "Caf\ufffd terms\n".encode()
