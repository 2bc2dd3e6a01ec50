"""The MkDocs adapter: turns the core's page specs into MkDocs pages. Keep it thin."""
