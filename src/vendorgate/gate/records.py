"""Decision records: an auditable account of one gate decision, and its verification later.

A record (``gate --record FILE``) holds the request (vendor file, plan, data classes,
organisation profile, rule packs, as-of date), the sha256 of every input the decision rests on
(the vendor file and the other versions of its lineage that were read, the rule pack files,
the organisation profile, the document snapshots the evidence was checked against), the
vendorgate version, the time it was written (the only field that differs between two runs),
and the full answer: decision, findings, questions and conditions per plan.

Paths in a record are relative to the record's own folder, so a record kept in the repository
verifies on any machine and names no absolute path.

``gate --verify-record FILE`` re-evaluates the same request on the recorded as-of date and
says whether the record still holds: it holds only when every input hashes the same and the
re-evaluation gives exactly the recorded answer (decision, findings, conditions, questions,
with the same JSON types) and the same summary fields. A record is untrusted input: what it
says is never believed, only recomputed and compared. Otherwise it says which inputs changed,
appeared or vanished, and which decisions and verdicts differ.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from vendorgate.core.errors import InputError, Problem, VendorgateError
from vendorgate.core.output import write_atomic
from vendorgate.core.version import __version__
from vendorgate.evidence import snapshots as evidence
from vendorgate.gate.decisions import GateRequest, GateResult
from vendorgate.gate.decisions import evaluate as evaluate_gate
from vendorgate.gate.serialize import to_dict
from vendorgate.text.reader import read_bytes

KIND = "vendorgate/decision-record"
SCHEMA_VERSION = "1"


@dataclass(frozen=True, order=True)
class Input:
    """One file the decision rests on."""

    role: str
    """vendor, vendor-version, org, rules or snapshot."""
    path: str
    """Relative to the record's folder, with forward slashes."""
    sha256: str | None
    """sha256 of its bytes; None when the file does not exist."""


def sha256_of(path: Path) -> str | None:
    if not path.exists():
        return None
    try:  # what cannot be read safely (a FIFO, a device, a huge file) has no hash
        return hashlib.sha256(read_bytes(path, str(path))).hexdigest()
    except InputError:
        return None


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def inputs_of(result: GateResult, base: Path) -> tuple[Input, ...]:
    """Every input of a gate result, with paths relative to ``base``."""
    found: dict[tuple[str, str], Path] = {}

    def add(role: str, path: Path) -> None:
        found.setdefault((role, _rel(path, base)), path)

    add("vendor", result.named.path)
    for version in result.versions:
        if version is not result.named:
            add("vendor-version", version.path)
    if result.org_file is not None:
        add("org", result.org_file)
    for pack in result.rule_files:
        add("rules", pack)
    vendor = result.vendor
    for doc in vendor.profile.documents.values():
        if not doc.snapshot:
            continue
        try:
            snap = evidence.resolve_snapshot(vendor.path, doc.snapshot, vendor.root)
        except evidence.SnapshotPathError:
            continue  # the evidence already says why it cannot be checked
        add("snapshot", snap)
    return tuple(sorted(Input(role, rel, sha256_of(path)) for (role, rel), path in found.items()))


def build(result: GateResult, record_path: Path, now: datetime | None = None) -> dict[str, Any]:
    """The record as JSON-ready data."""
    base = record_path.resolve().parent
    req = result.request
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    answer = to_dict(result)
    return {
        "schemaVersion": SCHEMA_VERSION,
        "kind": KIND,
        "generator": {"name": "vendorgate", "version": __version__},
        "recordedAt": moment.isoformat().replace("+00:00", "Z"),
        "asOf": result.evaluated_on.isoformat(),
        "request": {
            "vendor": _rel(req.vendor, base),
            "plan": req.plan,
            "dataClasses": list(req.data_classes) if req.data_classes is not None else None,
            "org": _rel(result.org_file, base) if result.org_file else None,
            "rules": [_rel(Path(r), base) for r in req.rules],
            "versionSelection": req.as_of is not None,
        },
        "inputs": [
            {"role": i.role, "path": i.path, "sha256": i.sha256} for i in inputs_of(result, base)
        ],
        "decision": answer["decision"],
        "passes": answer["passes"],
        "firstPassingPlan": answer["firstPassingPlan"],
        "result": answer,
    }


def write(result: GateResult, record_path: Path, now: datetime | None = None) -> None:
    """Write the record atomically (a reader never sees half of it)."""
    data = build(result, record_path, now)
    write_atomic(record_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- verification


@dataclass(frozen=True)
class Verification:
    """Whether a record still holds, and if not, what changed."""

    record: str
    """The record file as named."""
    holds: bool
    """True only when every input is unchanged and the re-evaluation agrees."""
    as_of: str
    """The recorded as-of date, used again."""
    changed: tuple[str, ...]
    """Inputs whose sha256 differs ("role path: old -> new")."""
    added: tuple[str, ...]
    """Inputs the re-evaluation reads that the record does not list."""
    removed: tuple[str, ...]
    """Inputs the record lists that the re-evaluation no longer reads (or that vanished)."""
    differences: tuple[str, ...]
    """Decisions and verdicts that differ."""
    version_note: str
    """Set when the record was written by another vendorgate version."""
    error: str
    """Why the re-evaluation failed, if it did (the record does not hold then)."""


def _bad(path: Path, message: str, line: int = 0, column: int = 0) -> InputError:
    return InputError(Problem(f"not a usable decision record: {message}", str(path), line, column))


def load(path: Path) -> dict[str, Any]:
    """Read and check a record's shape; anything else is an input error (exit 2)."""
    if not path.exists():
        raise _bad(path, "the file does not exist")
    try:  # a FIFO or a device is refused without being read, a huge file before it is
        text = read_bytes(path, str(path)).decode("utf-8")
    except InputError as exc:
        raise _bad(path, exc.problems[0].message) from None
    except UnicodeDecodeError as exc:
        raise _bad(path, f"cannot read it ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(path, f"invalid JSON ({exc.msg})", exc.lineno, exc.colno) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise _bad(path, f'expected a JSON object with "kind": "{KIND}"')
    if data.get("schemaVersion") != SCHEMA_VERSION:
        raise _bad(path, f"unsupported schemaVersion {data.get('schemaVersion')!r}")
    _require(path, data, "asOf", str)
    _require(path, data, "request", dict)
    _require(path, data, "inputs", list)
    _require(path, data, "result", dict)
    request = data["request"]
    _require(path, request, "vendor", str, "request.")
    _require(path, request, "rules", list, "request.")
    _require(path, request, "versionSelection", bool, "request.")
    try:
        date.fromisoformat(data["asOf"])
    except ValueError:
        raise _bad(path, f"`asOf` is not a date: {data['asOf']!r}") from None
    for item in data["inputs"]:
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) for key in ("role", "path", "sha256")
        ):
            raise _bad(path, "every entry of `inputs` needs role, path and sha256 (strings)")
    if not isinstance(data["result"].get("plans"), list) or not all(
        isinstance(plan, dict) for plan in data["result"]["plans"]
    ):
        raise _bad(path, "`result.plans` is missing or is not a list of objects")
    _check_request_shape(path, request)
    if not isinstance(data.get("generator", {}), dict):
        raise _bad(path, "`generator` is not an object")
    return data


def _check_request_shape(path: Path, request: dict[str, Any]) -> None:
    """The optional fields of the request have the types the gate reads, and no path in it
    holds a NUL character (the system would refuse it with an error that names nothing)."""
    for key in ("plan", "org"):
        if request.get(key) is not None and not isinstance(request[key], str):
            raise _bad(path, f"`request.{key}` is not a string")
    classes = request.get("dataClasses")
    if classes is not None and not (
        isinstance(classes, list) and all(isinstance(c, str) for c in classes)
    ):
        raise _bad(path, "`request.dataClasses` is not a list of strings")
    if not all(isinstance(r, str) for r in request["rules"]):
        raise _bad(path, "`request.rules` is not a list of strings")
    paths = [request["vendor"], request.get("org") or "", *request["rules"]]
    if any("\x00" in p for p in paths):
        raise _bad(path, "a path in `request` holds a NUL character")


def _require(path: Path, data: dict[str, Any], key: str, kind: type, prefix: str = "") -> None:
    if not isinstance(data.get(key), kind):
        raise _bad(path, f"`{prefix}{key}` is missing or is not a {kind.__name__}")


def request_of(data: dict[str, Any], base: Path) -> GateRequest:
    """The recorded request, with paths resolved against the record's folder."""
    req = data["request"]
    day = date.fromisoformat(data["asOf"])
    classes = req.get("dataClasses")
    org = req.get("org")
    return GateRequest(
        vendor=base / req["vendor"],
        plan=req.get("plan"),
        data_classes=tuple(classes) if classes is not None else None,
        org=base / org if org else None,
        rules=tuple(str(base / r) for r in req["rules"]),
        as_of=day if req["versionSelection"] else None,
        today=day,
    )


def verify(path: Path) -> Verification:
    """Re-evaluate a record's request and compare. Raises InputError for a bad record."""
    data = load(path)
    base = path.resolve().parent
    recorded = {(i["role"], i["path"]): i["sha256"] for i in data["inputs"]}
    error = ""
    try:
        result = evaluate_gate(request_of(data, base))
    except VendorgateError as exc:
        error = exc.format().replace("\n", "; ")
        current = {key: sha256_of(base / key[1]) for key in recorded}  # what can still be hashed
        differences: list[str] = []
    else:
        current = {(i.role, i.path): i.sha256 for i in inputs_of(result, base)}
        differences = whole_differences(data, to_dict(result))
    changed = [
        f"{role} {p}: {_short(recorded[(role, p)])} -> {_short(current[(role, p)])}"
        for role, p in sorted(recorded)
        if (role, p) in current and current[(role, p)] != recorded[(role, p)]
    ]
    removed = [f"{role} {p}" for role, p in sorted(recorded) if (role, p) not in current]
    added = [f"{role} {p}" for role, p in sorted(current) if (role, p) not in recorded]
    version = data.get("generator", {}).get("version")
    note = (
        f"the record was written by vendorgate {version}; this is {__version__}"
        if version != __version__
        else ""
    )
    holds = not (changed or removed or added or differences or error)
    return Verification(
        record=str(path),
        holds=holds,
        as_of=data["asOf"],
        changed=tuple(changed),
        added=tuple(added),
        removed=tuple(removed),
        differences=tuple(differences),
        version_note=note,
        error=error,
    )


def whole_differences(record: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    """Everything in ``record`` that the re-evaluated ``answer`` does not say, exactly: the
    named decisions and verdicts first, then any other value of the recorded answer (findings,
    conditions, questions), and the summary fields at the top, types strictly (``true`` is
    not ``1``). A record edited anywhere does not hold."""
    out = compare(record["result"], answer)
    for key in ("decision", "passes", "firstPassingPlan"):
        where = first_difference(record.get(key), answer.get(key), key)
        if where:
            out.append(f"recorded {where}")
    if not out:
        where = first_difference(record["result"], answer, "result")
        if where:
            out.append(f"recorded answer differs from the re-evaluation at {where}")
    return out


def first_difference(old: Any, new: Any, path: str) -> str:
    """The path of the first value that differs (in type or value), or empty."""
    if type(old) is not type(new):
        return f"{path}: {type(old).__name__} {_brief(old)} -> {type(new).__name__} {_brief(new)}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new:
                return f"{path}.{key}: {'absent' if key not in old else 'present'} in the record"
            found = first_difference(old[key], new[key], f"{path}.{key}")
            if found:
                return found
        return ""
    if isinstance(old, list):
        if len(old) != len(new):
            return f"{path}: {len(old)} items -> {len(new)}"
        for index, (was, now) in enumerate(zip(old, new, strict=True)):
            found = first_difference(was, now, f"{path}[{index}]")
            if found:
                return found
        return ""
    return "" if old == new else f"{path}: {_brief(old)} -> {_brief(new)}"


def _brief(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 60 else text[:57] + "..."


def _short(sha: str | None) -> str:
    return sha[:12] if sha else "(missing)"


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Decisions and verdicts that differ between two gate answers (as ``to_dict`` gives)."""
    out = []
    for key, what in (("firstPassingPlan", "first passing plan"), ("decision", "decision")):
        if old.get(key) != new.get(key):
            out.append(f"{what}: {old.get(key)} -> {new.get(key)}")
    if old.get("vendor", {}).get("id") != new.get("vendor", {}).get("id"):
        out.append(
            f"vendor version evaluated: {old.get('vendor', {}).get('id')} -> "
            f"{new.get('vendor', {}).get('id')}"
        )
    old_plans = {p.get("label"): p for p in old.get("plans", []) if isinstance(p, dict)}
    new_plans = {p.get("label"): p for p in new.get("plans", [])}
    for label in sorted(set(old_plans) | set(new_plans), key=str):
        if label not in new_plans:
            out.append(f"plan {label}: no longer evaluated")
            continue
        if label not in old_plans:
            out.append(f"plan {label}: newly evaluated ({new_plans[label]['decision']})")
            continue
        out.extend(_compare_plan(str(label), old_plans[label], new_plans[label]))
    return out


def _verdicts(plan: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {
        f"{f.get('rule')}@{f.get('location', {}).get('line', '')}"
        if f.get("rule") == "vendorgate.waiver-expired"
        else str(f.get("rule")): (f.get("verdict"), f.get("blocking"))
        for f in plan.get("findings", [])
        if isinstance(f, dict)
    }


def _compare_plan(label: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = []
    if old.get("decision") != new.get("decision"):
        out.append(f"plan {label}: decision {old.get('decision')} -> {new.get('decision')}")
    before, after = _verdicts(old), _verdicts(new)
    for rule in sorted(set(before) | set(after)):
        was, now = before.get(rule), after.get(rule)
        if was == now:
            continue
        out.append(f"plan {label}: {rule}: {_verdict(was)} -> {_verdict(now)}")
    return out


def _verdict(pair: tuple[Any, Any] | None) -> str:
    if pair is None:
        return "(absent)"
    verdict, blocking = pair
    return f"{verdict}{' (blocking)' if blocking else ''}"
