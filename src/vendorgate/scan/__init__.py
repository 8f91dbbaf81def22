"""The clause scanner: a document cut into sentences with offsets, detectors that suggest a
fact's value with a verbatim quote, and the scanner that runs them."""
