"""``labbook import``: bring an al-folio, academicpages or Hugo Blox site's content into a labbook site.

Each template has its module (``alfolio``, ``academicpages``, ``hugoblox``) with one function
``import_site(ctx)``; this module checks the arguments, runs it, writes the site and ``IMPORT-REPORT.md``, and
finally loads the written site with labbook's own loader so that anything labbook would refuse is in the
report too. The source folder is only ever read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from labbook.importers import academicpages, alfolio, hugoblox
from labbook.importers.assets import Assets
from labbook.importers.common import Context
from labbook.importers.frontmatter import SOURCE_ROOT
from labbook.importers.report import ImportReport, ImportUsageError
from labbook.importers.site import SiteWriter

__all__ = ["TEMPLATES", "ImportOutcome", "ImportUsageError", "run_import"]

#: Template name -> (importer, folders searched for referenced files, what a source of that kind looks like).
TEMPLATES: dict[str, tuple[Callable[[Context], None], tuple[str, ...], Callable[[Path], str | None], bool]] = {
    "al-folio": (alfolio.import_site, ("assets/img", "assets/pdf", "assets"), alfolio.not_a_site, False),
    "academicpages": (academicpages.import_site, ("images", "files", "assets"), academicpages.not_a_site, False),
    "hugoblox": (hugoblox.import_site, ("static", "assets/media", "assets/images", "static/media"),
                 hugoblox.not_a_site, True),
}


@dataclass
class ImportOutcome:
    """What an import did: the report, and where it was written."""

    report: ImportReport
    report_path: Path

    @property
    def exit_code(self) -> int:
        """0 when everything found was imported, 1 when some items were skipped."""
        return 1 if self.report.any_skipped else 0


def run_import(template: str, source: Path, dest: Path | None, *, into: Path | None = None,
               lang: str | None = None) -> ImportOutcome:
    """Import ``source`` (a site made with ``template``) into a new site at ``dest`` or into the site ``into``."""
    if template not in TEMPLATES:
        raise ImportUsageError(f"unknown template '{template}': use one of {', '.join(TEMPLATES)}")
    importer, search, check, hugo = TEMPLATES[template]
    if not source.is_dir():
        raise ImportUsageError(f"'{source}' is not a folder; give the {template} site's folder as SOURCE")
    why = check(source)
    if why:
        raise ImportUsageError(f"'{source}' is not a {template} site: {why}")
    target = into if into is not None else dest
    if target is None:
        raise ImportUsageError("give DEST (a new folder) or --into EXISTING (a labbook site)")
    if into is not None:
        if not (into / "mkdocs.yml").is_file():
            raise ImportUsageError(f"--into '{into}' is not a labbook site (it has no mkdocs.yml)")
    elif dest is not None and dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ImportUsageError(f"'{dest}' already exists and is not empty; choose a new folder or use --into")
    if target.resolve().is_relative_to(source.resolve()):
        raise ImportUsageError("the new site cannot be inside SOURCE (the source is only read)")
    report = ImportReport(template=template, source=str(source))
    writer = SiteWriter(target, report, into=into is not None)
    ctx = Context(source=source, writer=writer, report=report, assets=Assets(source, writer, report, search),
                  hugo=hugo, lang=lang)
    token = SOURCE_ROOT.set(source)
    try:
        importer(ctx)
    finally:
        SOURCE_ROOT.reset(token)
    writer.write()
    from labbook.importers.verify import verify_site

    verify_site(target, report, writer.bib_origin)
    report_path = target / "IMPORT-REPORT.md"
    report_path.write_text(report.markdown(), encoding="utf-8")
    return ImportOutcome(report, report_path)
