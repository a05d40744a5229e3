"""Leaf helpers on text: TeX to Unicode and HTML, Markdown in data (and Markdown-inert HTML), the URL allowlist,
control characters, DOIs, slugs and safe file names."""
