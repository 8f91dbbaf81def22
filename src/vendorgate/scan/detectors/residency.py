"""Where customer data is stored or processed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vendorgate.scan.detectors.cues import named, rx
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "residency"
FACTS: tuple[str, ...] = ("data_residency_regions",)
TRIGGER = Trigger(
    # a place (PLACES), a location field, or CHOSEN_REGION
    "united|u.s.|europe|germany|belgium|france|ireland|netherlands|luxemb|sweden|finland|denmark|"
    "austria|italy|spain|portugal|poland|bulgaria|frankfurt|dublin|amsterdam|paris|eea|"
    "switzerland|swiss|great britain|england|canada|australia|japan|india|singapore|brazil|"
    "elsewhere|global|world|globe|countr|location|region|select|choose|chosen|choice|data cent|"
    "datacent",
    pattern=re.compile(r"\b(?:usa|eu|uk)\b|\|"),  # the pipe: a column of a spelled-out format
    kinds=frozenset({"row"}),  # read by its location column
)


PLACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("us", re.compile(r"\bunited[- ]states(?: of america)?\b|\bu\.s\.(?:a\.)?|\busa\b")),
    (
        "eu",
        re.compile(
            r"\beuropean union\b|\beu\b|\bgermany\b|\bbelgium\b|\bfrance\b|\bireland\b|"
            r"\bnetherlands\b|\bluxemb(?:o)?urg\b|\bsweden\b|\bfinland\b|\bdenmark\b|\baustria\b|"
            r"\bitaly\b|\bspain\b|\bportugal\b|\bpoland\b|\bbulgaria\b|\bfrankfurt\b|\bdublin\b|"
            r"\bamsterdam\b|\bparis\b|\beurope\b"
        ),
    ),
    ("eea", re.compile(r"\beuropean economic area\b|\beea\b")),
    ("ch", re.compile(r"\bswitzerland\b|\bswiss\b")),
    ("uk", re.compile(r"\bunited[- ]kingdom\b|\buk\b|\bgreat britain\b|\bengland\b")),
    ("ca", re.compile(r"\bcanada\b")),
    ("au", re.compile(r"\baustralia\b")),
    ("jp", re.compile(r"\bjapan\b")),
    ("in", re.compile(r"\bindia\b")),
    ("sg", re.compile(r"\bsingapore\b")),
    ("br", re.compile(r"\bbrazil\b")),
    (
        "global",
        re.compile(
            r"\bother countries\b|\belsewhere\b|\bglobally\b|\bworldwide\b|\baround the world\b|"
            r"\bany country\b|\b(?:multiple|many|several|various|different|numerous) countries\b|"
            r"\bcountries other than\b|\bacross the (?:world|globe)\b|"
            r"\bany other countr(?:y|ies)\b|"
            # countries without an adequacy decision: anywhere outside the safe list
            r"(?<=\bto )(?:a |any )?(?:third )?countr(?:y|ies) (?:that|which)\b[^.;]{0,80}"
            r"\badequa\w+"
        ),
    ),
)
NEVER_LEAVES = (
    # "your data never leaves the EU", "no customer data ever leaves Germany" (not with an
    # exception beside it: "never leaves the EU unless you enable an integration")
    r"(?:\b(?:never|does not|do not|will not|won't|doesn't|shall not) leaves?|"
    r"\bno\b[^.;]{0,40}?\b(?:ever )?leaves)\b(?: (?:the )?)?"
    r"(?![^.;]*\b(?:except|unless|other than|apart from|save)\b)"
)
STORED = re.compile(
    r"\bstor\w*|\bhost\w*|\bprocess\w*|\blocated\b|\bservers?\b|\bdata ?cent(?:er|re)s?\b|"
    r"\btransfer\w*|\breside\b|\bkept\b|\bkeeps?\b|\blives?\b|\bperform\w*\b|" + NEVER_LEAVES + "|"
    # data that never leaves a place is kept there
    # the vendor's providers somewhere are where its processing is done
    r"\b(?:sub-?processors?|sub-?contractors?|(?:service )?providers)\b|"
    # reached remotely from a place: remote access is processing there
    r"\baccess\w*\b[^.;]{0,40}?\bfrom\b"
)
LOCATION_DATA = re.compile(
    r"\bdata\b|\binformation\b|\bcontent\b|\bservers?\b|\bprocessing\b|\btransfers\b|"
    r"\bservices are hosted\b|\bsub-?contractors\b|\bmetadata\b|\bproviders\b|"
    r"\b(?:files|documents|messages|recordings|backups|emails)\b|"
    r"\b(?:storage|hosting|processing) locations?\b"
)
NOT_LOCATION = rx(
    r"\bcourts?\b",
    # data that "never leaves the EU unless ...": the exception leaves the place open
    r"\bleaves?\b[^.;]*\b(?:except|unless|other than|apart from)\b",
    r"\blaws? of\b",
    r"\bgoverning law\b",
    r"\blocated at\b",
    r"\baddress\b",
    r"\bexport\b",
    r"\bsanctions?\b|\bembargo\w*",
    r"\btax\w*",
    r"\bdomiciled\b",
    r"\bcitizens?\b",
    r"\bresident in\b",
    r"\bheadquarter\w*",
    r"\bworldwide, non-exclusive\b|\bworldwide licen[cs]e\b|\bnon-exclusive, worldwide\b",
    r"\busers worldwide\b",
    # a definition ("'EU' means ..."), not "which means personal data may be transferred"
    r"(?<!which )(?<!this )(?<!that )(?<!by )\bmeans\b",
    r"\bsupervisory authority\b",
    r"\bdata privacy framework\b|\bdpf\b|\bprivacy shield\b",
    # the legal basis of a transfer, named as a noun: "relies on the SCCs for transfers to the
    # United States", "you consent to the transfer of your data to the U.S. pursuant to"
    r"\b(?:rel(?:y|ies) on|pursuant to|consent to)\b[^.]{0,160}\btransfers? "
    r"(?:of [^.;]{0,40})?to\b",
    r"\btransfers? (?:of [^.;]{0,40})?to\b[^.]{0,80}\b(?:pursuant to|rel(?:y|ies) on|"
    r"on the basis of)\b",
)
TRANSFER_SAFEGUARDS = re.compile(
    r"\bsafeguards?\b|\badequa\w+|\bstandard (?:contractual|data protection) clauses\b|"
    r"\bbinding corporate rules\b"
)
LOCATION_HEADER = re.compile(
    r"server location|data ?cent|hosting|storage|data location|region|location of (?:sub-?)?"
    r"process|processing location|location of (?:storage|data)"
)
LOCATION_FIELD = re.compile(
    # a labelled field of a sub-processor entry: "Data processing location: United States"
    r"^(?:[a-z-]+ ){0,3}(?:location|locations|region|regions|country|countries)"
    r"(?: of (?:sub-?)?(?:processing|storage|data|hosting|servers?))?\s*:\s*"
)
LISTED_NAMES = re.compile(
    r"[A-Z][\w.&'-]*(?:[ /](?:[A-Z(][\w.&()'-]*|of|and|the))*"
    r"(?:\s*(?:,|&|\band\b)\s*[A-Z][\w.&'-]*(?:[ /](?:[A-Z(][\w.&()'-]*|of|and|the))*)*\.?"
)
"""A field's value made only of names ("Macedonia", "Taiwan (R.O.C)"), not a sentence."""
PIPE_FORMAT = re.compile(r"[^|`]+(?:\|[^|`]+)+")
"""An entry format spelled out in the text above a list: ``Name | Purpose | Location``."""
CHOSEN_REGION = rx(
    # the customer picks where its data is kept: a location is stated without a place
    r"\b(?:select|choose|chosen|selected|choice of)\b[^.;]{0,80}\b(?:geographic\w* areas?|"
    r"locations?|regions?|data ?cent(?:er|re)s?)\b[^.;]{0,60}\b(?:stor\w*|order|host\w*|"
    r"processing)\b",
    r"\b(?:stor\w*|host\w*)\b[^.;]{0,60}\b(?:within|in) (?:that|the) (?:area|region|location)s? "
    r"(?:chosen|selected)\b",
    r"\b(?:location|geographical area)s?\b[^.;]{0,40}\b(?:chosen|selected) (?:by|when)\b",
    r"\b(?:locations|geographic\w* areas|regions)\b[^.;]{0,40}\b(?:available|offered)\b[^.;]{0,40}"
    r"\b(?:select|choose)\b",
    r"\b(?:location|geographical area)\(?s?\)?\b[^.;]{0,60}\bdata ?cent(?:er|re)\(?s?\)?\b",
)
"""Customer-chosen storage regions: the passage bears on residency without naming a place."""


def detect(s: Sentence) -> list[Hit]:
    """Where customer data is stored or processed."""
    text = s.low
    if s.unit.kind == "row":
        return _residency_row(s)
    if (fielded := _residency_field(s)) is not None:
        return fielded
    if not any(pattern.search(text) for _, pattern in PLACES):
        chosen = CHOSEN_REGION.search(text)
        if chosen and not NOT_LOCATION.search(text):
            return [
                Hit(
                    "data_residency_regions",
                    "undisclosed",
                    0.6,
                    chosen.span(),
                    1,
                    cue="storage region the customer chooses",
                )
            ]
        return []
    if NOT_LOCATION.search(text) or not LOCATION_DATA.search(text):
        return []
    if re.match(r"(?:if|to the extent|where)\b", text) and TRANSFER_SAFEGUARDS.search(text):
        # a condition under which transfer safeguards apply, not where data is kept
        return []
    found: set[str] = set()
    focus: list[tuple[int, int]] = []
    offset = 0
    for clause in re.split(r"(?<=;)", text):
        # a place counts only in a clause that also says data is stored, hosted or moved
        if STORED.search(clause):
            for region, where in _places(clause):
                found.add(region)
                focus.append((offset + where.start(), offset + where.end()))
        offset += len(clause)
    if not found:
        return []
    span = (min(a for a, _ in focus), max(b for _, b in focus))
    if "global" not in found and (choice := CHOICE_CONDITION.match(text)):
        # "If you choose the EU region, your content is stored in Germany": the region holds
        # only for customers who choose it, so it is not where this vendor keeps data
        return [
            Hit(
                "data_residency_regions",
                "undisclosed",
                0.6,
                (choice.start(), span[1]),
                1,
                cue=named("region on the customer's choice", choice),
            )
        ]
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, span, 1, cue="location")]


def _places(text: str, in_prose: bool = True) -> Iterable[tuple[str, re.Match[str]]]:
    """Regions named as where data goes (not where it comes from or is kept out of); in prose a
    storing verb must lead to the place, in a table cell the column says what it is."""
    if in_prose and (condition := TRANSFER_CONDITION.match(text)):
        # "When we transfer your data outside the EEA, we do so in accordance with ...": the
        # condition names no place the data is kept; what follows it may
        text = " " * condition.end() + text[condition.end() :]
    origins = [
        (m.start(), _end_of_from(text, m.end()))
        for m in re.finditer(r"\bfrom\b", text)
        # "stored in or accessed from", "transfer and access such information from": where data
        # is reached from is where it is processed
        if not re.search(
            r"\b(?:accessed|accessible|processed|hosted|served)\s$|\baccess\b[^.;,]{0,30}$",
            text[: m.start()],
        )
    ]
    negated = bool(re.search(r"\b(?:not|never|no)\b[^.;]{0,60}\boutside\b", text))
    for region, pattern in PLACES:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in origins) or _not_a_place(
                text, match, in_prose
            ):
                continue
            before = text[max(0, match.start() - 60) : match.start()]
            outside = re.search(r"\boutside\b", before)
            if outside and not negated and region != "global":
                yield "global", match
            else:
                yield region, match


CHOICE_CONDITION = re.compile(
    r"^(?:if|when|where|once|provided that|to the extent)\b[^,;]{0,40}?\b(?:you|customers?|"
    r"the customer|clients?|the client|users?|admin\w*)\b[^,;]{0,20}?\b(?:choose|chooses|select|"
    r"selects|selected|opt|opts|elect|elects|enable|enables|purchase|purchases|subscribe|"
    r"subscribes|configure|configures|request|requests)\b"
)
"""A leading condition on the customer's choice of region or plan."""
TRANSFER_CONDITION = re.compile(
    r"^(?:if|when|whenever|where|to the extent|in the event)\b[^,;]{0,160}?\btransfer\w*"
    r"[^,;]{0,120}(?:,|;|$|(?= we do so\b))"
)
"""A leading condition on a transfer, up to the comma that closes it."""
NAME_AFTER_PLACE = re.compile(
    r"[- ]?(?:standard|commission|-us|us\b|gdpr|addendum|extension|data privacy|dpf|regulation|"
    r"government|department|federal|district|patent|dollars|gmbh|inc\b|ltd|sarl|llc|ag\b|bv\b|"
    r"ab\b|sa\b|pvt|corporation|member state law|laws?\b|public|governmental|authorit|"
    r"residents?\b|individuals?\b|citizens?\b|"
    # people named by where they are: "applicable to EEA and UK end users"
    r"(?:(?:and|or) (?:the )?[a-z]+ )?(?:end[- ])?(?:users|customers|consumers|data subjects)\b|"
    # a body named after the place: "the Japan Personal Information Protection Commission"
    r"(?:[a-z]+ ){0,4}(?:commis+ion|authority|agency|ministry)\b|"
    r"(?:data protection |privacy )(?:laws?|legislation|regulations?|rules)\b)"
)


STORED_TOWARDS = re.compile(
    r"\b(?:stor\w*|host\w*|process\w*|transfer\w*|located|servers?|data ?cent\w*|reside\w*|"
    r"perform\w*|kept|keeps?|lives?|processing|sub-?processors?|sub-?contractors?|providers)\b"
    r"[^.;]{0,100}?\b(?:in|within|to|on|throughout|into|outside)\b|" + NEVER_LEAVES + "|"
    r"\baccess\w*\b[^.;]{0,40}?\bfrom\b"
)
PEOPLE = (
    r"\b(?:you|individuals?|residents?|users?|persons?|people|customers?|citizens?|sellers?|"
    r"merchants?|buyers?|members?|subscribers?|consumers?|visitors?|children|minors|data subjects?|"
    r"end users?|businesses|companies|entities|organi[sz]ations|controllers?|developers?|"
    r"partners?|employees|candidates|applicants|patients|students|account holders?)\b"
)
PEOPLE_IN = re.compile(
    PEOPLE + r"(?: are| is| who are| that are| who| that| located| based| living| live| lives|"
    r" residing| reside| resides| established| incorporated| registered| domiciled| organi[sz]ed|"
    r" operating| doing business)*\s+(?:in|from|of|within|outside)\b"
)
PEOPLE_AT = re.compile(
    PEOPLE + r"(?: who| that)?(?: are| is)?(?: \w+ly)? (?:located|based|living|live|lives|residing|"
    r"reside|resides|established|incorporated|registered|domiciled|organi[sz]ed|operating)"
    r" (?:in|within|outside) (?:the )?$"
)
"""Where people or businesses are ("sellers established in the EU"), not where data is."""
COMPANY_AT = re.compile(
    r"\b(?:we|we're|(?:the|our|this) (?:company|business|group|entity|firm)|"
    r"our (?:head ?)?offices?|our headquarters|"
    r"[a-z]+,? (?:inc|llc|ltd|limited|gmbh|sas|sarl|b\.?v|ab|ag)\.?)"
    r"(?: (?:is|are|was))?(?: (?:also|currently|primarily|mainly))? (?:located|based|"
    r"headquartered|incorporated|established|registered|organi[sz]ed|situated) (?:in|within) "
    r"(?:the )?$"
)
"""Where the vendor itself is ("our company is located in Ireland"), not where it keeps data
("the Company and its servers are located in ..." names its servers, so it still counts)."""


def _not_a_place(text: str, match: re.Match[str], in_prose: bool = True) -> bool:
    """A region word used as a name (``EU Standard Contractual Clauses``, ``Zeta Project Germany
    GmbH``, ``United States Government``), inside a postal address, in a licence's
    ``worldwide``, where people are rather than data, or not reached by a storing verb."""
    after = text[match.end() : match.end() + 60]
    if NAME_AFTER_PLACE.match(after) or re.match(r"[^.;]{0,60}\blicen[cs]e\b", after):
        return True
    before = text[max(0, match.start() - 12) : match.start()]
    if re.search(r"\d[\d ,-]*$", before):
        return True
    if re.search(r"\(\s*\"?$", before) and re.search(r"^\"?\s*\)", after):
        # an alias in parentheses: the European Economic Area ("EEA")
        return True
    if not in_prose:
        return False
    window = text[max(0, match.start() - 160) : match.start()]
    if PEOPLE_AT.search(window) or COMPANY_AT.search(window):
        return True
    leads = [m for m in STORED_TOWARDS.finditer(window) if len(window) - m.end() <= 100]
    if not leads:
        return match.group() not in ("elsewhere", "globally", "other countries")
    return bool(PEOPLE_IN.search(window[leads[-1].start() :]))


def _end_of_from(text: str, start: int) -> int:
    # "hosted from their data centers throughout the United States": what follows a data
    # centre is where the data is, not where it comes from
    stop = re.compile(
        r"\bto\b|\binto\b|[;:]|\bwithin\b|\bthroughout\b|\bdata ?cent(?:er|re)s?\b|\bincluding\b"
    )
    match = stop.search(text, start)
    return match.start() if match else len(text)


def _residency_field(s: Sentence) -> list[Hit] | None:
    """A list entry that states a location in a field of its own: ``Data processing location:
    United States``, or the location column of ``Name | Purpose | Location`` entries whose
    format the text above them spells out. None when the entry has no such field."""
    if s.unit.kind not in ("item", "paragraph"):
        return None
    text = s.low
    cell: str | None = None
    field = LOCATION_FIELD.match(text)
    if field and not _data_location(field.group(), s):
        field = None  # "Country: Ireland" in an address block is where a company is
    if field:
        cell = s.text[field.end() :]
    elif "|" in text:
        formats = PIPE_FORMAT.findall(s.unit.lead)
        columns = [c.strip() for c in formats[-1].split("|")] if formats else []
        where = [i for i, name in enumerate(columns) if LOCATION_HEADER.search(name)]
        cells = [c.strip() for c in s.text.split("|")]
        if where and len(cells) == len(columns):
            cell = cells[where[0]]
    if cell is None:
        return None
    found = {region for region, _ in _places(cell.lower(), in_prose=False)}
    unknown = re.fullmatch(r"(?i)n/?a|none|tbd|various|multiple|see below|-+", cell.strip(" ."))
    if not found and not unknown and LISTED_NAMES.fullmatch(cell.strip()):
        # a country outside the vocabulary's regions: the data is not pinned to a listed one
        found = {"global"}
    if not found:
        return []
    cue = "location field" if field else "location column"
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, None, 1, cue=cue)]


def _data_location(label: str, s: Sentence) -> bool:
    """Whether a field's label says where data is: its own words ("data processing location")
    or, for a bare "Location:", an entry under a heading or lead about processors."""
    if re.search(r"data|process|server|host|stor", label):
        return True
    around = " ".join((s.heading, s.unit.lead, s.unit.parent))
    return bool(re.search(r"processors?\b|providers?\b|vendors?\b|sub-?contractors?\b", around))


def _residency_row(s: Sentence) -> list[Hit]:
    """A sub-processor table row: the regions in its server-location column."""
    header = s.unit.header
    found: set[str] = set()
    for index, name in enumerate(header):
        if not LOCATION_HEADER.search(name) or index >= len(s.unit.cells):
            continue
        a, b = s.unit.cells[index]
        for region, _ in _places(s.low[a:b], in_prose=False):
            found.add(region)
    if not found:
        return []
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, None, 1, cue="location")]
