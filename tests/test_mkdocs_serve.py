"""`mkdocs serve` rebuilds when a data file changes, and survives bad data, showing the problems.

Each test runs a real `mkdocs serve` on a free 127.0.0.1 port in a subprocess, with every
wait bounded, and stops it at the end.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from .serving import NOTICE, Server
from .tiny_site import build, make_project, mkdocs_yml


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, mkdocs_yml(strict=True))


@pytest.fixture
def serve(project):
    servers = []

    def start() -> Server:
        server = Server(project)
        servers.append(server)
        return server
    yield start
    for server in servers:
        server.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_saving_a_data_file_rebuilds_the_site(project, serve):
    server = serve()
    plan_page = "/plans/mini-plan/"
    server.wait_for("the first build", lambda: server.page_has("Mini Equality Plan", plan_page))
    edit(project / "data" / "plans" / "mini.yaml", "title: Mini Equality Plan 2020-2022",
         "title: Renamed Equality Plan 2020-2022")
    server.wait_for("the rebuild", lambda: server.page_has("Renamed Equality Plan", plan_page))
    assert "Detected file changes" in server.output()


def test_bad_data_while_serving_is_shown_and_the_server_keeps_the_last_good_site(project,
                                                                                   serve):
    server = serve()
    plan_page = "/plans/mini-plan/"
    server.wait_for("the first build", lambda: server.page_has("Mini Equality Plan", plan_page))
    plan = project / "data" / "plans" / "mini.yaml"
    edit(plan, "status: in_progress", "status: in progres")
    message = ('data/plans/mini.yaml:50:25: action 1.1.1 > progress update 1 > status: Status '
               '"in progres" is not one of')
    server.wait_for("the problem in the terminal", lambda: message in server.output())
    server.wait_for("the problem on the page", lambda: server.page_has(NOTICE, plan_page))
    status, body = server.get(plan_page)
    assert status == 200 and "Mini Equality Plan" in body  # the last good data, still served
    assert message in html.unescape(body)
    assert "ERROR   -  1 problem in the plan data:" in server.output()
    assert "Traceback" not in server.output()
    edit(plan, "status: in progres", "status: in_progress")
    server.wait_for("the notice to go", lambda: server.page_has("Mini Equality Plan", plan_page)
                    and not server.page_has(NOTICE, plan_page))


def test_serve_starts_on_bad_data_but_build_still_refuses_it(project, serve):
    edit(project / "data" / "plans" / "mini.yaml", "status: in_progress", "status: in progres")
    server = serve()
    server.wait_for("the home page with the problem", lambda: server.page_has(NOTICE))
    status, body = server.get("/")
    assert "No plan can be shown until the data can be read." in body
    result = build(project)
    assert result.returncode == 1
    assert 'Status "in progres" is not one of' in result.stderr
