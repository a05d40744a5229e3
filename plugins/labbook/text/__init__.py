"""Leaf helpers on text: Markdown-inert HTML, control characters."""
