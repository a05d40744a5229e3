"""Well-known venues by their full names, so a badge can say "NeurIPS'23" without an ``abbr`` field."""

from __future__ import annotations

import re

#: (pattern on the venue text, acronym). Checked in order; the first match wins.
KNOWN_VENUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), acronym)
    for pattern, acronym in (
        (r"neural information processing systems|\bneurips\b|\bnips\b", "NeurIPS"),
        (r"international conference on machine learning|\bicml\b", "ICML"),
        (r"international conference on learning representations|\biclr\b", "ICLR"),
        (r"journal of machine learning research|\bjmlr\b", "JMLR"),
        (r"transactions on machine learning research|\btmlr\b", "TMLR"),
        (r"artificial intelligence and statistics|\baistats\b", "AISTATS"),
        (r"uncertainty in artificial intelligence|\buai\b", "UAI"),
        (r"conference on learning theory|\bcolt\b", "COLT"),
        (r"conference on language modeling|\bcolm\b", "COLM"),
        (r"computer vision and pattern recognition|\bcvpr\b", "CVPR"),
        (r"international conference on computer vision|\biccv\b", "ICCV"),
        (r"european conference on computer vision|\beccv\b", "ECCV"),
        (r"association for computational linguistics|\bacl\b", "ACL"),
        (r"empirical methods in natural language processing|\bemnlp\b", "EMNLP"),
        (r"aaai conference on artificial intelligence|\baaai\b", "AAAI"),
        (r"international joint conference on artificial intelligence|\bijcai\b", "IJCAI"),
        (r"knowledge discovery and data mining|\bkdd\b", "KDD"),
        (r"international symposium on information theory|\bisit\b", "ISIT"),
        (r"transactions on information theory", "IEEE T-IT"),
        (r"proceedings of the national academy of sciences|\bpnas\b", "PNAS"),
        (r"^nature$|^nature\b(?! communications| methods)", "Nature"),
        (r"nature communications", "Nat. Commun."),
        (r"^science$", "Science"),
    )
)


def known_acronym(venue_text: str) -> str | None:
    """The acronym of a well-known venue named in ``venue_text``, if any."""
    for pattern, acronym in KNOWN_VENUES:
        if pattern.search(venue_text):
            return acronym
    return None
