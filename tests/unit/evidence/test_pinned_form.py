"""The form a fetched page is pinned in (``new``) and stored in (``watch --save``):
``strict_pinned_form``, which refuses what its declared charset cannot decode, and ``refusal``,
which says why, with the first offending byte where there is one."""

from __future__ import annotations

import pytest

from vendorgate.evidence.snapshots import first_nul, refusal, strict_pinned_form

CAFE = "Caf\xe9 terms\n"


@pytest.mark.parametrize("charset", ["", "iso-8859-1", "utf-8"])
def test_a_utf8_body_is_kept_as_served(charset: str) -> None:
    body = "\ufeffCaf\xe9 <b>terms</b>\r\n".encode()
    assert strict_pinned_form(body, charset) == (body, "")
    assert refusal(body, charset) == ""


def test_a_body_in_its_declared_charset_becomes_utf8() -> None:
    body = "\u0423\u0441\u043b\u043e\u0432\u0438\u044f terms\n".encode("koi8-r")
    assert strict_pinned_form(body, "KOI8-R") == (body.decode("koi8-r").encode(), "koi8-r")
    assert refusal(body, "KOI8-R") == ""


@pytest.mark.parametrize("label", ["ISO-8859-1", "latin1", "us-ascii", "ascii", "l1"])
def test_a_latin1_or_ascii_label_is_read_as_windows_1252(label: str) -> None:
    # 0x93 and 0x94 are curly quotes in windows-1252, control characters in Latin-1, and no
    # ASCII at all: browsers read the labels as windows-1252, and so does the pinned form
    body = b"Caf\xe9 \x93terms\x94 \x96 all\n"
    assert strict_pinned_form(body, label) == (
        "Caf\xe9 \u201cterms\u201d \u2013 all\n".encode(),
        "cp1252",
    )
    assert refusal(body, label) == ""


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_a_byte_windows_1252_leaves_undefined_is_refused(byte: bytes) -> None:
    body = b"Caf\xe9 " + byte + b" terms\n"
    assert strict_pinned_form(body, "iso-8859-1") is None
    said = refusal(body, "iso-8859-1")
    assert "'iso-8859-1' (read as windows-1252, as browsers read it)" in said
    assert "the first undecodable byte is at offset 5" in said


@pytest.mark.parametrize(
    ("body", "charset", "why"),
    [
        (CAFE.encode("latin-1"), "", "declares no charset and is not UTF-8 (the first "),
        (CAFE.encode("latin-1"), "utf-8", "not text in its declared charset 'utf-8' (the first"),
        (CAFE.encode("latin-1"), "no-such-charset", "'no-such-charset' is not one this program"),
        (
            b"\x81\x8d terms",
            "cp1252",
            "'cp1252' (the first undecodable byte is at offset 0, line 1, column 1)",
        ),
        (b"caf\\u00e9 terms \xff", "unicode_escape", "is not a charset a page is written in"),
        (b"caf\xe9", "punycode", "'punycode' is not a charset a page is written in"),
        (b"dGVybXM= \xff", "base64", "'base64' is not a text encoding"),
        (b"terms\x00", "", "declares no charset and holds a NUL byte at offset 5"),
    ],
)
def test_strict_refuses_a_body_no_declared_charset_decodes_whole(
    body: bytes, charset: str, why: str
) -> None:
    assert strict_pinned_form(body, charset) is None
    assert why in refusal(body, charset)


def test_the_offset_is_the_first_bad_byte() -> None:
    assert "offset 3" in refusal(CAFE.encode("latin-1"), "utf-8")


def test_a_nul_survives_a_conversion_for_the_caller_to_refuse() -> None:
    pinned = strict_pinned_form(b"terms\x00\xe9", "iso-8859-1")
    assert pinned is not None and first_nul(pinned[0]) == 5
