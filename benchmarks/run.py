"""`make bench`: labbook against plain MkDocs + Material, Hugo and sphinxcontrib-bibtex, on generated labs.

    python -m benchmarks.run [--sizes 500,2000,5000] [--repeats 500:3,2000:3,5000:3] [--reload-edits 5]
                             [--no-sphinx] [--no-hugo] [--no-serve] [--out benchmarks/out]

For each size a lab is generated (seeded, so every run builds the same files) and a project per tool is
written from it (see :mod:`benchmarks.sites` and :mod:`benchmarks.hugo_site`). The builds run in child
processes, alternating between the tools, so a slow moment of a shared machine hits them alike; the table
gives medians of wall time, CPU time and peak memory. A lab without publications is built too. Then
`mkdocs serve` runs on the largest lab and the time from saving an edit of one entry to the served page
showing it is measured. `labbook check` is timed on each lab.

Prints a Markdown table (with the method and the machine) and writes it, with every single measurement, to
``<out>/bench.md`` and ``<out>/bench.json``.
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

from benchmarks.measure import BuildFailed, Measurement, hugo_build, measure, mkdocs_build, sphinx_build
from benchmarks.report import report
from benchmarks.serve_latency import measure_reload

OUT = Path(__file__).resolve().parent / "out"
#: labbook; plain MkDocs + Material on the same pages (the list shows what a reader sees before clicking);
#: the original plain MkDocs baseline (its list also carries every abstract and BibTeX, folded); Hugo on the
#: same pages; sphinxcontrib-bibtex.
TOOLS = ("labbook", "samepages", "baseline", "hugo", "sphinx")

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


def prepare(out: Path, size: int, with_sphinx: bool, all_pages: bool = False,
            with_hugo: bool = True) -> dict[str, Path]:
    """Generate the lab of ``size`` publications and its projects; returns their folders."""
    from benchmarks.generate import generate_lab
    from benchmarks.hugo_site import write_hugo_site
    from benchmarks.sites import write_baseline_site, write_labbook_site, write_sphinx_project

    root = out / "labs" / str(size)
    if root.exists():
        shutil.rmtree(root)
    lab = generate_lab(root / "labbook", size)
    write_labbook_site(lab, root / "labbook", all_pages=all_pages)
    write_baseline_site(lab, root / "baseline")
    write_baseline_site(lab, root / "samepages", light_list=True)
    projects = {"labbook": root / "labbook", "samepages": root / "samepages", "baseline": root / "baseline"}
    if with_hugo:
        projects["hugo"] = write_hugo_site(lab, root / "hugo")
    if with_sphinx and size:
        projects["sphinx"] = write_sphinx_project(lab, root / "sphinx")
    return projects


def prepare_in_child(out: Path, sizes: list[int], with_sphinx: bool,
                     all_pages: bool = False, with_hugo: bool = True) -> dict[int, dict[str, Path]]:
    """:func:`prepare` every size in a child process.

    A child's peak RSS as the kernel reports it starts from its parent's memory at fork time, so the
    process that starts the measured builds must stay small: the generated labs never live in it.
    """
    code = ("import json, sys; from pathlib import Path; from benchmarks.run import prepare; "
            "print(json.dumps({n: {k: str(v) for k, v in prepare(Path(sys.argv[1]), int(n), sys.argv[2] == '1', "
            "sys.argv[3] == '1', sys.argv[4] == '1').items()} for n in sys.argv[5:]}))")
    proc = subprocess.run([sys.executable, "-c", code, str(out), "1" if with_sphinx else "0",
                           "1" if all_pages else "0", "1" if with_hugo else "0", *map(str, sizes)],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    return {int(n): {k: Path(v) for k, v in projects.items()} for n, projects in found.items()}


def _command(tool: str, project: Path) -> list[str]:
    if tool == "sphinx":
        out = project.parent / "build"
        shutil.rmtree(out, ignore_errors=True)
        return sphinx_build(project, out)
    if tool == "hugo":
        return hugo_build(project, project / "public")
    return mkdocs_build(project, project / "site")


def _list_size(tool: str, project: Path) -> int | None:
    path = project / "site" / "publications" / "index.html"
    return path.stat().st_size if path.exists() else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return None


def _hugo_version() -> str:
    proc = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return proc.stdout.strip().split(" BuildDate")[0]


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
    tools = [t for t in TOOLS if (t != "sphinx" or args.sphinx) and (t != "hugo" or args.hugo)]
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    projects = prepare_in_child(out, sizes, args.sphinx, args.all_pages, args.hugo)
    print(f"generated labs of {', '.join(map(str, sizes))} publications in {time.perf_counter() - started:.1f} s",
          flush=True)
    # One untimed build of each kind first: byte-compiled imports and a warm file cache for every tool.
    for tool, project in projects[min(args.sizes)].items():
        measure(_command(tool, project), project)
    results: dict[int, dict[str, list[Measurement]]] = {n: {t: [] for t in tools} for n in sizes}
    cli = _labbook_cli()
    checks: dict[int, list[Measurement]] = {n: [] for n in args.sizes}
    checks_fresh: dict[int, list[Measurement]] = {n: [] for n in args.sizes}
    loads: dict[int, list[Measurement]] = {n: [] for n in args.sizes}
    for rep in range(max(repeats.values())):
        for n in sizes:
            if rep >= repeats.get(n, 0):
                continue
            order = [t for t in tools if t in projects[n]]
            order = order[rep % len(order):] + order[: rep % len(order)]
            for tool in order:
                if tool == "labbook":
                    # Cold means cold: no citations kept from an earlier build (.labbook/cache/).
                    shutil.rmtree(projects[n][tool] / ".labbook", ignore_errors=True)
                runs = [tool, "labbook-warm"] if tool == "labbook" else [tool]
                for name in runs:  # labbook-warm: the same build again, with the citations the first one kept
                    m = measure(_command(tool, projects[n][tool]), projects[n][tool])
                    results[n].setdefault(name, []).append(m)
                    print(f"  {n:>5} publications  {name:<12}  {m.wall:6.2f} s wall  {m.cpu:6.2f} s cpu  "
                          f"{m.peak_rss / 2**20:6.0f} MB", flush=True)
            if n:
                m = measure([sys.executable, "-m", "benchmarks.load_only", str(projects[n]["labbook"])],
                            Path(__file__).resolve().parent.parent)
                loads[n].append(m)
                print(f"  {n:>5} publications  load      {m.wall:6.2f} s wall  {m.cpu:6.2f} s cpu", flush=True)
            if cli and n:
                try:
                    # Afresh (no cache), then again: the second reads the result the first left in
                    # .labbook/cache/, as a check of unchanged files does.
                    fresh = measure([*cli, "check", "-f", "mkdocs.yml", "--no-cache"], projects[n]["labbook"])
                    measure([*cli, "check", "-f", "mkdocs.yml"], projects[n]["labbook"])
                    m = measure([*cli, "check", "-f", "mkdocs.yml"], projects[n]["labbook"])
                except BuildFailed as exc:
                    print(f"  labbook check failed, left out: {exc}", flush=True)
                    cli = None
                else:
                    checks_fresh[n].append(fresh)
                    checks[n].append(m)
                    print(f"  {n:>5} publications  check     {fresh.wall:6.2f} s wall afresh, {m.wall:6.2f} s cached",
                          flush=True)
    # The size of each built /publications/ page (the last build of each size is still on disk).
    list_bytes = {str(n): {tool: _list_size(tool, projects[n][tool]) for tool in ("labbook", "samepages", "baseline")
                           if tool in projects[n]} for n in args.sizes}
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
                    "cpus": os.cpu_count(), "cpu_model": _cpu_model(), "memory_gb": _memory_gb(),
                    "load_before": load_before, "load_after": os.getloadavg()[0],
                    "hugo": _hugo_version() if args.hugo else None},
        "list_bytes": list_bytes,
        "repeats": {str(n): repeats.get(n, 0) for n in sizes},
        "seconds_total": time.perf_counter() - started,
        "sizes": {str(n): {tool: {"summary": _summary(runs), "runs": [asdict(r) | {"output": ""} for r in runs]}
                           for tool, runs in results[n].items() if runs} for n in sizes},
        "check": {str(n): _summary(runs) for n, runs in checks.items() if runs},
        "check_fresh": {str(n): _summary(runs) for n, runs in checks_fresh.items() if runs},
        "load": {str(n): _summary(runs) for n, runs in loads.items() if runs},
        "runner_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "reload": asdict(reload) if reload else None,
        "all_pages": args.all_pages,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000", type=lambda t: [int(x) for x in t.split(",") if x])
    parser.add_argument("--repeats", default="500:3,2000:3,5000:3",
                        help="SIZE:COUNT pairs (default 500:3,2000:3,5000:3)")
    parser.add_argument("--reload-edits", type=int, default=5, help="entries edited while `mkdocs serve` runs")
    parser.add_argument("--no-sphinx", dest="sphinx", action="store_false")
    parser.add_argument("--no-hugo", dest="hugo", action="store_false")
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
    if args.hugo and shutil.which("hugo") is None:
        print("hugo is not installed (Debian: apt-get install hugo; `make bench` does it when it may); "
              "skipping it", file=sys.stderr)
        args.hugo = False
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
