"""The accessibility statement page from the plugin's `accessibility` settings."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from actionplan.accessibility.known_issues import KnownIssue
from actionplan.accessibility.record import read_test_run
from actionplan.accessibility.statement import StatementSettings, statement_page
from actionplan.mkdocs_plugin.config import AccessibilityConfig
from actionplan.pages import PageSpec


def statement_settings(settings: AccessibilityConfig, config: MkDocsConfig) -> StatementSettings:
    return StatementSettings(
        website=config.site_name, organisation=settings.organisation, email=settings.email,
        phone=settings.phone, address=settings.address, response_days=settings.response_days,
        url=config.site_url or "", compliance=settings.compliance,
        enforcement=settings.enforcement, prepared=settings.prepared,
        reviewed=settings.reviewed, manual_audit=settings.manual_audit,
        improvements=settings.improvements,
        known_issues=tuple(KnownIssue(i.criterion, i.problem, i.reason)
                           for i in settings.known_issues))


def statement_spec(settings: AccessibilityConfig, config: MkDocsConfig,
                   project_dir: Path) -> tuple[PageSpec | None, StatementSettings | None]:
    """The statement page and its settings, or (None, None) if it is switched off."""
    if not settings.statement:
        return None, None
    facts = statement_settings(settings, config)
    run = read_test_run(project_dir / settings.test_record)
    return statement_page(facts, run, settings.statement_path), facts
