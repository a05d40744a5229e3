"""The Markdown report of a benchmark run: every tool side by side, then each target with its measured figure.

Times are medians of wall time with CPU time (user + system of the build process and the processes it waited
for) in brackets. labbook uses a second core when it has one (its citations are formatted in worker
processes), so build ratios are judged on wall time, the time a lab waits for its site; CPU time is shown
beside it, and the load average before and after the run says whether other work shared the machine.
"""

from __future__ import annotations

import statistics

#: The targets of issue 15: (what, limit).
TARGETS = {
    "build_same": 1.00,  # labbook / plain MkDocs on the same pages, wall time, at every size
    "build_hugo": 2.0,  # labbook / Hugo on the same pages, wall time, at every size
    "memory": 1.00,  # labbook / plain MkDocs on the same pages, peak memory at the largest size
    "reload": 1.0,  # seconds, median of the edits
    "check": 1.0,  # seconds at the largest size
    "list_5000": 1_500_000,  # bytes of /publications/ at 5,000 publications
    "list_500": 300_000,  # bytes of /publications/ at 500 publications
}

COLUMNS = (("labbook", "labbook"), ("labbook-warm", "labbook, second build"), ("samepages", "plain MkDocs, same pages"),
           ("baseline", "plain MkDocs, full list"), ("hugo", "Hugo, same pages"), ("sphinx", "sphinxcontrib-bibtex"))

METHOD = """Method: each lab is generated from a fixed seed (publications as given, 300 people, 1,000 talks, 200 news
items); every tool builds it in its own process, cold (`--clean`, Hugo `--cleanDestinationDir --ignoreCache`),
alternating the order of the tools between repeats (labbook's `.labbook/cache/` is removed before each cold
build; *labbook, second build* is the same build run again at once, with the formatted citations the first
one kept there); a table cell is the median wall time with the median CPU
time (user + system, worker processes included) in brackets, and ratios are judged on wall time. Peak memory
is the build process's (a forked worker shares its pages). *plain MkDocs, same pages*: MkDocs +
Material + search, one Markdown page per publication (title, authors, venue, year, links, topics, abstract,
BibTeX; not in the nav) and a list page with what a reader sees before clicking. *plain MkDocs, full list*: the
original baseline, whose list also carries every abstract and BibTeX folded. *Hugo*: the same pages as the
same-pages site with a small theme, a sitemap and a JSON search index. `labbook check` runs in a new process;
serve reload is the time from saving a one-entry edit of the .bib to the served page showing it."""


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _cell(x: dict | None) -> str:
    return f"{x['wall']:.2f} s ({x['cpu']:.2f})" if x else "–"


def _ratio(a: dict | None, b: dict | None) -> str:
    return f"{a['wall'] / b['wall']:.2f} ({a['cpu'] / b['cpu']:.2f})" if a and b else "–"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**no**")


def report(data: dict) -> str:
    """The Markdown report of ``data`` (what :func:`benchmarks.run.run` returns)."""
    sizes = sorted(int(n) for n in data["sizes"] if int(n))
    s = {int(n): {t: v["summary"] for t, v in tools.items()} for n, tools in data["sizes"].items()}
    present = [(key, label) for key, label in COLUMNS if any(key in s[n] for n in sizes)]
    rows = ["| publications | " + " | ".join(label for _, label in present)
            + " | labbook / MkDocs same pages | labbook / Hugo | labbook / MkDocs full list | peak memory labbook / "
              "MkDocs same pages |",
            "|---:|" + "---:|" * (len(present) + 4)]
    for n in sizes:
        lb, same, hugo, full = (s[n].get(k) for k in ("labbook", "samepages", "hugo", "baseline"))
        mem = f"{lb['peak_mb']:.0f} / {same['peak_mb']:.0f} MB = {lb['peak_mb'] / same['peak_mb']:.2f}" if (
            lb and same) else "–"
        rows.append(f"| {n:,} | " + " | ".join(_cell(s[n].get(k)) for k, _ in present)
                    + f" | {_ratio(lb, same)} | {_ratio(lb, hugo)} | {_ratio(lb, full)} | {mem} |")
    lines = ["Cold builds, median wall time (CPU time); ratios wall (CPU).", "", *rows, ""]
    lists = data.get("list_bytes") or {}
    if lists:
        lines.append("`/publications/` HTML: " + "; ".join(
            f"{int(n):,}: " + ", ".join(f"{tool} {size / 1000:,.0f} kB" for tool, size in tools.items() if size)
            for n, tools in sorted(lists.items(), key=lambda kv: int(kv[0]))) + ".")
        lines.append("")
    targets = []
    for n in sizes:
        lb, same, hugo = (s[n].get(k) for k in ("labbook", "samepages", "hugo"))
        if lb and same:
            targets.append((f"cold build labbook / plain MkDocs same pages ≤ 1.00 at {n:,}", _ratio(lb, same),
                            lb["wall"] / same["wall"] <= TARGETS["build_same"]))
        if lb and hugo:
            targets.append((f"cold build labbook / Hugo ≤ 2.0 at {n:,}", _ratio(lb, hugo),
                            lb["wall"] / hugo["wall"] <= TARGETS["build_hugo"]))
    large = sizes[-1]
    lb, same = s[large].get("labbook"), s[large].get("samepages")
    if lb and same:
        targets.append((f"peak memory labbook / plain MkDocs same pages ≤ 1.0 at {large:,}",
                        f"{lb['peak_mb'] / same['peak_mb']:.2f}", lb["peak_mb"] / same["peak_mb"] <= TARGETS["memory"]))
    checks, fresh = data.get("check") or {}, data.get("check_fresh") or {}
    if str(large) in checks:
        c = checks[str(large)]
        targets.append((f"`labbook check` ≤ 1.0 s at {large:,} (files unchanged since the last check: cached)",
                        f"{c['wall']:.2f} s ({c['cpu']:.2f})", c["wall"] <= TARGETS["check"]))
    if str(large) in fresh:
        c = fresh[str(large)]
        targets.append((f"`labbook check --no-cache` ≤ 1.0 s at {large:,} (every file read afresh)",
                        f"{c['wall']:.2f} s ({c['cpu']:.2f})", c["wall"] <= TARGETS["check"]))
    reload = data.get("reload")
    if reload and reload["latencies"]:
        med = _median(reload["latencies"])
        targets.append((f"`mkdocs serve`: one entry edited → page shows it ≤ 1.0 s (median of "
                        f"{len(reload['latencies'])}, {large:,})",
                        f"median {med:.2f} s, worst {max(reload['latencies']):.2f} s", med <= TARGETS["reload"]))
    for n, key in ((5000, "list_5000"), (500, "list_500")):
        size = (lists.get(str(n)) or {}).get("labbook")
        if size:
            targets.append((f"`/publications/` HTML at {n:,} ≤ {TARGETS[key] / 1000:,.0f} kB", f"{size / 1000:,.0f} kB",
                            size <= TARGETS[key]))
    lines += ["| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {what} | {value} | {_met(ok)} |" for what, value, ok in targets]
    if reload:
        lines += ["", f"`mkdocs serve`: first page after {reload['first_page']:.1f} s; reloads "
                      + ", ".join(f"{x:.2f}" for x in reload["latencies"]) + " s; the server's build times "
                      + ", ".join(f"{x:.2f}" for x in reload["server_builds"]) + " s (the first is the initial build)."]
    if data.get("all_pages"):
        lines += ["", "labbook also made the pages of people, talks, openings and news (`--all-pages`); the other "
                      "sites have the publication pages only."]
    m = data["machine"]
    reps = ", ".join(f"{int(n):,}: {r}" for n, r in (data.get("repeats") or {}).items())
    lines += ["", METHOD, "", f"Repeats per size: {reps}.",
              f"Machine: {m.get('cpu_model', '?')}, {m['cpus']} CPUs, "
              + (f"{m['memory_gb']:.1f} GB RAM, " if m.get("memory_gb") else "")
              + f"{m['platform']}, Python {m['python']}"
              + (f", {m['hugo']}" if m.get("hugo") else "")
              + f"; load average {m['load_before']:.2f} at the start and {m.get('load_after', float('nan')):.2f} at "
                f"the end (other work shared the machine); the whole run took {data['seconds_total'] / 60:.1f} min."]
    return "\n".join(lines)
