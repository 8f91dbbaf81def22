"""Dated versions of one vendor: which profile describes the terms in force on a date.

A profile may say it is one version of a vendor's terms (``lineage: zoom``) and when those
terms were in force (``in_force: {from: 2023-03-31, until: 2023-07-26}``). The version in
force on a day is the one of its lineage with the latest ``from`` on or before that day, unless
its ``until`` is already past; a version without ``until`` lasts until the next one starts.
Two versions starting the same day describe the same terms (say, one retrieved in 2023 and one
in 2026): the one whose documents were retrieved most recently on or before the day wins, so a
replay uses what could be known then. A profile without ``lineage`` is a lineage of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.model import VendorProfile


def name(profile: VendorProfile) -> str:
    """The lineage a profile belongs to: its ``lineage``, else its own id."""
    return profile.lineage or profile.id


def span(profile: VendorProfile) -> str:
    """``2023-03-31 to 2023-07-26`` or ``from 2023-08-11``; ``undated`` without ``in_force``."""
    f = profile.in_force
    if f is None:
        return "undated"
    if f.end is None:
        return f"from {f.start.isoformat()}"
    return f"{f.start.isoformat()} to {f.end.isoformat()}"


def _retrieved(profile: VendorProfile) -> date | None:
    days = [d.retrieved for d in profile.documents.values() if d.retrieved is not None]
    return max(days) if days else None


def _tie_key(day: date) -> Callable[[VendorProfile], tuple[int, int, str]]:
    def key(profile: VendorProfile) -> tuple[int, int, str]:
        got = _retrieved(profile)
        if got is None:
            return (0, 0, profile.id)
        if got <= day:
            return (2, got.toordinal(), profile.id)
        return (1, -got.toordinal(), profile.id)

    return key


def in_force_on(versions: Sequence[VendorProfile], day: date) -> VendorProfile | None:
    """The version of one lineage in force on ``day``; None when none was."""
    if len(versions) == 1 and versions[0].in_force is None:
        return versions[0]  # an undated profile is not tied to any date
    started = [v for v in versions if v.in_force is not None and v.in_force.start <= day]
    if not started:
        return None
    latest = max(v.in_force.start for v in started if v.in_force is not None)
    tied = [v for v in started if v.in_force is not None and v.in_force.start == latest]
    chosen = max(tied, key=_tie_key(day))
    assert chosen.in_force is not None
    if chosen.in_force.end is not None and chosen.in_force.end < day:
        return None
    return chosen


def group(profiles: Iterable[VendorProfile]) -> dict[tuple[str, str], list[VendorProfile]]:
    """Profiles by lineage, each lineage's versions ordered by start date. A profile without
    ``lineage`` stands alone, even when its id equals another profile's lineage."""
    groups: dict[tuple[str, str], list[VendorProfile]] = {}
    for p in profiles:
        key = ("lineage", p.lineage) if p.lineage else ("vendor", p.id)
        groups.setdefault(key, []).append(p)
    for versions in groups.values():
        versions.sort(key=lambda v: (v.in_force.start if v.in_force else date.min, v.id))
    return groups


def none_in_force(lineage: str, versions: Sequence[VendorProfile], day: date) -> Problem:
    """The input error for a lineage with no version in force on ``day``."""
    first = versions[0]
    loc = first.in_force.location if first.in_force else first.location
    known = "; ".join(f"{v.id} ({span(v)}, {v.location.path})" for v in versions)
    return Problem(
        f"no version of `{lineage}` was in force on {day.isoformat()}; known versions: {known}",
        loc.path,
        loc.line,
        loc.column,
    )


def select(
    profiles: Sequence[VendorProfile], day: date
) -> tuple[list[VendorProfile], list[VendorProfile]]:
    """For ``check --as-of``: the version of each lineage in force on ``day`` (kept) and the
    other versions (skipped).

    A lineage whose first archived version took effect after ``day`` had no terms on record
    then: all its versions are skipped (and named in the notes), as a vendor that was not yet
    in the catalogue. A day in a gap between versions, or a run that leaves no vendor at all,
    is an input error: nothing is evaluated against terms that were not in force."""
    kept: list[VendorProfile] = []
    skipped: list[VendorProfile] = []
    gaps: list[Problem] = []
    not_yet: list[Problem] = []
    for (_, lineage), versions in sorted(group(profiles).items()):
        chosen = in_force_on(versions, day)
        if chosen is not None:
            kept.append(chosen)
            skipped.extend(v for v in versions if v is not chosen)
        elif _starts_after(versions, day):
            not_yet.append(none_in_force(lineage, versions, day))
            skipped.extend(versions)
        else:
            gaps.append(none_in_force(lineage, versions, day))
    if gaps or (not_yet and not kept):  # no profiles at all is the caller's error
        raise InputError(gaps or not_yet)
    return kept, skipped


def _starts_after(versions: Sequence[VendorProfile], day: date) -> bool:
    """Whether every version of a lineage took effect after ``day``."""
    return all(v.in_force is not None and v.in_force.start > day for v in versions)


def find_files(lineage: str, candidates: Iterable[Path]) -> list[Path]:
    """Files among ``candidates`` that declare ``lineage: <lineage>`` at the top level.

    Each file is parsed (YAML only: ``gate`` on one file does not validate a whole catalogue),
    never matched as text, since quoting, escapes, tags or line endings can spell the same
    value many ways; a file that does not parse is an input error, as it may be a version of
    the lineage. The files found are then loaded and validated in full."""
    from vendorgate.load.workspace import display_path
    from vendorgate.load.yaml import load_file

    found = []
    problems: list[Problem] = []
    for path in candidates:
        try:
            data = load_file(path, display_path(path)).data
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(data, dict) and data.get("lineage") == lineage:
            found.append(path)
    if problems:
        raise InputError(problems)
    return found
