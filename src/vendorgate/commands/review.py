"""``vendorgate review PROFILE``: the suggestions of a profile nobody has reviewed, with their
quotes in context; ``--accept`` removes the mark of the facts a person has checked."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text
from vendorgate.core.render import RenderOptions
from vendorgate.load.paths import profile_file

KIND = "review"


@dataclass(frozen=True)
class ReviewRequest:
    """What ``review`` was asked, parsed."""

    profile: str
    """The vendor profile."""
    accept: tuple[str, ...] = ()
    """Facts (``FACT`` or ``PLAN:FACT``) whose ``unreviewed: true`` to remove; none: only show."""
    fmt: str = "text"
    """A format of the registry's ``review`` kind."""
    width: int = 100
    """Width of the text format."""


def execute(request: ReviewRequest) -> Outcome:
    from vendorgate.evidence import review
    from vendorgate.report import render_view

    path = profile_file(request.profile)
    result = review.accept(path, request.accept) if request.accept else review.review(path)
    rendered = render_view(KIND, request.fmt, result, RenderOptions(width=request.width))
    return text(rendered, exits.review(result))
