"""Coverage-guided fuzzing of the loader, schema validation and profile building with atheris.

Any exception other than vendorgate's InputError is a bug: the harness lets it propagate so
atheris reports the crashing input.

    .venv/bin/python tests/fuzz/fuzz_load.py -atheris_runs=20000 tests/fuzz/corpus
    .venv/bin/python tests/fuzz/fuzz_load.py -max_total_time=60      # one minute

`make fuzz` runs a short session; CI runs `tests/test_fuzz.py`, which runs a bounded one.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from vendorgate.core.errors import InputError
    from vendorgate.load.profiles import build_org, build_vendor
    from vendorgate.load.rules import build_pack
    from vendorgate.load.validate import validate
    from vendorgate.load.yaml import load_bytes


def one_input(data: bytes) -> None:
    from pathlib import Path

    try:
        doc = load_bytes(data, "fuzz.yaml")
        kind = validate(doc)
        if kind == "vendor":
            build_vendor(doc)
        elif kind == "rules":
            build_pack(doc, Path("fuzz.yaml"))
        elif kind == "org":
            build_org(doc, Path("."))
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
