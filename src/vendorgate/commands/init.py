"""``vendorgate init [DIR]``: a new vendor repository, ready for ``check`` and CI.

It writes the organisation profile (``vendorgate.yaml``) with the shipped packs that fit the
chosen sectors and jurisdictions, the ``vendors/`` and ``snapshots/`` folders, copies of the
JSON Schemas of the installed vendorgate (the editors' modelines point at them), a
``.gitignore`` for the cache, a GitHub workflow and a pre-commit configuration. It never
overwrites: when any of these files exists, nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vendorgate.commands.outcome import Outcome, text
from vendorgate.core.errors import EXIT_OK, OutputError, UsageError

BASELINE_PACK = "ai-baseline"
"""Enabled for every organisation: it rests on the organisation's own policy, not on a law."""
SECTOR_PACKS = {
    "healthcare": "healthcare-hipaa",
    "legal": "legal-aba",
    "education": "education-ferpa-coppa",
    "finance": "finance-nydfs-glba",
}
"""The shipped pack written for each sector that has one."""
JURISDICTION_PACKS = {
    "eu": "privacy-gdpr",
    "eea": "privacy-gdpr",
    "uk": "privacy-gdpr",
    "us-ca": "privacy-ccpa",
}
"""The shipped pack written for each jurisdiction that has one."""
KEEP = ".gitkeep"
"""An empty file that lets git keep an otherwise empty folder."""


@dataclass(frozen=True)
class InitRequest:
    """What ``init`` was asked."""

    folder: str
    """Where to set up the repository (created when missing)."""
    sectors: tuple[str, ...] = ()
    """The organisation's sectors (vocabulary names)."""
    jurisdictions: tuple[str, ...] = ()
    """Jurisdiction codes (us, us-ca, eu...)."""
    name: str | None = None
    """The organisation's name; the folder's name when None."""


def packs_for(sectors: tuple[str, ...], jurisdictions: tuple[str, ...]) -> list[str]:
    """The shipped packs to enable, the baseline first, each once."""
    chosen = [BASELINE_PACK]
    chosen += [SECTOR_PACKS[s] for s in sectors if s in SECTOR_PACKS]
    chosen += [JURISDICTION_PACKS[j] for j in jurisdictions if j in JURISDICTION_PACKS]
    return list(dict.fromkeys(chosen))


def files_for(request: InitRequest, name: str) -> dict[str, str]:
    """Every file ``init`` writes, by path relative to the folder, with its content."""
    from vendorgate.schemas.files import schema_text

    return {
        "vendorgate.yaml": org_profile(request, name),
        "schemas/org.schema.json": schema_text("org"),
        "schemas/vendor.schema.json": schema_text("vendor"),
        f"vendors/{KEEP}": "",
        f"snapshots/{KEEP}": "",
        ".gitignore": _template("gitignore"),
        ".github/workflows/vendorgate.yml": workflow_template(),
        ".pre-commit-config.yaml": _template("pre-commit-config.yaml"),
    }


def org_profile(request: InitRequest, name: str) -> str:
    """The organisation profile, with a modeline naming the schema copy written beside it."""
    lines = [
        "# yaml-language-server: $schema=schemas/org.schema.json",
        "# Written by `vendorgate init`. `packs` are rule packs shipped with vendorgate",
        '# (`rules_paths: ["builtin:"]`); add your own folders of packs to `rules_paths`.',
        "# `usage` says which data classes each vendor receives (see `vendorgate schema org`).",
        "apiVersion: vendorgate/v1",
        "kind: OrgProfile",
        f"name: {json.dumps(name, ensure_ascii=False)}",
    ]
    if request.sectors:
        lines.append(f"sectors: [{', '.join(dict.fromkeys(request.sectors))}]")
    if request.jurisdictions:
        lines.append(f"jurisdictions: [{', '.join(dict.fromkeys(request.jurisdictions))}]")
    lines += [
        f"packs: [{', '.join(packs_for(request.sectors, request.jurisdictions))}]",
        'rules_paths: ["builtin:"]',
        "vendors_paths: [vendors]",
        "blocking:",
        "  severity: high",
        "  undetermined: block",
        "evidence:",
        "  require: verified",
        "  max_age_days: 365",
        "usage: {}",
    ]
    return "\n".join(lines) + "\n"


def templates_dir() -> Path:
    """The CI templates users copy: the installed package's ``templates/`` (setup.py maps the
    repository's ``ci/`` there), else the ``ci/`` folder of the checkout this module runs from,
    so the workflow ``init`` writes is that file, never a second copy of it."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "templates"
    if installed.is_dir():
        return installed
    return package.parent.parent / "ci"


def workflow_template() -> str:
    """The GitHub workflow, ``ci/github-actions.yml``, byte for byte."""
    path = templates_dir() / "github-actions.yml"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot read the workflow template: {exc.strerror}") from exc


def _template(name: str) -> str:
    return resources.files("vendorgate").joinpath(f"data/init/{name}").read_text("utf-8")


def execute(request: InitRequest) -> Outcome:
    folder = Path(request.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{request.folder}: not a folder; name a folder to set up")
    name = request.name or folder.resolve().name or "My organisation"
    files = files_for(request, name)
    existing = sorted(p for p in files if (folder / p).exists())
    if existing:
        shown = ", ".join(existing)
        raise UsageError(
            f"{request.folder}: already has {shown}; init never overwrites: remove them "
            "or choose another folder"
        )
    for relative, content in files.items():
        _create(folder / relative, content)
    written = "\n".join(f"  {p}" for p in files if not p.endswith(KEEP))
    return text(
        f"Set up {request.folder} for {name}:\n{written}\n  vendors/, snapshots/\n"
        "Next: add a vendor profile under vendors/ (`vendorgate schema vendor` describes it), "
        "then run `vendorgate check`.\n",
        EXIT_OK,
    )


def _create(path: Path, content: str) -> None:
    """A new file, created exclusively (never replacing one that appeared meanwhile), with
    the permissions the umask gives."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
