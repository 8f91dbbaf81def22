"""A Markdown document's HTML comments, which no renderer shows, blanked in place (written
sentences, no vendor's words): every other character keeps its offset and its line."""

from __future__ import annotations

import pytest

from vendorgate.text.normalise import blank_comments, normalise
from vendorgate.text.passages import readable, shown_text

SAID = "Acme never uses Customer Content to train AI models."


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a <!-- x --> b", "a b"),
        ("a <!-- x\r\ny\n--> b <!--z--> c", "a b c"),
        ("a <!--> b", "a b"),  # an empty comment, as CommonMark and HTML read it
        ("a <!---> b", "a b"),
        ("a <!-- x -- y --> b", "a b"),
        ("a <!-- never closed\n\nb c", "a"),  # runs to the end: it can only hide words
        ("a -- > b --> c", "a -- > b --> c"),  # no comment opened: nothing hidden
    ],
)
def test_a_comment_is_blanked_in_place(text: str, shown: str) -> None:
    blanked = blank_comments(text)
    assert normalise(blanked) == shown
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    kept = [i for i, c in enumerate(blanked) if c != " "]
    assert all(blanked[i] == text[i] for i in kept)


def test_a_document_without_comments_is_the_same_text() -> None:
    text = "# Terms\n\nAcme &amp; its <b>affiliates</b> -->\n"
    assert blank_comments(text) is text
    assert shown_text(text) == (text, False)


def test_a_markdown_document_is_read_without_its_comments() -> None:
    commented = readable(f"# Terms\n\n<!-- {SAID} -->\n\n## 1. Use\n\nAcme sells nothing.\n")
    assert not commented.page
    assert not commented.contains(SAID)
    assert commented.contains("Acme sells nothing.")
    assert [(s.number, s.line) for s in commented.sections if s.number] == [("1", 5)]


def test_an_html_page_is_still_read_as_it_shows() -> None:
    page = f"<!DOCTYPE html><html><body><p>{SAID}</p><!-- hidden words --></body></html>"
    text, is_page = shown_text(page)
    assert is_page and normalise(text) == SAID
