"""Liquid tags (Jekyll) and shortcodes (Hugo) in Markdown bodies: converted where Markdown has an equivalent,
removed and reported where it has none, so no raw template syntax ever reaches a page.

Images and files the text refers to go through ``Refs`` (copied, or reported missing), and citations through
``Refs.cite``; a converter is made per document, so every note carries that document's path and line.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field

from labbook.importers.report import ImportReport
from labbook.text.safe_urls import check_url


@dataclass
class Refs:
    """What a converter needs from its importer, for one document."""

    path: str
    first_line: int
    report: ImportReport
    asset: Callable[[str], str | None]
    """A referenced file's new URL (copied), or None when it is missing (the callback reports it)."""
    cite: Callable[[str], str | None] = lambda key: None
    """The link of a cited publication or page, or None when the site has no such record."""
    page_link: Callable[[str], str | None] = lambda target: None
    """The link to another imported page (Jekyll ``{% link %}``), or None."""
    root_link: Callable[[str], str] = lambda url: url
    """A link from the site's root (``/baseurl/publications/``) made relative, as the new site needs."""
    removed: dict[str, int] = field(default_factory=dict)
    produced: set[str] = field(default_factory=set)
    """Links this converter wrote itself (to imported pages); left alone when the files are rewritten."""

    def line(self, text: str, at: int) -> int:
        """The source line of offset ``at`` in ``text``."""
        return self.first_line + text.count("\n", 0, at)

    def drop(self, text: str, at: int, tag: str) -> str:
        """Remove a tag with no equivalent; reported once per tag name and file, with its first line."""
        name = (re.findall(r"[\w./-]+", tag) or ["?"])[0]
        if name not in self.removed:
            self.removed[name] = self.line(text, at)
            self.report.note(self.path, self.removed[name],
                             f"template tag '{' '.join(tag.split())[:70]}' has no Markdown equivalent; removed")
        return ""


def _args(text: str) -> dict[str, str]:
    """``key="value" key2=value`` arguments of a Liquid include or a Hugo shortcode."""
    out: dict[str, str] = {}
    for m in re.finditer(r"""([\w-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"']+))""", text):
        out[m[1]] = m[3] if m[3] is not None else m[4] if m[4] is not None else m[5]
    return out


def _positional(text: str) -> list[str]:
    try:
        return [w for w in shlex.split(text) if "=" not in w]
    except ValueError:
        return [w.strip("\"'") for w in text.split() if "=" not in w]


def _image(refs: Refs, src: str, alt: str) -> str:
    url = refs.asset(src)
    alt = " ".join(alt.replace("[", "(").replace("]", ")").split())
    return f"![{alt}]({url})" if url else (f"*{alt}*" if alt else "")


# --- Liquid ------------------------------------------------------------------------------------------
_LIQUID = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}|\{\{-?(.*?)-?\}\}", re.S)
_URL_FILTER = re.compile(r"""^\s*(['"])(.*?)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)\s*$""")


def convert_liquid(text: str, refs: Refs) -> str:
    """Jekyll Markdown with Liquid in it, as plain Markdown."""
    text = re.sub(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", "", text, flags=re.S)
    raws: list[str] = []  # {% raw %} blocks show template code on purpose: kept as written

    def keep(m: re.Match[str]) -> str:
        # Template code shown in prose is shown as code, so it reads as an example, not as a live tag.
        raws.append(m[1] if "```" in m[1] or "{" not in m[1] else f"\n```liquid\n{m[1].strip(chr(10))}\n```\n")
        return f"\x00{len(raws) - 1}\x00"

    text = re.sub(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", keep, text, flags=re.S)
    text = re.sub(r"\{\{\s*site\.(?:baseurl|url)\s*\}\}", "", text)
    text = re.sub(r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}",
                  lambda m: f"```{m[1]}\n{m[2].strip(chr(10))}\n```", text, flags=re.S)
    text = re.sub(r"\{%-?\s*(?:twitter|gist)\s+(https://\S+)[^%]*%\}", r"<\1>", text)

    def tag(m: re.Match[str]) -> str:
        if m[3] is not None:  # {{ expression }}
            if f := _URL_FILTER.match(m[3]):
                return f[2]
            return refs.drop(text, m.start(), "{{" + m[3] + "}}")
        name, rest = m[1], m[2].strip()
        if name == "include":
            return _include(text, m.start(), rest, refs)
        if name in {"cite", "reference"}:
            links = []
            for key in _positional(rest):
                url = refs.cite(key)
                if url is None:
                    refs.report.note(refs.path, refs.line(text, m.start()),
                                     f"cited key '{key}' is not in the bibliography; kept as text")
                links.append(f"[{key}]({url})" if url else key)
            return ", ".join(links)
        if name in {"link", "post_url"}:
            target = _positional(rest)[0] if _positional(rest) else rest
            url = refs.page_link(target)
            if url is None:
                refs.report.note(refs.path, refs.line(text, m.start()),
                                 f"link to '{target}' has no page in the new site; the link was removed")
                return "#"
            refs.produced.add(url)
            return url
        return refs.drop(text, m.start(), "{% " + name + " " + rest + " %}")

    text = _unclosed(_LIQUID.sub(tag, text), refs, r"\{%|\{\{")
    text = re.sub(r"\x00(\d+)\x00", lambda m: raws[int(m[1])], text)
    return re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)


def _unclosed(text: str, refs: Refs, opener: str) -> str:
    """Remove a template tag that is never closed (from its opening to the end of its line), and say so."""
    def cut(m: re.Match[str]) -> str:
        refs.report.note(refs.path, refs.line(text, m.start()),
                         f"unclosed template tag '{m[0][:40]}' removed")
        return ""

    return re.sub(rf"(?:{opener})[^\n]*", cut, text)


def _include(text: str, at: int, rest: str, refs: Refs) -> str:
    parts = rest.split(None, 1)
    name, args = (parts[0] if parts else ""), _args(parts[1] if len(parts) > 1 else "")
    if name.startswith("figure") and args.get("path"):
        return _image(refs, args["path"], args.get("alt") or args.get("title") or args.get("caption", ""))
    if name.startswith("video") and args.get("path"):
        url = refs.asset(args["path"]) if not args["path"].startswith("http") else args["path"]
        return f"[Video]({url})" if url else ""
    return refs.drop(text, at, "{% include " + rest + " %}")


# --- Hugo shortcodes ---------------------------------------------------------------------------------
_PAIRED = re.compile(r"\{\{([<%])\s*(callout|alert|staticref|math|spoiler|details)\b(.*?)\s*[>%]\}\}(.*?)"
                     r"\{\{[<%]\s*/\s*\2\s*[>%]\}\}", re.S)
_SINGLE = re.compile(r"\{\{([<%])\s*(/?[\w.-]+)(.*?)\s*[>%]\}\}", re.S)
_KINDS = {"note": "note", "warning": "warning", "tip": "tip", "info": "info", "danger": "danger"}


def convert_shortcodes(text: str, refs: Refs) -> str:
    """Hugo Markdown with shortcodes in it, as plain Markdown (admonitions for callouts)."""
    def paired(m: re.Match[str]) -> str:
        name, args, inner = m[2], m[3], convert_shortcodes(m[4], refs)
        if name in {"callout", "alert"}:
            kind = _KINDS.get((_positional(args) or [_args(args).get("type", "note")])[0], "note")
            body = "\n".join(("    " + line) if line.strip() else "" for line in inner.strip("\n").split("\n"))
            return f"\n!!! {kind}\n\n{body}\n"
        if name == "staticref":
            target = (_positional(args) or [""])[0]
            url = refs.asset(target.lstrip("/")) if target and not target.startswith("http") else target
            return f"[{inner.strip()}]({url})" if url else inner.strip()
        if name in {"spoiler", "details"}:
            title = _args(args).get("text") or "Details"
            body = "\n".join(("    " + line) if line.strip() else "" for line in inner.strip("\n").split("\n"))
            return f'\n??? note "{title}"\n\n{body}\n'
        return inner  # math: the content is plain TeX already

    text = _PAIRED.sub(paired, text)

    def single(m: re.Match[str]) -> str:
        name, rest = m[2], m[3]
        args = _args(rest)
        if name == "figure" and (args.get("src") or _positional(rest)):
            return _image(refs, args.get("src") or _positional(rest)[0], args.get("alt") or args.get("caption", ""))
        if name == "cite" and args.get("page"):
            url = refs.cite(args["page"])
            if url:
                return f"[{args['page'].rstrip('/').rsplit('/', 1)[-1]}]({url})"
            refs.report.note(refs.path, refs.line(text, m.start()),
                             f"cited page '{args['page']}' was not imported; the citation was removed")
            return ""
        if name == "youtube" and (vid := args.get("id") or (_positional(rest) or [""])[0]):
            return f"[Video](https://www.youtube.com/watch?v={vid})"
        if name in {"video", "audio"} and args.get("src"):
            url = args["src"] if args["src"].startswith("http") else refs.asset(args["src"])
            return f"[{name.title()}]({url})" if url else ""
        if name in {"ref", "relref"}:
            target = (_positional(rest) or [""])[0]
            url = refs.page_link(target)
            if url:
                refs.produced.add(url)
            return url or "#"
        return refs.drop(text, m.start(), "{{" + m[1] + " " + name + rest + " " + m[1] + "}}")

    text = _unclosed(_SINGLE.sub(single, text), refs, r"\{\{[<%]")
    return re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)


# --- files the text refers to ----------------------------------------------------------------------
_MD_IMAGE = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(\s+\"[^\"]*\")?\s*\)")
_HTML_REF = re.compile(r"""<(img|a|source|video|embed|iframe)\b([^>]*?)\b(src|href)\s*=\s*(["'])(.*?)\4([^>]*)>""",
                       re.I | re.S)
_FILE_EXT = re.compile(r"\.(png|jpe?g|gif|svg|webp|bmp|ico|pdf|pptx?|key|docx?|xlsx?|zip|mp4|webm|mov|mp3|"
                       r"tiff?|eps|ps|txt|csv|bib)$", re.I)


def _is_local_file(url: str) -> bool:
    if "assets/imported/" in url:  # already copied (a converted figure): nothing more to do
        return False
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", url, re.I):
        return False
    return bool(_FILE_EXT.search(url.split("#", 1)[0].split("?", 1)[0]))


def rewrite_files(text: str, refs: Refs) -> str:
    """Copy every local image or document the text links to and point the link at the copy; a missing file
    is reported and its image dropped (the alt text stays), so the page never links to nothing."""
    def markdown(m: re.Match[str]) -> str:
        bang, label, url = m[1], m[2], m[3]
        if url in refs.produced or re.match(r"(pub|person|talk|project):", url):
            return m[0]
        if url.endswith(".md") and not re.match(r"^[a-z]+:", url):
            target = refs.page_link(url)
            if target is None:
                refs.report.note(refs.path, refs.line(text, m.start()),
                                 f"link to '{url}' has no page in the new site; kept as text")
                return label
            return f"{bang}[{label}]({target})"
        if check_url(url) is None:
            refs.report.note(refs.path, refs.line(text, m.start()), f"link to '{url[:80]}' is not an http(s), "
                             "mailto or relative address; kept as text")
            return f"{label} ({url})" if label and not bang else label
        if not _is_local_file(url):
            if url.startswith("/") and not url.startswith("//") and not bang:
                return f"[{label}]({refs.root_link(url)})"
            return m[0]
        new = refs.asset(url)
        if new is None:
            return f"*{label}*" if bang and label else label
        return f"{bang}[{label}]({new}{m[4] or ''})"

    def html(m: re.Match[str]) -> str:
        url = m[5]
        if check_url(url) is None:
            refs.report.note(refs.path, refs.line(text, m.start()), f"link to '{url[:80]}' is not an http(s), "
                             "mailto or relative address; removed")
            return m[0].replace(url, "#")
        if not _is_local_file(url):
            return m[0]
        new = refs.asset(url)
        if new is None:
            return "" if m[1].lower() in {"img", "source", "embed", "iframe", "video"} else m[0].replace(url, "#")
        return m[0].replace(url, new)

    def definition(m: re.Match[str]) -> str:
        if check_url(m[2]) is not None:
            return m[0]
        refs.report.note(refs.path, refs.line(text, m.start()), f"link to '{m[2][:80]}' is not an http(s), mailto "
                         "or relative address; the link now points nowhere (the address is its title)")
        return f'{m[1]} # "{m[2]}"'

    text = re.sub(r"^(\s{0,3}\[[^\]\n]+\]:)\s*<?(\S+?)>?\s*$", definition, text, flags=re.M)
    text = re.sub(r"<script\b.*?</script\s*>", lambda m: _script(text, m, refs), text, flags=re.S | re.I)
    text = _MD_IMAGE.sub(markdown, text)
    return _HTML_REF.sub(html, text)


def _script(text: str, m: re.Match[str], refs: Refs) -> str:
    refs.report.note(refs.path, refs.line(text, m.start()), "a <script> element was removed (pages run no "
                     "imported scripts)")
    return ""


def convert(text: str, refs: Refs, *, hugo: bool) -> str:
    """A body converted to plain Markdown: template syntax first, then the files it refers to."""
    text = convert_shortcodes(text, refs) if hugo else convert_liquid(text, refs)
    text = re.sub(r"<!--\s*more\s*-->\n?", "", text)  # the excerpt marker of both generators
    return rewrite_files(text, refs)
