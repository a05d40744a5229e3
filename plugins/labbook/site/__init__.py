"""The site plan: which pages and files labbook adds (one registry of page planners), feeds and the calendar,
static assets, the build's one clock, and the cache that parses once per change."""
