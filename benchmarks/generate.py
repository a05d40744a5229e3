"""A seeded generator of a realistic large lab: BibTeX publications and the YAML collections.

The same seed and sizes always give the same files, byte for byte, so runs on different days compare. The data
looks like a real lab's: 2-12 authors per paper (lab members under their name or an alias, outside authors
with accents written in TeX or in UTF-8), math and case-protected words in titles, abstracts, ``@string``
venues, every link field labbook shows, talks, news that link to papers and people, and openings.

Besides the files, :func:`generate_lab` returns the plain-text view of every publication, which
:mod:`benchmarks.baseline` turns into hand-written-style Markdown for the plain MkDocs comparison.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

#: Given names as (TeX, Unicode); accents are written both ways in real .bib files.
FIRST = [
    ("Ana", "Ana"), ("Jos{\\'e}", "José"), ("Zo{\\\"e}", "Zoë"), ("S{\\o}ren", "Søren"), ("{\\L}ukasz", "Łukasz"),
    ("Chlo{\\'e}", "Chloé"), ("Bj{\\\"o}rn", "Björn"), ("Fran{\\c{c}}ois", "François"), ("Yuchen", "Yuchen"),
    ("Kangwook", "Kangwook"), ("Minjae", "Minjae"), ("Priya", "Priya"), ("Olu", "Olu"), ("Mei", "Mei"),
    ("Hannah", "Hannah"), ("Tom{\\'a}{\\v{s}}", "Tomáš"), ("Ji{\\v{r}}{\\'\\i}", "Jiří"), ("Nuno", "Nuno"),
    ("Ingrid", "Ingrid"), ("Ren{\\'e}e", "Renée"), ("Dmitri", "Dmitri"), ("Aylin", "Aylin"), ("Kofi", "Kofi"),
    ("Sofia", "Sofia"), ("Mateo", "Mateo"), ("Ay{\\c{s}}e", "Ayşe"), ("Lars", "Lars"), ("Ewa", "Ewa"),
    ("Hiroshi", "Hiroshi"), ("Wei", "Wei"), ("Fatima", "Fatima"), ("Jonas", "Jonas"), ("Elif", "Elif"),
    ("Rahul", "Rahul"), ("Marta", "Marta"), ("Noah", "Noah"), ("Amara", "Amara"), ("Luca", "Luca"),
    ("Ines", "Ines"), ("Daniel", "Daniel"), ("Grace", "Grace"), ("Omar", "Omar"), ("Yuki", "Yuki"),
    ("Camille", "Camille"), ("Pedro", "Pedro"), ("Nadia", "Nadia"), ("Erik", "Erik"), ("Leila", "Leila"),
    ("Andr{\\'e}s", "Andrés"), ("Ma{\\\"e}lle", "Maëlle"), ("G{\\\"u}nther", "Günther"), ("Siobh{\\'a}n", "Siobhán"),
]  # fmt: skip
#: Family names as (TeX, Unicode).
LAST = [
    ("M{\\\"u}ller", "Müller"), ("Garc{\\'\\i}a", "García"), ("Nakamura", "Nakamura"), ("Kowalski", "Kowalski"),
    ("O'Brien", "O'Brien"), ("{\\O}stergaard", "Østergaard"), ("Dvo{\\v{r}}{\\'a}k", "Dvořák"), ("Lee", "Lee"),
    ("Zeng", "Zeng"), ("Kim", "Kim"), ("Patel", "Patel"), ("Okafor", "Okafor"), ("Chen", "Chen"),
    ("Schmidt", "Schmidt"), ("Nguyen", "Nguyen"), ("Rossi", "Rossi"), ("Andersson", "Andersson"),
    ("Sch{\\\"o}lkopf", "Schölkopf"), ("Y{\\i}lmaz", "Yılmaz"), ("Ib{\\'a}{\\~n}ez", "Ibáñez"), ("Wang", "Wang"),
    ("Silva", "Silva"), ("Mensah", "Mensah"), ("Ivanova", "Ivanova"), ("Tanaka", "Tanaka"), ("Novak", "Novak"),
    ("Fischer", "Fischer"), ("Haddad", "Haddad"), ("Kumar", "Kumar"), ("Johansson", "Johansson"),
    ("Moreau", "Moreau"), ("Costa", "Costa"), ("Sato", "Sato"), ("Petrov", "Petrov"), ("Zhang", "Zhang"),
    ("Lopez", "Lopez"), ("Brown", "Brown"), ("Adeyemi", "Adeyemi"), ("Larsen", "Larsen"), ("Rahman", "Rahman"),
    ("Lindqvist", "Lindqvist"), ("Fern{\\'a}ndez", "Fernández"), ("Wi{\\'s}niewski", "Wiśniewski"),
    ("Castillo", "Castillo"), ("Horvath", "Horvath"), ("Bianchi", "Bianchi"), ("Ortiz", "Ortiz"), ("Park", "Park"),
    ("Kova{\\v{c}}", "Kovač"), ("Dubois", "Dubois"), ("Weber", "Weber"), ("Jensen", "Jensen"), ("Sohn", "Sohn"),
    ("van der Berg", "van der Berg"), ("de Souza", "de Souza"), ("Al-Farsi", "Al-Farsi"), ("Eriksen", "Eriksen"),
]  # fmt: skip

_WORDS = str.split(
    "learning models transformers attention in-context retrieval adaptation low-rank sparse robust efficient "
    "scalable theory algorithms graphs diffusion kernels optimization convergence generalization bandits "
    "federated privacy fairness alignment reasoning prompts tokens embeddings contrastive self-supervised "
    "representation dynamics stochastic gradient descent regularization benchmark evaluation inference "
    "compression quantization distillation language vision multimodal protein genomics causal estimation"
)
_PROTECTED = ["{LoRA}", "{BERT}", "{GPT}", "{Transformers}", "{ImageNet}", "{PAC}", "{LLM}s", "{SGD}", "{ReLU}"]
_MATH = ["$O(\\sqrt{n})$", "$\\ell_1$", "$k$", "$\\epsilon$", "$\\mathbb{R}^d$", "$O(n \\log n)$", "$p < 0.05$",
         "$\\alpha$-stable", "$f(x) = \\sum_i w_i x_i$", "$1/\\sqrt{T}$"]
_TOPICS = ["LLM", "Theory", "In-Context Learning", "LoRA", "Fairness", "Federated Learning", "Privacy",
           "Diffusion", "Optimization", "Graphs", "Bandits", "Biology", "Vision", "Robustness", "Compression"]
#: (macro, expansion, badge) for @string venues.
_CONFERENCES = [
    ("neurips", "Advances in Neural Information Processing Systems", "NeurIPS"),
    ("icml", "International Conference on Machine Learning", "ICML"),
    ("iclr", "International Conference on Learning Representations", "ICLR"),
    ("aistats", "International Conference on Artificial Intelligence and Statistics", "AISTATS"),
    ("colm", "Conference on Language Modeling", "COLM"),
    ("isit", "IEEE International Symposium on Information Theory", "ISIT"),
    ("uai", "Conference on Uncertainty in Artificial Intelligence", "UAI"),
]
_JOURNALS = [
    ("tmlr", "Transactions on Machine Learning Research", "TMLR"),
    ("jmlr", "Journal of Machine Learning Research", "JMLR"),
    ("tit", "IEEE Transactions on Information Theory", "IEEE T-IT"),
    (None, "Nature Communications", ""),
    (None, "Bioinformatics", ""),
]
_WORKSHOPS = ["NeurIPS Workshop on Efficient Natural Language and Speech Processing",
              "ICML Workshop on Theoretical Foundations of Foundation Models"]
_ROLES = [("pi", 2), ("postdoc", 20), ("phd", 60), ("ms", 30), ("undergrad", 40), ("staff", 8), ("visitor", 10),
          ("alumni", 130)]
_TALK_KINDS = ["invited", "conference", "seminar", "keynote", "tutorial", "workshop"]
_PLACES = ["Madison, WI", "Princeton, NJ", "Seoul, Korea", "Z{\\\"u}rich", "Montréal, QC", "Vienna, Austria",
           "Baltimore, MD", "Berkeley, CA", "São Paulo, Brazil", "Kraków, Poland"]
_HOSTS = ["University of Wisconsin–Madison", "Princeton University", "KAIST", "ETH Zürich", "Mila",
          "Johns Hopkins University", "UC Berkeley", "Universidade de São Paulo", "Jagiellonian University"]


@dataclass
class PubText:
    """A publication as plain text and Markdown-ready pieces, for the baseline pages."""

    key: str
    title: str
    authors: list[tuple[str, str | None]]  # (name, person id or None)
    venue: str
    year: int
    kind: str
    abstract: str
    links: list[tuple[str, str]]  # (label, url)
    topics: list[str]
    bibtex: str
    award: str = ""
    note: str = ""
    files: list[str] = field(default_factory=list)
    """Site files the entry links (a PDF under assets/pdf/, a preview image), which every site ships."""


@dataclass
class Lab:
    """What :func:`generate_lab` wrote."""

    root: Path
    publications: list[PubText] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)


def _sentence(rng: random.Random, math: bool) -> str:
    words = rng.sample(_WORDS, rng.randint(8, 16))
    if math and rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(_MATH))
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = "\\emph{" + words[i] + "}"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _title(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(4, 9))
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words) + 1), rng.choice(_PROTECTED))
    if rng.random() < 0.25:
        words.insert(rng.randrange(len(words) + 1), rng.choice(_MATH))
    text = " ".join(words)
    if rng.random() < 0.3:
        text += ": " + " ".join(rng.sample(_WORDS, 3))
    return text[0].upper() + text[1:]


def _plain(tex: str) -> str:
    """The plain form of generator-made TeX (a tiny subset: \\emph, case braces, the accents above)."""
    out = tex.replace("\\emph{", "{")
    for tex_name, plain in (*FIRST, *LAST):
        out = out.replace(tex_name, plain)
    # Braces outside math protect case only; math keeps its own.
    parts = out.split("$")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("{", "").replace("}", "")
    return "$".join(parts)


def _people(rng: random.Random, count: int) -> list[dict]:
    people: list[dict] = []
    used: set[str] = set()
    aliases_used: set[str] = set()
    roles = [r for r, n in _ROLES for _ in range(n)]
    scale = count / len(roles)
    roles = [roles[int(i / scale)] for i in range(count)] if count else []
    for i, role in enumerate(roles):
        while True:
            (_, first), (_, last) = rng.choice(FIRST), rng.choice(LAST)
            name = f"{first} {last}"
            if name.casefold() not in used:
                break
            name = f"{first} {rng.choice(FIRST)[1]} {last}"
            if name.casefold() not in used:
                break
        used.add(name.casefold())
        pid = _ascii_slug(name)
        alias = f"{first[0]}. {last}"
        aliases = [alias] if alias.casefold() not in aliases_used and rng.random() < 0.6 else []
        aliases_used.update(a.casefold() for a in aliases)
        since = rng.randint(2008, 2024)
        person: dict = {"id": pid, "name": name, "aliases": aliases, "role": role,
                        "position": {"pi": "Professor", "postdoc": "Postdoctoral researcher"}.get(role, role.upper()),
                        "affiliation": rng.choice(_HOSTS), "since": since}
        if role == "alumni":
            person["until"] = min(since + rng.randint(1, 6), 2025)
            person["now"] = f"Research scientist at {rng.choice(_HOSTS)}"
        person["bio"] = " ".join(_plain(_sentence(rng, False)) for _ in range(rng.randint(2, 4)))
        person["links"] = {"homepage": f"https://people.example.org/{pid}/", "email": f"{pid}@example.org",
                           "github": pid.replace("-", "")}
        people.append(person)
        if i == 0:
            person["role"] = "pi"
    return people


def _ascii_slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_text).split())


def _author_tex(rng: random.Random, person: dict | None) -> tuple[str, str, str | None]:
    """(TeX as written in the .bib, plain name, person id)."""
    if person is not None:
        if person["aliases"] and rng.random() < 0.3:
            return person["aliases"][0], person["name"], person["id"]
        first, _, last = person["name"].rpartition(" ")
        return (f"{last}, {first}" if rng.random() < 0.5 else person["name"]), person["name"], person["id"]
    (ft, fp), (lt, lp) = rng.choice(FIRST), rng.choice(LAST)
    if rng.random() < 0.3:  # the same person written in UTF-8 in another .bib
        ft, lt = fp, lp
    if " " in lt and rng.random() < 0.5:
        return f"{lt}, {ft}", f"{fp} {lp}", None
    return f"{ft} {lt}" if rng.random() < 0.5 else f"{lt}, {ft}", f"{fp} {lp}", None


def _links(rng: random.Random, key: str, index: int) -> list[tuple[str, str, str]]:
    """(field, label, url); every kind appears somewhere, a relative PDF now and then."""
    kinds = [("pdf", "PDF"), ("html", "HTML"), ("website", "Website"), ("arxiv", "arXiv"), ("doi", "DOI"),
             ("code", "Code"), ("slides", "Slides"), ("poster", "Poster"), ("video", "Video"), ("blog", "Blog"),
             ("summary", "Summary"), ("supp", "Supp"), ("url", "Link")]
    chosen = [kinds[index % len(kinds)]] + [k for k in kinds if rng.random() < 0.25]
    out: dict[str, tuple[str, str, str]] = {}
    for name, label in chosen:
        if name == "url" and ("html" in out or "website" in out):
            continue
        value = {
            "pdf": f"assets/pdf/{key}.pdf" if rng.random() < 0.3 else f"https://papers.example.org/{key}.pdf",
            "arxiv": f"{rng.randint(1501, 2512)}.{rng.randint(10000, 99999)}",
            "doi": f"10.{rng.randint(1000, 9999)}/{key}.{rng.randint(1, 999)}",
            "code": f"https://github.com/example-lab/{key}",
            "video": f"https://www.youtube.com/watch?v={key[:11]}",
        }.get(name, f"https://{name}.example.org/{key}")
        out[name] = (name, label, value)
    return list(out.values())


def _link_url(name: str, value: str) -> str:
    if name == "arxiv":
        return f"https://arxiv.org/abs/{value}"
    if name == "doi":
        return f"https://doi.org/{value}"
    return value


def _publications(rng: random.Random, count: int, people: list[dict]) -> tuple[str, list[PubText]]:
    header = ["% Generated by benchmarks/generate.py: a synthetic lab for `make bench`.", ""]
    header += [f"@string{{{m} = {{{full}}}}}" for m, full, _ in _CONFERENCES + _JOURNALS if m]
    chunks, texts = ["\n".join(header)], []
    keys: set[str] = set()
    members = [p for p in people if p["role"] != "alumni"] or people
    for i in range(count):
        year = 2025 - int(30 * rng.random() ** 1.5)
        n_auth = min(2 + int(rng.expovariate(0.35)), 12)
        authors = []
        for j in range(n_auth):
            member = (rng.random() < 0.35 or j == n_auth - 1) and people
            pool = members if rng.random() < 0.7 else people
            authors.append(_author_tex(rng, rng.choice(pool) if member else None))
        title_tex = _title(rng)
        first_word = "".join(ch for ch in _plain(title_tex).split()[0].lower() if ch.isalnum()) or "paper"
        last_name = _ascii_slug(authors[0][1].split()[-1]).replace("-", "") or "anon"
        key = f"{last_name}{year}{first_word}"
        suffix = 0
        while key in keys:
            suffix += 1
            key = f"{last_name}{year}{first_word}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
        keys.add(key)
        roll = rng.random()
        fields: list[tuple[str, str]] = [("title", "{" + title_tex + "}"),
                                         ("author", "{" + " and ".join(a[0] for a in authors) + "}")]
        if roll < 0.45:
            etype, (macro, venue, badge) = "inproceedings", rng.choice(_CONFERENCES)
            fields.append(("booktitle", macro))
            fields.append(("pages", f"{{{rng.randint(1, 9000)}--{rng.randint(9001, 9999)}}}"))
        elif roll < 0.70:
            etype, (macro, venue, badge) = "article", rng.choice(_JOURNALS)
            fields.append(("journal", macro or "{" + venue + "}"))
            fields += [("volume", str(rng.randint(1, 70))), ("number", str(rng.randint(1, 12)))]
        elif roll < 0.88:
            etype, venue, badge = "misc", "arXiv preprint", "arXiv"
            fields += [("howpublished", "{arXiv preprint}"), ("archiveprefix", "{arXiv}")]
        elif roll < 0.92:
            etype, venue, badge = "inproceedings", rng.choice(_WORKSHOPS), "Workshop"
            fields.append(("booktitle", "{" + venue + "}"))
        elif roll < 0.95:
            etype, venue, badge = "techreport", "University of Wisconsin–Madison", "Report"
            fields += [("institution", "{University of Wisconsin--Madison}"), ("number", f"{{TR-{year}-{i}}}")]
        elif roll < 0.98:
            etype, venue, badge = "incollection", "Handbook of Machine Learning Theory", "Chapter"
            fields += [("booktitle", "{Handbook of Machine Learning Theory}"),
                       ("publisher", "{Springer}"), ("editor", "{Ana Silva and Wei Chen}")]
        else:
            etype, venue, badge = "phdthesis", "University of Wisconsin–Madison", "Thesis"
            fields.append(("school", "{University of Wisconsin--Madison}"))
        fields.append(("year", "{" + str(year) + "}"))
        if rng.random() < 0.7:
            fields.append(("month", rng.choice(["jan", "mar", "may", "jul", "sep", "dec"])))
        if rng.random() < 0.2 and badge not in {"arXiv", "Workshop", "Report", "Chapter", "Thesis"}:
            fields.append(("abbr", "{" + badge + "}"))
        topics = rng.sample(_TOPICS, rng.randint(1, 3))
        fields.append(("keywords", "{" + ", ".join(topics) + "}"))
        selected = rng.random() < 0.05
        if selected:
            fields.append(("selected", "{true}"))
        award = "Best Paper Award" if rng.random() < 0.02 else ""
        if award:
            fields.append(("award", "{" + award + "}"))
        note = "Oral presentation (top 2\\%)" if rng.random() < 0.03 else ""
        if note:
            fields.append(("additional_info", "{" + note + "}"))
        links = _links(rng, key, i)
        if etype == "misc" and not any(n == "arxiv" for n, _, _ in links):
            links.append(("arxiv", "arXiv", f"{rng.randint(1501, 2512)}.{rng.randint(10000, 99999)}"))
        fields += [(name, "{" + value + "}") for name, _, value in links]
        if rng.random() < 0.3:
            fields.append(("google_scholar_id", "{" + f"{rng.getrandbits(48):012x}" + "}"))
        if rng.random() < 0.2:
            fields += [("bibtex_show", "{true}"), ("preview", "{" + key + ".png}")]
        abstract_tex = " ".join(_sentence(rng, True) for _ in range(rng.randint(3, 7)))
        fields.append(("abstract", "{" + abstract_tex + "}"))
        width = max(len(name) for name, _ in fields)
        body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
        entry = f"@{etype}{{{key},\n{body}\n}}"
        chunks.append(entry)
        texts.append(PubText(
            key=key, title=_plain(title_tex), authors=[(a[1], a[2]) for a in authors], venue=venue, year=year,
            kind=etype, abstract=_plain(abstract_tex),
            links=[(label, _link_url(name, value)) for name, label, value in links], topics=topics,
            bibtex=entry, award=award, note=note.replace("\\%", "%"),
            files=[value for name, _, value in links if name == "pdf" and "://" not in value]
            + [f"assets/img/publication_preview/{key}.png" for name, value in fields if name == "preview"],
        ))
    return "\n\n".join(chunks) + "\n", texts


def _talks(rng: random.Random, count: int, people: list[dict], pubs: list[PubText]) -> list[dict]:
    talks = []
    start = date(2012, 1, 1)
    for i in range(count):
        day = start + timedelta(days=int(i * 5000 / max(count, 1)) + rng.randint(0, 4))
        talk: dict = {
            "id": f"{day.isoformat()}-talk-{i:04d}",
            "title": _plain(_title(rng)),
            "date": day.isoformat(),
            "speaker": rng.choice(people)["id"],
            "event": rng.choice(["CIS Seminar", "Theory Lunch", "NeurIPS", "ICML", "ISIT", "Workshop on LLMs"]),
            "host": rng.choice(_HOSTS),
            "location": _plain(rng.choice(_PLACES)),
            "kind": rng.choice(_TALK_KINDS),
            "selected": rng.random() < 0.1,
            "abstract": " ".join(_plain(_sentence(rng, True)) for _ in range(rng.randint(2, 5))),
            "links": {"slides": f"https://slides.example.org/{i}.pdf", "video": f"https://video.example.org/{i}"},
            "publications": [p.key for p in rng.sample(pubs, min(len(pubs), rng.randint(0, 3)))],
            "topics": rng.sample(_TOPICS, rng.randint(1, 2)),
        }
        talks.append(talk)
    return talks


def _news(rng: random.Random, count: int, people: list[dict], pubs: list[PubText]) -> list[dict]:
    items = []
    for i in range(count):
        day = date(2025, 12, 31) - timedelta(days=i * 18 + rng.randint(0, 10))
        person = rng.choice(people)
        text = f"[{person['name']}](person:{person['id']}) "
        if pubs:
            pub = rng.choice(pubs)
            text += f"presents [{pub.title}](pub:{pub.key}) at a workshop. "
        text += _plain(_sentence(rng, False))
        items.append({"date": day.isoformat(), "title": _plain(_title(rng))[:80], "text": text})
    return items


def _openings(rng: random.Random, count: int) -> list[dict]:
    levels = ["postdoc", "phd", "ms", "undergrad", "other"]
    out = []
    for i in range(count):
        deadline = "rolling" if i % 3 == 0 else (date(2024, 1, 15) + timedelta(days=60 * i)).isoformat()
        out.append({
            "id": f"opening-{i:02d}",
            "title": f"{levels[i % len(levels)].capitalize()} position in {rng.choice(_TOPICS)}",
            "level": levels[i % len(levels)],
            "status": "closed" if i % 4 == 3 else "open",
            "deadline": deadline,
            "description": " ".join(_plain(_sentence(rng, False)) for _ in range(3)),
            "apply": "Send a CV and a short research statement to the PI.",
        })
    return out


def _dump(path: Path, records: list[dict], what: str) -> None:
    text = f"# {what}, generated by benchmarks/generate.py.\n" + yaml.safe_dump(
        records, allow_unicode=True, sort_keys=False, width=110)
    path.write_text(text, encoding="utf-8")


def generate_lab(root: Path, publications: int, *, people: int = 300, talks: int = 1000, news: int = 200,
                 openings: int = 12, seed: int = 2024) -> Lab:
    """Write ``data/`` of a lab into ``root`` (publications.bib and the YAML collections) and return its text.

    The non-publication collections do not depend on ``publications``, so labs of different sizes differ only
    in their bibliography (and the talks and news that cite it).
    """
    rng = random.Random(seed)
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    people_records = _people(rng, people)
    bib, texts = _publications(random.Random(seed + 1), publications, people_records)
    (data / "publications.bib").write_text(bib, encoding="utf-8")
    _dump(data / "people.yml", people_records, "People")
    _dump(data / "talks.yml", _talks(random.Random(seed + 2), talks, people_records, texts), "Talks")
    _dump(data / "news.yml", _news(random.Random(seed + 3), news, people_records, texts), "News")
    _dump(data / "openings.yml", _openings(random.Random(seed + 4), openings), "Openings")
    return Lab(root=root, publications=texts, people=people_records)
