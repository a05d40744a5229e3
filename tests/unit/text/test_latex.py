"""Tests for labbook.text.latex: TeX in BibTeX field values -> HTML fragments and plain text."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from pybtex.database.input.bibtex import LowLevelParser

from labbook.text import latex
from labbook.text.latex import latex_to_html, latex_to_text, strip_tex_for_sort
from labbook.text.latex_mathml import tex_to_mathml
from tests.conftest import shared_data

NBSP = "\u00a0"


def m(tex: str, display: bool = False) -> str:
    """What latex_to_html must produce for already HTML-escaped TeX: MathML (tests/unit/text/test_latex_mathml.py
    checks it) or, for a formula latex2mathml cannot convert, the arithmatex span MathJax typesets."""
    mathml = tex_to_mathml(html.unescape(tex), display)
    if mathml is not None:
        return mathml
    opening, closing = ("\\[", "\\]") if display else ("\\(", "\\)")
    return f'<span class="arithmatex">{opening}{tex}{closing}</span>'


# (TeX input, expected latex_to_html, expected latex_to_text). Most inputs are copied verbatim from
# the two real corpus files; the rest cover the documented requirements one by one.
CASES: list[tuple[str, str, str]] = [
    # --- dealii_publications-2019.bib ---
    (
        r"Mustafa A\u{g}g\"{u}l and Songul Kaya",
        "Mustafa Ağgül and Songul Kaya",
        "Mustafa Ağgül and Songul Kaya",
    ),
    (
        r"Computers {\&} Mathematics with Applications",
        "Computers &amp; Mathematics with Applications",
        "Computers & Mathematics with Applications",
    ),
    (
        r"Computers \& Mathematics with Applications",
        "Computers &amp; Mathematics with Applications",
        "Computers & Mathematics with Applications",
    ),
    (r"Tom{\'{a}}s Alarc{\'{o}}n", "Tomás Alarcón", "Tomás Alarcón"),
    (r"Francisco Jos{\'{e}} Gaspar", "Francisco José Gaspar", "Francisco José Gaspar"),
    (r"Brun, Mats Kirkes{\ae}ther", "Brun, Mats Kirkesæther", "Brun, Mats Kirkesæther"),
    (
        r"Amanda Carre{\~{n}}o and Gumersindo Verd{\'{u}}",
        "Amanda Carreño and Gumersindo Verdú",
        "Amanda Carreño and Gumersindo Verdú",
    ),
    (r"A. Vidal-Ferr{\`{a}}ndiz", "A. Vidal-Ferràndiz", "A. Vidal-Ferràndiz"),
    (
        r"Castelli, G. F. and D{\"o}rfler, W.",
        "Castelli, G. F. and Dörfler, W.",
        "Castelli, G. F. and Dörfler, W.",
    ),
    (
        r"An Efficient Matrix-Free Finite Element Solver for the {Cahn--Hiliard} Equation",
        "An Efficient Matrix-Free Finite Element Solver for the Cahn–Hiliard Equation",
        "An Efficient Matrix-Free Finite Element Solver for the Cahn–Hiliard Equation",
    ),
    (
        r"A direct mixed--enriched Galerkin method",
        "A direct mixed–enriched Galerkin method",
        "A direct mixed–enriched Galerkin method",
    ),
    (
        r"A {P}arallel {G}eometric {M}ultigrid {M}ethod for {A}daptive {F}inite {E}lements",
        "A Parallel Geometric Multigrid Method for Adaptive Finite Elements",
        "A Parallel Geometric Multigrid Method for Adaptive Finite Elements",
    ),
    (
        r"{Aborted propagation of the Ethiopian rift caused by linkage with the Kenyan rift}",
        "Aborted propagation of the Ethiopian rift caused by linkage with the Kenyan rift",
        "Aborted propagation of the Ethiopian rift caused by linkage with the Kenyan rift",
    ),
    (r"St{\'{e}}phane Scaillet", "Stéphane Scaillet", "Stéphane Scaillet"),
    (
        r"G. Deolmi and S. M\"{u}ller and W. Schr\"{o}der",
        "G. Deolmi and S. Müller and W. Schröder",
        "G. Deolmi and S. Müller and W. Schröder",
    ),
    (
        r"C.J. van Duijn and Andro Mikeli{\'{c}}",
        "C.J. van Duijn and Andro Mikelić",
        "C.J. van Duijn and Andro Mikelić",
    ),
    (
        r"V. P. Koshelets and F.~V. Kusmartsev",
        f"V. P. Koshelets and F.{NBSP}V. Kusmartsev",
        f"V. P. Koshelets and F.{NBSP}V. Kusmartsev",
    ),
    (
        r"Ismael Gonz{\'{a}}lez-Valverde and Jos{\'{e}} Manuel Garc{\'{i}}a-Aznar",
        "Ismael González-Valverde and José Manuel García-Aznar",
        "Ismael González-Valverde and José Manuel García-Aznar",
    ),
    (r"Andreas Kerga{\ss}ner", "Andreas Kergaßner", "Andreas Kergaßner"),
    (r"Lars H. Ods{\ae}ter", "Lars H. Odsæter", "Lars H. Odsæter"),
    (
        r"Manuel Antonio Borregales Rever\'on",
        "Manuel Antonio Borregales Reverón",
        "Manuel Antonio Borregales Reverón",
    ),
    (
        r"E. {\c{S}}eng\"{u}l-Uluocak and O. H. G\"{o}{\u{g}}\"{u}{\c{s}}",
        "E. Şengül-Uluocak and O. H. Göğüş",
        "E. Şengül-Uluocak and O. H. Göğüş",
    ),
    (
        r"Formula{\c{c}}{\~{a}}o H{\'{i}}brida de Elementos Finitos",
        "Formulação Híbrida de Elementos Finitos",
        "Formulação Híbrida de Elementos Finitos",
    ),
    (r"Mec{\'{a}}nica Computacional", "Mecánica Computacional", "Mecánica Computacional"),
    (
        r"The \texttt{deal.II} Library, Version 9.1",
        "The <code>deal.II</code> Library, Version 9.1",
        "The deal.II Library, Version 9.1",
    ),
    (
        r"deal.{II} Implementation of a Weak Galerkin Finite Element Solver",
        "deal.II Implementation of a Weak Galerkin Finite Element Solver",
        "deal.II Implementation of a Weak Galerkin Finite Element Solver",
    ),
    (
        r"{FETI}-{DP} Solvers and Deal.{II} for Problems",
        "FETI-DP Solvers and Deal.II for Problems",
        "FETI-DP Solvers and Deal.II for Problems",
    ),
    (
        r"Effect of $60^\circ$ dislocation on transformation stresses",
        "Effect of " + m(r"60^\circ") + " dislocation on transformation stresses",
        r"Effect of $60^\circ$ dislocation on transformation stresses",
    ),
    (
        r"the Laplace--Beltrami Operator on Parametric $C^2$ Surfaces",
        f"the Laplace–Beltrami Operator on Parametric {m('C^2')} Surfaces",
        "the Laplace–Beltrami Operator on Parametric $C^2$ Surfaces",
    ),
    (
        r"Compute the Dominant $\lambda$-Modes",
        "Compute the Dominant " + m(r"\lambda") + "-Modes",
        r"Compute the Dominant $\lambda$-Modes",
    ),
    (r"behavior of {VHB} $4905^{TM}$", f"behavior of VHB {m('4905^{TM}')}", "behavior of VHB $4905^{TM}$"),
    (
        r"Regularity and $hp$ discontinuous {G}alerkin",
        f"Regularity and {m('hp')} discontinuous Galerkin",
        "Regularity and $hp$ discontinuous Galerkin",
    ),
    (
        r"Using $p$-Refinement to Increase",
        f"Using {m('p')}-Refinement to Increase",
        "Using $p$-Refinement to Increase",
    ),
    (
        r"{GEM} -- International Journal on Geomathematics",
        "GEM – International Journal on Geomathematics",
        "GEM – International Journal on Geomathematics",
    ),
    (
        r"Streuprobleme f{\"u}r lokal gest{\"o}rte periodische Medien",
        "Streuprobleme für lokal gestörte periodische Medien",
        "Streuprobleme für lokal gestörte periodische Medien",
    ),
    (
        r"Modellierung der Gef\"{u}ge-Eigenschafts-Korrelation",
        "Modellierung der Gefüge-Eigenschafts-Korrelation",
        "Modellierung der Gefüge-Eigenschafts-Korrelation",
    ),
    (
        r"Splitting Scheme for {Biot}'s Equations",
        "Splitting Scheme for Biot&#39;s Equations",
        "Splitting Scheme for Biot's Equations",
    ),
    (r"Mesoporous {TiO}2 Films", "Mesoporous TiO2 Films", "Mesoporous TiO2 Films"),
    (r"Rocky \& Icy Worlds", "Rocky &amp; Icy Worlds", "Rocky & Icy Worlds"),
    # --- lengerichlab_papers.bib ---
    (
        r"Proceedings of the 27th ACM SIGKDD International Conference on Knowledge Discovery \& Data Mining",
        "Proceedings of the 27th ACM SIGKDD International Conference on "
        "Knowledge Discovery &amp; Data Mining",
        "Proceedings of the 27th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining",
    ),
    (
        r"{{Proceedings of the Twenty Fifth International Conference (AISTATS)}}",
        "Proceedings of the Twenty Fifth International Conference (AISTATS)",
        "Proceedings of the Twenty Fifth International Conference (AISTATS)",
    ),
    (
        r"Given $N$ variables, there are ${N \choose k}$ possible sets of $k$ variables",
        f"Given {m('N')} variables, there are "
        + m(r"{N \choose k}")
        + f" possible sets of {m('k')} variables",
        r"Given $N$ variables, there are ${N \choose k}$ possible sets of $k$ variables",
    ),
    (
        r"($N$ univariate effects, $\mathcal{O}(N^2)$ pairwise interactions",
        f"({m('N')} univariate effects, " + m(r"\mathcal{O}(N^2)") + " pairwise interactions",
        r"($N$ univariate effects, $\mathcal{O}(N^2)$ pairwise interactions",
    ),
    (
        "singleton, term births (>=37 weeks’ gestation)",
        "singleton, term births (&gt;=37 weeks’ gestation)",
        "singleton, term births (>=37 weeks’ gestation)",
    ),
    # --- requirements, one by one ---
    (r"Schr\"odinger equation", "Schrödinger equation", "Schrödinger equation"),
    (r"$k$-means clustering", f"{m('k')}-means clustering", "$k$-means clustering"),
    (r"{DNA} of {B}ayesian", "DNA of Bayesian", "DNA of Bayesian"),
    (r"{{Title}}", "Title", "Title"),
    (r"\'e \'{e} {\'e} {\"o} \"{o} \^o \`a \~n", "é é é ö ö ô à ñ", "é é é ö ö ô à ñ"),
    (r"\c{c} \c c \v{s} \u{a} \H{o} \k{a} \r{a} \.{z} \=a", "ç ç š ă ő ą å ż ā", "ç ç š ă ő ą å ż ā"),
    (r"\aa{} \AA{} \o{} \O{} \ss{} \ae{} \l{} \L{}", "å Å ø Ø ß æ ł Ł", "å Å ø Ø ß æ ł Ł"),
    (r"\i{} \j{} {\i} \'{\i}ndice \"\i", "ı ȷ ı índice ï", "ı ȷ ı índice ï"),
    (r"{\aa}ngstr{\"o}m in \AA{}rhus, Stra\ss e", "ångström in Århus, Straße", "ångström in Århus, Straße"),
    (r"50\% off \_ \$5 \#1 \{x\}", "50% off _ $5 #1 {x}", "50% off _ $5 #1 {x}"),
    ("``Quoted'' --- really", "“Quoted” — really", "“Quoted” — really"),
    (r"Wait\ldots{} and \dots\textendash\textemdash", "Wait… and …–—", "Wait… and …–—"),
    (
        r"\emph{Drosophila} {\em in vivo} {\it in vitro} \textit{x}",
        "<em>Drosophila</em> <em>in vivo</em> <em>in vitro</em> <em>x</em>",
        "Drosophila in vivo in vitro x",
    ),
    (r"\textbf{Bold} and {\bf bold}", "<strong>Bold</strong> and <strong>bold</strong>", "Bold and bold"),
    (
        r"\textbf{a \emph{b} c} {\em d \bf e} f",
        "<strong>a <em>b</em> c</strong> <em>d <strong>e</strong></em> f",
        "a b c d e f",
    ),
    (
        r"H\textsubscript{2}O, 1\textsuperscript{st}, \textsc{Small} \mbox{M} \textrm{R} \text{T}",
        "H<sub>2</sub>O, 1<sup>st</sup>, Small M R T",
        "H2O, 1st, Small M R T",
    ),
    (
        r"see \url{https://example.org/~user/a\_b}",
        "see https://example.org/~user/a_b",
        "see https://example.org/~user/a_b",
    ),
    (
        r"\href{https://example.org/a?b=1&c=2}{the site}",
        '<a href="https://example.org/a?b=1&amp;c=2">the site</a>',
        "the site",
    ),
    (r"\href{mailto:lab@example.org}{mail}", '<a href="mailto:lab@example.org">mail</a>', "mail"),
    (r"\href{javascript:alert(1)}{click}", "click", "click"),
    (r"\LaTeX{} and \TeX\ tricks", "LaTeX and TeX tricks", "LaTeX and TeX tricks"),
    (r"first\\second", "first second", "first second"),
    (r"\noopsort{1999}{Smith}, J.", "Smith, J.", "Smith, J."),
    (
        r"\(x^2\) and \[\int f\] and $$E = mc^2$$",
        f"{m('x^2')} and " + m(r"\int f", True) + f" and {m('E = mc^2', True)}",
        r"$x^2$ and $$\int f$$ and $$E = mc^2$$",
    ),
    (r"$a<b$ \& $c > d$", f"{m('a&lt;b')} &amp; {m('c &gt; d')}", "$a<b$ & $c > d$"),
    ("costs \\$5, unclosed $ dollar", "costs $5, unclosed $ dollar", "costs $5, unclosed $ dollar"),
    (r"\foo{kept} \bar dropped", "kept dropped", "kept dropped"),
    ("{unbalanced", "unbalanced", "unbalanced"),
    ("un}balanced}", "unbalanced", "unbalanced"),
    ("trailing backslash \\", "trailing backslash", "trailing backslash"),
    ("a < b & {c}", "a &lt; b &amp; c", "a < b & c"),
    (
        '<script>alert("x")</script>',
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
        '<script>alert("x")</script>',
    ),
    ("&amp; is text", "&amp;amp; is text", "&amp; is text"),
    ("  line one\n   line\ttwo  \n", "line one line two", "line one line two"),
    (r"\textit{\'e}t\'e \'{} \~{}user", "<em>é</em>té ´ ~user", "été ´ ~user"),
    (
        r"The \alpha-helix and \ensuremath{\beta}",
        "The α-helix and " + m(r"\beta"),
        r"The α-helix and $\beta$",
    ),
    (r"C:\textbackslash{}temp", "C:\\temp", "C:\\temp"),  # the one command whose meaning is a backslash
    ("", "", ""),
]


@pytest.mark.parametrize(("tex", "expected", "_text"), CASES)
def test_latex_to_html_table(tex: str, expected: str, _text: str) -> None:
    """latex_to_html turns each real or requirement-driven input into exactly the expected fragment."""
    assert latex_to_html(tex) == expected


@pytest.mark.parametrize(("tex", "_html", "expected"), CASES)
def test_latex_to_text_table(tex: str, _html: str, expected: str) -> None:
    """latex_to_text turns each input into exactly the expected plain Unicode text."""
    assert latex_to_text(tex) == expected


def test_table_is_large_enough() -> None:
    """The case table keeps at least 40 input/output pairs."""
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("tex", "expected"),
    [
        (r"Schr\"{o}dinger", "schrodinger"),
        (r"{\O}rsted and {\L}uk", "orsted and luk"),
        (r"Stra\ss e", "strasse"),
        (r"\noopsort{1973a}{Smith}", "1973asmith"),
        (r"$k$-means", "k-means"),
        (r"{\AE}sir", "aesir"),
        ("Plain Title", "plain title"),
    ],
)
def test_strip_tex_for_sort(tex: str, expected: str) -> None:
    """strip_tex_for_sort gives lowercase accent-free text and keeps the \\noopsort sort key."""
    assert strip_tex_for_sort(tex) == expected


def test_markup_input_is_still_escaped() -> None:
    """A markupsafe.Markup argument is treated as TeX text, so its '<' is escaped like any other."""
    assert latex_to_html(Markup("<b>{x}</b>")) == "&lt;b&gt;x&lt;/b&gt;"


@pytest.mark.parametrize("value", [None, b"caf\\'e", 42])
def test_non_string_input_does_not_raise(value: object) -> None:
    """Values that are not str (None, bytes, numbers) are converted, never an exception."""
    assert isinstance(latex_to_html(value), str)  # type: ignore[arg-type]
    assert isinstance(latex_to_text(value), str)  # type: ignore[arg-type]
    assert isinstance(strip_tex_for_sort(value), str)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "tex",
    [
        "{" * 50_000,
        "}" * 50_000,
        "\\emph{" * 50_000 + "x",
        "\\'{" * 30_000 + "}" * 30_000,
        "\\(" * 50_000,
        "$" * 50_001,
        "\\" * 50_001,
        "{\\em " * 30_000,
        "\\href{http://a}{" * 20_000,
    ],
    ids=["open", "close", "emph", "accent", "paren", "dollars", "backslashes", "switch", "href"],
)
def test_pathological_input_is_fast_and_safe(tex: str) -> None:
    """Deep nesting and long runs of delimiters neither raise (no recursion) nor go quadratic."""
    for mode in (latex._HTML, latex._TEXT, latex._SORT):
        assert isinstance(latex._convert(tex, mode), str)


def test_module_does_not_import_mkdocs() -> None:
    """latex.py stays usable outside a MkDocs build: it imports nothing from mkdocs."""
    tree = ast.parse(Path(latex.__file__).read_text(encoding="utf-8"))
    names = [a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names]
    names += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [n for n in names if n.split(".")[0] == "mkdocs"]


# --- real corpus --------------------------------------------------------------------------------

CORPUS_FILES = ("lengerichlab_papers.bib", "dealii_publications-2019.bib")
DISPLAY_FIELDS = {"title", "author", "journal", "booktitle"}
SPAN = re.compile(r'<span class="arithmatex">\\[(\[].*?\\[)\]]</span>|<math .*?</math>')
TEXT_MATH = re.compile(r"\$\$.*?\$\$|\$.*?\$")


def _corpus_path(name: str) -> Path:
    return shared_data("corpus", name)


def _fields(name: str) -> list[tuple[str, str, str]]:
    """(entry key, field name, value) for every field of every entry, read with pybtex's low-level parser."""
    text = _corpus_path(name).read_text(encoding="utf-8")
    return [
        (key, field.lower(), "".join(parts))
        for _type, (key, fields) in LowLevelParser(text)
        for field, parts in fields
    ]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_display_fields_are_clean(name: str) -> None:
    """Every title/author/journal/booktitle converts without error, with no stray \\ or braces left."""
    fields = [(k, f, v) for k, f, v in _fields(name) if f in DISPLAY_FIELDS]
    assert len(fields) > 50
    for key, field, value in fields:
        outside_math = SPAN.sub("", latex_to_html(value))
        assert not re.search(r"[\\{}]", outside_math), (key, field, value, outside_math)
        text_outside_math = TEXT_MATH.sub("", latex_to_text(value))
        assert not re.search(r"[\\{}]", text_outside_math), (key, field, value, text_outside_math)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_every_field_converts(name: str) -> None:
    """Every field of every entry (abstracts with bare %, URLs, DOIs too) converts with the scanner itself."""
    for _key, _field, value in _fields(name):
        for mode in (latex._HTML, latex._TEXT, latex._SORT):
            assert isinstance(latex._convert(value, mode), str)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_html_and_text_agree(name: str) -> None:
    """Stripping our tags from the HTML and unescaping it gives the text output, for fields without math."""
    for key, field, value in _fields(name):
        if field not in DISPLAY_FIELDS or "$" in value:
            continue
        as_text = html.unescape(re.sub(r"<[^>]+>", "", latex_to_html(value)))
        assert as_text == latex_to_text(value), (key, field)


# --- properties ---------------------------------------------------------------------------------

OWN_TAG = re.compile(
    r'</?(?:em|strong|code|sup|sub)>|<a href="[^"<>]*">|</a>|<span class="arithmatex">|</span>'
    r'|</?(?:math|semantics|annotation|m[a-z]+)(?: [a-z-]+="[^"<>]*")*>'
)
TEX_PIECES = [
    "\\", "{", "}", "$", "$$", "\\$", "\\(", "\\)", "\\[", "\\]", "~", "-", "--", "`", "'", "\\'", '\\"',
    "\\~",
    "\\c", "\\c ", "\\emph", "\\em ", "\\bf", "\\textbf", "\\textsuperscript", "\\texttt", "\\href", "\\url",
    "\\noopsort", "\\ensuremath", "\\i", "\\o", "\\foo", "\\&", "\\\\", "\\{", "<", ">", "&", '"', "a", "é",
    " ", "\n", "x", "http://a.b", "javascript:x", "mailto:", "%",
]  # fmt: skip
tex_soup = st.lists(st.sampled_from(TEX_PIECES), max_size=40).map("".join)


def _assert_only_own_tags(fragment: str) -> None:
    """No '<' or '>' except our own tags, and those tags nest properly."""
    assert "<" not in OWN_TAG.sub("", fragment) and ">" not in OWN_TAG.sub("", fragment), fragment
    open_tags: list[str] = []
    for tag in OWN_TAG.findall(fragment):
        name = re.match(r"</?(\w+)", tag).group(1)  # type: ignore[union-attr]
        if tag.startswith("</"):
            assert open_tags and open_tags.pop() == name, fragment
        else:
            open_tags.append(name)
    assert not open_tags, fragment


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_text_never_raises_and_html_has_only_own_tags(text: str) -> None:
    """Arbitrary Unicode never makes the scanner raise, and the HTML holds no '<' but our own tags."""
    for mode in (latex._HTML, latex._TEXT, latex._SORT):
        assert isinstance(latex._convert(text, mode), str)
    _assert_only_own_tags(latex_to_html(text))
    assert isinstance(latex_to_text(text), str)
    assert isinstance(strip_tex_for_sort(text), str)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(tex_soup)
def test_tex_soup_never_raises_and_html_is_safe(text: str) -> None:
    """Random mixes of TeX syntax never raise; HTML has only our (well-nested) tags and no \\ outside math."""
    for mode in (latex._HTML, latex._TEXT, latex._SORT):
        assert isinstance(latex._convert(text, mode), str)
    fragment = latex_to_html(text)
    _assert_only_own_tags(fragment)
    assert "\\" not in SPAN.sub("", fragment), (text, fragment)
    for href in re.findall(r'<a href="([^"]*)">', fragment):
        assert href.lower().startswith(("http://", "https://", "mailto:")), fragment


@given(st.text(alphabet=st.characters(blacklist_characters="\\{}$~`'-"), max_size=200))
def test_fast_path_matches_escaped_input(text: str) -> None:
    """Text without TeX characters comes back escaped once with whitespace collapsed, and nothing else."""
    collapsed = re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
    assert latex_to_text(text) == collapsed
    assert html.unescape(latex_to_html(text)) == collapsed
