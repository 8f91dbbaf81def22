"""AI / ML training on customer content, on service data, and by third-party model providers."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from vendorgate.scan.detectors.cues import (
    BY_DEFAULT,
    IDENTITY_NEGATION,
    NEGATION,
    POINTER,
    SERVICE_DATA,
    context,
    guard,
    named,
    not_a_statement,
    opt_out_cue,
    practice,
    rx,
    scoped,
    span,
    way_out_next,
)
from vendorgate.scan.detectors.cues import (
    CONTENT as SHARED_CONTENT,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "ai_training"
FACTS: tuple[str, ...] = (
    "ai_training_customer_content",
    "ai_training_service_data",
    "ai_training_third_party",
)
TRIGGER = Trigger(
    # a training cue, in every clause hit (TRAIN_EXPLICIT, TRAIN_GENERAL); OPT_OUT_REFERENCE, in
    # a sentence taking up the training of the one before
    "train|tun|model|improv|develop|enhanc|refin|build|for the purpose|opt"
)


CONTENT = rx(
    SHARED_CONTENT.pattern,
    r"\b(?:your|customers?'?|users?'?|end users?'?) (?:inputs|prompts|outputs|uploads|queries|"
    r"code|repositories|conversations|chats)\b",
    r"\b(?:inputs|prompts) (?:and|or) (?:outputs|responses|completions)\b",
)
"""What the customer puts in, with the words AI features use for it ("your prompts", "Inputs
and Outputs")."""
AI_TERM = rx(
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
    r"\b(?:suggestion|recommendation|ranking|prediction) (?:engines?|systems?|models?)\b",
    r"\b(?:language|foundation|ai|ml) models?\b|\bdeep learning\b|\bclassifiers?\b",
    r"\bmodel (?:providers?|vendors?|developers?)\b",
    # the learnt kinds of technology by their field: "our speech recognition systems"
    r"\b(?:speech|voice|image|handwriting) recognition\b|\bcomputer vision\b|"
    r"\bnatural language (?:processing|understanding)\b|\bnlp\b",
)
TRAIN_EXPLICIT = rx(
    r"\b(?:train|trains|trained|training|fine[- ]?tun\w*|tun(?:e|es|ed|ing))\b[^.;]{0,60}?"
    r"\b(?:models?|algorithms?|ai|artificial intelligence|llms?|machine learning)\b",
    r"\b(?:machine learning|artificial intelligence|ai|models?|model providers?|llms?)\b"
    r"[^.;]{0,40}?\btrain\w*",
    r"\btrain\w* (?:on|with) (?:your|customer|user)",
    # training named with no model word, on data the clause names: "we don't train on content
    # from paid workspaces", "content is never used for training" (a red-team pass found these
    # read as nothing; staff training is blanked first, see NOT_MODEL_TRAINING)
    r"\btrain(?:s|ed|ing)? (?:on|with|using) (?:the |any |all |our )?(?:[\w'-]+ ){0,2}?"
    r"(?:content|data|files|inputs|prompts|messages|documents|information|conversations)\b",
    r"\b(?:use|uses|used|using|utili[sz]\w*) (?:[\w'-]+ ){0,3}?(?:for|in) (?:any |the )?"
    r"(?:\w+ )?training\b",
    r"\bexclud\w* from (?:any |all )?training\b",
    # the vendor's technology trained on the data: "we train our engine with your files"
    r"\btrain\w* (?:our|its) (?:[\w-]+ ){0,2}?(?:technology|technologies|systems?|engines?)"
    r" (?:on|with|using)\b",
    # "may help train our suggestion engine", "used to train": a training purpose
    r"\b(?:help(?:s|ing)?|used?|using|us) (?:us )?(?:to )?train\b",
    # the noun of it: "used for model improvement", "excluded from model development"
    # (with the word before, so that "business model development" is left out below)
    r"\b(?:[\w-]+ )?models? (?:improvement|development|refinement|enhancement|fine-?tuning)s?\b",
    # "to improve our models", "develop and improve our machine learning"
    r"\b(?:improv|develop|enhanc|refin|build|tun)\w*(?:,? (?:and|or) "
    r"(?:improv|develop|enhanc|refin|build|tun)\w*)? (?:(?:our|its|the|their|new|such) )?"
    r"(?:\w+ ){0,2}?(?:machine learning|"
    r"artificial intelligence|ai|ml|models?|algorithms?)\b",
)
NOT_AI_MODEL = re.compile(
    r"\b(?:business|pricing|data|threat|service|delivery|subscription|operating|revenue|"
    r"security|role|permission|object) models?\b"
)
"""Models that are not machine-learned: "our business model", "the data model"."""
TRAIN_GENERAL = rx(
    r"\btrain(?:s|ed|ing)?\b",
    r"\bimprov\w+",
    r"\bdevelop\w*",
    r"\bbuild\w*",
    r"\bfor the purposes? of\b",
    r"\bcreate and develop\b",
)
PURPOSE_OF_TRAINING = re.compile(
    r"\s*(?:\w+ing,? (?:and|or) )?(?:train|improv|develop|build|research|refin|enhanc|tun|creat)"
)


def _general(clause: str) -> re.Match[str] | None:
    """A general cue of training in ``clause``; "for the purpose of" only when its purpose is
    one ("for the purposes of training our models"): "only for the purpose of producing an
    answer" names what the AI does with the data, no training of it."""
    for found in TRAIN_GENERAL.finditer(clause):
        if not found.group().startswith("for the purpose") or PURPOSE_OF_TRAINING.match(
            clause, found.end()
        ):
            return found
    return None


THIRD_PARTY_AI = rx(
    r"\bthird[- ]party (?:artificial intelligence|ai|llms?|large language|machine learning|"
    r"models?|model providers?)\b",
    r"\bthird[- ]part(?:y|ies)'?\b[^.;]{0,40}\bmodels\b",
    r"\b(?:ai|llm|model) (?:providers?|vendors?|partners?|sub-?processors?)\b",
    r"\bopenai\b|\banthropic\b|\bmistral\b|\bcohere\b|\bgemini\b",
    # someone else's models by another name: "external models", "other companies' models"
    r"\bexternal (?:ai |ml |language |foundation )?models?\b|\bother companies'? (?:ai |ml )?"
    r"models?\b",
    r"\bthird[- ]party (?:ai|artificial intelligence|machine learning) (?:services?|tools?|"
    r"features?|vendors?|sub-?processors?)\b",
    # "They [the providers named before] do not use the prompts to train their models"
    r"^they\b[^.;]{0,120}\btheir (?:own )?(?:\w+ ){0,2}models?\b",
    # "our providers do not use your data to train their own models"
    r"\b(?:providers?|vendors?|partners?|sub-?processors?|third parties)\b[^.;]{0,80}?"
    r"\btheir (?:own )?(?:ai |ml |language |foundation )?models?\b",
)
_AND_MODELS = (
    r"(?!,? (?:and|or|as well as) (?:to )?(?:train )?(?:our |its |the )?(?:\w+ )?(?:models?|ai|"
    r"algorithms?|machine learning|llms?)\b)"
)
"""Not when the models are trained beside the people ("training our agents and our models")."""
NOT_MODEL_TRAINING = rx(
    # people trained in a duty: "personnel ... are trained with the relevant security and data
    # protection requirements"
    r"\btrained (?:with|on|in) (?:the )?(?:relevant |applicable |appropriate )?(?:\w+ )?"
    r"(?:security|data protection|privacy|confidentiality|policies|procedures|obligations|"
    r"requirements|rules|laws?)\b",
    # training as a service or a staff purpose beside its kin: "training and quality
    # assurance", "training, enablement or other technical services", "coaching and training"
    r"\btraining(?: purposes)?,? (?:and |or )?(?:quality|coaching|enablement|onboarding|"
    r"consulting|education|certification)\b",
    r"\b(?:quality (?:assurance|control)|coaching|onboarding|enablement|consulting)"
    r"(?: purposes)?,? (?:and|or) training\b",
    r"\b(?:employees|personnel|staff|agents|representatives|team members)\b[^.;]{0,40}\btrain",
    r"\btrain\w* (?:our |its )?(?:employees|personnel|staff|agents|representatives)\b"
    + _AND_MODELS,
    # people named with a word before them ("training our support agents", "to train our new
    # hires"), not software agents ("our AI agents")
    r"\btrain\w* (?:our |its |the |new )?(?!(?:[\w-]+ )*?(?:ai|ml|llm|model|software|virtual|"
    r"autonomous|chat|bot)\b)(?:[\w-]+ ){1,2}?(?:employees|personnel|staff|agents|"
    r"representatives|team members|teams|workforce|hires|reps)\b" + _AND_MODELS,
    # the training of people as a noun: "employee training", "for staff training"
    r"\b(?:employee|staff|personnel|workforce|agent|team member|new hire|sales|onboarding)s? "
    r"training\b(?! (?:\w+ )?(?:models?|ai|algorithms?|llms?|machine|artificial)\b)",
    # training of people named with no model word after it: "calls with our support team may
    # be used for training", "training to your administrators", "staff receive training"
    r"\b(?:calls?|support|customer service|helpdesk|administrators?|admins?|staff|employees|"
    r"personnel)\b[^.;]{0,60}(?<!ai )(?<!ml )(?<!model )\btraining\b"
    r"(?! (?:\w+ ){0,2}(?:models?|ai|algorithms?|llms?|machine|artificial)\b)",
    r"\btraining (?:to|for) (?:your |our |its )?(?:administrators|admins|users|staff|employees|"
    r"personnel|team)\b",
    # models trained before, named by what they are: "answered by our pre-trained models"
    r"\b(?:pre-?|already[- ]|previously[- ])trained\b",
    # training offered to people: "training courses", "training and certification programs"
    r"\btraining (?:(?:and|or) (?:certification|education) )?(?:courses?|programs?|programmes?|"
    r"sessions?|materials?|videos?|webinars?|classes|workshops?|modules?)\b",
)
CLAUSE = re.compile(
    r";|\bbut\b|\bhowever\b(?!,)|\bwhereas\b|\bwhile\b|\b(?:al)?though\b|"
    r", (?:and|or) (?=(?:we|it|they|[a-z]+ (?:may|will|does|do|is|are))\b)"
)
"""Where one clause's practice ends and another's begins ("We do not sell your content, but we
use it to train our models"): a negation in one clause says nothing about the other."""
_PERMISSIVE_LAST = ("never", "opt_in", "opt_out", "always")
USER_TRAINS = rx(
    r"\b(?:you|users?|customers?|developers?)(?: (?:can|may|are able to|will be able to)"
    r"(?: \w+,?){0,4}?)? (?:build|train|fine-tune|create|deploy)\b(?! (?:our|its)\b)",
    r"\byour own (?:\w+ )?(?:training data|data ?sets?|models?)\b",
    r"\b(?:the |a |any )?model'?s training data\b",
)
"""The customer or a user trains or builds the models ("where you can build and deploy
models", "create models from your own training data"): a feature, not the vendor's practice."""
AI_AS_FEATURE = re.compile(
    r"\b(?:ai|gai|genai|generative ai)(?: features?)? (?:inputs?|outputs?|prompts?)\b"
)
""""AI inputs", "AI outputs": the AI names the feature the data goes to, not a training."""
THEIR_MODELS = re.compile(
    r"\b(?:their|its) (?:own )?(?:independent )?(?:[\w-]+ ){0,2}(?:models?|model training)\b"
)
"""Models of someone else (a provider's "own models", "OpenAI ... its models", "their
large-scale models"): a training by a third party. Read only in a clause that names a
third party's AI."""
PERMITS_OTHERS = re.compile(
    r"\b(?:allow|permit|authori[sz]e|let|enable)s? (?:any )?(?:of )?(?:our |its |the |such )?"
    r"(?:[\w-]+ ){0,2}?(?:third parties|providers?|vendors?|partners?|sub-?processors?|others|"
    r"anyone(?: else)?|any other (?:part(?:y|ies)|compan(?:y|ies)|organi[sz]ations?))\b"
    r"[^.;]{0,60}?\btrain"
)
"""Others the vendor lets (or does not let) train ("we do not permit our AI vendors to train
on your data", "we will not allow anyone else to use your content to train"): a training by
a third party."""
ITSELF_TOO = re.compile(
    r"\b(?:use|uses|train|trains|process|processes|share|shares)\b[^;]*\b(?:or|and|nor)\b"
    r"[\s,]*(?:(?:do|does|will|shall|would)(?: not|n't)? )?$"
)
"""The vendor's own use named just before the others it lets train ("we do not use your
files, nor let anyone else use them, to train"): both the vendor's practice and the third
party's."""
OPT_OUT_REFERENCE = re.compile(
    r"\b(?:if|unless|once|when|after) you (?:have )?opt(?:ed)?[- ]?out\b|"
    r"\b(?:ability|right|choice|option) to opt[- ]?out\b|\bopt-out (?:right|setting|choice)\b"
)
"""An opt-out named without the practice, which the sentence before states."""
RESERVED = re.compile(
    r"\b(?:may|might|could|will) (?:\w+ )?(?:do so|begin|start|choose to|decide to)\b[^.;]{0,60}"
    r"\bfuture\b|\breserves? the right to (?:use|train|begin|start)\b"
)
"""A "not" today with the right to start later ("we don't currently ..., but may do so in the
future") is no commitment: the practice is ``always`` until the vendor says otherwise."""
FOR_NOW = re.compile(
    r"(?:\bnot|n't|\bnever) (?:\w+ )?(?:currently|presently|yet|at (?:this|the present) time|"
    r"at present|as of (?:now|today|the date))\b|\bno (?:current |present )?plans? to\b|"
    # an intention is no promise: "we do not intend to", "we have no intention of"
    r"\b(?:do|does|did)(?: not|n't) (?:currently |presently )?(?:intend|plan|expect|anticipate)\b|"
    r"\bno (?:current |present )?(?:intention|intent)\b|"
    r"\b(?:currently|presently|at (?:this|the present) time|at present|today),? (?:we |it )?"
    r"(?:do(?:es)?(?: not|n't)|(?:is|are)(?: not|n't)|never|will not|won't)\b"
)
"""A denial of today only ("we don't currently use your content to train", "at this time we
do not") or of an intention ("we do not intend to"): it promises nothing about tomorrow, so it
settles no ``never`` or ``opt_in``."""
OPENING_POINTER = re.compile(r"^(?:see|refer to|read|visit|check)\b")


def _asks_or_points(s: Sentence) -> bool:
    """Whether ``s`` asks a question (an FAQ's "Does Acme train AI on my data?") or opens by
    pointing elsewhere ("To learn more about how we train our models, see ..."): the answer
    or the section it points to states the practice, not this sentence. A pointer offering a
    way out ("... see Settings to opt out") still bears on it."""
    if s.text.rstrip().endswith("?"):
        return True
    pointer = POINTER.search(s.low) or OPENING_POINTER.search(s.low)
    return pointer is not None and pointer.start() == 0 and opt_out_cue(s.low) is None


def detect(s: Sentence) -> list[Hit]:
    """AI / ML training on customer content, on service data, and by third-party providers.

    Each clause is read on its own for negation, so that "we do not sell X, but we use it to
    train" is ``always``; opt-out and consent cues count anywhere in the sentence. Two clauses
    suggesting different values for one fact give the less permissive one.
    """
    if not_a_statement(s) or _asks_or_points(s):
        return []
    # staff or service training is blanked, not the whole sentence: "recorded for coaching and
    # training purposes, and to improve our AI models" still states a model training
    text = NOT_MODEL_TRAINING.sub(lambda m: "#" * len(m.group()), s.low)
    # "anonymised data, which can no longer be linked to you": the "not" describes the data
    text = IDENTITY_NEGATION.sub(lambda m: "#" * len(m.group()), text)
    if (
        OPT_OUT_REFERENCE.search(text)
        and _ai_term(text) is None
        and _explicit(text) is None
        and _explicit(s.previous) is not None
    ):
        # "If you opt out, we will not use your Inputs for the purposes described": the
        # training stated in the sentence before
        kind, confidence = _data_kind(s, text)
        opt = OPT_OUT_REFERENCE.search(text)
        return [
            Hit(
                kind, "opt_out", round(0.8 * confidence, 2), span(opt), 1, cue=named("opt_out", opt)
            )
        ]
    found: dict[str, Hit] = {}
    denied_by_lead = _negated_lead(s, text)
    reserved = RESERVED.search(text)
    trained = False
    # "By using automated means to collect Content for training AI models, you waive ...": a
    # training in the opening phrase is what the person does
    act = USERS_ACT.match(text)
    for a, b in _clauses(text):
        clause_hits = _clause_hits(s, text, a, b, trained)
        if act is not None:
            clause_hits = [h for h in clause_hits if h.focus is None or h.focus[0] >= act.end()]
        trained = trained or bool(clause_hits)
        for found_hit in clause_hits:
            hit = found_hit
            if denied_by_lead is not None and hit.value == "always":
                # "Acme will not:" + "use Customer Data to train AI models;", read with the
                # lead-in for its conditions ("Acme will not, except as set out below:")
                denial = replace(hit, value="never", cue=named("negated lead-in", denied_by_lead))
                whole = f"{denied_by_lead.string} {text}"
                hit = scoped(guard(denial, whole), whole)
            if reserved and hit.value == "never":
                hit = replace(hit, value="always", cue=named("reserved", reserved))
            elif hit.value in ("never", "opt_in") and (today := FOR_NOW.search(text)):
                hit = replace(hit, value="undisclosed", cue=named("for now", today))
            elif (
                hit.value in ("never", "opt_in")
                and hit.fact != "ai_training_third_party"
                and (generative := _generative_only(text[a:b]))
            ):
                hit = replace(hit, value="undisclosed", cue=named("generative only", generative))
            elif hit.value in ("never", "opt_in") and (
                carve := SERVICE_CARVE_OUT.search(text, a, b)
            ):
                hit = replace(hit, value="undisclosed", cue=named("service carve-out", carve))
            kept = found.get(hit.fact)
            if kept is None or _exposure(hit) > _exposure(kept):
                found[hit.fact] = hit
    return [_way_out_after(found[fact], s) for fact in FACTS if fact in found]


TRAINING_NAMED = re.compile(
    r"\b(?:train\w*|ai|artificial intelligence|machine learning|models?|model improvement)\b"
)
"""The training named again after the way out in the next sentence ("opt out of training")."""


def _way_out_after(hit: Hit, s: Sentence) -> Hit:
    """``hit`` with a training stated ``always`` made ``opt_out`` when the next sentence offers
    a way out of it ("We may use your files to train our models. You can opt out of this
    training in your settings."), as a way out in its own sentence does."""
    if hit.value != "always" or (way_out := way_out_next(s, TRAINING_NAMED)) is None:
        return hit
    return replace(hit, value="opt_out", cue=named("opt_out in the next sentence", way_out))


SERVICE_CARVE_OUT = re.compile(
    r"\b(?:except|other than|save|beyond|apart from)\b[^.;]{0,40}?\b(?:to|for) "
    r"(?:the purposes? of )?(?:provid|perform|operat|deliver|host|run|maintain|support|enabl|"
    r"power|personali[sz]|improv)\w*"
)
"""A denial of training but for what the service needs ("we do not train AI models on your
content except as necessary to provide the Services"): training for the service is still
training, so the denial settles nothing (for a sale or a licence, the same exception only
restricts)."""
GENERATIVE = re.compile(
    r"\b(?:(?:other |any )?generative (?:ai |artificial intelligence )?(?:models?|ai|systems?)|"
    r"(?:large )?language models?|llms?(?: models?)?|gen ?ai(?: models?)?)\b"
)
MODEL_WORD = re.compile(
    r"\b(?:models?|ai|artificial intelligence|machine[- ]learning|ml|algorithms?|neural|"
    r"classifiers?|deep learning)\b"
)


def _generative_only(clause: str) -> re.Match[str] | None:
    """The generative models a denial names when they are the only models it names ("we do not
    build LLMs or other generative models from your files"): the vendor's other machine
    learning is left open, so the denial settles no ``never``."""
    found = GENERATIVE.search(clause)
    if found is None:
        return None
    rest = GENERATIVE.sub(lambda m: "#" * len(m.group()), clause)
    return None if MODEL_WORD.search(rest) else found


NEGATED_LEAD = re.compile(
    r"\b(?:will|shall|does|do|must|may|would)(?: not|n't)(?: \w+){0,4}:$|"
    r"\b(?:never|undertakes? not to|agrees? not to|commits? not to)(?: \w+){0,4}:$"
)
"""A lead-in denying what each item of its list states ("Acme will not:", "We never:")."""


def _negated_lead(s: Sentence, text: str) -> re.Match[str] | None:
    """The denial a list item hangs from, when it is the vendor's (a lead-in binding the user,
    "You agree not to:", is dropped by the registry) and the item states no negation of its
    own (a "not" under a "not" would undo it)."""
    if s.unit.kind != "item" or not s.unit.lead or NEGATION.search(text):
        return None
    last = re.split(r"(?<=[.!?]) ", s.unit.lead.rstrip())[-1]
    if re.search(r"\bby default\b", last):
        return None  # "We do not by default:": until the person turns it on, no never
    return NEGATED_LEAD.search(last)


def _exposure(hit: Hit) -> int:
    """How much a value exposes the customer: the higher, the less permissive."""
    return _PERMISSIVE_LAST.index(str(hit.value)) if hit.value in _PERMISSIVE_LAST else -1


LEADING_CLAUSE = re.compile(
    r"^(?:(?:al)?though|while|whereas|where|because|since|when|whenever|if|unless|once)\b[^,;]*,"
)
"""A subordinate clause the sentence opens with ("Although we do not train on your files,
we ...", "Where we do not need your consent, we may use ..."): it ends at its comma, and its
negation does not reach the main clause after it (its consent or opt-in still does)."""


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(m.start() for m in CLAUSE.finditer(text)), len(text)]
    if opening := LEADING_CLAUSE.match(text):
        cuts = sorted({*cuts, opening.end()})
    return [(a, b) for a, b in pairwise(cuts) if b > a]


USERS_ACT = re.compile(
    r"^(?:by|when|if|where|in) \w+ing\b[^;]*?,\s*(?:you|the customer|customers?|users?|"
    r"licensee|the user)\b(?! (?:\w+ )?(?:allow|authori[sz]e|grant|permit|let|agree|"
    r"consent|acknowledge|understand|accept)\w* (?:us|that|\w+ to)\b)"
)
"""An opening phrase naming what the person does ("By using automated means to ..., you"): a
training named in it is the person's own, not the vendor's. Not when what follows lets the
vendor do something ("By uploading content, you authorise us to train ...")."""
PRONOUN_TRAINING = re.compile(
    r"\b(?:train|trains|training|fine[- ]?tun\w*)\b (?:them|it|these|those|such models)\b"
)
"""The models of a clause before, taken up by a pronoun ("We don't train our models on your
files, but we do train them on usage data")."""


ELLIPTIC_VERB = re.compile(
    r"\b(?:we (?:do |does |may |might |can |will |also |still |not |never )*(?:n't )?use|"
    r"(?:is|are|may|can|will|might|gets?)(?: not| never|n't)?(?: be)? (?:also |still )?used)\b"
    r"(?P<rest>[^.;]*)"
)
BACK_TO_TRAINING = re.compile(
    r"^[^.;]*\b(?:(?:for|in) (?:that|this|such|the same) (?:purpose|way|training)s?|to do so|"
    r"for (?:it|training)|instead)\b"
)
OWN_PURPOSE = re.compile(r"\b(?:to|for|in order|so that|as|when|where|if)\b")


def _elliptic_use(clause: str) -> re.Match[str] | None:
    """A use that takes up the training of a clause before ("We don't use your content to
    train AI, but we do use how you interact with the features", "..., but Service Data may be
    used for that purpose"): a use naming some data and no purpose of its own, or one pointing
    back to the training. One with a purpose ("we only use it to provide the Service") is
    another matter."""
    found = ELLIPTIC_VERB.search(clause)
    if found is None:
        return None
    rest = found["rest"]
    if not BACK_TO_TRAINING.match(rest) and (
        OWN_PURPOSE.search(rest) or _named_kind(clause) is None
    ):
        return None
    # the verb itself, after any "not" of the clause, which then reads as its negation
    return USE_WORD.search(clause, found.start(), found.start("rest"))


USE_WORD = re.compile(r"\b(?:use|used)\b")
EXCLUDED_FROM = re.compile(
    r"\b(?:is|are|will be|shall be|remains?|stays?) (?:always |permanently )?excluded from "
    r"(?:any |all |the )?(?:[\w-]+ ){0,2}?(?:training|model (?:training|development|improvement))\b"
)
"""The data said to be excluded from the training: its denial (not "may be excluded", a choice)."""


TRAINING_SUBJECT = re.compile(
    r"^[\s,]*(?:(?:and|but|also),? )*(?:the |our |its )?"
    r"(?:(?:ai|ml|llm|machine[- ]learning|ai model|model) )?training"
    r"(?: of (?:our |its |any )?(?:ai |ml )?models)? (?:"
    # "training is never performed on your content", "training is not done on customer data"
    r"(?:is|are|will be|shall be|gets?)(?: not| never|n't)?(?: ever| \w+ly)? (?:performed|done|"
    r"conducted|carried out|run|undertaken) (?:on|with|using)|"
    # "model training does not use your data", "AI training never uses customer content"
    r"(?:(?:does|do|will|shall|would)(?: not|n't)? |never |only )?(?:ever |\w+ly )?(?:use|uses|"
    r"involves?|includes?|relies on|rely on|draws? on|draws? from)"
    r")\b(?=[^.;]{0,40}?\b(?:content|data|files|inputs|prompts|messages|documents|information|"
    r"conversations|code|uploads)\b)"
)
"""The training as the subject of its clause, with the data after its verb ("Model training
does not use your data", "Training is never performed on your content"): the practice, with
any negation inside these words (read up to their end)."""


def _training_named(clause: str, trained: bool) -> re.Match[str] | None:
    """The explicit training of ``clause``: the training as its subject, a training cue, or
    (``trained``: an earlier clause named one) a pronoun or a use taking it up."""
    return (
        TRAINING_SUBJECT.match(clause)
        or _explicit(clause)
        or ((PRONOUN_TRAINING.search(clause) or _elliptic_use(clause)) if trained else None)
    )


def _anchor(cue: re.Match[str]) -> int:
    """Where the practice of ``cue`` is read from: its start, or the end of the training as
    the subject, whose negation stands after it ("training does not use")."""
    return cue.end() if cue.re is TRAINING_SUBJECT else cue.start()


def _clause_hits(s: Sentence, text: str, a: int, b: int, trained: bool = False) -> list[Hit]:
    """The training hits of the clause ``[a, b)`` of ``text`` (``s`` in lower case, with staff
    training blanked); ``trained``: an earlier clause of the sentence named a training, which
    a pronoun here may take up."""
    clause = text[a:b]
    term = _ai_term(clause)
    explicit = _training_named(clause, trained)
    if term is None and explicit is None:
        return []
    if explicit is None and term is not None and AI_AS_FEATURE.match(clause, term.start()):
        return []
    if USER_TRAINS.search(clause) and not VENDOR_TRAINS.search(clause):
        return []
    general = _general(clause)
    if explicit is None and general is None:
        return []
    if PUBLIC_DATA.search(clause) and not PEOPLES_DATA.search(clause):
        # "we use publicly available information to train our models": no customer's data
        return []
    if not _about_data(s) and not (explicit and opt_out_cue(s.low)):
        # "we develop new features, including features that use AI", "a platform for training
        # machine learning models": no one's data is trained on ("you can turn off AI
        # training" still offers a way out of a training)
        return []
    if explicit and BARE_MODEL.fullmatch(explicit.group()) and not _names_ai_or_data(s):
        # "we build models of how our infrastructure performs": a model, not a learnt one
        return []
    anchor = _anchor(explicit or term or general)  # type: ignore[arg-type]
    kind, kind_confidence = _data_kind(s, clause)
    opening = LEADING_CLAUSE.match(text)
    reach = 0 if opening is not None and opening.end() == a else a
    value, value_match = _practice(text, a + anchor, (a, b), reach)
    strength = 2 if explicit else 1
    base = 0.9 if explicit else 0.75
    decisive = explicit or term
    assert decisive is not None
    focus = span((a + decisive.start(), a + decisive.end()), value_match)
    override = text.startswith(("notwithstanding", "despite", "regardless"))
    cue = named(value if value_match is not None else "ai_use", value_match or decisive)
    trigger = (a + decisive.start(), a + decisive.end())
    hits = [Hit(kind, value, round(base * kind_confidence, 2), focus, strength, override, cue)]
    third = THIRD_PARTY_AI.search(clause)
    theirs = THEIR_MODELS.search(clause)
    if permits := PERMITS_OTHERS.search(clause):
        third = third or permits
        if not ITSELF_TOO.search(clause[: permits.start()]):
            theirs = theirs or permits
    acting = _third_party_subject(clause) or _third_party_agent(clause)
    if acting is not None and (third or theirs or THIRD_PARTY_AI.search(s.low)):
        third = third or acting
    if acting is not None and (USER_CONNECTS.search(text) or OWN_TERMS.search(text)):
        return []  # a service the customer chose to connect, on its own terms
    if third is not None and (theirs is not None or acting is not None):
        hits = []  # a provider training its own models: the third-party fact alone
    elif third is not None and value in ("never", "opt_in") and THIRD_ONLY_MODELS.search(clause):
        # "not used to train third-party models" leaves the vendor's own models open
        hits = []
    other = _also_named(clause, kind) if hits else None
    if other is None and hits and ALL_DATA.search(clause):
        # "any of your data": every kind, what is put in and what is recorded of its use
        other = (
            "ai_training_service_data"
            if kind == "ai_training_customer_content"
            else "ai_training_customer_content"
        )
    if (
        other is None
        and hits
        and kind == "ai_training_customer_content"
        and value not in ("never", "opt_in")
        and _personal_data(s)
    ):
        # the personal data a controller holds about its users is both what they put in the
        # service and the account and usage data about them; but a denial for personal data
        # leaves usage data stripped of identity open, so it settles no never for service data
        other = "ai_training_service_data"
    if other is not None:
        hits.append(Hit(other, value, round(base * 0.8, 2), focus, strength, override, cue))
    if third is not None:
        where = (a + third.start(), a + third.end())
        hits.append(
            Hit(
                "ai_training_third_party",
                value,
                round(base, 2),
                span(where, value_match),
                strength,
                override,
                cue,
            )
        )
    # "we do not use your content to train our models, only its metadata": the other kind of
    # data is trained on
    return [
        scoped(guard(hit, text, trigger), text[:b])
        for hit in (*hits, *_used_instead(clause, a, hits))
    ]


USED_INSTEAD = re.compile(
    r",\s*(?:but\s+)?(?:only|just|merely|solely|instead)\b(?P<what>[^.;,]{1,60})"
)
"""The data a denial names, after a comma, as the one used instead ("..., only its metadata")."""


KINDS = ("ai_training_customer_content", "ai_training_service_data")


def _used_instead(clause: str, a: int, hits: list[Hit]) -> list[Hit]:
    """``always`` for the other kind of data a clause (at ``a`` of its sentence) denying the
    training of one kind in ``hits`` names as the one trained on instead ("We do not use your
    content to train our models, only its metadata", "We never use your content, only metadata
    about it, to train"); nothing when the clause denies no training of one kind."""
    denied = next((h for h in hits if h.fact in KINDS and h.value in ("never", "opt_in")), None)
    if denied is None:
        return []
    for found in USED_INSTEAD.finditer(clause):
        named_kind = _named_kind(found["what"])
        if named_kind is not None and named_kind[0] != denied.fact:
            return [
                replace(
                    denied,
                    fact=named_kind[0],
                    value="always",
                    confidence=round(denied.confidence * 0.9, 2),
                    focus=(a + found.start(), a + found.end()),
                    cue=named("used instead", found),
                )
            ]
    return []


SETTINGS_GATE = re.compile(
    r"\b(?:depending on|subject to|in accordance with|(?:consistent|in line) with|as permitted by|"
    r"according to|based on) (?:your|the customer'?s?|the user'?s?|their|its|applicable) "
    r"(?:\w+ )?(?:privacy |data |ai |account |workspace )?(?:settings|preferences|choices|"
    r"controls)\b"
)
"""A training gated by the person's own settings ("subject to your account preferences"): a
choice left to them, which ``opt_out`` states without assuming its default."""


def _practice(
    text: str, at: int, clause: tuple[int, int], reach: int
) -> tuple[str, re.Match[str] | None]:
    """The value of the training at ``at`` (see ``practice``), ``opt_out`` when what would be
    ``always`` follows the person's own settings ("depending on your privacy settings, we may
    use your content to train": their setting decides, and its default is not stated)."""
    value, value_match = practice(text, at, clause=clause, consent_from=reach)
    if value == "always" and (gate := SETTINGS_GATE.search(text)):
        return "opt_out", gate
    excluded = EXCLUDED_FROM.search(text, *clause)
    if excluded is None:
        return value, value_match
    if value == "opt_out" and opt_out_cue(text) is None:
        # "excluded from training unless you opt in": the "unless" is the person's yes ending
        # a denial, not a practice running until they act (a way out offered as well, "and
        # you can opt out again", still gives opt_out)
        return "opt_in", value_match
    if value == "always":
        # "your content is excluded from model training": a denial by its verb, which no
        # negation word states (scoped later like any other: "content of paid workspaces");
        # excluded "by default" waits for the person's yes, as "not used by default" does
        if default := BY_DEFAULT.search(text):
            return "opt_in", default
        return "never", excluded
    return value, value_match


THIRD_PARTY = re.compile(
    r"\b(?:third[- ]part(?:y|ies)|(?:model|ai|llm|service|technology|cloud) "
    r"(?:providers?|vendors?)|providers|vendors|partners?|sub-?processors?)\b|"
    # one provider or vendor, with a word that makes it someone else: "The Provider" and
    # "Vendor" alone name the vendor itself in many contracts
    r"\b(?:that|such|this|any|our|its|an?|each|the relevant) (?:\w+ )?(?:provider|vendor)\b"
)
"""Generic names of a third party; no brand, since a brand is the vendor in its own terms."""
SUBJECT_END = re.compile(
    r"\b(?:do|does|did|will|shall|may|might|can|cannot|could|would|must|is|are|was|were|has|"
    r"have|never|not|uses?|trains?|retains?|stores?|processes|shares?|receives?)\b|n't\b"
)
OPENING_LINK = re.compile(r"^[\s,]*(?:(?:and|but|also|however|in addition|additionally),? )*")


def _third_party_subject(clause: str) -> re.Match[str] | None:
    """The third party a clause is about when it is the clause's subject ("Our AI providers do
    not retain or train on your data", "that provider may use your data to train"): their
    practice, not the vendor's, unless the vendor shares the subject ("We and our providers",
    "Neither we nor our providers")."""
    start = OPENING_LINK.match(clause)
    begin = start.end() if start else 0
    verb = SUBJECT_END.search(clause, begin)
    if verb is None or verb.start() - begin > 80:
        return None
    subject = clause[begin : verb.start()]
    if re.search(r"\b(?:we|us|you|i)\b|\bnor\b", subject) or OUR_MODELS.search(clause):
        return None
    return THIRD_PARTY.search(clause, begin, verb.start()) or MODEL_LAB.search(
        clause, begin, verb.start()
    )


MODEL_LAB = re.compile(r"\b(?:openai|anthropic|mistral(?: ai)?|cohere)\b")
"""Companies whose business is the models themselves: named as the subject in another
vendor's terms ("Anthropic does not train on your prompts") they are the vendor's provider.
Brands that also run services of their own (Google, Microsoft, Amazon) are left out: in their
own terms the brand is the vendor."""


AGENT = re.compile(
    r"\b(?P<verb>used|retained|stored|processed|accessed|trained|kept|shared|analy[sz]ed)\b"
    r"(?P<between>[^.;]{0,80}?)"
    r"\bby (?:(?:the|our|these|those|such|any|its|their|third[- ]party|external|ai|llm|model|"
    r"language|cloud|service|technology|hosting) )*(?:providers?|vendors?|partners?|"
    r"sub-?processors?|third parties)\b"
)
SHARED_AGENT = re.compile(
    r"\bby (?:us|\w+),? (?:or|and|nor) (?:by )?(?:the |our |its |any |such )?(?:[\w-]+ ){0,2}?"
    r"(?:providers?|vendors?|partners?|sub-?processors?|third parties)\b"
)


def _third_party_agent(clause: str) -> re.Match[str] | None:
    """The third party a clause in the passive names as the one acting ("is not used for
    training by our AI providers", "may be used by our AI partners to improve their
    services"): their practice, not the vendor's, unless the vendor shares the agent ("by us
    or by the provider") or the models are the vendor's own."""
    if SHARED_AGENT.search(clause) or OUR_MODELS.search(clause):
        return None
    for agent in AGENT.finditer(clause):
        if agent["verb"] in ("used", "trained") and not agent["between"].strip():
            return agent  # "never used by our AI providers to train"
        if re.search(r"\b(?:train|improv|develop)", agent["between"]):
            return agent  # "not used for model training by our AI providers"
        if AGENT_SHARED_BY.match(clause, agent.end()):
            return agent  # "not retained by the providers and not used for training"
    return None


AGENT_SHARED_BY = re.compile(r",? (?:and|or|nor) (?:not |never )?(?:be )?(?:used|trained)\b")
"""A second verb sharing the agent of the first; "... and is never used" restarts the
sentence's subject instead, and the agent stays with the first verb."""


OUR_MODELS = re.compile(
    r"\bour (?:\w+ ){0,2}?(?:models?|ai|algorithms?|machine learning)\b"
    r"(?! (?:model )?(?:providers?|vendors?|partners?|sub-?processors?)\b)"
)
"""The vendor's own models, which a provider may train for it ("our service providers may
use your data to improve our models"): the vendor's practice."""
USER_CONNECTS = re.compile(
    r"^(?:if|when|where|should|once) you (?:\w+ ){0,3}?(?:connect|link|integrate|install|"
    r"authori[sz]e|enable|use|access|add)\b[^,;]{0,80}\bthird[- ]part"
)
"""A third-party service the customer chooses to connect ("If you connect a third-party AI
tool, that provider may ..."): the provider acts on its own terms, not as the vendor's."""
OWN_TERMS = re.compile(
    r"\b(?:directly (?:with|to) (?:them|it|the (?:third[- ]party|provider)|such (?:third parties|"
    r"providers))|(?:with|to) (?:them|it|such providers|the provider) directly|"
    r"(?:under|subject to|in accordance with|governed by) (?:its|their) own (?:\w+ )?"
    r"(?:terms|privacy polic(?:y|ies)|policies))\b"
)
"""A provider's dealings with the customer on its own ("data you share with them directly",
"under their own terms"): its practice, not one the vendor engaged it for."""
THIRD_ONLY_MODELS = re.compile(
    r"\b(?:train\w*|improv\w*|develop\w*) (?:any |the )?(?:of )?(?:third[- ]part(?:y|ies)'?s?|"
    r"external|other companies'?) (?:\w+ ){0,3}?(?:models?|llms?|ai|artificial intelligence)\b"
    r"(?! (?:or|and) (?:our|its|[a-z]+'s)\b)"
)
"""Only third parties' models named as the ones not trained ("is not used to train
third-party models"): silent on the vendor's own."""


def _ai_term(clause: str) -> re.Match[str] | None:
    for match in AI_TERM.finditer(clause):
        if not NOT_AI_MODEL.match(clause, max(0, match.start() - 14)) and not NOT_AI_MODEL.search(
            clause[max(0, match.start() - 14) : match.end()]
        ):
            return match
    return None


PUBLIC_DATA = re.compile(
    r"\bpublicly (?:available|accessible) (?:\w+ )?(?:information|data|content|sources|text)\b|"
    r"\b(?:licensed|synthetic|open[- ]source|third[- ]party) (?:data ?sets?|data|content)\b|"
    r"\bpublic (?:web|internet|domain) (?:data|content|sources)\b"
)
PEOPLES_DATA = re.compile(r"\b(?:you|your|users?'?|customers?'?|members?'?|clients?'?)\b")
"""Training data of no customer's: public, licensed or synthetic, unless the clause also
names what users put in ("publicly available information, including what you post")."""
VENDOR_TRAINS = re.compile(r"\b(?:we|us)\b|\bour (?:\w+ )?(?:models?|ai|algorithms?|llms?)\b")
"""The vendor trains beside the customer ("we may use your own models to improve our
models"): a user's own training named next to it does not silence it."""
DATA = re.compile(
    r"\b(?:data|information|content|inputs?|prompts?|outputs?|files|messages|submissions|"
    r"recordings|conversations|usage|activity|interactions?|feedback|history|materials|calls|"
    r"chats|emails|uploads|images|photos|voice|code|repositories|documents|posts|comments|"
    r"queries|searches)\b|\b(?:us|use|using|process\w*|on) (?:it|them|this|such)\b"
)
"""Some data the training or the development is done on: without it, an AI word beside
"develop" or "build" names a feature, not a use of anyone's data."""
BARE_MODEL = re.compile(r"(?:(?!\b(?:ai|ml|llms?|machine|artificial|learning)\b).)*")
"""A training cue whose only AI word is "model(s)" or "algorithm(s)"."""


def _about_data(s: Sentence) -> bool:
    """Whether a sentence names some data in itself, in the sentence before it ("This
    includes ... training models") or in its lead-in or heading ("How we use your
    information")."""
    return any(_data(text) for text in (s.low, s.previous, context(s)))


def _names_ai_or_data(s: Sentence) -> bool:
    """Whether a sentence whose only AI word is "model" names AI or some data itself or in
    the sentence before it (a heading naming data is not enough)."""
    return _ai_term(s.low) is not None or _data(s.low) or _data(s.previous)


def _data(text: str) -> bool:
    return bool(DATA.search(text) or CONTENT.search(text) or SERVICE_DATA.search(text))


def _explicit(clause: str) -> re.Match[str] | None:
    for match in TRAIN_EXPLICIT.finditer(clause):
        if not NOT_AI_MODEL.search(match.group()):
            return match
    return None


def _data_kind(s: Sentence, clause: str) -> tuple[str, float]:
    """Which training fact a clause is about, and how sure that is: the data it names, else
    the data its sentence names, else the data its lead-in or heading names."""
    for text in (clause, s.low):
        kind = _named_kind(text)
        if kind is not None:
            return kind
    around = context(s)
    if SERVICE_DATA.search(around) and not CONTENT.search(around):
        return "ai_training_service_data", 0.9
    if CONTENT.search(around):
        return "ai_training_customer_content", 0.9
    return "ai_training_customer_content", 0.7


PERSONAL_DATA = re.compile(r"\bpersonal (?:data|information)\b")


def _personal_data(s: Sentence) -> bool:
    """Whether the data a sentence's training is about is "personal data" in general: named
    in the sentence, or in its heading or lead-in, with no content or service data named."""
    if CONTENT.search(s.low) or SERVICE_DATA.search(s.low):
        return False
    around = context(s)
    return bool(PERSONAL_DATA.search(s.low)) or (
        bool(PERSONAL_DATA.search(around)) and not CONTENT.search(around)
    )


ALL_DATA = re.compile(
    r"\bany (?:of )?(?:your|the customer'?s?|customers?'?|users?'?) (?:data|information)\b|"
    r"\bany (?:other )?(?:data|information) (?:about|of|from|relating to) (?:you|users|customers)\b"
)
"""Data of every kind named at once ("any of your data", "any customer data"). Not "all":
under a negation ("we do not use all of your data") it denies less than everything."""
BOTH = re.compile(r"\b(?:and|or|as well as|together with|including)\b")
DERIVED = re.compile(r"\b(?:based on|derived from|generated from|about|relating to|of)\b")


def _also_named(clause: str, kind: str) -> str | None:
    """The other training fact when a clause names both kinds of data side by side ("usage
    data and customer content"), not one derived from the other ("usage data about content")."""
    content = CONTENT.search(clause)
    service = SERVICE_DATA.search(clause)
    if content is None or service is None:
        return None
    a, b = sorted((content, service), key=lambda m: m.start())
    between = clause[a.end() : b.start()]
    if len(between) > 40 or not BOTH.search(between) or DERIVED.search(between):
        return None
    if kind == "ai_training_customer_content":
        return "ai_training_service_data"
    return "ai_training_customer_content"


def _named_kind(text: str) -> tuple[str, float] | None:
    content = CONTENT.search(text)
    service = SERVICE_DATA.search(text)
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
    return None
