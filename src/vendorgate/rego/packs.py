"""Rule packs that include Rego: ``.rego`` modules whose ``deny`` / ``warn`` rules are rules.

A module is Rego v1 (``import rego.v1``). Each ``deny`` or ``warn`` rule carries an OPA
``# METADATA`` annotation naming the vendorgate rule it implements::

    # METADATA
    # title: AI model providers among the sub-processors say where they process data
    # custom:
    #   id: ai-subprocessor-regions
    #   severity: high
    #   citations: [...]
    #   remediation: ...
    deny contains msg if { ... }

Further definitions of the same rule (more ``deny contains ... if`` bodies) need no annotation:
an unannotated head belongs to the annotated rule of the same kind above it.

Every message the rule produces is a reason it fails; no message means it passes. A message may
be an object ``{"msg": "...", "fact": "<fact>", "outcome": "undetermined"}``: ``fact`` locates the
finding at that fact, and ``outcome: undetermined`` says the rule cannot tell (a fact it needs is
undisclosed) rather than that the vendor fails. The
annotation of ``package`` may name the pack (``custom.pack``) and give its title; otherwise the
pack id is the package's last segment (``ai_subprocessors`` -> ``ai-subprocessors``). Rules join
a YAML pack of the same id.

To tell rules apart although they all add to ``deny``, vendorgate renames each annotated head to
``vendorgate_<rule id>`` and re-adds its results to ``deny`` / ``warn`` at the end of the module,
so the module keeps meaning what it says. Nothing here needs regopy: modules are parsed for
their annotations only; the Rego engine compiles them when they are evaluated.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.model import AllOf, Applicability, Citation, Location, Rule, RulePack, Severity
from vendorgate.load.yaml import Document, load_bytes
from vendorgate.rego.compile import USER_PACKAGE_PREFIX, Module, RegoRuleRef, identifier
from vendorgate.text.reader import decode, read_bytes

MAX_MODULE_BYTES = 512 * 1024
"""A policy module is a few KB; anything larger is refused before it is read."""
DEFAULT_SEVERITY = {"deny": "high", "warn": "low"}

_PACKAGE = re.compile(r"^package[ \t]+([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*$")
_HEAD = re.compile(r"^(deny|warn)\b(.*)$")
_IMPORT_V1 = re.compile(r"^import[ \t]+rego\.v1[ \t]*(#.*)?$", re.MULTILINE)
_ANNOTATION_KEYS = (
    "scope",
    "title",
    "description",
    "related_resources",
    "authors",
    "organizations",
    "schemas",
    "entrypoint",
    "custom",
)


@dataclass(frozen=True)
class Annotation:
    """A ``# METADATA`` block and what it annotates."""

    data: dict[str, Any]
    """The YAML it holds."""
    doc: Document
    """Loaded with positions in the module's own rows and columns."""
    row: int
    """1-based row of ``# METADATA``."""
    target_row: int
    """1-based row of the line it annotates."""


@dataclass(frozen=True)
class PreparedModule:
    """A user's module, ready to load: the rewritten text and where each rule's results are."""

    module: Module
    refs: tuple[RegoRuleRef, ...]
    rules: tuple[Rule, ...]
    pack: str
    """Id of the pack its rules belong to."""
    pack_title: str
    pack_description: str


def discover_modules(sources: Iterable[str | Path]) -> list[Path]:
    """``.rego`` files named directly or found below folders (test modules ``*_test.rego`` and
    hidden folders are skipped), sorted."""
    found: dict[Path, None] = {}
    for raw in sources:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*.rego")):
                relative = candidate.relative_to(path)
                if (
                    candidate.is_file()
                    and not candidate.name.endswith("_test.rego")
                    and not any(part.startswith(".") for part in relative.parts)
                ):
                    found[candidate] = None
        elif path.is_file() and path.suffix == ".rego":
            found[path] = None
    return list(found)


def _comment_text(line: str) -> str | None:
    stripped = line.lstrip()
    return stripped[1:] if stripped.startswith("#") else None


def _annotations(text: str, display: str) -> list[Annotation]:
    lines = text.split("\n")
    found = []
    row = 0
    while row < len(lines):
        if lines[row].strip() != "# METADATA":
            row += 1
            continue
        start = row
        row += 1
        body = []
        while row < len(lines) and _comment_text(lines[row]) is not None:
            # Replace `#` by a space so that YAML positions are the module's own columns.
            line = lines[row]
            body.append(line.replace("#", " ", 1))
            row += 1
        padded = "\n" * (start + 1) + "\n".join(body) + "\n"
        if not "".join(body).strip():
            raise InputError(Problem("empty `# METADATA` block", display, start + 1, 1))
        doc = load_bytes(padded.encode("utf-8"), display)
        if not isinstance(doc.data, dict):
            raise InputError(
                Problem("a `# METADATA` block must hold a YAML mapping", display, start + 2, 1)
            )
        found.append(Annotation(doc.data, doc, start + 1, row + 1))
    return found


def _annotation_schema() -> dict[str, Any]:
    from vendorgate.schemas.files import schema

    rule = schema("rules")["properties"]["rules"]["items"]["properties"]
    custom = {
        "type": "object",
        "properties": {
            "id": rule["id"],
            "severity": rule["severity"],
            "citations": rule["citations"],
            "remediation": rule["remediation"],
            "applies_to": rule["applies_to"],
            "pack": rule["id"],
        },
        "required": ["id", "citations", "remediation"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            **{key: {} for key in _ANNOTATION_KEYS},
            "title": rule["title"],
            "description": rule["description"],
            "custom": custom,
        },
        "required": ["title", "custom"],
        "additionalProperties": False,
    }


def _package_schema() -> dict[str, Any]:
    from vendorgate.schemas.files import schema

    rule = schema("rules")["properties"]["rules"]["items"]["properties"]
    return {
        "type": "object",
        "properties": {key: {} for key in _ANNOTATION_KEYS}
        | {
            "title": rule["title"],
            "custom": {"type": "object", "properties": {"pack": rule["id"]}},
        },
    }


def _validate(annotation: Annotation, schema: dict[str, Any]) -> None:
    from vendorgate.load.fastschema import compile_schema

    # As for YAML files: a compiled yes/no check first, jsonschema only to explain a failure.
    if compile_schema(schema)(annotation.data):
        return
    from jsonschema import Draft202012Validator

    from vendorgate.load.validate import describe

    errors = sorted(
        Draft202012Validator(schema).iter_errors(annotation.data),
        key=lambda e: annotation.doc.position(tuple(e.absolute_path)),
    )
    if errors:
        raise InputError([describe(annotation.doc, e) for e in errors])


def _package(lines: list[str], display: str) -> tuple[str, int]:
    for index, line in enumerate(lines):
        if line.startswith("package"):
            matched = _PACKAGE.match(line.rstrip())
            if not matched:
                raise InputError(
                    Problem(
                        "expected `package a.b.c` (dotted identifiers only)", display, index + 1, 1
                    )
                )
            return matched.group(1), index + 1
    raise InputError(Problem("no `package` line", display, 1, 1))


def _check_package(package: str, row: int, display: str) -> None:
    """A user's package lies below ``vendorgate.packs``: the rest of ``vendorgate`` is
    vendorgate's own, and a package outside it (``system.*`` configures an OPA server, others
    would widen the bundle's roots over policies that are not vendorgate's) is refused."""
    if package.startswith(USER_PACKAGE_PREFIX):
        return
    reserved = package == "vendorgate" or package.startswith("vendorgate.")
    why = "is reserved for vendorgate's own modules" if reserved else "is outside `vendorgate`"
    raise InputError(
        Problem(
            f"package `{package}` {why}; use `{USER_PACKAGE_PREFIX}<name>`",
            display,
            row,
            9,
        )
    )


_IDENT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_IDENT = _IDENT_START | frozenset("0123456789")
_AFTER = _IDENT | {"."}
"""Characters after which a letter continues a name or a reference (``data.x.deny``)."""


def _misplaced_heads(text: str, display: str) -> list[Problem]:
    """``deny`` / ``warn`` at the top level of the module anywhere but at the start of a line.

    The heads are found line by line (they must start a line); this scan reads the module as
    Rego does - comments, strings and brackets skipped - so a head that Rego would see but the
    line scan would not (indented, after a tab, ``default deny``...) is refused rather than
    left out of the rules vendorgate evaluates."""
    problems: list[Problem] = []
    depth, index, row, line_start = 0, 0, 1, 0
    while index < len(text):
        char = text[index]
        if char == "\n":
            row, line_start = row + 1, index + 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
            continue
        elif char in '"`':
            end = _string_end(text, index)
            breaks = text.count("\n", index, end)  # a raw string may span lines
            if breaks:
                row, line_start = row + breaks, text.rfind("\n", index, end) + 1
            index = end
            continue
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)
        elif char in _IDENT_START and (index == 0 or text[index - 1] not in _AFTER):
            end = index
            while end < len(text) and text[end] in _IDENT:
                end += 1
            if depth == 0 and text[index:end] in DEFAULT_SEVERITY and index != line_start:
                problems.append(
                    Problem(
                        f"`{text[index:end]}` must start its line (`{text[index:end]} contains "
                        "msg if { ... }`) so that vendorgate finds the rule",
                        display,
                        row,
                        index - line_start + 1,
                    )
                )
            index = end
            continue
        index += 1
    return problems


def _string_end(text: str, start: int) -> int:
    """The index after the string literal opening at ``start`` (``"..."`` or raw ``...``)."""
    quote, index = text[start], start + 1
    while index < len(text) and text[index] != quote:
        if quote == '"' and text[index] == "\\":
            index += 1
        elif text[index] == "\n" and quote == '"':
            break  # an unterminated string: Rego refuses the module when it compiles it
        index += 1
    return index + 1


def prepare(path: Path, display: str) -> PreparedModule:
    """Parse a user's module: its rules (from annotations) and the text vendorgate loads."""
    text = decode(read_bytes(path, display, MAX_MODULE_BYTES), display)
    lines = text.split("\n")
    package, package_row = _package(lines, display)
    _check_package(package, package_row, display)
    if not _IMPORT_V1.search(text):
        raise InputError(
            Problem(
                "add `import rego.v1`: rules in packs are Rego v1, and OPA 0.61 needs the import",
                display,
                package_row + 1,
                1,
            )
        )
    by_target = {a.target_row: a for a in _annotations(text, display)}
    package_note = by_target.get(package_row)
    if package_note is not None:
        _validate(package_note, _package_schema())
    heads = _Heads(display, path, _pack_id(package, package_note))
    for index, line in enumerate(lines):
        head = _HEAD.match(line)
        if head:
            renamed = heads.add(index + 1, head.group(1), head.group(2), by_target)
            if renamed is not None:
                lines[index] = renamed
    heads.problems.extend(_misplaced_heads(text, display))
    if heads.problems:
        raise InputError(heads.problems)
    if not heads.rules:
        raise InputError(
            Problem("no annotated `deny` or `warn` rule; nothing to evaluate", display, 1, 1)
        )
    lines += [
        "",
        "# Added by vendorgate, which renamed each annotated rule above to tell them apart:",
        "# their results still make up `deny` and `warn`.",
    ]
    lines += [
        f"{kind} contains m if some m in {name}" for name, kind in sorted(heads.names.items())
    ]
    module = Module(
        path=package.replace(".", "/") + f"/{identifier(path.stem)}.rego",
        text="\n".join(lines) + "\n",
        source=display,
        shifts=tuple(heads.shifts),
    )
    refs = tuple(
        RegoRuleRef(rule_id, package, f"vendorgate_{identifier(rule_id)}")
        for rule_id in heads.rules
    )
    title = str(package_note.data.get("title", "")) if package_note else ""
    description = str(package_note.data.get("description", "")) if package_note else ""
    return PreparedModule(
        module,
        refs,
        tuple(heads.rules.values()),
        heads.pack,
        title or f"Rego rules of {package}",
        description,
    )


class _Heads:
    """The ``deny``/``warn`` rule heads of one module, checked and renamed one by one."""

    def __init__(self, display: str, path: Path, pack: str) -> None:
        self.display = display
        self.path = path
        self.pack = pack
        self.schema = _annotation_schema()
        self.rules: dict[str, Rule] = {}
        self.names: dict[str, str] = {}
        self.shifts: list[tuple[int, int]] = []
        self.problems: list[Problem] = []
        self.last: dict[str, str] = {}
        """The name of the last annotated rule of each kind, for further definitions."""

    def _problem(self, message: str, row: int, column: int = 1) -> None:
        self.problems.append(Problem(message, self.display, row, column))

    def add(self, row: int, kind: str, rest: str, notes: dict[int, Annotation]) -> str | None:
        """The renamed head line, or None when the head is wrong (a problem is recorded)."""
        if not rest.lstrip().startswith("contains"):
            self._problem(
                f"`{kind}` must be a multi-value rule: `{kind} contains msg if {{ ... }}`",
                row,
                len(kind) + 2,
            )
            return None
        note = notes.get(row)
        if note is None:
            # A further definition (another body) of the rule annotated above it.
            previous = self.last.get(kind)
            if previous is None:
                self._problem(
                    f"`{kind}` rule without a `# METADATA` annotation; vendorgate needs its "
                    "title and `custom:` id, citations and remediation right above it",
                    row,
                )
                return None
            self.shifts.append((row, len(previous) - len(kind)))
            return previous + rest
        try:
            _validate(note, self.schema)
        except InputError as exc:
            self.problems.extend(exc.problems)
            return None
        rule = _rule(note, kind, self.pack, self.display, self.path)
        known = self.rules.setdefault(rule.id, rule)
        if replace(known, location=rule.location, condition=rule.condition) != rule:
            self._problem(
                f"rule id `{rule.id}` is annotated twice with different metadata", note.row
            )
            return None
        name = f"vendorgate_{identifier(rule.id)}"
        if self.names.setdefault(name, kind) != kind:
            self._problem(f"rule id `{rule.id}` names both a deny and a warn rule", row)
            return None
        self.last[kind] = name
        self.shifts.append((row, len(name) - len(kind)))
        return name + rest


def _pack_id(package: str, note: Annotation | None) -> str:
    if note is not None:
        custom = note.data.get("custom") or {}
        if isinstance(custom, dict) and custom.get("pack"):
            return str(custom["pack"])
    return package.rsplit(".", 1)[-1].replace("_", "-").lower()


def _rule(note: Annotation, kind: str, pack: str, display: str, path: Path) -> Rule:
    data = note.data
    custom = data["custom"]
    scope = custom.get("applies_to", {})
    return Rule(
        id=custom["id"],
        title=data["title"],
        severity=Severity(custom.get("severity", DEFAULT_SEVERITY[kind])),
        condition=AllOf((), Location(display, note.row, 1)),
        citations=tuple(
            Citation(
                citation=c["citation"],
                url=c["url"],
                title=c.get("title", ""),
                authority=c.get("authority", ""),
                verified=bool(c.get("verified", True)),
            )
            for c in custom["citations"]
        ),
        remediation=custom["remediation"],
        pack=str(custom.get("pack", pack)),
        location=Location(display, note.row, 1),
        applies_to=Applicability(
            sectors=tuple(scope.get("sectors", ())),
            jurisdictions=tuple(scope.get("jurisdictions", ())),
            vendor_categories=tuple(scope.get("vendor_categories", ())),
            data_classes=tuple(scope.get("data_classes", ())),
        ),
        description=str(data.get("description", "")),
        rego_module=display,
        rego_file=os.path.abspath(path),
    )


# ---------------------------------------------------------------- packs


def load_rego_packs(paths: Sequence[Path], display: Any) -> list[PreparedModule]:
    """Prepare every module, reporting the problems of all files at once."""
    problems: list[Problem] = []
    prepared = []
    for path in paths:
        try:
            prepared.append(prepare(path, display(path)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return prepared


def merge_packs(packs: Sequence[RulePack], prepared: Sequence[PreparedModule]) -> list[RulePack]:
    """YAML packs with the Rego rules added: to the pack of the same id, else to a new pack."""
    merged = {p.id: p for p in packs}
    order = [p.id for p in packs]
    for item in prepared:
        for rule in item.rules:
            pack = merged.get(rule.pack)
            if pack is None:
                pack = RulePack(
                    rule.pack, item.pack_title, (), item.module.source, item.pack_description
                )
                order.append(rule.pack)
            merged[rule.pack] = replace(pack, rules=(*pack.rules, rule))
    return [merged[pack_id] for pack_id in order]


def with_rego_rules(packs: list[RulePack], sources: Sequence[str | Path]) -> list[RulePack]:
    """The packs plus the rules of the ``.rego`` modules found in ``sources``."""
    paths = discover_modules(sources)
    if not paths:
        return packs
    from vendorgate.load.workspace import display_path

    return merge_packs(packs, load_rego_packs(paths, display_path))


def modules_for(rules: Iterable[Rule]) -> tuple[list[Module], list[RegoRuleRef]]:
    """The prepared modules and rule references for the Rego rules among ``rules``."""
    wanted = {r.id for r in rules if r.rego_module}
    # Read each module where it was found: its display path is relative to the project, and
    # the working directory may be anywhere (`cd vendors && vendorgate check .`).
    files = sorted({(r.rego_module, r.rego_file) for r in rules if r.rego_module})
    modules: list[Module] = []
    refs: list[RegoRuleRef] = []
    for display, file in files:
        item = prepare(Path(file or display), display)
        modules.append(item.module)
        refs.extend(ref for ref in item.refs if ref.rule in wanted)
    return modules, refs
