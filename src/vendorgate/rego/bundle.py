"""OPA bundles: the compiled policy as a deterministic ``bundle.tar.gz``.

Contents: ``.manifest`` (``revision`` = the policy's sha256, ``roots``), every module at its
package path (``vendorgate/lib.rego``, ``vendorgate/compiled/<pack>/<rule>.rego``, users' Rego
modules, ``vendorgate/decision.rego``) and ``data.json`` (rule metadata and the organisation
profile under ``vendorgate``). Entries are sorted, with fixed times, owners and modes, and the
gzip header carries no time or name, so the same packs and organisation give the same bytes.
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vendorgate.core.errors import InputError, Problem
from vendorgate.rego.compile import ROOT, Policy

MANIFEST = ".manifest"
DATA = "data.json"


def roots(policy: Policy) -> list[str]:
    """The bundle's one root, ``vendorgate``. A module outside it would make the bundle claim
    (or, as ``system.*``, configure) part of the OPA server that is not vendorgate's, so one
    is refused; users' packages are checked when they are loaded (``rego.packs``) and this is
    the last line."""
    for module in policy.modules:
        package = _package_path(module.text)
        if package != ROOT and not package.startswith(ROOT + "/"):
            raise InputError(
                Problem(
                    f"package `{package.replace('/', '.')}` is outside `{ROOT}`; a bundle holds "
                    f"only packages below `{ROOT}`",
                    module.source or module.path,
                )
            )
    return [ROOT]


def _package_path(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("package "):
            return line.split()[1].replace(".", "/")
    return "(no package)"


def files(policy: Policy, organisation: str) -> dict[str, bytes]:
    """Every file of the bundle, by path."""
    manifest = {
        "revision": policy.revision,
        "roots": roots(policy),
        "metadata": {"generator": "vendorgate", "organisation": organisation},
    }
    out = {
        MANIFEST: _json_bytes(manifest),
        DATA: _json_bytes(policy.data),
    }
    for module in policy.modules:
        out[module.path] = module.text.encode("utf-8")
    return out


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()


def tarball(contents: Mapping[str, bytes]) -> bytes:
    """A gzipped tar of ``contents``, byte-identical for identical contents."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(contents):
            info = tarfile.TarInfo(name)
            info.size = len(contents[name])
            info.mtime = 0
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(contents[name]))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def read(path: str | Path) -> dict[str, bytes]:
    """The files of a bundle tarball (for loading it into regopy, and for tests)."""
    out = {}
    with tarfile.open(path, mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.isfile():
                handle = tar.extractfile(member)
                if handle is not None:
                    out[member.name.lstrip("/")] = handle.read()
    return out


def modules_and_data(contents: Mapping[str, bytes]) -> tuple[list[tuple[str, str]], Any]:
    """The modules and the data document of a bundle's files, as an OPA server loads them."""
    modules = [
        (name, data.decode("utf-8"))
        for name, data in sorted(contents.items())
        if name.endswith(".rego")
    ]
    document = json.loads(contents.get(DATA, b"{}"))
    return modules, document


def build(
    org_path: str | Path | None, rules_paths: tuple[str, ...] | list[str]
) -> tuple[bytes, Policy]:
    """The bundle for an organisation and its enabled packs, and the policy inside it."""
    from vendorgate.rego.adapter import build_policy, load_policy_inputs

    org, packs = load_policy_inputs(org_path, rules_paths)
    policy, _ = build_policy(packs, org)
    return tarball(files(policy, org.name)), policy
