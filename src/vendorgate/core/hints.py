"""The one "did you mean" hint every error message uses for a misspelt name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean `closest`?)`` for the closest of ``choices``, or "" when none is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return f" (did you mean `{close[0]}`?)" if close else ""
