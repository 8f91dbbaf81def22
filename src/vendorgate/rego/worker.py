"""The child process that evaluates a policy for :func:`vendorgate.rego.runtime.evaluate_isolated`.

Reads one JSON request on stdin (modules, data, inputs, probes), writes one JSON reply on
stdout: ``{"results": [...]}`` or ``{"error": {"message", "module", "offset"}}``. The parent
watches its time and memory (rego-cpp's allocator reserves a huge address space up front, so an
rlimit on it cannot be used).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def _blame(evaluator: Any, probes: list[list[Any]], document: Any) -> dict[str, Any] | None:
    """The first user rule that raises the error on its own, if any."""
    from vendorgate.rego.runtime import RegoEvaluationError

    for entrypoint, module, offset in probes:
        try:
            evaluator.query(entrypoint, document)
        except RegoEvaluationError as exc:
            if "is undefined" in exc.message:
                continue
            return {"message": exc.message, "module": module, "offset": offset}
    return None


def serve(request: dict[str, Any]) -> dict[str, Any]:
    from vendorgate.rego.runtime import Evaluator, RegoEvaluationError

    probes = request.get("probes", [])
    try:
        evaluator = Evaluator(
            [(path, text) for path, text in request["modules"]],
            request["data"],
            extra_entrypoints=[p[0] for p in probes],
            heads=[(path, row) for path, row in request.get("heads", [])],
        )
    except RegoEvaluationError as exc:
        return {"error": {"message": exc.message, "module": exc.module, "offset": exc.offset}}
    results = []
    for document in request["inputs"]:
        try:
            results.append(evaluator.decide(document))
        except RegoEvaluationError as exc:
            blamed = _blame(evaluator, probes, document)
            return {"error": blamed or {"message": exc.message, "module": "", "offset": None}}
    return {"results": results}


def main() -> None:
    # rego-cpp prints some errors on the process's stdout; keep the reply channel clean by
    # pointing file descriptor 1 at stderr and answering on a copy of the original.
    reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    request = json.loads(sys.stdin.read())
    json.dump(serve(request), reply)
    reply.flush()


if __name__ == "__main__":
    main()
