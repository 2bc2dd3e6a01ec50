"""The accessibility statement page from the plugin's `accessibility` settings."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from actionplan.accessibility.known_issues import KnownIssue
from actionplan.accessibility.record import RecordedRun, RecordError, read_test_run
from actionplan.accessibility.statement import StatementSettings, statement_page
from actionplan.mkdocs_plugin.config import AccessibilityConfig
from actionplan.pages import PageSpec

log = get_plugin_logger(__name__)


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
    run = _test_run(settings.test_record, project_dir)
    return statement_page(facts, run, settings.statement_path), facts


def _test_run(record: str, project_dir: Path) -> RecordedRun | None:
    # Only the site's own record: none set means "not yet tested", never another site's.
    if not record:
        return None
    path = project_dir / record
    if not path.is_file():
        log.warning(f"mkdocs.yml: accessibility.test_record: {record} does not exist, so the "
                    "accessibility statement says the site has not been tested. Run the "
                    "accessibility tests to write it, or remove the setting.")
        return None
    try:
        return read_test_run(path)
    except RecordError as error:
        raise PluginError(str(error)) from None
