"""The MkDocs (and ProperDocs) wing: the plugin, its config schema, reading mkdocs.yml for `labbook check`, and
serve-time reuse. The only code that imports mkdocs."""
