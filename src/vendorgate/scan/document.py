"""The clause scanner's view of a document: units, sentences and their context, with offsets.

A terms document is cut into *units* (a paragraph, a list item, a table row, a line ended by a
hard break) and each unit into *sentences*. Matching runs on a *folded* copy of each unit
(Markdown link targets, emphasis, HTML tags, soft hyphens and typographic quotes removed, spaces
collapsed) that keeps, for every folded character, the offset of the raw character it came from.
A quote is therefore always cut from the raw document, verbatim, and its boundaries are widened
to whole Markdown links and HTML tags so that ``evidence.normalise`` treats it as it treats the
document.

Each sentence carries the context a reader uses: the section (from :mod:`vendorgate.sections`),
a bold lead-in opening its paragraph (``**Privacy of user data.**``), the text a list item or
table row hangs from (its parent item, the paragraph ending in a colon above it, a table's
header), and the sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from vendorgate.text.normalise import TYPOGRAPHY, blank_comments, is_page
from vendorgate.text.sections import Section, section_at, split_sections

# The characters normalise() turns into ASCII (it also drops the zero-width space, which is in
# _DROPPED here), and a few more look-alikes that only matching needs to see through.
_TYPOGRAPHY = str.maketrans({**TYPOGRAPHY, "\u2010": "-", "\u2009": " ", "\u00d7": "x"})
_DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
"""Characters that vanish when folding (soft hyphens and zero-width marks split words)."""
_SKIPPED = "*\\\\" + "".join(sorted(_DROPPED))
"""Emphasis stars, escape backslashes and the dropped characters, as a character class body."""
_GAP = re.compile(f"[\\s{_SKIPPED}]{{2,}}|[{_SKIPPED}]|[^\\S ]")
"""What folding does more than copy: a run of spaces and skipped characters, one skipped
character, or one space other than a plain space. Between two gaps the text is copied as it is:
words with one plain space between them."""
_SPACE = re.compile(r"\s")

_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)[^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|nbsp|#\d{1,5});")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&nbsp;": " "}

_LIST_ITEM = re.compile(
    r"(?P<indent>[ \t]*)(?P<marker>[*+-]|\d{1,3}[.)]|\([a-z0-9]{1,4}\)|[a-z]\)|[ivx]{1,4}\))[ \t]+"
)
_TABLE_ROW = re.compile(r"[ \t]*\|")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_ATX = re.compile(r" {0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r" {0,3}([*_-])([ \t]*\1){2,}[ \t]*$")
_BARE_NUMBER = re.compile(r"[ \t]*\d{1,3}(\.\d{1,3})*\.?[ \t]*$")
_LIST_HEADING = re.compile(r"[ \t]*\d{1,3}\.[ \t]+\*\*[^*]+\*\*[ \t.]*$")
_BOLD_ONLY = re.compile(r"[ \t]*(\d{1,3}(\\?\.\d{1,3})*\\?\.?[ \t]+)?\*\*[^*]{1,160}\*\*[ \t]*$")
_CAPS = re.compile(r"[ \t]*[A-Z][A-Z0-9 ,;:&'/()\-]{2,80}[ \t]*$")
_LEAD_BOLD = re.compile(
    r"(?:\*\*)?\s*(?:\((?:[a-z]{1,4}|\d{1,3})\)\s*)?\*\*(?P<text>[^*]{2,200})\*\*"
    r"|\*\*(?P<both>[^*]{2,200})\*\*"
    # an italic lead-in (``_Hosting Services:_``) plays the same part
    r"|_(?P<italic>[^_\n]{2,120}?)_(?=[\s:.])"
    r"|\*(?P<star>[^*\n]{2,120}?)\*(?=[\s:.])"
)
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "inc",
        "ltd",
        "llc",
        "co",
        "corp",
        "no",
        "nos",
        "art",
        "arts",
        "sec",
        "para",
        "paras",
        "cf",
        "vs",
        "st",
        "fl",
        "mr",
        "ms",
        "dr",
        "seq",
        "seqq",
        "et",
        "al",
        "approx",
        "dept",
        "u.s",
        "u.k",
        "c.f.r",
        "u.s.a",
        "p.o",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ca",
        "v",
        "pvt",
        "sarl",
        "gmbh",
        "bv",
        "ag",
        "sa",
        "str",
        "rd",
        "ave",
        "blvd",
    }
)


@dataclass(frozen=True)
class Folded:
    """Folded text with the raw offset of each of its characters."""

    text: str
    """The folded text (original case)."""
    offsets: tuple[int, ...]
    """``offsets[i]`` is the raw document offset of ``text[i]``."""

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``[start, end)`` covering folded ``[start, end)``."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item, table row or hard-broken line of the document."""

    kind: str
    """paragraph, item, row or heading."""
    start: int
    """Raw offset of its first character (after any list marker)."""
    end: int
    """Raw offset just past its last character."""
    indent: int
    """Indentation of a list item (0 otherwise)."""
    folded: Folded
    """Its folded text."""
    lead: str
    """Lower-case folded text it hangs from (parent item, introducing paragraph, table header)."""
    local: str
    """Lower-case folded bold lead-in of its paragraph (``privacy of user data``), or empty."""
    cells: tuple[tuple[int, int], ...] = ()
    """For table rows: folded ``[start, end)`` of each cell."""
    header: tuple[str, ...] = ()
    """For table rows: lower-case folded header cells of the table."""
    parent: str = ""
    """For a nested list item: the lower-case folded item it hangs from directly (the ``lead``
    also holds the paragraph above the whole list, which may announce another list)."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a unit, with the context the scanner reads."""

    text: str
    """Folded text, original case."""
    low: str
    """Folded text, lower case."""
    start: int
    """Raw offset of the first character."""
    end: int
    """Raw offset just past the last character."""
    unit: Unit
    """The unit it belongs to."""
    index: int
    """Its position in the unit (0 for the first sentence)."""
    previous: str
    """Lower-case folded previous sentence of the unit, or empty."""
    section: Section | None
    """The section holding it."""
    heading: str
    """Lower-case heading of the section (empty when none)."""


def fold(raw: str, base: int = 0) -> Folded:
    """Fold ``raw`` (which starts at document offset ``base``) for matching."""
    chars: list[str] = []
    offsets: list[int] = []

    def copy(text: str, start: int, end: int, at: int) -> None:
        # words and single plain spaces, copied whole: the space that opens ``text`` only
        # when the folded text so far does not end with one
        if start < end and text[start] == " " and (not chars or chars[-1] == " "):
            start += 1
        chars.extend(text[start:end])
        offsets.extend(range(at + start, at + end))

    def put(text: str, at: int) -> None:
        # Skipped characters vanish and each run of spaces becomes one plain space, at the
        # offset of its first; most of a unit is words and single spaces, copied in one go
        # rather than a character or a word at a time. Typography maps one character to one,
        # so offsets survive translate(); it maps no ASCII character, so ASCII text is spared
        # it (the test is much the cheaper).
        if not text.isascii():
            text = text.translate(_TYPOGRAPHY)
        position = 0
        for gap in _GAP.finditer(text):
            copy(text, position, gap.start(), at)
            space = _SPACE.search(text, gap.start(), gap.end())
            if space is not None and chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(at + space.start())
            position = gap.end()
        copy(text, position, len(text), at)

    position = 0
    for match in _markup(raw):
        put(raw[position : match.start()], base + position)
        if match.re is _LINK:
            put(match.group(1), base + match.start(1))
        elif match.re is _ENTITY:
            put(_ENTITIES.get(match.group(0), " "), base + match.start())
        else:
            put(" ", base + match.start())
        position = match.end()
    put(raw[position:], base + position)
    if "_" in chars:
        _drop_edge_underscores(chars, offsets)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Folded("".join(chars), tuple(offsets))


def _markup(raw: str) -> Iterator[re.Match[str]]:
    """Links, HTML tags and entities in order, never overlapping."""
    found = sorted(
        [*_LINK.finditer(raw), *_TAG.finditer(raw), *_ENTITY.finditer(raw)],
        key=lambda m: (m.start(), -m.end()),
    )
    last_end = -1
    for match in found:
        if match.start() >= last_end:
            yield match
            last_end = match.end()


def _drop_edge_underscores(chars: list[str], offsets: list[int]) -> None:
    """Remove ``_`` emphasis markers at word edges, as ``evidence.normalise`` does."""
    keep = [
        not (
            ch == "_"
            and (
                i == 0
                or not (chars[i - 1].isalnum() or chars[i - 1] == "_")
                or i + 1 == len(chars)
                or not (chars[i + 1].isalnum() or chars[i + 1] == "_")
            )
        )
        for i, ch in enumerate(chars)
    ]
    chars[:] = [c for c, k in zip(chars, keep, strict=True) if k]
    offsets[:] = [o for o, k in zip(offsets, keep, strict=True) if k]


# ---------------------------------------------------------------- units


@dataclass(frozen=True)
class _Line:
    """One line of the document, without its line break."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset just past its last character."""
    text: str
    """Its text."""


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(offset, offset + len(body), body))
        offset += len(raw)
    return lines


def _is_heading(lines: Sequence[_Line], i: int) -> bool:
    line = lines[i].text
    if _ATX.match(line) or _LIST_HEADING.match(line) or _BARE_NUMBER.match(line):
        return True
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    if line.strip() and _SETEXT.match(following) and not _TABLE_RULE.match(following):
        return True
    alone = (i == 0 or not lines[i - 1].text.strip()) and not following.strip()
    if alone and _BOLD_ONLY.match(line) and not line.rstrip().rstrip("*").endswith((".", ":")):
        return True
    return alone and bool(_CAPS.fullmatch(line)) and sum(c.isalpha() for c in line) >= 3


def split_units(text: str) -> list[Unit]:
    """The document's units in order."""
    lines = _lines(text)
    broken = _line_broken(lines)
    units: list[Unit] = []
    state = _State()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text.strip() or _RULE.match(line.text) or _SETEXT.match(line.text):
            i += 1
        elif _names_entry(lines, i):
            # a name heading its own short list, among others like it (a processor, then its
            # purpose and location): an entry of a list under the last heading, and what the
            # items below it hang from
            folded = fold(line.text, line.start)
            lead = state.heading if state.names else (state.paragraph or state.heading)
            units.append(Unit("item", line.start, line.end, 0, folded, lead, ""))
            state = _State(folded.text.lower(), heading=state.heading, names=True)
            i += 1
        elif _is_heading(lines, i):
            folded = fold(line.text, line.start)
            units.append(Unit("heading", line.start, line.end, 0, folded, "", ""))
            state = _State(heading=_HEADING_MARKS.sub("", folded.text).lower().strip(" .:"))
            i += 1
        elif _TABLE_ROW.match(line.text):
            i = _table(text, lines, i, units, state.paragraph)
        elif item := _LIST_ITEM.match(line.text):
            indent = len(item["indent"].expandtabs(4))
            while state.parents and state.parents[-1][0] >= indent:
                state.parents.pop()
            start = line.start + item.end()
            last, i = line, i + 1
            while (after := _continuation(lines, [last], i, broken)) is not None:
                last, i = lines[after], after + 1
            folded = fold(text[start : last.end], start)
            lead = " ".join([state.paragraph, *(p for _, p in state.parents)]).strip()
            local = _local(text, start, last.end)
            parent = state.parents[-1][1] if state.parents else ""
            units.append(Unit("item", start, last.end, indent, folded, lead, local, parent=parent))
            state.parents.append((indent, folded.text.lower()))
        else:
            i = _block(text, lines, i, units, state, broken)
    return units


@dataclass
class _State:
    """What later units hang from while splitting."""

    paragraph: str = ""
    """Lower-case folded text of the last plain paragraph."""
    parents: list[tuple[int, str]] = field(default_factory=list)
    """Open list items: (indent, lower-case folded text)."""
    heading: str = ""
    """Lower-case folded text of the last heading, without its number."""
    names: bool = False
    """Whether the paragraph is the name of an entry in a run of named entries."""


def _next_text(lines: Sequence[_Line], i: int) -> int:
    """The first line from ``i`` on that is not blank (``len(lines)`` when none)."""
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    return i


_FIELD = re.compile(r"[*_]{0,2}[A-Z][^:.;*_]{0,40}:[*_]{0,2}\s")
"""An item that gives one field of a record: ``Purpose: ...``, ``**Location:** ...``."""


def _heads_list(lines: Sequence[_Line], i: int) -> bool:
    """Whether line ``i`` is a bold line standing alone above a list of the fields of a
    record (``Purpose: ...``, ``Location: ...``), as a named party is described."""
    if not _BOLD_ONLY.match(lines[i].text) or (i > 0 and lines[i - 1].text.strip()):
        return False
    j = _next_text(lines, i + 1)
    item = _LIST_ITEM.match(lines[j].text) if j < len(lines) else None
    return item is not None and bool(_FIELD.match(lines[j].text, item.end()))


def _in_list(line: _Line) -> bool:
    return bool(_LIST_ITEM.match(line.text) or line.text.startswith(("  ", "\t")))


def _names_entry(lines: Sequence[_Line], i: int) -> bool:
    """Whether bold line ``i`` names an entry of a list rather than heading a part.

    ``**Example Corp.**`` above the items that describe it (``Purpose: ...``, ``Location:
    ...``), followed or preceded by another bold line above its own such items, is one of a
    run of named entries: a list of parties, say, whose names are passages too. A bold line
    above one list alone, or above items that are not fields (a topic and its points), is a
    heading."""
    if not _heads_list(lines, i):
        return False
    k = _next_text(lines, i + 1)
    while k < len(lines) and (not lines[k].text.strip() or _in_list(lines[k])):
        k += 1
    if k < len(lines) and _heads_list(lines, k):
        return True
    k = i - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    if k < 0 or not _in_list(lines[k]):
        return False
    while k >= 0 and (not lines[k].text.strip() or _in_list(lines[k])):
        k -= 1
    return k >= 0 and _heads_list(lines, k)


def _block(
    text: str,
    lines: Sequence[_Line],
    i: int,
    units: list[Unit],
    state: _State,
    broken: bool = False,
) -> int:
    """Add the units of the paragraph starting at line ``i``; return the line after it."""
    block: list[_Line] = []
    while i < len(lines):
        line = lines[i]
        if not line.text.strip():
            after = _continuation(lines, block, i, broken)
            if after is None:
                break
            i = after
            continue
        if block and _starts_unit(lines, i):
            break
        block.append(line)
        i += 1
    indented = block[0].text.startswith(("  ", "\t"))
    # a hard line break ends a unit: address blocks, lists and tables archived without markup
    segments: list[list[_Line]] = [[]]
    for line in block:
        segments[-1].append(line)
        if line.text.endswith("  ") or line.text.rstrip().endswith("<br>"):
            segments.append([])
    segments = [s for s in segments if s]
    # a paragraph ending in a colon introduces what follows it, not what follows its list
    colon = state.paragraph.rstrip().endswith(":")
    introduction = state.paragraph if colon and not state.parents else ""
    if indented and state.parents:
        introduction = " ".join(p for _, p in state.parents)
    first = ""
    for index, segment in enumerate(segments):
        start, end = segment[0].start, segment[-1].end
        folded = fold(text[start:end], start)
        lead = " ".join(filter(None, [introduction, first])) if len(segments) > 1 else introduction
        units.append(Unit("paragraph", start, end, 0, folded, lead, _local(text, start, end)))
        if index == 0:
            first = folded.text.lower()
    if not indented:
        state.parents.clear()
        state.paragraph = " ".join(u.folded.text.lower() for u in units[-len(segments) :])
    return i


_SENTENCE_END = re.compile(r"[.!?:;][\"')\]*_]*$|  $|<br>$")
_OPEN_END = re.compile(
    r"(?:,|\b(?:the|a|an|of|to|and|or|nor|in|on|at|by|for|with|from|as|that|which|who|under|"
    r"into|onto|than|such|any|all|its|their|our|your|this|these|those|is|are|be|been|shall|"
    r"will|may|must|not|including|between|within|without|per)|\((?:[ivx]{1,4}|[a-z])\))$",
    re.IGNORECASE,
)
_LOWER_START = re.compile(r"[ \t]*[\"'(\[\u201c\u2018]?[a-z]")
_MAX_JOIN_GAP = 2
"""Most blank lines a sentence broken across lines may hold (PDF text keeps one per line)."""
_BROKEN_LINES = 5
"""Sentences seen going on in lower case after a blank line before a document is taken for
text extracted line by line (from PDF), where a line may also go on in upper case."""


def _continuation(
    lines: Sequence[_Line], block: Sequence[_Line], i: int, broken: bool = False
) -> int | None:
    """The line after the blank lines at ``i`` when it goes on with the paragraph in ``block``.

    Text extracted from PDF often puts a blank line after every line, so one sentence arrives
    as several paragraphs. The paragraph goes on when its last line does not end a sentence and
    the next line is plain text (not a heading, list item, table or an indented paragraph of a
    list item) that starts in lower case; in a ``broken`` document (see :func:`_line_broken`)
    also when the line stops mid-clause (a comma, an article, a preposition)."""
    if not block or i >= len(lines):
        return None
    j = i
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    if j >= len(lines) or j - i > _MAX_JOIN_GAP:
        return None
    last, following = block[-1].text, lines[j].text
    if _SENTENCE_END.search(last.rstrip(" *") if not last.endswith("  ") else last):
        return None
    if _TABLE_ROW.match(last) or _RULE.match(following) or _SETEXT.match(following):
        return None
    if j > i and following.startswith(("  ", "\t")):
        return None  # a paragraph of a list item, or code
    if _starts_unit(lines, j):
        return None
    if _LOWER_START.match(following) or _inline_marker(lines, j):
        return j
    if broken and _OPEN_END.search(last.rstrip()) and not re.search(r"[;,] (?:and|or)$", last):
        return j
    if broken and _runs_on(last, following):
        return j
    return None


_FULL_LINE = 60
"""Characters of a line of body text wrapped at the page's width; headings are shorter."""
_CAPITAL_RUN_ON = re.compile(r"[ \t]*(?:[A-Z][\w'\u2019-]*[ ,]+){1,3}[a-z]{2,}")
"""A line opening with one to three capitalised words and going on in lower case
(``Clauses adopted by Decision ...``): the middle of a sentence, not a title."""
_OPENER = re.compile(
    r"[ \t]*(?:The|This|These|That|Those|A|An|If|In|Where|When|Each|Any|All|Such|It|We|You|"
    r"Our|Your|For|To|Upon|Unless|Notwithstanding|Subject|Without|Except|Nothing|No)\b"
)
"""Words a sentence opens with: a line starting with one after a line without a full stop
starts a new sentence whose predecessor lost its full stop."""


def _runs_on(last: str, following: str) -> bool:
    """Whether a full-width line of a ``broken`` document, stopping on a word, goes on in the
    next line although that opens with a capital (``... complies with the Standard
    Contractual`` / ``Clauses adopted by Decision ...``). A heading stays one: the line before
    it would be short or end its sentence, and a heading does not run on in lower case at
    the length of body text."""
    body, after = last.strip(), following.strip()
    if len(body) < _FULL_LINE or not body[-1].isalnum():
        return False
    if len(after) < 40 and not after.endswith((".", ",", ";", ":")):
        return False
    return bool(_CAPITAL_RUN_ON.match(following)) and not _OPENER.match(following)


def _line_broken(lines: Sequence[_Line]) -> bool:
    """Whether the text reads as extracted line by line: in at least :data:`_BROKEN_LINES`
    places a line that does not end a sentence goes on, after a blank line, in lower case."""
    count = 0
    for i in range(1, len(lines)):
        if lines[i].text.strip() or not lines[i - 1].text.strip() or _is_heading(lines, i - 1):
            continue
        if _continuation(lines, [lines[i - 1]], i) is not None:
            count += 1
            if count >= _BROKEN_LINES:
                return True
    return False


def _starts_unit(lines: Sequence[_Line], i: int) -> bool:
    line = lines[i].text
    return bool(
        _TABLE_ROW.match(line)
        or (_LIST_ITEM.match(line) and not _inline_marker(lines, i))
        or _ATX.match(line)
        or _is_heading(lines, i)
    )


_ENUMERATOR = re.compile(r"[ \t]*\(?(?P<mark>[a-z]|[ivx]{1,4}|\d{1,3})\)[ \t]")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_MARKER_LOOKBACK = 60
"""Lines searched back for the item a marker follows on from."""


def _inline_marker(lines: Sequence[_Line], i: int) -> bool:
    """Whether the enumerator opening line ``i`` (``(iii)``, ``(30)``) continues the sentence
    of the line above instead of starting a list item.

    A wrapped line can start with an enumerator the sentence was counting inline ("... from
    the Controller, (ii) an agreement ... GDPR," then "(iii) any instructions"), or with a
    number in brackets after the number in words ("thirty" then "(30) days"). It does when the
    line above does not end a sentence or clause and the marker neither starts a list nor
    follows an item that started a line."""
    match = _ENUMERATOR.match(lines[i].text)
    if match is None:
        return False
    k = i - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    if k < 0 or _SENTENCE_END.search(lines[k].text.rstrip(" *")) or _is_heading(lines, k):
        return False
    mark = match["mark"]
    before = _predecessor(mark)
    if before is None:
        return bool(_OPEN_END.search(lines[k].text.rstrip()))
    for back in range(k, max(-1, i - _MARKER_LOOKBACK), -1):
        found = _ENUMERATOR.match(lines[back].text)
        if found and found["mark"] in before:
            return False
    return True


def _predecessor(mark: str) -> tuple[str, ...] | None:
    """The markers an item ``mark`` follows (``b`` -> ``a``); None for a first marker."""
    if mark in ("a", "i", "1"):
        return None
    if mark.isdigit():
        return (str(int(mark) - 1),)
    previous: list[str] = []
    if mark in _ROMAN:
        previous.append(_ROMAN[_ROMAN.index(mark) - 1])
    if len(mark) == 1:
        previous.append(chr(ord(mark) - 1))
    return tuple(previous)


def _local(text: str, start: int, end: int) -> str:
    """The bold lead-in opening a unit, lower case and folded; empty when none."""
    raw = text[start:end]
    match = _LEAD_BOLD.match(raw.lstrip())
    if not match:
        return ""
    inner = next((g for g in match.group("text", "both", "italic", "star") if g), "")
    return fold(inner).text.lower().strip(" .:")


def _cells(folded: Folded) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    position = 0
    body = folded.text
    for bar in [*(m.start() for m in re.finditer(r"\|", body)), len(body)]:
        piece = body[position:bar]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append((position + left, position + right))
        position = bar + 1
    return tuple(spans)


def _table(text: str, lines: Sequence[_Line], i: int, units: list[Unit], caption: str) -> int:
    """Add the rows of the table starting at line ``i``; return the line after it."""
    header: tuple[str, ...] = ()
    rows: list[_Line] = []
    while i < len(lines) and _TABLE_ROW.match(lines[i].text):
        rows.append(lines[i])
        i += 1
    for index, row in enumerate(rows):
        if _TABLE_RULE.match(row.text):
            continue
        folded = fold(row.text, row.start)
        cells = _cells(folded)
        names = tuple(folded.text[a:b].lower() for a, b in cells)
        if len(cells) <= 1:
            # a row with one filled cell is a caption inside the table
            caption = " ".join([caption, *names]).strip()
            continue
        followed_by_rule = index + 1 < len(rows) and _TABLE_RULE.match(rows[index + 1].text)
        if not header and (followed_by_rule or _looks_header(names)):
            header = names
            continue
        start, end = folded.raw_span(cells[0][0], cells[-1][1])
        body = fold(text[start:end], start)
        units.append(Unit("row", start, end, 0, body, caption, "", _cells(body), header))
    return i


def _looks_header(names: Sequence[str]) -> bool:
    words = ("company", "name", "location", "description", "purpose", "entity", "region")
    return any(any(w in n for w in words) for n in names)


# ---------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation rather than a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    parts = word.split(".")
    return "." in word and all(len(part) <= 2 and part.isalpha() for part in parts if part)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of a folded unit text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        dot = match.start()
        if text[dot] == "." and _abbreviated(text, dot):
            continue
        end = match.end()
        while end > start and text[end - 1] == " ":
            end -= 1
        if end - start >= 1:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: str, sections: Sequence[Section] | None = None) -> list[Sentence]:
    """Every sentence of the document with its context, in order. ``sections`` are the text's
    own (:func:`split_sections` of it), for a caller that needs them too and so splits once."""
    if sections is None:
        sections = split_sections(text)
    found: list[Sentence] = []
    for unit in split_units(text):
        section = section_at(sections, unit.start)
        if unit.kind == "heading":
            found.extend(_headline(unit, section))
            continue
        heading = section.heading.lower() if section else ""
        previous = ""
        spans = [(0, len(unit.folded.text))] if unit.kind == "row" else None
        for index, (a, b) in enumerate(spans or sentence_spans(unit.folded.text)):
            body = unit.folded.text[a:b]
            if index == 0 and _is_lead_in(body, unit.local):
                continue
            raw_start, raw_end = unit.folded.raw_span(a, b)
            found.append(
                Sentence(
                    body,
                    body.lower(),
                    raw_start,
                    raw_end,
                    unit,
                    index,
                    previous,
                    section,
                    heading,
                )
            )
            previous = body.lower()
    return found


_HEADING_MARKS = re.compile(r"^[#\s]*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?|[\s#]+$")
_QUESTION = re.compile(
    r"^(?:how|what|why|when|where|who|whom|which|whose|do|does|can|is|are|will)\b"
)
_STATEMENT = re.compile(
    r"\b(?:is|are|isn't|aren't|was|were|will|won't|do|does|don't|doesn't|never|can|can't|may|"
    r"use|uses|used|sell|sells|sold|share|shares|shared|store|stores|stored|train|trains|trained|"
    r"keep|keeps|kept|delete|deletes|deleted)\b"
)


def _headline(unit: Unit, section: Section | None) -> list[Sentence]:
    """A heading that makes a statement ("Your content isn't used to train AI") as a sentence
    of its own: a headline commitment is a passage too, and a version that drops it changes.
    Headings that only name a topic ("How we use your data", "Data retention") are not."""
    whole = unit.folded.text
    marks = list(_HEADING_MARKS.finditer(whole))
    a = marks[0].end() if marks and marks[0].start() == 0 else 0
    b = next((m.start() for m in marks if m.end() == len(whole) and m.start() >= a), len(whole))
    body = whole[a:b].strip()
    if b <= a or len(body.split()) < 4 or body.endswith("?"):
        return []
    low = body.lower()
    if _QUESTION.match(low) or not _STATEMENT.search(low):
        return []
    raw_start, raw_end = unit.folded.raw_span(a, b)
    heading = section.heading.lower() if section else ""
    return [Sentence(body, low, raw_start, raw_end, unit, 0, "", section, heading)]


def _is_lead_in(body: str, local: str) -> bool:
    """Whether a first sentence is only the bold heading of its clause (``10.3 Permitted Use.``)."""
    if not local or len(local.split()) > 12:
        return False
    words = re.sub(r"^[\d.()a-z]{1,8}\s+", "", body.lower()).strip(" .:")
    return words == re.sub(r"^[\d.()a-z]{1,8}\s+", "", local).strip(" .:") or body.lower().strip(
        " .:"
    ) == local.strip(" .:")


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen raw ``[start, end)`` to whole Markdown links and HTML tags it cuts through."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    segment = text[line_start:line_end]
    for match in _markup(segment):
        a, b = line_start + match.start(), line_start + match.end()
        if a < start < b:
            start = a
        if a < end < b:
            end = b
    return start, end


# ---------------------------------------------------------------- HTML

_HTML_SKIP = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<!--.*?-->", re.S)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "ul",
        "ol",
        "table",
        "thead",
        "tbody",
        "blockquote",
        "dl",
        "dd",
        "dt",
        "form",
        "figure",
        "address",
    }
)


def scanned_text(text: str) -> str:
    """The text the scanner reads of a document and cuts its quotes from: an HTML page as it
    stands (:func:`html_view` reads it, and ``evidence verify`` checks its quotes against its
    visible text); any other (Markdown) without its HTML comments, blanked in place
    (:func:`blank_comments`), as a renderer and ``evidence verify`` read it: so no fact is
    suggested from words no reader sees, no quote is cut across one, and every offset and line
    stays the file's."""
    return text if is_html(text) else blank_comments(text)


def is_html(text: str) -> bool:
    """Whether ``text`` is an HTML document (read through :func:`html_view`): the test
    ``watch`` applies to a pinned page, so the two never disagree about one snapshot."""
    return is_page(text)


def html_view(html: str) -> str:
    """A Markdown-like view of an HTML document with every character at its original offset.

    Tags become spaces; block tags become line breaks, headings become ``#`` markers, list
    items ``*`` markers and table cells ``|``, so the Markdown splitter finds the same
    structure. Quotes are still cut from the HTML itself.
    """
    chars = list(html)

    def blank(a: int, b: int, lead: str = "") -> None:
        filler = (lead + " " * (b - a))[: b - a]
        chars[a:b] = list(filler)

    for match in _HTML_SKIP.finditer(html):
        blank(match.start(), match.end())
    for match in _HTML_TAG.finditer(html):
        a, b = match.start(), match.end()
        if "".join(chars[a:b]).strip() == "":
            continue
        closing, name = match.group(1), (match.group(2) or "").lower()
        if re.fullmatch(r"h[1-6]", name) and not closing:
            blank(a, b, "\n" + "#" * min(int(name[1]), b - a - 2) + " ")
        elif name == "li" and not closing:
            blank(a, b, "\n* ")
        elif name in ("td", "th"):
            blank(a, b, "|")
        elif name == "tr":
            blank(a, b, "\n|" if not closing else "|\n")
        elif name == "br":
            blank(a, b, "  \n")
        elif name in _BLOCK or re.fullmatch(r"h[1-6]", name):
            blank(a, b, "\n\n")
        else:
            blank(a, b)
    return "".join(chars)
