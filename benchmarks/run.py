"""`make bench`: labbook against plain MkDocs + Material and against sphinxcontrib-bibtex, on generated labs.

    python -m benchmarks.run [--sizes 500,5000] [--repeats 500:3,5000:2] [--reload-edits 3]
                             [--no-sphinx] [--no-serve] [--out benchmarks/out]

For each size a lab is generated (seeded, so every run builds the same files) and three projects are written
from it (see :mod:`benchmarks.sites`). The builds run in child processes, alternating between the three
tools, so a slow moment of a shared machine hits them alike; the table gives medians of wall time, CPU time
and peak memory. A lab without publications is built too: subtracting its time gives the cost per
publication at each size. Then `mkdocs serve` runs on the largest lab and the time from saving an edit of one
entry to the served page showing it is measured. `labbook check` is timed when the installed labbook has it.

Prints a Markdown table and writes it, with every single measurement, to ``<out>/bench.md`` and
``<out>/bench.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks.measure import BuildFailed, Measurement, measure, mkdocs_build, sphinx_build
from benchmarks.serve_latency import measure_reload

OUT = Path(__file__).resolve().parent / "out"
TOOLS = ("labbook", "baseline", "sphinx")

#: The targets of the performance issue: (what, limit).
TARGETS = {
    "build": 1.10,  # labbook / baseline, wall time at the largest size
    "memory": 1.50,  # labbook / baseline, peak memory at the largest size
    "scaling": 1.20,  # cost per publication at the largest size / at the smallest
    "reload": 3.0,  # seconds
    "check": 2.0,  # seconds
}


def _parse_repeats(text: str, sizes: list[int]) -> dict[int, int]:
    out = {n: 2 for n in sizes}
    for part in filter(None, text.split(",")):
        size, _, count = part.partition(":")
        out[int(size)] = int(count)
    return out


def _labbook_cli() -> list[str] | None:
    """The `labbook` command, if the installed package has a CLI with ``check``."""
    if importlib.util.find_spec("labbook.cli") is None:
        return None
    script = Path(sys.executable).with_name("labbook")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from labbook.cli import main; main()"]


def prepare(out: Path, size: int, with_sphinx: bool, all_pages: bool = False) -> dict[str, Path]:
    """Generate the lab of ``size`` publications and its three projects; returns their folders."""
    from benchmarks.generate import generate_lab
    from benchmarks.sites import write_baseline_site, write_labbook_site, write_sphinx_project

    root = out / "labs" / str(size)
    if root.exists():
        shutil.rmtree(root)
    lab = generate_lab(root / "labbook", size)
    write_labbook_site(lab, root / "labbook", all_pages=all_pages)
    write_baseline_site(lab, root / "baseline")
    projects = {"labbook": root / "labbook", "baseline": root / "baseline"}
    if with_sphinx and size:
        projects["sphinx"] = write_sphinx_project(lab, root / "sphinx")
    return projects


def prepare_in_child(out: Path, sizes: list[int], with_sphinx: bool,
                     all_pages: bool = False) -> dict[int, dict[str, Path]]:
    """:func:`prepare` every size in a child process.

    A child's peak RSS as the kernel reports it starts from its parent's memory at fork time, so the
    process that starts the measured builds must stay small: the generated labs never live in it.
    """
    code = ("import json, sys; from pathlib import Path; from benchmarks.run import prepare; "
            "print(json.dumps({n: {k: str(v) for k, v in prepare(Path(sys.argv[1]), int(n), sys.argv[2] == '1', "
            "sys.argv[3] == '1').items()} for n in sys.argv[4:]}))")
    proc = subprocess.run([sys.executable, "-c", code, str(out), "1" if with_sphinx else "0",
                           "1" if all_pages else "0", *map(str, sizes)],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    return {int(n): {k: Path(v) for k, v in projects.items()} for n, projects in found.items()}


def _command(tool: str, project: Path) -> list[str]:
    if tool == "sphinx":
        out = project.parent / "build"
        shutil.rmtree(out, ignore_errors=True)
        return sphinx_build(project, out)
    return mkdocs_build(project, project / "site")


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _summary(runs: list[Measurement]) -> dict[str, float]:
    return {"wall": _median([r.wall for r in runs]), "cpu": _median([r.cpu for r in runs]),
            "peak_mb": _median([r.peak_rss for r in runs]) / 2**20, "runs": len(runs)}


def run(args: argparse.Namespace) -> dict:
    """Every measurement, as a JSON-ready dict."""
    out: Path = args.out
    sizes = sorted({0, *args.sizes})
    repeats = _parse_repeats(args.repeats, args.sizes)
    repeats[0] = max(repeats.get(0, 0), min(repeats.values()))
    tools = [t for t in TOOLS if t != "sphinx" or args.sphinx]
    started = time.perf_counter()
    projects = prepare_in_child(out, sizes, args.sphinx, args.all_pages)
    print(f"generated labs of {', '.join(map(str, sizes))} publications in {time.perf_counter() - started:.1f} s",
          flush=True)
    # One untimed build of each kind first: byte-compiled imports and a warm file cache for every tool.
    for tool, project in projects[min(args.sizes)].items():
        measure(_command(tool, project), project)
    results: dict[int, dict[str, list[Measurement]]] = {n: {t: [] for t in tools} for n in sizes}
    cli = _labbook_cli()
    checks: dict[int, list[Measurement]] = {n: [] for n in args.sizes}
    loads: dict[int, list[Measurement]] = {n: [] for n in args.sizes}
    for rep in range(max(repeats.values())):
        for n in sizes:
            if rep >= repeats.get(n, 0):
                continue
            order = [t for t in tools if t in projects[n]]
            order = order[rep % len(order):] + order[: rep % len(order)]
            for tool in order:
                m = measure(_command(tool, projects[n][tool]), projects[n][tool])
                results[n][tool].append(m)
                print(f"  {n:>5} publications  {tool:<8}  {m.wall:6.2f} s wall  {m.cpu:6.2f} s cpu  "
                      f"{m.peak_rss / 2**20:6.0f} MB", flush=True)
            if n:
                m = measure([sys.executable, "-m", "benchmarks.load_only", str(projects[n]["labbook"])],
                            Path(__file__).resolve().parent.parent)
                loads[n].append(m)
                print(f"  {n:>5} publications  load      {m.wall:6.2f} s wall  {m.cpu:6.2f} s cpu", flush=True)
            if cli and n:
                try:
                    m = measure([*cli, "check", "-f", "mkdocs.yml"], projects[n]["labbook"])
                except BuildFailed as exc:
                    print(f"  labbook check failed, left out: {exc}", flush=True)
                    cli = None
                else:
                    checks[n].append(m)
                    print(f"  {n:>5} publications  check     {m.wall:6.2f} s wall", flush=True)
    reload = None
    if args.serve and args.reload_edits > 0:
        largest = max(args.sizes)
        bib = (projects[largest]["labbook"] / "data" / "publications.bib").read_text(encoding="utf-8")
        keys = [line.split("{", 1)[1].rstrip(",") for line in bib.splitlines()
                if line.startswith("@") and not line.startswith("@string")]
        picks = [keys[(i * 7919 + len(keys) // 3) % len(keys)] for i in range(args.reload_edits)]
        print(f"  mkdocs serve on {largest} publications, editing {len(picks)} entries ...", flush=True)
        reload = measure_reload(projects[largest]["labbook"], picks)
        print(f"  reload latencies: {', '.join(f'{x:.2f} s' for x in reload.latencies)}", flush=True)
    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_before": os.getloadavg()[0]},
        "seconds_total": time.perf_counter() - started,
        "sizes": {str(n): {tool: {"summary": _summary(runs), "runs": [asdict(r) | {"output": ""} for r in runs]}
                           for tool, runs in results[n].items() if runs} for n in sizes},
        "check": {str(n): _summary(runs) for n, runs in checks.items() if runs},
        "load": {str(n): _summary(runs) for n, runs in loads.items() if runs},
        "runner_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "reload": asdict(reload) if reload else None,
        "all_pages": args.all_pages,
    }


def report(data: dict) -> str:
    """The Markdown table (and target lines) for ``data``.

    Times are medians of wall time with CPU time (user + system of the build process) in brackets. On a
    machine other work shares, wall time includes waiting for a CPU, so ratios and per-publication costs are
    judged on CPU time, the build's own work; both are shown.
    """
    sizes = sorted(int(n) for n in data["sizes"] if int(n))
    s = {int(n): {t: v["summary"] for t, v in tools.items()} for n, tools in data["sizes"].items()}

    def cell(x: dict | None) -> str:
        return f"{x['wall']:.2f} s ({x['cpu']:.2f})" if x else "–"

    def ratio(a: dict | None, b: dict | None) -> str:
        return f"{a['wall'] / b['wall']:.2f}x ({a['cpu'] / b['cpu']:.2f}x)" if a and b else "–"

    rows = ["| publications | labbook | plain MkDocs | sphinxcontrib-bibtex | labbook / MkDocs | sphinx / labbook "
            "| peak memory labbook / MkDocs |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        lb, bl, sp = s[n]["labbook"], s[n]["baseline"], s[n].get("sphinx")
        rows.append(f"| {n:,} | {cell(lb)} | {cell(bl)} | {cell(sp)} | {ratio(lb, bl)} | {ratio(sp, lb)} "
                    f"| {lb['peak_mb']:.0f} / {bl['peak_mb']:.0f} MB = {lb['peak_mb'] / bl['peak_mb']:.2f}x |")
    lines = ["Median of each cold build in its own process: wall time (CPU time), peak RSS of the build process.",
             "", *rows, ""]

    def per_pub(tool: str, n: int) -> float:
        return (s[n][tool]["cpu"] - s[0][tool]["cpu"]) / n * 1000

    small, large = sizes[0], sizes[-1]
    lines.append("CPU time per publication, above the same lab without publications: "
                 + "; ".join(f"{n:,}: labbook {per_pub('labbook', n):.2f} ms, MkDocs {per_pub('baseline', n):.2f} ms"
                             for n in sizes) + ".")
    checks = data.get("check") or {}
    reload = data.get("reload")
    lb, bl = s[large]["labbook"], s[large]["baseline"]
    targets = [
        ("cold build ≤ 1.10x plain MkDocs", ratio(lb, bl), lb["cpu"] / bl["cpu"] <= TARGETS["build"]),
        ("peak memory ≤ 1.5x plain MkDocs", f"{lb['peak_mb'] / bl['peak_mb']:.2f}x",
         lb["peak_mb"] / bl["peak_mb"] <= TARGETS["memory"]),
    ]
    if small != large:
        scale = per_pub("labbook", large) / per_pub("labbook", small)
        targets.append((f"cost per publication at {large:,} ≤ 1.2x at {small:,}", f"{scale:.2f}x",
                        scale <= TARGETS["scaling"]))
    if reload and reload["latencies"]:
        worst = max(reload["latencies"])
        targets.append(("`mkdocs serve`: one entry edited → page shows it ≤ 3 s",
                        f"median {_median(reload['latencies']):.2f} s, worst {worst:.2f} s",
                        worst <= TARGETS["reload"]))
    if str(large) in checks:
        wall = checks[str(large)]["wall"]
        targets.append(("`labbook check` < 2 s", f"{wall:.2f} s ({checks[str(large)]['cpu']:.2f})",
                        wall < TARGETS["check"]))
    else:
        load = (data.get("load") or {}).get(str(large))
        what = (f"not measured: this labbook has no `check` command; loading and validating the lab alone "
                f"takes {load['wall']:.2f} s ({load['cpu']:.2f})") if load else "not measured"
        targets.append(("`labbook check` < 2 s", what, None))
    lines += ["", f"| target ({large:,} publications) | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {what} | {value} | {'–' if ok is None else ('yes' if ok else 'no')} |" for what, value, ok in targets]
    if reload:
        lines += ["", f"`mkdocs serve`: first page after {reload['first_page']:.1f} s; the server's build times "
                      + ", ".join(f"{x:.2f}" for x in reload["server_builds"]) + " s (the first is the initial build)."]
    if data.get("all_pages"):
        lines += ["", "labbook also made the pages of people, talks, openings and news (`--all-pages`); the plain "
                      "MkDocs site has the publication pages only."]
    m = data["machine"]
    lines += ["", f"Python {m['python']}, {m['cpus']} CPUs, load average {m['load_before']:.2f} at the start; "
                  f"the whole run took {data['seconds_total'] / 60:.1f} min."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000", type=lambda t: [int(x) for x in t.split(",") if x])
    parser.add_argument("--repeats", default="500:3,5000:2", help="SIZE:COUNT pairs (default 500:3,5000:2)")
    parser.add_argument("--reload-edits", type=int, default=3, help="entries edited while `mkdocs serve` runs")
    parser.add_argument("--no-sphinx", dest="sphinx", action="store_false")
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--keep", action="store_true", help="keep the generated labs and sites in <out>/labs")
    parser.add_argument("--all-pages", action="store_true",
                        help="let labbook also make people, talk, opening and news pages (the plain MkDocs site "
                             "has only the publication pages, so the build ratio then compares unlike sites)")
    args = parser.parse_args(argv)
    if args.sphinx and importlib.util.find_spec("sphinxcontrib.bibtex") is None:
        print("sphinxcontrib-bibtex is not installed (pip install -e '.[bench]'); skipping it", file=sys.stderr)
        args.sphinx = False
    args.out.mkdir(parents=True, exist_ok=True)
    data = run(args)
    text = report(data)
    (args.out / "bench.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    (args.out / "bench.md").write_text(text + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(args.out / "labs", ignore_errors=True)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
