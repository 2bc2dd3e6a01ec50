"""The bad-input corpus (tests/bad_inputs/): every case gives its exact messages, both ways.

Each case runs through `actionplan validate` and `mkdocs build --strict` on a tiny site (both
command lines run in the test process; two cases also run `mkdocs` as a program): the same
problem lines, a non-zero exit, no traceback, and no output folder left behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan import cli

from ..tiny_site import make_project, mkdocs

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
HUGE_BYTES = 50 * 1024 * 1024


def _huge_plan() -> bytes:
    # A plan whose introduction was pasted thousands of times: valid YAML, 50 MB.
    head = b"schema_version: 1\nplan:\n  id: huge\n  title: Huge\n  introduction: "
    return head + b"x" * (HUGE_BYTES - len(head) - 1) + b"\n"


GENERATED = {"huge-file": {"plan.yaml": _huge_plan}}


def case_inputs(case: str) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted((CORPUS / case).glob("*.yaml"))}
    files.update({name: make() for name, make in GENERATED.get(case, {}).items()})
    assert files, f"{case} has no input file"
    return files


def expected_lines(case: str) -> list[str]:
    text = (CORPUS / case / "expected.txt").read_text(encoding="utf-8")
    return sorted(line for line in text.splitlines() if line and not line.startswith("#"))


def problem_lines(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("data/"))


def test_every_case_has_its_expected_messages():
    assert len(CASES) >= 40
    for case in CASES:
        assert (CORPUS / case / "expected.txt").is_file(), case
        assert (CORPUS / case / "expected.txt").read_text("utf-8").startswith("# "), case


@pytest.mark.parametrize("case", CASES)
def test_actionplan_validate(case, tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path, plans=case_inputs(case))
    monkeypatch.chdir(project)
    code = cli.main(["validate"])  # the console script's entry point: an exception fails here
    out = capsys.readouterr()
    expected = expected_lines(case)
    printed = (out.err + out.out).splitlines()
    assert problem_lines("\n".join(printed)) == []  # every problem line says its kind
    assert problem_lines("\n".join(line.removeprefix("error: ").removeprefix("warning: ")
                                   for line in printed)) == expected
    if expected:
        assert code == 1 and "error" in out.err.splitlines()[-1]
    else:
        assert code == 0 and "no errors" in out.out


@pytest.mark.parametrize("case", CASES)
def test_mkdocs_build_strict(case, tmp_path):
    _check_build_strict(case, tmp_path, own_process=False)


# The same through the `mkdocs` program itself, for one refused and one accepted case: every
# case above runs MkDocs' command line in the test process (tests/tiny_site.py).
@pytest.mark.parametrize("case", ["several-problems-at-once", "windows-line-endings"])
def test_mkdocs_build_strict_as_a_program(case, tmp_path):
    assert case in CASES
    _check_build_strict(case, tmp_path, own_process=True)


def _check_build_strict(case: str, tmp_path: Path, *, own_process: bool) -> None:
    project = make_project(tmp_path / "project", plans=case_inputs(case))
    result = mkdocs(project, "build", "--strict", own_process=own_process)
    output = result.stderr + result.stdout
    expected = expected_lines(case)
    assert "Traceback" not in output
    assert problem_lines(output) == expected, output
    leftovers = sorted(p.name for p in project.iterdir())
    if expected:
        assert result.returncode == 1
        assert leftovers == ["content", "data", "mkdocs.yml"]  # nothing written, nothing staged
    else:
        assert result.returncode == 0, output
        assert (project / "site" / "plans" / "test-plan" / "index.html").is_file()
        assert leftovers == ["content", "data", "mkdocs.yml", "site"]
