"""Use cases over the layers below: the library API (``check``, ``validate``), the check
pipeline that streams a vendor at a time through workers and the cache, ``explain`` and
rule tests."""
