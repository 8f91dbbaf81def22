"""The clause scanner's rules: which sentences bear on which fact, and what value they suggest.

Each detector reads one :class:`~vendorgate.scan_text.Sentence` (folded text plus its context)
and returns :class:`Hit` objects. The rules are weighted lexical patterns written from how terms
documents phrase each practice: a *trigger* (the sentence is about the fact), *exclusions* (the
same words in a clause about something else: staff training, the sale of the vendor's business,
governing law, logs), and *value cues* (negation, consent, opt-out, numbers, places). The weights
are confidences in 0..1; ``bench/scan_quality.py`` measures how well they do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from vendorgate.scan.document import Sentence

HitValue = str | int | tuple[str, ...] | None


@dataclass(frozen=True)
class Hit:
    """One fact a sentence bears on."""

    fact: str
    """Vocabulary name."""
    value: HitValue
    """The suggested value; None for sub-processor passages (a list a person writes)."""
    confidence: float
    """0..1: how sure the rule is that the sentence bears on the fact with this value."""
    focus: tuple[int, int] | None = None
    """Folded ``[start, end)`` inside the sentence of the decisive words, for trimming."""
    strength: int = 1
    """2 for an explicit statement of the practice, 1 for a general one (a purpose list)."""
    override: bool = False
    """The sentence overrides what comes before it (``Notwithstanding the above, ...``)."""
    cue: str = ""
    """A few words saying why, shown in reports."""


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


Spot = re.Match[str] | tuple[int, int] | None


def _span(*spots: Spot) -> tuple[int, int] | None:
    """The smallest ``[start, end)`` covering the given matches and spans."""
    found = [s.span() if isinstance(s, re.Match) else s for s in spots if s is not None]
    if not found:
        return None
    return min(a for a, _ in found), max(b for _, b in found)


# ---------------------------------------------------------------- shared vocabulary

CONTENT = _rx(
    r"\b(?:customer|your|user|end user|client)s?'?s? (?:content|data|input|submissions|files|"
    r"messages|communications|recordings)\b",
    r"\b(?:customer content|user submissions|meeting (?:related )?content|chat content|"
    r"video content|conversation content|message content|communications-like)\b",
    r"\b(?:audio|video|chat|messages|files|recordings?|transcripts|conversations?|documents)\b",
    r"\bcustomer'?s personal data\b|\bpersonal data (?:processed )?(?:on behalf of|pursuant to "
    r"this dpa)|\bto the controller\b|\bthe controller'?s\b",
)
SERVICE_DATA = _rx(
    r"\bservice[- ]generated data\b",
    r"\btelemetry\b",
    r"\b(?:product )?usage (?:data|information|statistics)\b",
    r"\bdiagnostic data\b",
    r"\bservices? data\b",
    r"\b(?:service )?metadata\b",
    r"\bhistorical use\b",
    r"\b(?:activity|device) data\b",
)
NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|cannot)\b|n't\b")
OPT_OUT = _rx(
    r"\bopt(?:s|ed|ing)?[- ]?out\b",
    r"\bunsubscribe\b",
    r"\byou (?:can|may) (?:prevent|object|withdraw|disable|turn off|decline)",
    r"\b(?:right|entitled) to (?:object|prevent)",
    r"\bprevent (?:the )?disclosure\b",
    r"\bdo not sell or share my\b",
)
CONSENT_EXCEPTION = _rx(
    r"\bwithout (?:your|the customer'?s?|customer'?s?|their|the user'?s?|users'?|its)? ?"
    r"[a-z ,-]{0,40}?\b(?:consent|permission|authori[sz]ation|agreement|instructions?)\b",
    r"\bunless (?:you|the customer|customer|users?|an? admin\w*) (?:first )?"
    r"(?:opt(?:s)?[- ]?in|consents?|agrees?|enables?|chooses?|elects?|turns? on)",
    r"\bonly (?:with|after|if|when) (?:your|you|the customer|customer|an? admin\w*|"
    r"administrators?|users?)\b[^.;]{0,40}(?:consent|opt|enable|agree|choose|turn on)",
    r"\bopts?[- ]in\b",
    r"\bif you (?:opt[- ]?in|enable|choose to|turn on|consent)",
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_PERIOD_UNIT = re.compile(r"\b(?P<unit>hours?|days?|weeks?|months?|years?)\b")
_PERIOD_COUNT = re.compile(
    r"(?:\b(?P<word>[a-z]+(?:-[a-z]+)?) )?(?:\((?P<paren>\d{1,4})\)|(?P<digits>\d{1,4}))? ?"
    r"(?P<kind>calendar |business |working )?$"
)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def periods(text: str) -> list[tuple[float, tuple[int, int]]]:
    """Every stated period in ``text`` (lower case) in days, with its ``[start, end)``."""
    found: list[tuple[float, tuple[int, int]]] = []
    for unit in _PERIOD_UNIT.finditer(text):
        before = text[max(0, unit.start() - 40) : unit.start()]
        match = _PERIOD_COUNT.search(before)
        if match is None:
            continue
        count: int | None = None
        if match["paren"] or match["digits"]:
            count = int(match["paren"] or match["digits"])
        elif match["word"] in NUMBER_WORDS:
            count = NUMBER_WORDS[match["word"]]
        elif match["word"] in ("a", "an"):
            count = 1
        if count is None:
            continue
        days = count * _UNIT_DAYS[unit["unit"].rstrip("s")]
        if match["kind"] in ("business ", "working "):
            days = count // 5 * 7 + count % 5
        start = unit.start() - len(before) + match.start()
        found.append((days, (start, unit.end())))
    return found


def _context(s: Sentence) -> str:
    return " ".join((s.unit.local, s.unit.lead, s.heading))


def _near_negation(text: str, position: int, window: int = 40) -> bool:
    """Whether a negation stands shortly before ``position`` in the same clause."""
    before = text[max(0, position - window) : position]
    before = re.split(r"[;:]|\bbut\b|\bwhile\b|\bhowever\b", before)[-1]
    return bool(NEGATION.search(before))


# ---------------------------------------------------------------- AI training

AI_TERM = _rx(
    r"\bmachine[- ]learning\b",
    r"\bartificial intelligence\b",
    r"\bai\b",
    r"\bml\b",
    r"\blarge language models?\b",
    r"\bllms?\b",
    r"\bgenerative\b",
    r"\bpredictive models?\b",
    r"\bneural\b",
    r"\b(?:algorithms and models|models and algorithms)\b",
)
TRAIN_EXPLICIT = _rx(
    r"\b(?:train|trains|trained|training|fine[- ]?tun\w*|tun(?:e|es|ed|ing))\b[^.;]{0,60}?"
    r"\b(?:models?|algorithms?|ai|artificial intelligence|llms?|machine learning)\b",
    r"\b(?:machine learning|artificial intelligence|ai|models?|model providers?|llms?)\b"
    r"[^.;]{0,40}?\btrain\w*",
    r"\btrain\w* (?:on|with) (?:your|customer|user)",
)
TRAIN_GENERAL = _rx(
    r"\btrain(?:s|ed|ing)?\b",
    r"\bimprov\w+",
    r"\bdevelop\w*",
    r"\bbuild\w*",
    r"\bfor the purposes? of\b",
    r"\bcreate and develop\b",
)
THIRD_PARTY_AI = _rx(
    r"\bthird[- ]party (?:artificial intelligence|ai|llms?|large language|machine learning|"
    r"models?|model providers?)\b",
    r"\bthird[- ]part(?:y|ies)'?\b[^.;]{0,40}\bmodels\b",
    r"\b(?:ai|llm|model) (?:providers?|vendors?|partners?|sub-?processors?)\b",
    r"\bopenai\b|\banthropic\b",
)
NOT_MODEL_TRAINING = _rx(
    r"\btrained (?:with|on) the relevant\b",
    r"\btraining and quality assurance\b",
    r"\bfor (?:the purposes of )?training (?:purposes )?and quality\b",
    r"\btraining, enablement\b",
    r"\b(?:employees|personnel|staff)\b[^.;]{0,40}\btrain",
    # what the customer may not do with the vendor's AI is not what the vendor does
    r"^(?:you|customers?|users?) (?:may|must|shall|will|agree) not\b",
    r"\byou agree not to\b",
)


def ai_training(s: Sentence) -> list[Hit]:
    """AI / ML training on customer content, on service data, and by third-party providers."""
    text = s.low
    term = AI_TERM.search(text)
    explicit = TRAIN_EXPLICIT.search(text)
    if NOT_MODEL_TRAINING.search(text) or (term is None and explicit is None):
        return []
    general = TRAIN_GENERAL.search(text)
    if explicit is None and general is None:
        return []
    kind, kind_confidence = _data_kind(s)
    value, value_match = _practice(text, (explicit or term or general).start())  # type: ignore[union-attr]
    strength = 2 if explicit else 1
    base = 0.9 if explicit else 0.75
    focus = _span(explicit or term, value_match)
    override = text.startswith(("notwithstanding", "despite", "regardless"))
    hits = [
        Hit(kind, value, round(base * kind_confidence, 2), focus, strength, override, "AI/ML use")
    ]
    third = THIRD_PARTY_AI.search(text)
    if third is not None:
        hits.append(
            Hit(
                "ai_training_third_party",
                value,
                round(base, 2),
                _span(third, value_match),
                strength,
                override,
                "third-party models",
            )
        )
    return hits


def _data_kind(s: Sentence) -> tuple[str, float]:
    """Which training fact a sentence is about, and how sure that is."""
    content = CONTENT.search(s.low)
    service = SERVICE_DATA.search(s.low)
    if service and not content:
        return "ai_training_service_data", 1.0
    if content and not service:
        return "ai_training_customer_content", 1.0
    if content and service:
        # the data the sentence is about is named first ("Service Generated Data based on
        # Customer Content" is service data)
        first = "service" if service.start() < content.start() else "content"
        return (
            "ai_training_service_data" if first == "service" else "ai_training_customer_content"
        ), 0.85
    around = _context(s)
    if SERVICE_DATA.search(around) and not CONTENT.search(around):
        return "ai_training_service_data", 0.9
    if CONTENT.search(around):
        return "ai_training_customer_content", 0.9
    return "ai_training_customer_content", 0.7


def _practice(text: str, anchor: int) -> tuple[str, re.Match[str] | None]:
    """never / opt_in / opt_out / always for a practice stated in ``text`` near ``anchor``."""
    consent = CONSENT_EXCEPTION.search(text)
    opt_out = OPT_OUT.search(text)
    negated = _near_negation(text, anchor, 90) or bool(
        re.search(r"\b(?:do|does|will|shall|may|is|are) not\b[^.;]{0,240}\btrain", text)
    )
    if consent and (negated or re.search(r"\bonly\b", text)):
        return "opt_in", consent
    if opt_out:
        return "opt_out", opt_out
    if negated:
        return "never", NEGATION.search(text[max(0, anchor - 90) : anchor + 1])
    if consent:
        return "opt_in", consent
    return "always", None


# ---------------------------------------------------------------- content licence

GRANT = _rx(
    r"\b(?:you|customer|users?|licensee|controller)s?\b[^.;]{0,40}?"
    r"\b(?:grant|grants|give|gives|hereby grant)\b[^.;]{0,200}?\b(?:licen[cs]e|rights?)\b",
)
VENDOR_GRANT = _rx(
    r"\bgrants? (?:to )?you\b",
    r"\bgives? you\b",
    r"\blicen[cs]e to use (?:the|any|our) (?:software|services?|website|documentation)\b",
    r"\bfeedback\b",
    r"\btrademarks?\b|\blogos?\b",
    r"\bproprietary rights in or to service generated data\b",
)
USE_LIMIT = _rx(
    r"\b(?:will|shall|may|can)? ?only (?:access|process|use|collect|store)\b",
    r"\bprocess\w*\b[^.;]{0,100}\b(?:solely|only) (?:for|to (?:provide|perform|deliver)|in "
    r"accordance)\b",
    r"\bsole(?:ly)? (?:for )?(?:the )?(?:limited )?purposes? of\b",
    r"\bfor no other purposes?\b",
    r"\bonly as (?:reasonably )?necessary\b",
    r"\bpermitted uses?\b",
    r"\bprocessing activities include\b",
    r"\bshall serve the purpose of providing\b",
    r"\bfor the purpose of providing the service\b",
)
PASSIVE_USE = _rx(
    r"\b(?:will|may|shall|can) be (?:used|processed)\b[^.;]{0,160}\b(?:to provide|providing|"
    r"in accordance with)\b",
)
USE_VERBS = re.compile(
    r"\b(?:may|will|shall)\s+(?:also\s+)?(?:redistribute|publish|access|use|store|process|"
    r"reproduce|display|copy)\b"
)
LICENSE_HEADING = re.compile(
    r"customer licen[cs]e|licen[cs]e grant|permitted use|data use|use of (?:customer )?"
    r"(?:content|data)|your content|user submissions|user information|"
    r"purposes? (?:and duration )?of (?:the )?processing|instructions"
)
WARRANTY = re.compile(
    r"\b(?:necessary )?rights? to grant\b|\bmake sure you have\b|\brepresents? and warrants?\b"
)
IMPROVEMENT = _rx(
    r"\bimprov\w+",
    r"\bdevelop\w*",
    r"\b(?:purposes?|for)\b[^.;]{0,80}\b(?:machine learning|artificial intelligence)\b",
    r"\banalytics\b",
    r"\bmarketing\b",
    r"\bresearch\b",
    r"\bnew (?:features|products)\b",
)
LICENSE_WORDS = re.compile(
    r"grant|give|only|sole|purpose|permitted|processing activities|be used|be processed|"
    r"this information|may|will|shall"
)
ANY_PURPOSE = _rx(r"\bfor any purpose\b(?! relating)", r"\bin any manner\b", r"\bas \w+ sees fit\b")


def content_license(s: Sentence) -> list[Hit]:
    """The purposes for which the customer lets the vendor use its content."""
    text = s.low
    if not LICENSE_WORDS.search(text):
        return []
    context = _context(s)
    content = CONTENT.search(text) or re.search(
        r"\b(?:user information|such content|this information)\b", text
    )
    if SERVICE_DATA.search(text) and not CONTENT.search(text):
        return []
    if VENDOR_GRANT.search(text) or WARRANTY.search(text) or "confidential information" in text:
        return []
    grant = GRANT.search(text)
    limit = USE_LIMIT.search(text)
    passive = PASSIVE_USE.search(text)
    about_use = LICENSE_HEADING.search(context) or LICENSE_HEADING.search(text)
    verbs = USE_VERBS.search(text) if about_use and content else None
    if verbs and _near_negation(text, verbs.end(), 30):
        verbs = None  # "will not use ... to train": a restriction, not a grant
    trigger = grant or limit or passive or verbs
    if trigger is None:
        return []
    if content is None and not about_use:
        return []
    confidence = 0.85 if (grant or limit) and content else 0.7
    if ANY_PURPOSE.search(text):
        return [Hit("content_license_scope", "any_purpose", confidence, _span(trigger), 1)]
    improvement = IMPROVEMENT.search(text)
    if improvement and not re.search(r"\btechnical purposes\b", text[: improvement.start()]):
        value = "service_and_improvement"
        focus = _span(trigger, improvement)
    else:
        value, focus = "service_only", _span(trigger)
    return [Hit("content_license_scope", value, confidence, focus, 1, cue="use of content")]


# ---------------------------------------------------------------- aggregated data

AGGREGATED = re.compile(
    r"\baggregat(?:e|ed|es|ing)\b(?! (?:liability|amount|total|fees|damages|level))|"
    r"\bde-?identif\w+|\banonymi[sz]\w+|\banonymous\b|\bde-?personali[sz]ed\b|"
    r"\bnon-personal (?:data|information)\b"
)
NOT_AGGREGATED = _rx(
    r"\bin the aggregate\b",
    r"\bmaximum aggregate\b",
    r"\baggregate-level\b",
    r"\bidentified or identifiable\b(?![^.]*\bmay use\b)",
)
AGGREGATE_USE = re.compile(
    r"\b(?:use|uses|using|create|creates|retain|share|generate|compile|obtain|free to use|"
    r"exploit|may use)\b"
)


def aggregated(s: Sentence) -> list[Hit]:
    """Use of aggregated or de-identified data for the vendor's own purposes."""
    text = s.low
    cue = AGGREGATED.search(text)
    if cue is None or NOT_AGGREGATED.search(text) or "pseudonym" in text:
        return []
    use = AGGREGATE_USE.search(text)
    if use is None:
        return []
    value, value_match = _practice(text, use.start())
    return [Hit("aggregated_data_use", value, 0.8, _span(cue, value_match), 1, cue="aggregated")]


# ---------------------------------------------------------------- advertising and sale

ADVERTISING = _rx(
    r"\badvertis\w+",
    r"\btargeted ads?\b",
    r"\bads\b",
    r"\bmonetiz\w+",
    r"\bdirect marketing purposes\b",
    r"\bthird parties'? (?:own )?(?:direct )?marketing\b",
)
NOT_ADVERTISING = _rx(
    r"\badvertisements? for\b",
    r"\badvertising or marketing communications\b",
    r"\bmarketing materials\b",
    r"\badvertising campaigns\b",
    r"\bpromotional communications\b",
    r"\bsolicitations\b",
    r"\bmarketing communications\b",
    r"\bsend\w*\b[^.;]{0,40}\badvertis",
)
DATA_OBJECT = _rx(
    r"\b(?:your|personal|customer|user)s?'? ?(?:data|information|content)\b",
    r"\bpersonal (?:data|information)\b",
    r"\bcookies?\b|\btrackers?\b",
    r"\byour use of\b",
    r"\byour data\b|\bdata\b",
)


def advertising(s: Sentence) -> list[Hit]:
    """Use of customer data for advertising."""
    text = s.low
    cue = ADVERTISING.search(text)
    if cue is None or NOT_ADVERTISING.search(text) or DATA_OBJECT.search(text) is None:
        return []
    return [_sale_like("advertising_use", s, cue)]


SALE = re.compile(r"\bsell(?:s|ing)?\b|\bsold\b|\bsales?\b|\brent(?:s|ing)?\b|\bmonetiz\w+")
NOT_SALE = _rx(
    r"\bsale of (?:all|some|substantially)\b",
    r"\b(?:merger|acquisition|bankruptcy|reorgani[sz]ation)\b[^.]{0,120}\bsale\b",
    r"\bsales?,? (?:use|and use|tax)",
    r"\blease, rent,? or sale\b",
    r"\b(?:sell|selling|resell|rent)\w*,?[^.;]{0,30}\b(?:the|our) (?:services?|software)\b",
    r"\bsold to (?:you|address)\b",
    r"\bsale of goods\b",
    r"\bcollecting, selling\b",
    r"\bunder (?:the age of )?\d+\b|\bchildren\b|\bminors?\b",
)


def sale(s: Sentence) -> list[Hit]:
    """Sale (or rental, monetisation) of customer data."""
    text = s.low
    cue = SALE.search(text)
    if cue is None or NOT_SALE.search(text):
        return []
    after = text[cue.start() : cue.end() + 90]
    if not re.search(
        r"\b(?:your|personal|customer|user|certain)s?'? ?(?:data|information|content)\b|"
        r"\bpersonal (?:data|information)\b|\byour data\b",
        after,
    ):
        return []
    return [_sale_like("sale_of_data", s, cue)]


def _sale_like(fact: str, s: Sentence, cue: re.Match[str]) -> Hit:
    text = s.low
    opt = OPT_OUT.search(text) or OPT_OUT.search(s.unit.local)
    qualified = re.search(r"\bin the conventional sense\b|\bas traditionally\b", text)
    if opt:
        return Hit(fact, "opt_out", 0.8, _span(cue, OPT_OUT.search(text)), 2, cue="opt-out")
    if not qualified and (
        _near_negation(text, cue.start()) or re.search(r"\bnot in the business of\b", text)
    ):
        return Hit(fact, "never", 0.85, _span(cue), 2, cue="negated")
    return Hit(fact, "always", 0.75, _span(cue), 1)


# ---------------------------------------------------------------- retention and deletion

RETAIN = re.compile(
    r"\bretain\w*|\bretention\b|\bkeeps?\b|\bkept\b|\bstor(?:e|es|ed|ing|age)\b|\bqueues?\b|"
    r"\bdelet\w+|\berase\w*|\bbuffer\b"
)
NOT_RETENTION_TOPIC = re.compile(
    r"\blogs?\b|log files|\bbilling\b|\bpayment\b|\bprofile (?:information|data)\b|"
    r"support (?:request|ticket|case)s?|\bnewsletter|\baccount data\b|\bservices data\b|"
    r"\bconfidential information\b|\bcharges\b|\bunderage\b|\bminor\b"
)
NOT_RETENTION_SECTION = re.compile(r"\brights\b|payment|billing|\blogs?\b|support|newsletter")
CONTROLLED = _rx(
    r"\bin accordance with (?:a |the )?(?:customer|controller|your)'?s? instructions\b",
    r"\b(?:you|customer|the customer|controller|the controller) (?:may|can|elects? to|chooses? to)"
    r"\b[^.;]{0,60}\b(?:delete|request (?:the )?(?:return|deletion)|remove)",
    r"\bretention (?:settings|period you)\b",
    r"\byou control\b",
)
FIXED = _rx(
    r"\btemporar\w+",
    r"\buntil (?:it is |they are )?(?:delivered|uploaded|sent)\b",
    r"\bduring the (?:meeting|session|call)\b",
    r"(?:\ba (?:maximum|period) of|\bfor) (?:\w+ )?\(?\d+\)? (?:days?|hours?|months?|years?)\b",
    r"\bautomatically delet\w+",
    r"\bfor delivery\b",
    r"\bto buffer\b",
)
INDEFINITE = _rx(r"\bindefinite\w*", r"\bno (?:fixed )?retention (?:period|limit)")
TERMINATION = _rx(
    r"\bterminat\w+",
    r"\bexpir\w+",
    r"\bcancel\w*",
    r"\bthereafter\b",
    r"\bafter this (?:export )?period\b",
)
DELETE = re.compile(r"\bdelet\w+|\berase\w*|\bdestr(?:oy|uction)\b|\bpurg\w+|\breturn\b")
EXPORT_WINDOW = re.compile(r"\b(?:export|retrieve)\b")
BACKUP = re.compile(
    r"\b(?:retain\w*|kept|remain\w*)\b[^.;]{0,100}\b(?:backups?|back-up|archiv\w+)\b"
)
COST = re.compile(r"\b(?:cost|costs|expenses?)\b[^.]{0,120}\bborne\b")


def _content_of(text: str) -> re.Match[str] | None:
    text = re.sub(r"\(excluding [^)]*\)", "", text)
    return CONTENT.search(text) or re.search(
        r"\buser (?:information|submissions)\b|\bcopies\b", text
    )


def retention(s: Sentence) -> list[Hit]:
    """How long customer content is kept, and its deletion after termination."""
    text = s.low
    if not (RETAIN.search(text) or DELETE.search(text) or EXPORT_WINDOW.search(text)):
        return []
    if NOT_RETENTION_TOPIC.search(text) and not BACKUP.search(text):
        return []
    if NOT_RETENTION_SECTION.search(s.heading) or NOT_RETENTION_SECTION.search(s.unit.local):
        return []
    data = _content_of(text) or (_content_of(s.unit.lead) if s.unit.kind != "paragraph" else None)
    if data is None or COST.search(text):
        return []
    backup = BACKUP.search(text)
    if backup:
        return [
            Hit(
                "deletion_after_termination_days",
                "undisclosed",
                0.7,
                _span(backup),
                1,
                cue="copies kept in backups",
            )
        ]
    ended = TERMINATION.search(text)
    if ended and (DELETE.search(text) or (EXPORT_WINDOW.search(text) and periods(text))):
        return [_deletion(s, ended)]
    if RETAIN.search(text) is None:
        return []
    for value, pattern in (
        ("customer_controlled", CONTROLLED),
        ("fixed_period", FIXED),
        ("indefinite", INDEFINITE),
    ):
        match = pattern.search(text)
        if match:
            return [Hit("content_retention", value, 0.75, _span(match), 1, cue="retention")]
    return []


def _deletion(s: Sentence, ended: re.Match[str]) -> Hit:
    text = s.low
    found = periods(text)
    where: Spot = found[0][1] if found else None
    if not found and re.search(r"\bafter (?:this|that|such) (?:\w+ )?period\b", text):
        # "After this export period, ... delete": the period is stated just before
        found = periods(s.previous)
    if found:
        return Hit(
            "deletion_after_termination_days",
            round(found[0][0]),
            0.85,
            _span(ended, where),
            2,
            cue="deletion after termination",
        )
    if re.search(r"\bimmediately\b", text):
        return Hit("deletion_after_termination_days", 0, 0.75, _span(ended), 2)
    return Hit("deletion_after_termination_days", "undisclosed", 0.75, _span(ended), 1)


# ---------------------------------------------------------------- sub-processors

SUBPROCESSOR = re.compile(
    r"\bsub-? ?processors?\b|\bsub-?contractors?\b|\bthird[- ]party (?:service )?providers?\b|"
    r"\bservice providers?\b|\bvendors\b"
)
SUBPROCESSOR_USE = _rx(
    r"\b(?:use|uses|engage|engages|appoint|contract|contracts|employ|employs|rely on|include|"
    r"continue to use|work with)\b[^.;]{0,80}?\b(?:sub-? ?processors?|sub-?contractors?|"
    r"third[- ]party (?:service )?providers?|service providers?)",
    r"\bauthori[sz]\w*\b[^.;]{0,40}\bto (?:appoint|engage|use)\b[^.;]{0,30}\bsub-? ?processors?",
    r"\bgeneral authori[sz]ation for the engagement of sub-? ?processors\b",
    r"\blist of sub-? ?processors\b|\bsub-? ?processors? list\b|\bour sub-? ?processors\b",
    r"\bthe following (?:sub-? ?processors|sub-?contractors|third[- ]party (?:service )?providers)",
    r"\bthird[- ]party providers?\b[^.;]{0,20}\b(?:send|sending|process|processing|help|"
    r"provide|providing)\b",
    r"\bwork with third parties to provide\b",
    r"\bengage third parties\b",
    r"\bshare\w*\b[^.;]{0,60}\bwith (?:our |these |its |trusted )?(?:third[- ]party )?"
    r"(?:service providers|vendors|sub-? ?processors|processors)\b",
    r"\b(?:using|use|uses) third parties\b[^.;]{0,40}\b(?:to|for)\b",
    r"\b(?:companies|third parties|providers|vendors) (?:who|that) (?:provide|perform) "
    r"services (?:to us|on our behalf)",
    r"\b(?:our|important|authori[sz]ed) sub-? ?processors\b",
)
NOT_SUBPROCESSOR = _rx(
    r"\bresponsib\w+ for the acts\b",
    r"\bliab\w+\b",
    r"\bpersonnel\b",
    r"\bonward transfer\b",
    r"\bmeans\b",
    r"\bis a sub-? ?processor\b|\bacts as (?:a |customer )?sub-? ?processor\b",
    r"\btransfers? (?:of personal data )?to (?:a )?sub-? ?processors?\b",
    r"\bthird[- ]party (?:services|applications|offerings|websites|integrations)\b",
    r"\bproviders? of (?:offerings|third)\b",
    r"\buse of sub-? ?processors\b",
    r"\bobjection",
)
SUBPROCESSOR_WORDS = re.compile(r"processor|contractor|provider|vendor|third part|share")
SHARES_WITH_NAMED = re.compile(
    r"\bshare[sd]?\b[^.;]{0,60}\b(?:data|information|content)\b[^.;]{0,20}\bwith "
    r"(?!You\b|Your\b|Customers?\b|Third\b|Other\b|Users?\b)([A-Z][A-Za-z]+)"
)
PROVIDER_LEAD = re.compile(
    r"(?:following|these)[^.;]{0,40}(?:sub-? ?processors|sub-?contractors|providers)|"
    r"service providers|sub-? ?processors"
)


def subprocessors(s: Sentence) -> list[Hit]:
    """Passages that name sub-processors or say the vendor uses them."""
    text = s.low
    local = s.unit.local
    plain = s.unit.kind == "paragraph" and not s.unit.lead and not local
    if plain and not SUBPROCESSOR_WORDS.search(text):
        return []
    if NOT_SUBPROCESSOR.search(text) and not SUBPROCESSOR_USE.search(text):
        return []
    use = SUBPROCESSOR_USE.search(text)
    if use and not NOT_SUBPROCESSOR.search(text):
        return [Hit("subprocessors", None, 0.8, _span(use), 1, cue="sub-processors")]
    if local and SUBPROCESSOR.search(local) and not NOT_SUBPROCESSOR.search(local):
        return [Hit("subprocessors", None, 0.7, None, 1, cue="under a sub-processor lead-in")]
    named = SHARES_WITH_NAMED.search(s.text)
    if named:
        return [Hit("subprocessors", None, 0.65, (named.start(1), named.end(1)), 1)]
    listed = s.unit.kind in ("row", "item") or (s.unit.kind == "paragraph" and bool(s.unit.lead))
    if listed and _listed_provider(s):
        return [Hit("subprocessors", None, 0.75, None, 1, cue="listed sub-processor")]
    return []


def _listed_provider(s: Sentence) -> bool:
    """A table row or list entry under a caption or lead-in announcing sub-processors."""
    lead = s.unit.lead
    if s.unit.kind == "row":
        header = " ".join(s.unit.header)
        where = " ".join((lead, s.heading))
        return bool(re.search(r"company|name|entity", header)) and bool(
            re.search(r"sub-? ?processors?|subcontractors?|third[- ]party providers", where)
        )
    if not PROVIDER_LEAD.search(lead) or NOT_SUBPROCESSOR.search(lead):
        return False
    if s.unit.kind == "paragraph":
        # a line of a table archived without pipes; its column header line is not an entry
        return len(s.text.split()) >= 3 and not s.text.lower().startswith("name ")
    return len(s.text) <= 160


CHANGE_NOTICE = _rx(
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,120}?\b(?:new|additional|further|replacement|"
    r"changes?|addition|add|replace\w*)\b[^.;]{0,60}?\b(?:sub-? ?processors?|sub-?contractors?)",
    r"\b(?:changes?|additions?) to (?:that|the|our) list\b[^.;]{0,80}\bsub-? ?processors",
)


def change_notice(s: Sentence) -> list[Hit]:
    """Notice before a new sub-processor is engaged."""
    text = s.low
    notice = CHANGE_NOTICE.search(text)
    if notice is None:
        return []
    ahead = [
        (d, m)
        for d, m in periods(text)
        if re.match(r"[^.;]{0,40}\b(?:in advance|prior|before)", text[m[1] :])
    ]
    if ahead:
        days, match = ahead[0]
        return [
            Hit(
                "subprocessor_change_notice_days",
                round(days),
                0.85,
                _span(notice, match),
                2,
                cue="notice period",
            )
        ]
    return [Hit("subprocessor_change_notice_days", "undisclosed", 0.75, _span(notice), 1)]


# ---------------------------------------------------------------- contract documents

BAA = re.compile(r"\bbusiness associates?\b|\bbaa\b")
BAA_NOT = _rx(
    r"\b(?:is|are) not a business associate\b",
    r"\b(?:will|do|does|shall) not (?:sign|enter into|execute|offer|provide)\b[^.;]{0,40}"
    r"\b(?:baa|business associate)",
    r"\bnot intended to meet\b[^.;]{0,80}\bhipaa\b",
)
BAA_REQUEST = _rx(
    r"\bseparate business associate\b",
    r"\bupon request\b|\bon request\b",
    r"\bcontact (?:us|sales)\b",
    r"\bif (?:you|customer) (?:have|has) (?:entered into|executed|signed)\b",
    r"\bmay be subject to\b",
)
BAA_YES = _rx(
    r"\b(?:will|shall|can|may) (?:sign|enter into|execute)\b[^.;]{0,30}"
    r"\b(?:baa|business associate)",
    r"\b(?:baa|business associate agreement) (?:is|are) available\b",
)


def baa(s: Sentence) -> list[Hit]:
    """Whether the vendor signs a HIPAA business associate agreement."""
    text = s.low
    cue = BAA.search(text)
    if cue is None:
        return []
    for value, pattern, confidence in (
        ("not_available", BAA_NOT, 0.85),
        ("on_request", BAA_REQUEST, 0.7),
        ("available", BAA_YES, 0.8),
    ):
        match = pattern.search(text)
        if match:
            return [Hit("baa_available", value, confidence, _span(cue, match), 1, cue="BAA")]
    return [Hit("baa_available", "on_request", 0.55, _span(cue), 1, cue="BAA mentioned")]


DPA_SPELLED = re.compile(
    r"\bdata (?:processing|protection|processor) (?:addendum|agreement)\b|\bprocessing addendum\b"
)
DPA_SHORT = _rx(
    r"\bobject of the dpa\b",
    r"\bcomply with the dpa\b",
    r"\b(?:includes|including)\b[^.;]{0,60}\bthe dpa\b",
    r"^\"?dpa\"? means\b",
    r"\bthis dpa (?:forms|is entered|and the annexes are entered|becomes)\b",
    r"\bdpa\)? forms part\b",
)
ON_REQUEST = re.compile(r"\bupon request\b|\bon request\b|\bcontact us to (?:request|obtain|sign)")


def dpa(s: Sentence) -> list[Hit]:
    """Whether a data processing agreement applies or is offered."""
    text = s.low
    if "dpa" not in text and "addendum" not in text and "agreement" not in text:
        return []
    cue = DPA_SPELLED.search(text) or DPA_SHORT.search(text)
    if cue is None:
        return []
    if _near_negation(text, cue.start(), 30):
        return [Hit("dpa_available", "not_available", 0.7, _span(cue), 1)]
    if ON_REQUEST.search(text):
        return [Hit("dpa_available", "on_request", 0.75, _span(cue), 1)]
    return [Hit("dpa_available", "available", 0.8, _span(cue), 1, cue="DPA")]


SCC = re.compile(
    r"\bstandard (?:contractual|data protection) clauses\b|\bsccs?\b|\bmodel clauses\b"
)
SCC_APPLIES = re.compile(
    r"\bin place\b|\bmaintain\w*|\busing\b|\bwe use\b|"
    r"\bincorporated\b|\bincorporating\b|\bappl(?:y|ies)\b|\bentered into\b|\bentering into\b|"
    r"\bconclude[ds]?\b|\bput in place\b|\bsafeguards? (?:are|is) taken\b|\bsupported by\b|"
    r"\bpursuant to\b|\brel(?:y|ies) on\b|\bsuch as\b|\bby entering\b|\bagree that\b"
)
SCC_APPLIES_INHERITED = re.compile(r"\b(?:shall|will) apply\b|\bincorporated\b|\bentered into\b")
NOT_SCC = _rx(
    r"\bmeans\b",
    r"\bshall govern\b|\bgoverning law\b",
    r"\bchoice of forum\b",
    r"\bwill terminate\b",
    r"\bthe version of\b",
    r"\baudit right\b",
)


def scc(s: Sentence) -> list[Hit]:
    """Whether the standard contractual clauses are offered for transfers."""
    text = s.low
    cue = SCC.search(text)
    inherited = cue is None and s.unit.kind == "paragraph" and SCC.search(s.unit.lead)
    if (cue is None and not inherited) or NOT_SCC.search(text):
        return []
    applies = SCC_APPLIES.search(text)
    if cue is None and applies is not None and not SCC_APPLIES_INHERITED.search(text):
        applies = None  # under an SCC lead-in only an explicit "apply" or "incorporated" counts
    if applies is None:
        return []
    if cue is not None and _near_negation(text, cue.start(), 30):
        return [Hit("scc_available", "not_available", 0.7, _span(cue), 1)]
    confidence = 0.8 if cue is not None else 0.65
    return [Hit("scc_available", "available", confidence, _span(cue, applies), 1, cue="SCCs")]


# ---------------------------------------------------------------- data location

PLACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("us", re.compile(r"\bunited states(?: of america)?\b|\bu\.s\.(?:a\.)?|\busa\b")),
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
    ("uk", re.compile(r"\bunited kingdom\b|\buk\b|\bgreat britain\b|\bengland\b")),
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
            r"\bany country\b"
        ),
    ),
)
STORED = re.compile(
    r"\bstor\w*|\bhost\w*|\bprocess\w*|\blocated\b|\bservers?\b|\bdata ?cent(?:er|re)s?\b|"
    r"\btransfer\w*|\breside\b|\bkept\b|\bperform\w*\b"
)
LOCATION_DATA = re.compile(
    r"\bdata\b|\binformation\b|\bcontent\b|\bservers?\b|\bprocessing\b|\btransfers\b|"
    r"\bservices are hosted\b|\bsub-?contractors\b|\bmetadata\b"
)
NOT_LOCATION = _rx(
    r"\bcourts?\b",
    r"\blaws? of\b",
    r"\bgoverning law\b",
    r"\blocated at\b",
    r"\baddress\b",
    r"\bexport\b",
    r"\bsanctions?\b|\bembargo\w*",
    r"\btax\w*",
    r"\bdomiciled\b",
    r"\bcitizens?\b",
    r"\bresidents?\b|\bresident in\b",
    r"\bheadquarter\w*",
    r"\bworldwide, non-exclusive\b|\bworldwide licen[cs]e\b|\bnon-exclusive, worldwide\b",
    r"\busers worldwide\b",
    r"\bmeans\b",
    r"\bsupervisory authority\b",
    r"\bdata privacy framework\b|\bdpf\b|\bprivacy shield\b",
)
TRANSFER_SAFEGUARDS = re.compile(
    r"\bsafeguards?\b|\badequa\w+|\bstandard (?:contractual|data protection) clauses\b|"
    r"\bbinding corporate rules\b"
)
LOCATION_HEADER = re.compile(r"server location|data ?cent|hosting|storage|data location|region")


def residency(s: Sentence) -> list[Hit]:
    """Where customer data is stored or processed."""
    text = s.low
    if s.unit.kind == "row":
        return _residency_row(s)
    if not any(pattern.search(text) for _, pattern in PLACES):
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
    return [Hit("data_residency_regions", tuple(sorted(found)), 0.75, span, 1, cue="location")]


def _places(text: str, in_prose: bool = True) -> Iterable[tuple[str, re.Match[str]]]:
    """Regions named as where data goes (not where it comes from or is kept out of); in prose a
    storing verb must lead to the place, in a table cell the column says what it is."""
    origins = [(m.start(), _end_of_from(text, m.end())) for m in re.finditer(r"\bfrom\b", text)]
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


NAME_AFTER_PLACE = re.compile(
    r"[- ]?(?:standard|commission|-us|us\b|gdpr|addendum|extension|data privacy|dpf|regulation|"
    r"government|department|federal|district|patent|dollars|gmbh|inc\b|ltd|sarl|llc|ag\b|bv\b|"
    r"ab\b|sa\b|pvt|corporation|member state law|laws?\b|public|governmental|authorit|"
    r"residents?\b|individuals?\b|citizens?\b)"
)


STORED_TOWARDS = re.compile(
    r"\b(?:stor\w*|host\w*|process\w*|transfer\w*|located|servers?|data ?cent\w*|reside\w*|"
    r"perform\w*|kept|processing)\b[^.;]{0,100}?\b(?:in|within|to|on|throughout|into|outside)\b"
)
PEOPLE_IN = re.compile(
    r"\b(?:you|individuals?|residents?|users?|persons?|people|customers?|citizens?)\b"
    r"(?: are| who are| located| based| living| residing)*\s+(?:in|from|of)\b"
)


def _not_a_place(text: str, match: re.Match[str], in_prose: bool = True) -> bool:
    """A region word used as a name (``EU Standard Contractual Clauses``, ``Zeta Project Germany
    GmbH``, ``United States Government``), inside a postal address, in a licence's
    ``worldwide``, where people are rather than data, or not reached by a storing verb."""
    after = text[match.end() : match.end() + 40]
    if NAME_AFTER_PLACE.match(after) or re.match(r"[^.;]{0,60}\blicen[cs]e\b", after):
        return True
    before = text[max(0, match.start() - 12) : match.start()]
    if re.search(r"\d[\d ,-]*$", before):
        return True
    if not in_prose:
        return False
    window = text[max(0, match.start() - 160) : match.start()]
    leads = [m for m in STORED_TOWARDS.finditer(window) if len(window) - m.end() <= 100]
    if not leads:
        return match.group() not in ("elsewhere", "globally", "other countries")
    return bool(PEOPLE_IN.search(window[leads[-1].start() :]))


def _end_of_from(text: str, start: int) -> int:
    stop = re.compile(r"\bto\b|\binto\b|[;:]|\bwithin\b")
    match = stop.search(text, start)
    return match.start() if match else len(text)


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


# ---------------------------------------------------------------- security

NOTIFY_CUSTOMER = re.compile(
    r"\b(?:notify|notifies|inform|informs|alert)\b[^.;]{0,15}"
    r"\b(?:the )?(?:customer|controller|you)\b|"
    r"\bnotice to (?:the )?(?:customer|controller|you)\b|"
    r"\bnotification to (?:the )?(?:customer|controller|you)\b"
)
BREACH = re.compile(
    r"\bdata breach\b|\bpersonal data breach\b|\bsecurity (?:breach|incident)s?\b|"
    r"\bunauthori[sz]ed (?:access|disclosure|acquisition)\b|\bbreach of security\b"
)


def breach(s: Sentence) -> list[Hit]:
    """Hours within which the vendor notifies the customer of a breach."""
    text = s.low
    notify = NOTIFY_CUSTOMER.search(text)
    incident = BREACH.search(text)
    if notify is None or incident is None:
        return []
    found = periods(text)
    if found:
        days, match = found[0]
        hours = round(days * 24)  # "within 72 hours", "within three (3) days"
        return [
            Hit("breach_notification_hours", hours, 0.85, _span(notify, match), 2, cue="breach")
        ]
    return [
        Hit(
            "breach_notification_hours",
            "undisclosed",
            0.75,
            _span(notify, incident),
            1,
            cue="breach",
        )
    ]


ENCRYPTED = re.compile(r"\bencrypt\w*|\bunencrypted\b")
AT_REST = _rx(
    r"\bat[- ]rest\b",
    r"\bstored (?:in an )?encrypted\b",
    r"\bencrypted (?:format|form)\b[^.;]{0,40}\bstor",
    r"\bstor\w*\b[^.;]{0,40}\bencrypt\w*",
    r"\bencrypt\w*\b[^.;]{0,60}\b(?:on (?:its|our|the) servers?|in our server|stored|"
    r"(?:block|storage) devices|disks?|databases?)\b",
    r"\bqueues?\b[^.;]{0,30}\bencrypted\b",
)


def encryption(s: Sentence) -> list[Hit]:
    """Whether customer data is encrypted at rest."""
    text = s.low
    cue = ENCRYPTED.search(text)
    rest = AT_REST.search(text)
    if cue is None or rest is None:
        return []
    negative = re.search(r"\bnot encrypted\b|\bunencrypted\b", text)
    value = "not_encrypted" if negative else "encrypted"
    return [Hit("encryption_at_rest", value, 0.8, _span(cue, rest), 1, cue="encryption at rest")]


CERTIFICATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso27001", re.compile(r"\biso(?:/iec)? ?27001\b")),
    ("iso27017", re.compile(r"\biso(?:/iec)? ?27017\b")),
    ("iso27018", re.compile(r"\biso(?:/iec)? ?27018\b")),
    ("iso27701", re.compile(r"\biso(?:/iec)? ?27701\b")),
    ("iso42001", re.compile(r"\biso(?:/iec)? ?42001\b")),
    ("soc2_type2", re.compile(r"\bsoc ?2,? type (?:2|ii)\b")),
    ("soc2_type1", re.compile(r"\bsoc ?2,? type (?:1|i)\b")),
    ("hitrust", re.compile(r"\bhitrust\b")),
    ("fedramp_moderate", re.compile(r"\bfedramp moderate\b")),
    ("fedramp_high", re.compile(r"\bfedramp high\b")),
    ("pci_dss", re.compile(r"\bpci[- ]dss\b")),
    ("csa_star", re.compile(r"\bcsa star\b")),
    ("c5", re.compile(r"\bbsi c5\b|\bc5 attestation\b")),
    ("tisax", re.compile(r"\btisax\b")),
)
CERTIFICATION_WORDS = re.compile(r"iso|soc ?2|hitrust|fedramp|pci|csa star|c5|tisax")
CERTIFIED = re.compile(
    r"\bcertif\w*|\breports?\b|\battest\w*|\baudit\w*|\bcompliant\b|\bcomplies\b|\baccredit\w*|"
    r"\bholds?\b|\bmaintains?\b|\bachieved\b"
)
NOT_CERTIFIED = re.compile(r"\bprohibited\b|\bsubject to the payment card\b|\byou (?:must|shall)\b")


def certifications(s: Sentence) -> list[Hit]:
    """Security certifications and audit reports the vendor holds."""
    text = s.low
    if not CERTIFICATION_WORDS.search(text):
        return []
    found = [(name, m) for name, pattern in CERTIFICATIONS if (m := pattern.search(text))]
    if not found or NOT_CERTIFIED.search(text):
        return []
    if CERTIFIED.search(text) is None and len(text.split()) > 12:
        return []
    names = tuple(sorted({name for name, _ in found}))
    return [
        Hit("certifications", names, 0.8, _span(*(m for _, m in found)), 1, cue="certification")
    ]


DETECTORS: tuple[Callable[[Sentence], list[Hit]], ...] = (
    ai_training,
    content_license,
    aggregated,
    advertising,
    sale,
    retention,
    subprocessors,
    change_notice,
    baa,
    dpa,
    scc,
    residency,
    breach,
    encryption,
    certifications,
)

SCANNED_FACTS: tuple[str, ...] = (
    "ai_training_customer_content",
    "ai_training_service_data",
    "ai_training_third_party",
    "content_license_scope",
    "aggregated_data_use",
    "advertising_use",
    "sale_of_data",
    "content_retention",
    "deletion_after_termination_days",
    "subprocessors",
    "subprocessor_change_notice_days",
    "baa_available",
    "dpa_available",
    "scc_available",
    "data_residency_regions",
    "breach_notification_hours",
    "encryption_at_rest",
    "certifications",
)
"""The facts the scanner looks for, in report order."""


def detect(s: Sentence) -> list[Hit]:
    """Every hit of every detector on one sentence."""
    return [hit for detector in DETECTORS for hit in detector(s)]


PRACTICE_FACTS = frozenset(
    {
        "ai_training_customer_content",
        "ai_training_service_data",
        "ai_training_third_party",
        "aggregated_data_use",
        "advertising_use",
        "sale_of_data",
    }
)
OPT_OUT_SENTENCE = re.compile(
    r"^(?:you|users?|customers?) (?:can|may) (?:opt[- ]?out|prevent|object|withdraw|unsubscribe|"
    r"disable|turn off)\b"
)
OBJECTION_WINDOW = re.compile(r"\bobject\w*\b[^.]*\bwithin\b|\bwithin\b[^.]*\bobject\w*")


def follow_ups(s: Sentence, earlier: Iterable[Hit]) -> list[Hit]:
    """Hits a sentence gets from the sentences before it in its paragraph: an opt-out offered
    for a practice just described, an objection window after a sub-processor notice."""
    hits: list[Hit] = []
    earlier = list(earlier)
    if OPT_OUT_SENTENCE.search(s.low):
        for fact in sorted({h.fact for h in earlier if h.fact in PRACTICE_FACTS}):
            hits.append(Hit(fact, "opt_out", 0.65, None, 1, cue="opt-out for the practice above"))
    if OBJECTION_WINDOW.search(s.low) and any(
        h.fact == "subprocessor_change_notice_days" for h in earlier
    ):
        hits.append(
            Hit(
                "subprocessor_change_notice_days",
                "undisclosed",
                0.6,
                None,
                1,
                cue="objection window after notice",
            )
        )
    return hits
