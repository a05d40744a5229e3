"""Machine-readable forms of publications: clean BibTeX, CSL-JSON, Google Scholar meta tags and JSON-LD.

Every function here is pure: it takes :class:`~labbook.model.publication.Publication` records (or their raw
BibTeX entries) and returns strings or plain data, so pages, downloads and tests can all use them.
"""
