"""Typed records of a lab: publications, people, talks, openings, news, projects, courses and notes."""
