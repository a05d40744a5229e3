"""What one build knows about a site once it is planned; the MkDocs adapter keeps it and the macros read it."""

from __future__ import annotations

from dataclasses import dataclass

from labbook.catalog.lab import Lab
from labbook.render.environment import Renderer
from labbook.render.lab_views import LabViews
from labbook.site.plan import SitePlan


@dataclass
class SiteState:
    """The lab, the views and renderer of this build, and the plan of pages and files it adds."""

    lab: Lab
    views: LabViews
    renderer: Renderer
    plan: SitePlan
