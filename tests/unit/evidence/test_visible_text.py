"""What an HTML page shows, the text quotes from a pinned page are checked against (written
markup, no vendor's words): nothing a browser would not show, read in bounded memory."""

from __future__ import annotations

import pytest

from vendorgate.text.html import MAX_ATTRIBUTES, html_to_text
from vendorgate.text.passages import readable


@pytest.mark.parametrize(
    "tail",
    [
        "<!-- never closed, hidden words",
        '<span title="hidden words',
        "<script>hidden words",
        "<style>hidden words",
        "<!doctype hidden words",
    ],
)
def test_what_the_page_leaves_unfinished_shows_nothing(tail: str) -> None:
    assert html_to_text(f"<p>shown words</p>{tail}") == "shown words\n"


def test_a_title_and_attribute_values_are_not_shown() -> None:
    page = '<p title="hidden words">shown <b class="hidden">words</b></p><title>hidden</title>'
    assert html_to_text(page) == "shown words\n"


@pytest.mark.parametrize(
    "page",
    [
        "<p>shown</p><div hidden>hidden <div>words</div> here</div><p>after</p>",
        '<p>shown</p><p style="DISPLAY: none">hidden words</p><p>after</p>',
        "<p>shown</p><section style='visibility:hidden'><p>hidden</p></section><p>after</p>",
    ],
)
def test_an_element_hidden_by_its_attributes_is_not_shown(page: str) -> None:
    assert html_to_text(page) == "shown\n\nafter\n"


def test_a_hidden_element_never_closed_hides_the_rest() -> None:
    assert html_to_text("<p>shown</p><div hidden>hidden<p>words") == "shown\n"


def test_a_tag_of_too_many_attributes_ends_what_is_read() -> None:
    many = "<p>shown</p><a " + "b " * (MAX_ATTRIBUTES + 1) + "><p>after</p>"
    assert html_to_text(many) == "shown\n"
    enough = "<p>shown</p><a " + "b " * 10 + "><p>after</p>"
    assert html_to_text(enough) == "shown\n\nafter\n"


def test_text_held_back_for_a_reference_is_still_read() -> None:
    assert html_to_text("<p>shown</p>Acme &amp") == "shown\n\nAcme &\n"


def test_a_page_is_searched_as_it_shows_and_a_markup_quote_as_its_text() -> None:
    page = readable('<!DOCTYPE html><p title="a b c">Acme &amp; its <b>affiliates</b></p>')
    assert page.page and page.text == "Acme & its affiliates\n"
    assert page.contains("Acme & its affiliates")
    assert page.contains("Acme &amp; its <b>affiliates</b>")  # as an earlier version wrote it
    assert not page.contains('title="a b c"')
    markdown = readable("# Terms\n\nAcme &amp; its <b>affiliates</b>\n")
    assert not markdown.page and markdown.contains("Acme &amp; its <b>affiliates</b>")
    assert not markdown.contains("Acme & its affiliates")
