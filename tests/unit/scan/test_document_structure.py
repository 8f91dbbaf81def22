"""How the scanner's document splitter reads layout: lines broken by PDF extraction, enumerators
that wrap onto a new line, list entries named by a bold line. The texts are written for these
tests; none is taken from a vendor document."""

from __future__ import annotations

import pytest

from vendorgate.scan.document import _TYPOGRAPHY, fold, sentences, split_units


def _texts(text: str) -> list[tuple[str, str]]:
    return [(unit.kind, unit.folded.text) for unit in split_units(text)]


# a PDF put a blank line after every line; paragraphs are three blank lines apart
PDF = """The Vendor keeps the records it needs to run the

service and deletes them within thirty days of

termination.



The Vendor may change a supplier. It shall tell the Client (a) ten

(10) days in advance for a supplier in the same group, or (b) sixty

(60) days in advance in any other case.



The Client shall make sure that (i) its staff are trained, (ii) its

systems are patched,

(iii) its passwords are kept secret.



The Vendor undertakes to:



a) host the data only in the places named in the

order form,

b) tell the Client of a breach within two days.



Every paragraph ends here.



Another one starts after a gap, in the

usual way.
"""


def test_a_sentence_broken_across_blank_lines_is_one_unit_again() -> None:
    units = _texts(PDF)
    assert units[0] == (
        "paragraph",
        "The Vendor keeps the records it needs to run the service and deletes them within "
        "thirty days of termination.",
    )


def test_a_bracketed_number_after_the_number_in_words_goes_on_with_the_sentence() -> None:
    units = _texts(PDF)
    assert units[1][1].endswith("or (b) sixty (60) days in advance in any other case.")
    assert units[1][0] == "paragraph"


def test_an_enumerator_counted_inline_goes_on_while_a_new_list_item_does_not() -> None:
    units = _texts(PDF)
    assert units[2] == (
        "paragraph",
        "The Client shall make sure that (i) its staff are trained, (ii) its systems are "
        "patched, (iii) its passwords are kept secret.",
    )
    items = [text for kind, text in units if kind == "item"]
    assert items == [
        "host the data only in the places named in the order form,",
        "tell the Client of a breach within two days.",
    ]


def test_paragraphs_that_end_a_sentence_stay_apart() -> None:
    units = _texts(PDF)
    assert ("paragraph", "Every paragraph ends here.") in units
    assert units[-1] == ("paragraph", "Another one starts after a gap, in the usual way.")


def test_items_hang_from_the_line_that_announces_them() -> None:
    item = next(u for u in split_units(PDF) if u.kind == "item")
    assert item.lead == "the vendor undertakes to:"


def test_quotes_of_joined_sentences_stay_on_the_raw_text() -> None:
    first = sentences(PDF)[0]
    assert PDF[first.start : first.end].startswith("The Vendor keeps")
    assert PDF[first.start : first.end].endswith("termination.")


MARKDOWN = """We may share data with service providers that

Our partners help us run the service.

* To send email on our behalf; and

Public page visitors. We keep logs for a week.

1. Badge

    to send invoices to customers
"""


def test_ordinary_markdown_is_not_joined_on_an_open_ending_alone() -> None:
    # one paragraph ending mid-clause is not yet a sign of text extracted line by line
    units = _texts(MARKDOWN)
    assert ("paragraph", "Our partners help us run the service.") in units
    assert ("item", "To send email on our behalf; and") in units
    assert ("paragraph", "Public page visitors. We keep logs for a week.") in units


def test_an_indented_paragraph_under_an_item_is_not_joined_to_it() -> None:
    units = _texts(MARKDOWN)
    assert ("item", "Badge") in units
    assert ("paragraph", "to send invoices to customers") in units


def test_a_lower_case_line_after_a_blank_line_goes_on_even_in_ordinary_markdown() -> None:
    units = _texts("We keep your files for as long as\n\nyour account is open.\n")
    assert units == [("paragraph", "We keep your files for as long as your account is open.")]


NAMED = """## Processors we use

**Acme Mail Ltd**

*   Purpose: sends our email
*   Location: Ireland

**Blue Hosting, Inc.**

*   Purpose: hosts the service
*   Location: Germany

## Your rights

**Access**

*   You can ask for a copy of your data.

Nothing else here.
"""


def test_a_bold_name_above_its_own_items_among_others_like_it_is_an_entry() -> None:
    units = split_units(NAMED)
    names = [u for u in units if u.folded.text in ("Acme Mail Ltd", "Blue Hosting, Inc.")]
    assert [u.kind for u in names] == ["item", "item"]
    assert all(u.lead == "processors we use" for u in names)
    purpose = next(u for u in units if u.folded.text == "Purpose: hosts the service")
    assert purpose.lead == "blue hosting, inc."


def test_a_bold_line_above_a_single_list_is_still_a_heading() -> None:
    access = next(u for u in split_units(NAMED) if u.folded.text == "Access")
    assert access.kind == "heading"


TOPICS = """**Information you give us**

*   your name and email address
*   what you write to support

**Information we collect**

*   the pages you visit
"""


def test_bold_topics_above_lists_of_points_stay_headings() -> None:
    kinds = {u.folded.text: u.kind for u in split_units(TOPICS)}
    assert kinds["Information you give us"] == "heading"
    assert kinds["Information we collect"] == "heading"


# text extracted line by line, where a wrapped line may also go on before a capitalised word
PDF_CAPITALS = """Where the Vendor transfers data outside the Union, it signs an agreement with the

recipient that follows the Standard Contractual Clauses of the European

Commission and puts the further safeguards in place that the law may

require of it. The Vendor stores data in the regions the Client selects in the Order Form of

the Client and tells it of any change to those regions in good time and

in writing, by email or in the console, as the Client prefers. It keeps backups for

thirty days and logs for

one year, and deletes both at the

end of that time.



Data Transfers



Each sub-processor signs an agreement with the Vendor about the data of the Client

The Vendor remains liable for each sub-processor it engages under this Agreement.
"""


def test_a_full_line_goes_on_before_a_capitalised_word_that_runs_on_in_lower_case() -> None:
    units = _texts(PDF_CAPITALS)
    assert units[0][1].startswith("Where the Vendor transfers data")
    assert "the Standard Contractual Clauses of the European Commission and puts" in units[0][1]
    assert "in the Order Form of the Client and tells it" in units[0][1]


def test_a_short_title_after_a_wrapped_paragraph_stays_apart() -> None:
    units = _texts(PDF_CAPITALS)
    assert ("paragraph", "Data Transfers") in units or ("heading", "Data Transfers") in units


def test_a_line_opening_a_new_sentence_is_not_joined_to_one_that_lost_its_full_stop() -> None:
    units = _texts(PDF_CAPITALS)
    assert units[-1] == (
        "paragraph",
        "The Vendor remains liable for each sub-processor it engages under this Agreement.",
    )


@pytest.mark.parametrize(
    ("raw", "folded", "offsets"),
    [
        # runs of spaces become one, at the offset of the first; stars and soft hyphens vanish
        (
            " We  keep *your*\n\tfiles\u00ad. ",
            "We keep your files.",
            (11, 12, 13, 15, 16, 17, 18, 19, 21, 22, 23, 24, 26, 28, 29, 30, 31, 32, 34),
        ),
        # a space after a vanished star is still the one space between two words
        ("a * b\\*c", "a bc", (10, 11, 14, 17)),
        # typography is read through, a zero-width space splits nothing
        (
            "\u201cData\u201d \u2009 is\u200b kept",
            '"Data" is kept',
            (10, 11, 12, 13, 14, 15, 16, 19, 20, 22, 23, 24, 25, 26),
        ),
        (
            "**Bold** [link](http://x.y) &amp; <b>tag</b>  end  ",
            "Bold link & tag end",
            (12, 13, 14, 15, 18, 20, 21, 22, 23, 37, 38, 43, 47, 48, 49, 50, 56, 57, 58),
        ),
    ],
)
def test_folding_keeps_the_raw_offset_of_every_character(
    raw: str, folded: str, offsets: tuple[int, ...]
) -> None:
    result = fold(raw, 10)
    assert (result.text, result.offsets) == (folded, offsets)


def test_typography_maps_no_ascii_character() -> None:
    # fold() skips translate() for ASCII text
    assert all(code > 0x7F for code in _TYPOGRAPHY)
