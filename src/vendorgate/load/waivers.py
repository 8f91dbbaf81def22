"""Waivers as code: the checks on the waivers an organisation profile lists, and the warning
finding an expired waiver produces.

The engine applies waivers (a matching, active waiver turns a failure into ``waived`` and
notes one expiring within 30 days). This module adds what the engine cannot see from one
finding:

* an expired waiver gives a warning finding of its own, ``vendorgate.waiver-expired``
  (verdict ``fail``, severity ``low``, never blocking), at the waiver's line in the profile;
* a waiver naming a vendor that is not in the catalogue is an input error, but only when the
  whole catalogue is evaluated, so a run over one changed file never fails on the waivers of
  vendors it did not load;
* a waiver already expired when written is an input error: ``expires`` before ``granted``
  (every command, see ``profiles``), or ``expires`` before the evaluation date when the
  organisation profile is validated (``vendorgate validate``, the check one runs on writing).

See docs/waivers.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import OrgProfile, VendorProfile
from vendorgate.load.yaml import Document


def _problem(org: OrgProfile, doc: Document | None, index: int, field: str, msg: str) -> Problem:
    if doc is not None:
        return doc.problem(("waivers", index, field), msg)
    w = org.waivers[index]
    return Problem(msg, w.location.path or org.path, w.location.line, w.location.column)


def check_vendors(
    org: OrgProfile, doc: Document | None, catalogue: Iterable[VendorProfile]
) -> None:
    """Every waiver names a vendor id of the catalogue and, when it names a plan, a plan that
    vendor's profile defines. Call only with the whole catalogue.

    A waiver covers the one profile whose id it names, never every profile declaring that id
    as its ``lineage``: a lineage is only a claim a profile makes about itself."""
    profiles = list(catalogue)
    names: dict[str, list[VendorProfile]] = {}
    lineages: set[str] = set()
    for p in profiles:
        names.setdefault(p.id, []).append(p)
        if p.lineage is not None:
            lineages.add(p.lineage)
    problems = []
    for index, w in enumerate(org.waivers):
        if w.vendor not in names:
            hint = did_you_mean(w.vendor, sorted(names))
            if w.vendor in lineages:
                hint = (
                    f"; `{w.vendor}` is a lineage, and a waiver names one vendor id (write one "
                    "waiver per dated profile it should cover)"
                )
            problems.append(
                _problem(
                    org,
                    doc,
                    index,
                    "vendor",
                    f"waiver names vendor `{w.vendor}`, which no vendor profile of the "
                    f"catalogue has as its id{hint}",
                )
            )
            continue
        if w.plan is not None:
            plans = sorted({pl.id for p in names[w.vendor] for pl in p.plans})
            if w.plan not in plans:
                problems.append(
                    _problem(
                        org,
                        doc,
                        index,
                        "plan",
                        f"waiver names plan `{w.plan}` of `{w.vendor}`, which its profile does "
                        f"not define (plans: {', '.join(plans) or 'none'})",
                    )
                )
    if problems:
        raise InputError(problems)


def check_not_expired(org: OrgProfile, doc: Document | None, today: date) -> None:
    """For ``validate``: a waiver whose expiry is already past on ``today`` is being written (or
    kept) expired, which is an input error; ``check`` and ``gate`` warn instead."""
    problems = [
        _problem(
            org,
            doc,
            index,
            "expires",
            f"the waiver of `{w.rule}` for `{w.vendor}` ({w.ticket}) expired on "
            f"{w.expires.isoformat()}, before {today.isoformat()}: renew it with a new expiry "
            "or remove it",
        )
        for index, w in enumerate(org.waivers)
        if w.expires < today
    ]
    if problems:
        raise InputError(problems)


def is_full_catalogue(given: Sequence[Path], org_catalogue: Sequence[Path]) -> bool:
    """Whether the vendor files being evaluated include every file of the organisation's own
    catalogue (``vendors_paths``); only then can an unknown vendor be told from an unloaded one."""
    wanted = {p.resolve() for p in org_catalogue}
    return bool(wanted) and wanted <= {p.resolve() for p in given}
