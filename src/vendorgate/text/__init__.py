"""Text of vendors' documents: the one strict file reader, the normalisation quotes are
compared under, numbered sections, passages, and HTML to text."""
