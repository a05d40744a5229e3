"""Profile one `mkdocs build` of a generated lab with pyinstrument and print where the time goes.

    python -m benchmarks.profile [--publications 5000] [--site labbook|baseline] [--html out.html]

Prints self time grouped by package (labbook, mkdocs, material, markdown, jinja2, ...), the functions with
the most self time, and pyinstrument's call tree of labbook's own code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import defaultdict
from pathlib import Path

from benchmarks.generate import generate_lab
from benchmarks.sites import write_baseline_site, write_labbook_site

OUT = Path(__file__).resolve().parent / "out"


def _package(path: str) -> str:
    parts = Path(path).parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        return rest[0].removesuffix(".py") if rest else "?"
    if "labbook" in parts:
        return "labbook"
    return "python" if path.startswith(("<", sys.base_prefix)) else Path(path).stem


def _walk(frame, visit) -> None:  # type: ignore[no-untyped-def]
    stack = [frame]
    while stack:
        current = stack.pop()
        visit(current)
        stack.extend(current.children)


def summarize(session, top: int = 25) -> str:  # type: ignore[no-untyped-def]
    """Self time by package and by function, from a pyinstrument session."""
    by_package: dict[str, float] = defaultdict(float)
    by_function: dict[tuple[str, str, int], float] = defaultdict(float)

    def visit(frame) -> None:  # type: ignore[no-untyped-def]
        own = frame.total_self_time if hasattr(frame, "total_self_time") else frame.self_time
        if not own or frame.file_path is None:
            return
        by_package[_package(frame.file_path)] += own
        by_function[(frame.function or "?", frame.file_path_short or "?", frame.line_no or 0)] += own

    root = session.root_frame()
    _walk(root, visit)
    total = session.duration or 1.0
    lines = [f"profile of {total:.1f} s ({session.sample_count} samples)", "", "self time by package:"]
    for name, secs in sorted(by_package.items(), key=lambda kv: -kv[1])[:12]:
        lines.append(f"  {secs:7.2f} s {100 * secs / total:5.1f}%  {name}")
    lines += ["", f"top {top} functions by self time:"]
    for (func, path, line), secs in sorted(by_function.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {secs:7.2f} s {100 * secs / total:5.1f}%  {func}  {path}:{line}")
    return "\n".join(lines)


def profile_build(config_file: Path, interval: float = 0.002):  # type: ignore[no-untyped-def]
    """Run one in-process build of ``config_file`` under pyinstrument; returns the session."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pyinstrument import Profiler

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cwd = os.getcwd()
    os.chdir(config_file.parent)
    try:
        profiler = Profiler(interval=interval)
        profiler.start()
        config = load_config(str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
        profiler.stop()
    finally:
        os.chdir(cwd)
    return profiler.last_session


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publications", type=int, default=5000)
    parser.add_argument("--site", choices=["labbook", "baseline"], default="labbook")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    root = OUT / "labs" / f"profile-{args.publications}"
    lab = generate_lab(root / "labbook", args.publications)
    config = (write_labbook_site(lab, root / "labbook") if args.site == "labbook"
              else write_baseline_site(lab, root / "baseline"))
    session = profile_build(config)
    from pyinstrument.renderers import ConsoleRenderer

    print(summarize(session, args.top))
    print()
    print(ConsoleRenderer(unicode=True, color=False, show_all=False, short_mode=False,
                          processor_options={"filter_threshold": 0.01}).render(session))
    if args.html:
        from pyinstrument.renderers import HTMLRenderer

        args.html.write_text(HTMLRenderer().render(session), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
