"""The generated project pages: ``/projects/`` and ``/projects/<id>/``."""

from __future__ import annotations

from labbook.model.project import Project
from labbook.render.environment import Renderer
from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading
from labbook.render.index_page import Section, count, index_page
from labbook.render.lab_views import LabViews


def projects_index(views: LabViews, renderer: Renderer, edit_path: str | None,
                   title: str = "Projects") -> GeneratedPage:
    """``/projects/``: ongoing projects, then completed ones, in file order."""
    lab = views.lab
    groups = [(status, label, [p for p in lab.projects if p.status == status])
              for status, label in (("ongoing", "Ongoing"), ("done", "Completed"))]
    sections = [Section(status, lambda base, items=items: renderer.render(
                            "project_list.html", projects=[views.project(p) for p in items], base=base), heading=label)
                for status, label, items in groups if items]
    n = len(views.lab.projects)
    return index_page(views.urls.src_uri("projects"), title, sections, empty="No projects yet.", edit_path=edit_path,
                      description=f"The lab's research projects ({count(n, 'project')}): aims, people and papers.")


def project_page(project: Project, views: LabViews, renderer: Renderer) -> GeneratedPage:
    """``/projects/<id>/``: status, summary, people and topics; background; contributions; publications; talks."""
    view = views.project(project)
    sections = [("background", "Background"), ("contributions", "Contributions")]
    sections = [(key, label) for key, label in sections if view[f"{key}_html"]]
    parts = [front_matter(project.title, description=project.summary or project.title),
             heading(1, project.title), "", SLOT.format("intro"), ""]
    for key, label in sections:
        parts += [heading(2, label), "", SLOT.format(key), ""]
    if view["publications"]:
        parts += ["## Publications", "", SLOT.format("publications"), ""]
    if view["talks"]:
        parts += ["## Talks", "", SLOT.format("talks"), ""]
    index_url = views.urls.url("projects")
    if index_url:
        parts += [SLOT.format("back"), ""]

    def slots(base: str) -> dict[str, str]:
        out = {"intro": renderer.render("project_intro.html", p=view, base=base)}
        for key, _label in sections:
            out[key] = f'<div class="lb-text lb-project-{key}">{view[f"{key}_html"]}</div>'
        if view["publications"]:
            out["publications"] = renderer.render("publication_list.html", pubs=view["publications"], base=base)
        if view["talks"]:
            out["talks"] = renderer.render("talk_list.html", talks=view["talks"], base=base)
        if index_url:
            out["back"] = renderer.render("back_link.html", url=index_url, label="All projects", base=base)
        return out

    return GeneratedPage(src_uri=views.urls.src_uri("projects", project.id), markdown="\n".join(parts),
                         slots=slots, edit_path=project.source_path, in_nav=False)
