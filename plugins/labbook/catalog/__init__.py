"""The catalog: the Lab (every record, indexes, cross-links, queries) and building it from a site's settings."""
