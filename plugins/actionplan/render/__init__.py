"""Stage 5: render page specs to HTML fragments (the page body) with Jinja2 templates."""

from actionplan.render.renderer import Renderer
from actionplan.render.text import markdown_to_html

__all__ = ["Renderer", "markdown_to_html"]
