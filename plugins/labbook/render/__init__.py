"""Turning the catalog into HTML: the Jinja environment, page views and generated pages."""
