"""Running a policy in regopy (Microsoft's rego-cpp), in this process or in a bounded child.

regopy has no way to interrupt an evaluation (no deadline, no cancellation) and a crash inside
rego-cpp takes its process down. So the CLI never runs users' Rego in its own process:
:func:`evaluate_isolated` starts ``python -m vendorgate.rego.worker``, hands it the policy and
the inputs on stdin, and kills it when the time limit passes (the child also caps its own
memory). :class:`Evaluator` is the in-process engine the worker uses; tests use it directly on
compiled YAML rules, whose evaluation always terminates.

Errors come back located: compile errors carry rego-cpp's byte offset, turned into
``file:row:col``; runtime errors name the rule that raised them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vendorgate.core.errors import InputError, MissingExtraError, Problem, VendorgateError
from vendorgate.rego.compile import DECISION_PATH, Policy

DEFAULT_TIMEOUT = 60.0
"""Seconds a whole Rego evaluation may take before it is stopped."""
MEMORY_LIMIT = 2 * 1024**3
"""Resident bytes the worker may use; a runaway comprehension is stopped there."""


class RegoEvaluationError(VendorgateError):
    """The policy could not be evaluated: a located error in a module, or an engine failure."""

    def __init__(self, message: str, module: str = "", offset: int | None = None) -> None:
        self.message = message
        self.module = module
        self.offset = offset
        super().__init__(message)


_QUIET: list[bool] = []


def require_regopy() -> Any:
    """The regopy module, or a clear error naming the extra to install."""
    try:
        import regopy
    except ImportError as exc:
        raise MissingExtraError("the Rego engine", "rego", "regopy") from exc
    if not _QUIET:
        # Once per process: rego-cpp aborts when the default log level is set a second time.
        # Silent, because errors are reported through vendorgate's own messages.
        regopy.set_default_log_level("None")
        _QUIET.append(True)
    return regopy


# ---------------------------------------------------------------- errors from rego-cpp

_ERROR = re.compile(r"\(error (\d+):")
_MESSAGE = re.compile(r"\(errormsg (\d+):")


def _sized(text: str, start: int, size: int) -> str:
    return text[start : start + size]


def parse_compile_error(text: str) -> tuple[str, str, int | None]:
    """(message, module name, byte offset) from a rego-cpp error sequence."""
    found = _ERROR.search(text)
    module = ""
    offset: int | None = None
    if found:
        module = _sized(text, found.end(), int(found.group(1)))
        rest = text[found.end() + len(module) :]
        where = re.match(r"\|(\d+)\|(\d+)", rest)
        if where:
            offset = int(where.group(1))
    msg = _MESSAGE.search(text)
    message = _sized(text, msg.end(), int(msg.group(1))) if msg else text.strip()
    return message, module, offset


def output_error(output: Any) -> str:
    """The messages of an error output (rego-cpp's node tree has no positions at run time)."""
    from regopy.rego_shared import NodeKind, rego_node_get, rego_node_size, rego_node_value

    messages: list[str] = []

    def walk(impl: Any) -> None:
        from regopy.rego_shared import rego_node_type

        kind = rego_node_type(impl)
        if kind in (NodeKind.ErrorMessage, NodeKind.ErrorCode):
            messages.append(rego_node_value(impl))
            return
        for i in range(rego_node_size(impl)):
            walk(rego_node_get(impl, i))

    walk(output.node()._impl)
    pairs = [f"{m} ({c})" for m, c in zip(messages[::2], messages[1::2], strict=False)]
    return "; ".join(pairs) or str(output)


# ---------------------------------------------------------------- in-process evaluation


class Evaluator:
    """A compiled policy in one regopy interpreter; :meth:`decide` runs the decision."""

    def __init__(
        self,
        policy_modules: Sequence[tuple[str, str]],
        data: Any,
        extra_entrypoints: Sequence[str] = (),
        heads: Sequence[tuple[str, int]] = (),
    ) -> None:
        """``heads``: (module path, first added row) of each user's module, checked once
        compiled (:func:`check_heads`)."""
        regopy = require_regopy()
        self._regopy = regopy
        self._build = regopy.Interpreter()
        self._build.strict_built_in_errors = True
        try:
            for path, text in policy_modules:
                self._build.add_module(path, text)
            # JSON text, not Python objects: regopy's object conversion stores strings
            # unescaped, so a quote inside a value would corrupt comparisons and output.
            self._build.add_data_json(_json(data))
            # Each user's package whole, so that every rule of it is in the plan to check.
            packages = sorted({path.rsplit("/", 1)[0] for path, _ in heads})
            self.bundle = self._build.build(None, [DECISION_PATH, *extra_entrypoints, *packages])
        except regopy.RegoError as exc:
            message, module, offset = parse_compile_error(str(exc))
            raise RegoEvaluationError(message, module, offset) from exc
        if heads:
            check_heads(self._plan(), dict(policy_modules), heads)
        self._run = regopy.Interpreter()
        self._run.strict_built_in_errors = True

    def _plan(self) -> Any:
        """The compiled plan (rego-cpp's intermediate representation) of the bundle."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="vendorgate-plan-") as folder:
            self._build.save_bundle(folder, self.bundle, self._regopy.BundleFormat.JSON)
            with open(os.path.join(folder, "plan.json"), encoding="utf-8") as handle:
                return json.load(handle)

    def query(self, entrypoint: str, document: Any) -> Any:
        """The value of an entrypoint for an input; raises when it errors or is undefined."""
        self._run.set_input_term(_json(document))
        try:
            output = self._run.query_bundle_entrypoint(self.bundle, entrypoint)
        except json.JSONDecodeError as exc:
            raise RegoEvaluationError(f"rego-cpp returned output that is not JSON ({exc})") from exc
        if not output.ok():
            raise RegoEvaluationError(output_error(output))
        if not output.results or not output.results[0].expressions:
            raise RegoEvaluationError(f"`{entrypoint}` is undefined for this input")
        return output.results[0].expressions[0]

    def decide(self, document: Any) -> Any:
        return self.query(DECISION_PATH, document)


def check_heads(plan: Any, texts: dict[str, str], heads: Sequence[tuple[str, int]]) -> None:
    """Refuse a user's module whose compiled ``deny`` or ``warn`` has a definition before the
    lines vendorgate added to it: a head that ``packs`` did not find (so did not rename and
    does not evaluate as a rule) but Rego compiled. This is the compile-based check of the
    text scan; raises a :class:`RegoEvaluationError` located at the first such row."""
    files = [entry.get("value", "") for entry in plan.get("static", {}).get("files", [])]
    for path, added_from in heads:
        package = path.rsplit("/", 1)[0].split("/")
        names = {f"g0.data.{'.'.join(package)}.{kind}" for kind in ("deny", "warn")}
        rows: set[int] = set()
        for func in plan.get("funcs", {}).get("funcs", []):
            if func.get("name") in names:
                # rego-cpp names a module's file by its last component
                _rows(func, files, (path, path.rsplit("/", 1)[1]), rows)
        if not rows:
            # The lines vendorgate added are always compiled into `deny` / `warn`: a plan that
            # does not show them cannot vouch for the module either.
            raise RegoEvaluationError(
                "the compiled policy does not show this module's `deny` / `warn` rules, so "
                "vendorgate cannot check that it found every rule head",
                path,
                0,
            )
        early = sorted(row for row in rows if row + 1 < added_from)
        if early:
            line = early[0]  # 0-based in the plan
            offset = len("".join(texts[path].splitlines(True)[:line]).encode("utf-8"))
            raise RegoEvaluationError(
                "Rego compiles a `deny` / `warn` rule here that vendorgate did not find as a "
                "rule head; write each one as `deny contains msg if { ... }` at the start of "
                "a line, outside strings and comments",
                path,
                offset,
            )


def _rows(node: Any, files: list[str], name: tuple[str, str], out: set[int]) -> None:
    """The rows of every statement of ``node`` that lies in the file named one of ``name``."""
    if isinstance(node, dict):
        where = node.get("file")
        if isinstance(where, int) and 0 <= where < len(files) and files[where] in name:
            row = node.get("row")
            if isinstance(row, int):
                out.add(row)
        for value in node.values():
            _rows(value, files, name, out)
    elif isinstance(node, list):
        for value in node:
            _rows(value, files, name, out)


def _json(value: Any) -> str:
    # Not ASCII-escaped: rego-cpp keeps strings in their JSON spelling, so \\u escapes would
    # change what count() and substring() see.
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def evaluate_in_process(policy: Policy, documents: Sequence[Any]) -> list[Any]:
    """Decisions for each input, in this process (for policies known to terminate)."""
    evaluator = Evaluator(
        [(m.path, m.text) for m in policy.modules],
        policy.data,
        heads=[(m.path, m.added_from) for m in policy.modules if m.added_from],
    )
    return [evaluator.decide(doc) for doc in documents]


# ---------------------------------------------------------------- bounded evaluation


@dataclass(frozen=True)
class Probe:
    """A rule written by a user, queried on its own to find which one raised an error."""

    entrypoint: str
    """``vendorgate/packs/ai/vendorgate_rule``."""
    module: str
    """The module's path in the policy."""
    offset: int
    """Byte offset of the rule's head in the module."""


def evaluate_isolated(
    policy: Policy,
    documents: Sequence[Any],
    timeout: float = DEFAULT_TIMEOUT,
    probes: Sequence[Probe] = (),
) -> list[Any]:
    """Decisions for each input, computed by a child process that is killed after ``timeout``.

    Raises :class:`RegoEvaluationError` (located when possible) when the policy does not
    compile, raises an error, or does not finish in time."""
    require_regopy()
    request = {
        "modules": [[m.path, m.text] for m in policy.modules],
        "heads": [[m.path, m.added_from] for m in policy.modules if m.added_from],
        "data": policy.data,
        "inputs": list(documents),
        "probes": [[p.entrypoint, p.module, p.offset] for p in probes],
    }
    out, err, code = _run_bounded(
        [sys.executable, "-m", "vendorgate.rego.worker"], json.dumps(request), timeout
    )
    if code != 0:
        tail = err.strip().splitlines()[-1:] or ["no output"]
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        raise RegoEvaluationError(f"the Rego engine {how} (a crash in rego-cpp?): {tail[0]}")
    try:
        reply = json.loads(out)
    except json.JSONDecodeError as exc:
        raise RegoEvaluationError(
            f"the Rego engine answered with something else than JSON ({exc})"
        ) from exc
    if "error" in reply:
        error = reply["error"]
        raise RegoEvaluationError(error["message"], error.get("module", ""), error.get("offset"))
    results: list[Any] = reply["results"]
    return results


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 when /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return 0
    return 0


def _run_bounded(command: list[str], request: str, timeout: float) -> tuple[str, str, int]:
    """Run the worker, killing it when it overruns ``timeout`` or :data:`MEMORY_LIMIT`."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    answer: dict[str, str] = {}

    def talk() -> None:
        answer["out"], answer["err"] = process.communicate(request)

    talker = threading.Thread(target=talk, daemon=True)
    talker.start()
    deadline = time.monotonic() + timeout
    while talker.is_alive():
        talker.join(0.02)
        if not talker.is_alive():
            break
        if time.monotonic() > deadline:
            _stop(process, talker)
            raise RegoEvaluationError(
                f"the Rego policy did not finish within {timeout:g} s and was stopped "
                "(an unbounded comprehension or a very large range?)"
            )
        if _rss(process.pid) > MEMORY_LIMIT:
            _stop(process, talker)
            raise RegoEvaluationError(
                f"the Rego policy used more than {MEMORY_LIMIT // 1024**2} MiB and was stopped "
                "(an unbounded comprehension or a very large range?)"
            )
    return answer.get("out", ""), answer.get("err", ""), process.returncode


def _stop(process: subprocess.Popen[str], talker: threading.Thread) -> None:
    process.kill()
    talker.join(5)


def locate(error: RegoEvaluationError, policy: Policy) -> InputError | RegoEvaluationError:
    """An InputError naming ``file:row:col`` when the error lies in a user's module."""
    module = next((m for m in policy.modules if m.path == error.module), None)
    if module is None or not module.source:
        return error
    line, column = 1, 1
    if error.offset is not None:
        before = module.text.encode("utf-8")[: error.offset].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        column -= sum(delta for row, delta in module.shifts if row == line and column > delta)
    return InputError(Problem(f"Rego: {error.message}", module.source, line, column))
