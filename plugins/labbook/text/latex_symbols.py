"""What the LaTeX converter (:mod:`labbook.text.latex`) turns TeX commands into: accents, letters, symbols,
Greek, font commands and punctuation ligatures."""

from __future__ import annotations

from typing import Final

# accent command -> (combining mark, spacing form used when the argument is empty, as in \~{})
ACCENTS: Final[dict[str, tuple[str, str]]] = {
    "'": ("\u0301", "´"), "`": ("\u0300", "`"), "^": ("\u0302", "^"), '"': ("\u0308", "¨"),
    "~": ("\u0303", "~"), "=": ("\u0304", "¯"), ".": ("\u0307", "˙"), "u": ("\u0306", "˘"),
    "v": ("\u030c", "ˇ"), "H": ("\u030b", "˝"), "c": ("\u0327", "¸"), "k": ("\u0328", "˛"),
    "r": ("\u030a", "˚"), "d": ("\u0323", ""), "b": ("\u0331", ""), "t": ("\u0361", ""),
}  # fmt: skip
# Dotless letters carry the accent in TeX, but Unicode only composes with the dotted ones.
UNDOTTED: Final = {"ı": "i", "ȷ": "j"}

LETTERS: Final[dict[str, str]] = {
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
}  # fmt: skip
# Greek letters outside math are rare but real ("The \alpha-helix"); inside math they stay TeX.
GREEK_NAMES: Final = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi "
    "chi psi omega varepsilon varphi vartheta Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
)
GREEK: Final = dict(zip(GREEK_NAMES.split(), "αβγδεζηθικλμνξπρστυφχψωεφϑΓΔΘΛΞΠΣΥΦΨΩ", strict=True))
SYMBOLS: Final[dict[str, str]] = {
    **LETTERS,
    "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
    "textquotesingle": "'", "textquotedbl": '"', "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "textasciitilde": "~", "textasciicircum": "^",
    "textbackslash": "\\", "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_",
    "textdollar": "$", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
    "textregistered": "®", "texttrademark": "™", "pounds": "£", "textsterling": "£", "euro": "€",
    "texteuro": "€", "textdegree": "°", "textperiodcentered": "·", "textbullet": "•", "dag": "†",
    "ddag": "‡", "textdagger": "†", "guillemotleft": "«", "guillemotright": "»", "slash": "/",
    "quad": " ", "qquad": " ", "space": " ", "newline": " ", "par": " ", "LaTeX": "LaTeX",
    "TeX": "TeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "pm": "±", "times": "×", "infty": "∞",
    **GREEK,
}  # fmt: skip
CONTROL_SYMBOLS: Final[dict[str, str]] = {
    "&": "&", "%": "%", "_": "_", "$": "$", "#": "#", "{": "{", "}": "}", "\\": " ", " ": " ",
    "\n": " ", "\t": " ", "\r": " ", ",": "\u202f", ";": " ", ":": " ", ">": " ",
}  # fmt: skip
TAG_ARGS: Final[dict[str, tuple[str, str]]] = {
    "emph": ("<em>", "</em>"), "textit": ("<em>", "</em>"), "textsl": ("<em>", "</em>"),
    "textbf": ("<strong>", "</strong>"), "texttt": ("<code>", "</code>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
}  # fmt: skip
# Font switches last until the end of the enclosing group: {\em x} == \emph{x}.
SWITCHES: Final[dict[str, tuple[str, str]]] = {
    "em": ("<em>", "</em>"), "it": ("<em>", "</em>"), "itshape": ("<em>", "</em>"),
    "sl": ("<em>", "</em>"), "slshape": ("<em>", "</em>"), "bf": ("<strong>", "</strong>"),
    "bfseries": ("<strong>", "</strong>"), "tt": ("<code>", "</code>"), "ttfamily": ("<code>", "</code>"),
}  # fmt: skip
DROP_ARGS: Final = frozenset({"noopsort", "sortnoop", "SortNoop"})
PUNCT: Final = {"-": "-", "--": "–", "---": "—", "``": "“", "''": "”", "`": "‘", "'": "'"}
SORT_FOLD: Final = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ȷ": "j", "đ": "d", "Đ": "D", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ŋ": "ng", "Ŋ": "NG",
})  # fmt: skip
