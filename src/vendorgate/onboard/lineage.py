"""The other dated versions of the profile's lineage in the vendors folder, and the
``in_force`` chain: where the new profile ends, and the neighbours' text with the chain closed
on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vendorgate.core.model import VendorProfile

_DATED_SUFFIX = re.compile(r"-\d{4}(?:-\d{2}){0,2}$")


@dataclass(frozen=True)
class Neighbour:
    """Another dated version of the same lineage in the vendors folder."""

    path: Path
    start: date | None
    end: date | None
    has_lineage: bool
    data: bytes
    """Its bytes as read: the edit is made from them, and put in place only while the file
    still holds them (see :func:`refuse_changed`)."""


@dataclass(frozen=True)
class Edit:
    """A neighbour's edited text and the bytes it was made from."""

    read: bytes
    text: str


def lineage_of_id(vendor_id: str) -> str:
    """The lineage an id names: the id without a trailing date (``acme-2025-09``: ``acme``)."""
    return _DATED_SUFFIX.sub("", vendor_id) or vendor_id


def find_neighbours(vendors_dir: Path, lineage_name: str, target: Path) -> list[Neighbour]:
    from vendorgate.load import catalogue, lineage

    if not vendors_dir.is_dir():
        return []
    candidates = sorted(vendors_dir.glob("*.yaml"))
    paths = set(lineage.find_files(lineage_name, candidates))
    own = vendors_dir / f"{lineage_name}.yaml"
    if own.is_file():
        paths.add(own)
    found: list[Neighbour] = []
    for path in sorted(paths - {target}):
        data = path.read_bytes()
        profile = catalogue.load_vendors([path])[0].profile
        refuse_changed({path: Edit(data, "")})  # what was loaded is what is edited
        if lineage.name(profile) != lineage_name:
            continue
        start = profile.in_force.start if profile.in_force else _first_effective(profile)
        end = profile.in_force.end if profile.in_force else None
        found.append(Neighbour(path, start, end, profile.lineage is not None, data))
    return found


def _first_effective(profile: VendorProfile) -> date | None:
    days = [d.effective for d in profile.documents.values() if d.effective is not None]
    return min(days) if days else None


def in_force_chain(
    neighbours: Sequence[Neighbour], lineage_name: str, start: date
) -> tuple[date | None, dict[Path, Edit]]:
    """The new profile's ``until`` and the edited text of the neighbours that close on it."""
    dated = [n for n in neighbours if n.start is not None]
    for n in dated:
        if n.start == start:
            raise UsageError(
                f"{n.path}: already describes `{lineage_name}` in force from {start}; "
                "give the new version another VENDOR_ID only if its terms differ"
            )
    before = [n for n in dated if n.start is not None and n.start < start]
    after = [n for n in dated if n.start is not None and n.start > start]
    edits: dict[Path, Edit] = {}
    if before:
        previous = max(before, key=lambda n: n.start or date.min)
        if previous.end is None or previous.end >= start:
            edits[previous.path] = _closed(previous, lineage_name, start - timedelta(days=1))
    for n in neighbours:
        if n not in before and not n.has_lineage:
            edits.setdefault(n.path, _closed(n, lineage_name, None))
    until = None
    if after:
        following = min(after, key=lambda n: n.start or date.max)
        assert following.start is not None
        until = following.start - timedelta(days=1)
    return until, edits


def _closed(neighbour: Neighbour, lineage_name: str, until: date | None) -> Edit:
    """The neighbour's text with ``lineage`` and, when given, ``in_force.until`` set."""
    text = neighbour.data.decode("utf-8")
    lines = text.splitlines(keepends=True)
    if not neighbour.has_lineage:
        at = _top_level_index(lines, ("in_force:", "documents:"))
        lines.insert(at, f"lineage: {lineage_name}\n")
    if until is not None:
        lines = _with_until(lines, neighbour, until)
    return Edit(neighbour.data, "".join(lines))


def _top_level_index(lines: Sequence[str], keys: Sequence[str]) -> int:
    for index, line in enumerate(lines):
        if line.startswith(tuple(keys)):
            return index
    return len(lines)


def _with_until(lines: list[str], neighbour: Neighbour, until: date) -> list[str]:
    at = _top_level_index(lines, ("in_force:",))
    if at == len(lines):
        assert neighbour.start is not None
        block = ["in_force:\n", f"  from: {neighbour.start.isoformat()}\n"]
        block.append(f"  until: {until.isoformat()}\n")
        spot = _top_level_index(lines, ("documents:",))
        return [*lines[:spot], *block, *lines[spot:]]
    end = at + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    block = [line for line in lines[at + 1 : end] if not line.strip().startswith("until:")]
    block.append(f"  until: {until.isoformat()}\n")
    return [*lines[: at + 1], *block, *lines[end:]]


def refuse_changed(edits: Mapping[Path, Edit]) -> None:
    """Refuse to put an edit in place over a neighbour that no longer holds the bytes it was
    made from (a person editing it, another run): renaming over it would lose that change.

    Checked for every neighbour before anything is put in place, so a refusal leaves nothing
    of the run. A window remains: a write to a neighbour between this read and its rename
    (microseconds later, with no download in between) is still replaced; POSIX has no
    rename-if-unchanged, and a lock would bind only writers that take it."""
    from vendorgate.load import workspace

    for path, edit in edits.items():
        try:
            now = path.read_bytes()
        except OSError as exc:
            now = f"unreadable: {exc}".encode()
        if now != edit.read:
            raise UsageError(
                f"{workspace.display_path(path)}: changed while `new` ran (it would close the "
                "lineage chain in it); nothing was written: run `new` again to edit the "
                "version it holds now"
            )
