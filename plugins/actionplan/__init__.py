"""actionplan: publish public commitments from structured plan data.

The core (load -> validate -> model -> pages -> render) knows nothing of MkDocs;
`actionplan.mkdocs_plugin` is a thin adapter over it. Start at `actionplan.api`.
"""

__version__ = "0.1.0"
