"""Splitting a terms document into numbered sections.

Vendor documents arrive as Markdown archived by Open Terms Archive, in several shapes:

* plain Markdown headings: ``### 1\\. Basic Information``, ``#### **2.1 Permitted Use**``,
  and underlined ones (``NOTICES`` over ``-------``);
* bold clause numbers opening a paragraph: ``**10.4 Customer License Grant**. text``,
  ``**12.1** **Charges**. text``, ``**1.1.** text``, and bold top-level headings
  ``**1\\. ACCOUNT INFORMATION; SHARING**``;
* numbered paragraphs written as text: ``1\\. **Your Privacy.** text``, ``1\\. Who are we?``,
  and sub-clauses opening a paragraph: ``10.1. **Content.** text``, ``1.1 Object of the DPA``;
* top-level headings that became Markdown list items when archived:
  ``27. **CUSTOMER CONTENT**``. Markdown renumbers such lists, so the archived number is not
  the document's; the real number is taken from the sub-clauses below the heading
  (``10.1`` -> ``10``), else counted from neighbouring headings whose number is known, else
  left empty (the heading then identifies the section);
* short all-capital lines standing alone (``NOTICES``), which are headings without a number;
* headings indented inside list items (``    ### Data we collect``, ``- ## Cookies``), headings
  written as HTML (``<h2>Cookies</h2>``), and headings that are whole links to their own anchor
  (``[A. Definitions](#a-definitions)``);
* lettered parts (``A. Definitions``): numbered headings below them are ``A.1``, ``A.2``...;
* numbered lists nested in a list heading (``1.  **Service**`` then ``    1.  **Scope:** ...``
  gives ``1.1``), and lettered items opening a paragraph (``(a) The Client shall ...`` under
  section ``3`` gives ``3(a)``);
* a short bold paragraph standing alone that does not end like a sentence
  (``**How long do we store your data?**``).

Table rows and fenced code are never headings. Each section has an ``id``, stable across
versions of a document: its number, else ``h:`` and its heading, else ``preamble``; a repeated
id gets ``#2``, ``#3``... A document that yields fewer than :data:`FEW_SECTIONS` headed sections
is probably laid out in a way this module does not read: :func:`structure_warning` says so.

A section runs from its heading line to the next heading of any level, so sections are flat and
do not overlap; a clause ``10.4`` and its top-level heading ``10`` are separate sections. Text
before the first heading, when not blank, is a preamble with an empty number and heading.
Paragraphs that are merely bold (an emphasised sentence inside a clause) are not headings.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Section:
    """One section of a document, as found in its text."""

    number: str
    """Section number such as ``10.4`` or ``10``; empty when the document does not tell."""
    heading: str
    """Heading text without Markdown markup; empty when the clause has none."""
    text: str
    """The section's raw text, heading line included (``document[start:end]``)."""
    start: int
    """Offset of the first character in the document."""
    end: int
    """Offset just past the last character in the document."""
    line: int
    """1-based line of the heading (of the first line, for a preamble)."""
    id: str = ""
    """Stable identifier: ``10.4``, ``h:cookies``, ``preamble``; ``#2`` on a repeat."""

    @property
    def label(self) -> str:
        """How a person refers to it: ``10.4 Customer License Grant``, or ``(preamble)``."""
        shown = " ".join(part for part in (self.number, self.heading) if part)
        return shown or "(preamble)"


@dataclass(frozen=True)
class _Head:
    """A heading line found while scanning."""

    kind: str
    """atx, clause, para, list, sublist, lettered, bold or caps."""
    number: str
    heading: str
    start: int
    line: int
    list_number: int = 0
    """The archived Markdown list number, for ``list`` and ``sublist`` heads only."""
    level: int = 0
    """Markdown heading level (1-6) for ``atx`` heads; 0 for the others."""


FEW_SECTIONS = 3
"""Below this many headed sections a document's layout was probably not understood."""

_MAX_HEADING = 160
_MAX_BOLD_HEADING = 100
_NUM = r"\d{1,3}(?:\.\d{1,3})*"
_LIST_MARK = r"(?:(?:[-*+]|\d{1,3}[.)])\s+)?"
_ATX = re.compile(rf"\s*{_LIST_MARK}#{{1,6}}\s+(?P<rest>.*?)[ \t#]*$")
_HTML_HEADING = re.compile(r"\s*<h[1-6][^>]*>(?P<rest>.*?)</h[1-6]>\s*$", re.IGNORECASE)
_SETEXT = re.compile(r"\s*(?:=+|-{2,})\s*$")
_SUBLIST = re.compile(r"\s{2,}(?P<num>\d{1,3})\.\s+\*\*(?P<head>[^*]{1,120}?)\*\*")
_LETTERED = re.compile(r"\s{0,3}\((?P<letter>[a-z])\)\s+(?P<rest>\S.*)$")
_BOLD_LINE = re.compile(r"\s{0,3}\*\*(?P<head>[^*]+)\*\*\s*$")
_PLAIN_LIST = re.compile(r"(?P<num>\d{1,3})\.\s+(?P<head>[A-Z][^.*:;|]{1,70})\.\s*$")
_MAX_TITLE_WORDS = 8
_LETTER_PART = re.compile(r"(?P<num>[A-Z])\.\s+(?P<rest>\S.*)$")
_FENCE = re.compile(r"\s*(?:```|~~~)")
_TAG = re.compile(r"<[^>]{1,200}>")
_CLAUSE = re.compile(r"\*\*\s*(?P<num>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\\?\.)\s*(?P<rest>.*)$")
_PARA = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3})*)\\\.\s+(?P<rest>\S.*)$")
_PLAIN = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?P<rest>\S.*)$")
_LIST = re.compile(r"(?P<num>\d{1,3})\.\s+\*\*(?P<head>[^*]+?)\*\*\s*\.?\s*$")
_CAPS = re.compile(r"[A-Z][A-Z0-9 ,;:&'/()\-]{2,59}")
_LEADING_NUMBER = re.compile(rf"(?P<num>{_NUM})\.?(?:\s+(?P<rest>.*))?$")
_ANCHOR = re.compile(r"\[\]\(#[^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """Heading text without anchors, links, escapes, emphasis or a closing full stop."""
    text = _TAG.sub("", text)
    text = _ANCHOR.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return text.rstrip(" .:").strip()


def _short(text: str) -> str:
    return text if len(text) <= _MAX_HEADING else ""


def _bold_prefix(rest: str) -> str | None:
    """The text of a bold run opening ``rest`` (``**Charges**. ...`` -> ``Charges``)."""
    if not rest.startswith("**"):
        return None
    close = rest.find("**", 2)
    return rest[2:close] if close > 2 else None


def _classify(
    line: str, starts_paragraph: bool, blank_around: bool, underlined: bool
) -> tuple[str, str, str, int] | None:
    """(kind, number, heading, archived list number) when ``line`` is a heading."""
    stripped = line.rstrip("\r\n")
    if stripped.lstrip().startswith("|"):
        return None  # a table row
    match = _ATX.match(stripped) or _HTML_HEADING.match(stripped)
    if match or (underlined and stripped.strip()):
        return _plain_heading(match["rest"] if match else stripped)
    match = _CLAUSE.match(stripped)
    if match:
        number = match["num"].replace("\\", "").rstrip(".")
        return "clause", number, _clause_heading(match["rest"]), 0
    match = _PARA.match(stripped)
    if match:
        rest = match["rest"]
        bold = _bold_prefix(rest)
        heading = _clean(bold) if bold is not None else _short(_clean(rest))
        return "para", match["num"], heading, 0
    match = _PLAIN.match(stripped) if starts_paragraph else None
    if match:
        bold = _bold_prefix(match["rest"])
        return "para", match["num"], _short(_clean(bold)) if bold is not None else "", 0
    match = _LIST.match(stripped)
    if match:
        return "list", "", _clean(match["head"]), int(match["num"])
    return _paragraph_heading(stripped, starts_paragraph, blank_around)


def _title_like(text: str) -> bool:
    """``Ending these Terms``: a few words, most long ones capitalised (not a list entry)."""
    words = text.split()
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return len(words) <= _MAX_TITLE_WORDS and capitalised * 3 >= len(long_words) * 2


def _plain_heading(text: str) -> tuple[str, str, str, int]:
    """A Markdown or HTML heading, with its leading clause number or part letter split off."""
    text = _clean(text)
    numbered = _LEADING_NUMBER.match(text) or _LETTER_PART.match(text)
    if numbered:
        return "atx", numbered["num"], _short(numbered["rest"] or ""), 0
    return "atx", "", _short(text), 0


def _paragraph_heading(
    stripped: str, starts_paragraph: bool, blank_around: bool
) -> tuple[str, str, str, int] | None:
    """Headings that only open a paragraph: nested list items, lettered items, bold lines,
    capital lines."""
    if not starts_paragraph:
        return None
    match = _SUBLIST.match(stripped)
    if match:
        return "sublist", "", _short(_clean(match["head"])), int(match["num"])
    match = _LETTERED.match(stripped)
    if match:
        bold = _bold_prefix(match["rest"])
        heading = _short(_clean(bold)) if bold is not None else ""
        return "lettered", f"({match['letter']})", heading, 0
    if not blank_around:
        return None
    match = _PLAIN_LIST.match(stripped)
    if match and _title_like(match["head"]):
        return "list", "", _clean(match["head"]), int(match["num"])
    match = _BOLD_LINE.match(stripped)
    if match:
        heading = _clean(match["head"])
        sentence = match["head"].rstrip().endswith((".", ",", ";"))
        if heading and not sentence and len(heading) <= _MAX_BOLD_HEADING:
            return "bold", "", heading, 0
        return None
    if _CAPS.fullmatch(stripped.strip()) and sum(c.isalpha() for c in stripped) >= 3:
        return "caps", "", stripped.strip(), 0
    return None


def _clause_heading(rest: str) -> str:
    """The heading after a bold clause number, in any of the archived shapes."""
    if rest.startswith("**"):
        # ``**12.1** **Charges**`` / ``**27.2****Exceptions**``: number and heading bolded apart;
        # ``**1.1.** text``: no heading at all.
        bold = _bold_prefix(rest[2:].lstrip())
        return _short(_clean(bold)) if bold is not None else ""
    # ``**10.4 Customer License Grant**. text``: the bold run goes on after the number.
    close = rest.find("**")
    return _short(_clean(rest[:close])) if close > 0 else ""


def _scan(text: str) -> list[_Head]:
    heads: list[_Head] = []
    lines = text.splitlines(keepends=True)
    offset = 0
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or _FENCE.match(line):
            offset += len(line)
            continue
        previous_blank = index == 0 or not lines[index - 1].strip()
        next_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        underlined = (
            previous_blank and index + 1 < len(lines) and bool(_SETEXT.match(lines[index + 1]))
        )
        found = _classify(line, previous_blank, previous_blank and next_blank, underlined)
        if found is not None:
            kind, number, heading, list_number = found
            level = _level(line, underlined) if kind == "atx" else 0
            heads.append(_Head(kind, number, heading, offset, index + 1, list_number, level))
        offset += len(line)
    return _number_nested(_number_lists(_merge_repeated(heads)))


def _level(line: str, underlined: bool) -> int:
    """1-6 for ``#``...``######``; 1 under ``===``, 2 under ``---``; 2 for HTML ``<hN>``."""
    if underlined and not _ATX.match(line):
        return 1 if line.lstrip().startswith("=") else 2
    hashes = re.search(r"#{1,6}", line)
    html = _HTML_HEADING.match(line)
    if html:
        return int(re.search(r"<h([1-6])", line, re.IGNORECASE)[1])  # type: ignore[index]
    return len(hashes[0]) if hashes else 2


def _merge_repeated(heads: list[_Head]) -> list[_Head]:
    """Some archives put a plain heading right above the numbered one with the same words
    (``Software Licence`` / ``8\\. **Software Licence.**``); keep one section, numbered."""
    merged: list[_Head] = []
    for head in heads:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not last.number
            and last.kind in ("atx", "caps")
            and head.number
            and head.line - last.line <= 4
            and last.heading.casefold() == head.heading.casefold()
        ):
            merged[-1] = _Head(
                head.kind, head.number, head.heading, last.start, last.line, head.list_number
            )
            continue
        merged.append(head)
    return merged


def _number_lists(heads: list[_Head]) -> list[_Head]:
    """Give archived list headings their real numbers where the document tells them."""
    list_positions = [i for i, head in enumerate(heads) if head.kind == "list"]
    if not list_positions:
        return heads
    derived = [_from_clauses(heads, i) for i in list_positions]
    archived = [heads[i].list_number for i in list_positions]
    numbers = _interpolate(derived, archived)
    result = list(heads)
    for position, number in zip(list_positions, numbers, strict=True):
        head = heads[position]
        result[position] = _Head(
            head.kind, number, head.heading, head.start, head.line, head.list_number
        )
    return result


def _number_nested(heads: list[_Head]) -> list[_Head]:
    """Number the heads that take their parent's number: ``1.1`` for the first item of a list
    nested in list heading ``1``, ``3(a)`` for a lettered item in section ``3``, ``J.3`` for a
    heading ``3`` below part ``J``, ``3.G`` for a part ``G`` below heading ``3``."""
    result: list[_Head] = []
    parent_list = ""
    parent = ""
    outline: list[tuple[int, str]] = []
    last_letter = ""
    for head in heads:
        number = head.number
        if head.kind == "sublist":
            number = f"{parent_list}.{head.list_number}" if parent_list else ""
        elif head.kind == "lettered":
            if not parent or (head.number == "(i)" and last_letter not in ("", "(h)")):
                continue  # prose enumeration, or a roman (i) inside a lettered item
            number = f"{parent}{head.number}"
            last_letter = head.number
        elif head.kind == "atx":
            while outline and outline[-1][0] >= head.level:
                outline.pop()
            above = outline[-1][1] if outline else ""
            if above and number and _joins(above, number):
                number = f"{above}.{number}"
            if number:
                outline.append((head.level, number))
        if head.kind == "list":
            parent_list = head.number
            outline = [(0, number)] if number else []
        if head.kind not in ("lettered", "bold", "caps") and number:
            parent, last_letter = number, ""
        result.append(_Head(head.kind, number, head.heading, head.start, head.line))
    return result


def _joins(above: str, number: str) -> bool:
    """Whether a heading numbered ``number`` below one numbered ``above`` is written relative
    to it: a part letter below a number, or a plain number below a part letter."""
    if number.startswith(above + "."):
        return False
    letter = len(number) == 1 and number.isalpha()
    return letter or (above[-1].isalpha() and number.isdigit())


def _from_clauses(heads: list[_Head], position: int) -> int | None:
    """The top-level number the first numbered sub-clause under a list heading carries."""
    for head in heads[position + 1 :]:
        if head.kind not in ("clause", "para"):
            return None
        if "." in head.number:
            return int(head.number.split(".", 1)[0])
    return None


def _interpolate(derived: list[int | None], archived: list[int]) -> list[str]:
    """Fill unknown list numbers by counting from known ones, only where the count agrees."""
    count = len(derived)
    anchors = [i for i, value in enumerate(derived) if value is not None]
    filled: list[int | None] = list(derived)
    if not anchors:
        if archived == list(range(1, count + 1)):
            return [str(n) for n in archived]
        return [""] * count
    first = anchors[0]
    first_value = derived[first]
    assert first_value is not None
    if first_value - first == 1:
        for i in range(first):
            filled[i] = i + 1
    for left, right in itertools.pairwise(anchors):
        low, high = derived[left], derived[right]
        assert low is not None and high is not None
        if high - low == right - left:
            for i in range(left + 1, right):
                filled[i] = low + (i - left)
    last = anchors[-1]
    last_value = derived[last]
    assert last_value is not None
    for i in range(last + 1, count):
        filled[i] = last_value + (i - last)
    return [str(n) if n is not None else "" for n in filled]


def split_sections(text: str) -> list[Section]:
    """The document's sections in order; they cover the text from the first non-blank line.

    Nothing is remembered between calls: a caller that needs a text's sections twice keeps
    them (the scanner passes its split to :func:`vendorgate.scan.document.sentences`)."""
    heads = _scan(text)
    sections: list[Section] = []
    first_start = heads[0].start if heads else len(text)
    if text[:first_start].strip():
        sections.append(Section("", "", text[:first_start], 0, first_start, 1))
    for index, head in enumerate(heads):
        end = heads[index + 1].start if index + 1 < len(heads) else len(text)
        sections.append(
            Section(head.number, head.heading, text[head.start : end], head.start, end, head.line)
        )
    return _with_ids(sections)


def _with_ids(sections: list[Section]) -> list[Section]:
    seen: dict[str, int] = {}
    named: list[Section] = []
    for section in sections:
        base = section_key(section)
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else f"{base}#{seen[base]}"
        named.append(replace(section, id=ident))
    return named


def section_key(section: Section) -> str:
    """The id a section would have if it were the only one of its kind."""
    if section.number:
        return section.number
    if section.heading:
        return "h:" + section.heading.casefold()
    return "preamble"


def structure_warning(sections: Sequence[Section], name: str = "the document") -> str | None:
    """A sentence to show when the document yields too few headed sections to trust them."""
    headed = sum(1 for section in sections if section.number or section.heading)
    if headed >= FEW_SECTIONS:
        return None
    return (
        f"{name}: only {headed} section heading(s) found (expected at least {FEW_SECTIONS}); "
        "sections named in quotes and in evidence diff may be imprecise for it"
    )


def section_at(sections: Sequence[Section], offset: int) -> Section | None:
    """The section holding the character at ``offset``; None outside every section."""
    starts = [section.start for section in sections]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    section = sections[index]
    return section if section.start <= offset < section.end else None


def find_section(sections: Sequence[Section], number: str) -> Section | None:
    """The first section numbered ``number`` (``10.4``, or ``10`` for a top-level heading)."""
    wanted = number.strip().rstrip(".")
    return next((s for s in sections if s.number == wanted), None)
