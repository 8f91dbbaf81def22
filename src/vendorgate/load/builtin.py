"""The rule packs shipped with vendorgate, wherever it is installed.

In a wheel they are the package folder ``vendorgate/packs/`` (setup.py maps the repository's
``rules/`` there); in a source checkout, the editable install included, they are that ``rules/``
folder itself, so a rule's path in a report is the file its author edits.

An organisation profile refers to them as ``rules_paths: ["builtin:"]`` (quoted: a colon ends
a plain YAML word), or by naming ``packs`` without any ``rules_paths``.
"""

from __future__ import annotations

from pathlib import Path

BUILTIN = "builtin:"
"""The ``rules_paths`` entry that stands for the shipped packs."""


def builtin_packs_dir() -> Path:
    """The folder of the shipped rule packs: the installed package's ``packs/``, else the
    ``rules/`` folder of the checkout this module runs from."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "packs"
    if installed.is_dir():
        return installed
    return package.parent.parent / "rules"


def resolve_rules_path(entry: str, base: Path) -> str:
    """One ``rules_paths`` entry of an organisation profile as a path: ``builtin:`` is the
    shipped packs' folder, anything else is relative to the profile's folder ``base``."""
    if entry == BUILTIN:
        return str(builtin_packs_dir())
    return str(base / entry)
