"""Strict YAML loading that remembers where every value came from.

PyYAML composes the node graph (libyaml's C parser when present); we construct plain Python
values from the nodes ourselves so that we can:

* record the line and column of every value and every mapping key,
* reject duplicate keys, several documents, unbounded alias expansion and deep nesting,
* keep the source text of YAML booleans so errors can say "`yes` is read as a boolean",
* keep dates as ``YYYY-MM-DD`` strings whether or not YAML resolved them as timestamps.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vendorgate.core.errors import InputError, Problem
from vendorgate.text.reader import decode, read_bytes

MAX_NODES = 200_000
"""Upper bound on constructed values per file, aliases expanded."""
MAX_DEPTH = 64
"""Nesting deeper than this is never a real profile."""

try:  # libyaml's C parser is an order of magnitude faster; fall back to pure Python.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]

_PLAIN_TAGS: dict[str, _Implicit] = {}
"""The implicit tag of each plain scalar seen (keys and enumerated values repeat endlessly)."""
_PLAIN_TAGS_MAX = 50_000


class _Implicit(str):
    """A tag the loader resolved itself (the node had no tag written in the file). Written
    tags reach the builder as plain ``str``, so the builder can tell the two apart and refuse
    tags where none is allowed; it compares equal to the plain tag."""

    __slots__ = ()


_IMPLICIT: dict[str, _Implicit] = {}


def _implicit(tag: str) -> _Implicit:
    found = _IMPLICIT.get(tag)
    if found is None:
        found = _IMPLICIT[tag] = _Implicit(tag)
    return found


class _ResolvingLoader(_Loader):  # type: ignore[misc]
    """The loader, resolving implicit tags faster: the parser asks for every scalar, and the
    answer depends only on the text of a plain scalar (quoted and block scalars are strings)
    when, as in SafeLoader, no path resolvers are registered. Only nodes without a written
    tag are resolved here, and their tags are marked :class:`_Implicit`."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0]:
                return _implicit(self.DEFAULT_SCALAR_TAG)
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = _implicit(super().resolve(kind, value, implicit))
                if len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
                    _PLAIN_TAGS[value] = tag
            return tag
        return _implicit(super().resolve(kind, value, implicit))


_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (tab and line breaks excepted) and Unicode line separators, which a
double-quoted escape can write although the file's bytes hold none."""

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Document:
    """A loaded YAML file: plain data plus the position of every value and key."""

    path: str
    """The path as the user named it."""
    data: Any
    """dicts, lists, str, int, float, bool and None."""
    sha256: str
    """sha256 of the file's bytes."""
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each value, by its path from the root."""
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each mapping key, by the path of its value."""
    scalar_sources: dict[PathKey, str] = field(default_factory=dict)
    """How each non-string scalar was written (``yes``, ``off``, ``007``...), for messages."""

    def position(self, key: PathKey, *, of_key: bool = False) -> tuple[int, int]:
        """The closest known position of a path: the value itself, else its nearest parent."""
        table = self.key_positions if of_key else self.positions
        probe = key
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, key: PathKey, message: str, *, of_key: bool = False) -> Problem:
        line, column = self.position(key, of_key=of_key)
        return Problem(message, self.path, line, column)


def load_file(path: Path, display: str | None = None) -> Document:
    """Load one YAML file strictly. Raises InputError with file:line:col on any problem."""
    shown = display or str(path)
    raw = read_bytes(path, shown)
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, display: str) -> Document:
    text = decode(raw, display)
    if not text.strip():
        raise InputError(Problem("the file is empty", display, 1, 1))
    node = _compose(text, display)
    doc = Document(display, None, hashlib.sha256(raw).hexdigest())
    doc.data = _Builder(doc).build(node)
    return doc


def _compose(text: str, display: str) -> yaml.Node:
    loader = _ResolvingLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(_problem_from_yaml(exc, display, text)) from exc
    except yaml.YAMLError as exc:
        raise InputError(Problem(f"invalid YAML: {exc}", display)) from exc
    except RecursionError as exc:
        raise InputError(Problem("YAML nested too deeply", display)) from exc
    finally:
        loader.dispose()
    if node is None:
        raise InputError(Problem("the file has no YAML content", display, 1, 1))
    return node


def _problem_from_yaml(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        problem = "found character '\\t'"
    if "expected a single document" in (exc.context or "") or "but found another document" in (
        problem
    ):
        problem = "several YAML documents in one file; keep one profile per file"
    elif "found character '\\t'" in problem:
        problem = "a tab character; YAML indentation must use spaces"
    elif exc.context:
        problem = f"{exc.context}; {problem}"
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    return Problem(f"invalid YAML: {problem}", display, line, column)


class _Builder:
    """Turns a composed node graph into plain values, recording positions."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0

    def build(self, root: yaml.Node) -> Any:
        return self._node(root, (), 0)

    def _fail(self, node: yaml.Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError(Problem(message, self.doc.path, mark.line + 1, mark.column + 1))

    def _node(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(
                node, f"more than {MAX_NODES:,} values (an alias/anchor bomb?); file refused"
            )
        if depth > MAX_DEPTH:
            raise self._fail(node, f"nested deeper than {MAX_DEPTH} levels; file refused")
        mark = node.start_mark
        self.doc.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):  # most nodes: strings first, without a call
            if node.style == '"':  # only double quotes have escapes, which can spell anything
                self._refuse_escaped_controls(node)
            return node.value if node.tag == _STR_TAG else self._scalar(node, path)
        if type(node.tag) is not _Implicit:  # a collection with a tag written on it
            raise self._fail(node, f"a YAML tag ({node.tag}) on a mapping or list; remove it")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [
                self._node(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        return self._scalar(node, path)

    def _refuse_escaped_controls(self, node: yaml.ScalarNode) -> None:
        """The file itself holds no control character (``text.reader``); an escape such as
        ``"\\0"`` or ``"\\e"`` must not bring one back (a NUL in a path, a terminal escape)."""
        found = _ESCAPED_CONTROL.search(node.value)
        if found is not None:
            raise self._fail(
                node,
                f"an escape in this string makes the control character U+{ord(found.group()):04X}"
                "; remove it",
            )

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self._fail(key_node, "merge keys (<<) are not supported; write keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail(key_node, "a mapping key must be a plain string")
            if key_node.style == '"':
                self._refuse_escaped_controls(key_node)
            if type(key_node.tag) is not _Implicit:
                raise self._fail(key_node, f"a YAML tag ({key_node.tag}) on a key; remove it")
            key = key_node.value
            child = (*path, key)
            if key in result:
                first = self.doc.key_positions[child]
                raise self._fail(
                    key_node,
                    f"duplicate key `{key}` (first defined at line {first[0]}); "
                    "YAML would silently keep only the last one",
                )
            self.doc.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self._node(value_node, child, depth + 1)
        return result

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR_TAG:
            return text
        self.doc.scalar_sources[path] = text
        if tag == _BOOL_TAG:
            return text.lower() in ("true", "yes", "on", "y")
        if tag == _INT_TAG:
            try:
                return int(text.replace("_", ""), 0)
            except ValueError:
                return text
        if tag == _FLOAT_TAG:
            try:
                return float(text.replace("_", ""))
            except ValueError:
                return text
        if tag == _NULL_TAG:
            return None
        if tag == _TIMESTAMP_TAG:
            return text  # dates stay ISO strings; the schema checks the pattern
        raise self._fail(node, f"unsupported YAML tag {tag}")
