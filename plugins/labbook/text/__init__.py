"""Leaf helpers on text: TeX to Unicode and HTML, Markdown in data, the URL allowlist, slugs."""
