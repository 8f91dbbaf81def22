"""The domain's words, shared by every layer: frozen model types, user-facing errors with their
exit codes, the fact vocabulary, JSON-ready serialisation, render options, atomic output and
"did you mean" hints. Imports nothing else of vendorgate."""
