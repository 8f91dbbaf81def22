"""Onboarding a vendor (``vendorgate new``): a first, complete vendor profile from a vendor's
documents, ready for review.

Each document (a file, or an ``https://`` URL fetched within the limits ``watch`` uses) is
copied byte for byte to ``snapshots/<lineage>/<type>/<date>.md`` and pinned by sha256; its
title and effective date are read from the text. The profile states every fact of the
vocabulary: a fact the scanner found passages for takes the scanner's value with the verbatim
passages as evidence, a note saying it is a suggestion to review and ``unreviewed: true``,
which makes it read as ``undisclosed`` until a person removes the mark; every other fact is
``undisclosed``. ``--from`` carries the facts of a reviewed profile over, keeping each quote
that the new documents still hold; a fact none of whose quotes survive (or that had none)
becomes ``undisclosed`` with a note naming the old value. When the folder holds another dated
version of the same lineage, both files get ``lineage`` and an ``in_force`` chain that meets
without a gap.

The sentences the learned clause finder points at (passages worded like those of a fact, with
no value suggested) are written as YAML comments under their fact, never as a value or a
quote, so the reviewer reads them and the profile states exactly what it would without them.
Facts carried over with ``--from`` get none: a person has already read for those.

Nothing is overwritten: each new file is written whole beside its name and given that name
only if it is free (a hard link; an exclusive create where the file system has none); a
neighbour's edit is renamed over it only while it holds the bytes the edit was made from. The
profile is loaded and its quotes verified before it is put in place.

One module per concern: ``run`` (the steps in order, and the summary), ``inputs`` (the checks
of what was asked), ``documents`` (obtaining each document and describing it), ``reading``
(title, type and effective date read from a text), ``facts`` (scanner suggestions, pointers,
``--from``), ``lineage`` (neighbours and the ``in_force`` chain), ``profile`` (the profile's
YAML text), ``yamltext`` (scalars and comments any text can be written as) and ``placement``
(checks of where files go, staging, putting them in place, undoing a failed run).
"""
