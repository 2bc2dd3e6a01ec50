"""A history cache file is used only when it is whole, of the right shape and unchanged since
it was written; any doubt means history is read from git again, never a broken build."""

from __future__ import annotations

import pytest

from actionplan.history import HistoryCache
from actionplan.history.reader import read_history

from ..gitrepo import GitRepo
from ..tiny_site import make_project


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    project = make_project(tmp_path / "site")
    repo = GitRepo(project)
    repo.commit("Publish the mini plan")
    plan = project / "data" / "plans" / "mini.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "Review the website", "Review the website and the app"), encoding="utf-8")
    repo.commit("Widen 1.1.2\n\nChange-reason: The app was launched in 2021.")
    return repo


def read(repo: GitRepo, folder):
    HistoryCache.forget_all()  # as a new build process: only the disk layer remains
    return read_history(repo.root, repo.root / "data", cache=HistoryCache(folder))


def cache_file(folder):
    [file] = folder.glob("history-*.checkpoint")
    return file


def test_a_cache_written_by_a_build_is_used_by_the_next(repo, tmp_path, monkeypatch):
    truth = read(repo, tmp_path / "cache")
    from actionplan.history import reader
    monkeypatch.setattr(reader._HistoryReader, "_apply",
                        lambda *a: pytest.fail("history was read again"))
    assert read(repo, tmp_path / "cache").entries == truth.entries


@pytest.mark.parametrize("content", [
    b"[]", b"null", b"{}", b"", b"\x00\x01", b'{"code": 1}',
], ids=["list", "null", "empty-object", "empty", "binary", "wrong-shape"])
def test_a_cache_of_the_wrong_shape_means_a_fresh_read(repo, tmp_path, content):
    truth = read(repo, tmp_path / "cache")
    cache_file(tmp_path / "cache").write_bytes(content)
    assert read(repo, tmp_path / "cache").entries == truth.entries


def test_a_doctored_cache_is_not_trusted(repo, tmp_path):
    truth = read(repo, tmp_path / "cache")
    file = cache_file(tmp_path / "cache")
    raw = file.read_bytes()
    assert b"The app was launched in 2021." in raw
    file.write_bytes(raw.replace(b"The app was launched in 2021.", b"Nobody asked for this."))
    history = read(repo, tmp_path / "cache")
    assert history.entries == truth.entries
    assert any(e.reason == "The app was launched in 2021." for e in history.entries)


def split_file(file) -> tuple[dict, bytes]:
    """The JSON line of a cache file, and the binary part after it."""
    import orjson
    _, _, body = file.read_bytes().partition(b"\n")
    head, _, binary = body.partition(b"\n")
    return orjson.loads(head), binary


def write_signed(file, head: dict, binary: bytes) -> None:
    """A cache file with these parts and a checksum that matches them."""
    import orjson
    from actionplan.history.cache import _with_checksum
    file.write_bytes(_with_checksum(orjson.dumps(head) + b"\n" + binary))


def test_a_cache_with_a_matching_checksum_but_impossible_values_is_not_used(repo, tmp_path):
    truth = read(repo, tmp_path / "cache")
    file = cache_file(tmp_path / "cache")
    head, binary = split_file(file)
    write_signed(file, head, binary)  # unchanged, and signed again: still used
    assert read(repo, tmp_path / "cache").entries == truth.entries
    text_bytes = head["text_bytes"]
    impossible = [
        # every number in the arrays out of range (texts[4294967295])
        (head, binary[:text_bytes] + b"\xff" * (len(binary) - text_bytes)),
        # a column made of an array that is not in the file
        ({**head, "history": {**head["history"],
                              "columns": [["all", 99]] + head["history"]["columns"][1:]}},
         binary),
        # texts that are not as long as the file says
        ({**head, "text_bytes": text_bytes - 1}, binary[:text_bytes - 1] + binary[text_bytes:]),
        # a plan file's version that is not a blob's name
        ({**head, "state": {"data/plans/mini.yaml": "not a blob"}}, binary),
    ]
    for changed_head, changed_binary in impossible:
        write_signed(file, changed_head, changed_binary)
        assert read(repo, tmp_path / "cache").entries == truth.entries
        assert split_file(cache_file(tmp_path / "cache")) == (head, binary)  # written afresh


def test_a_cache_from_other_code_or_another_byte_order_is_not_used(repo, tmp_path,
                                                                   monkeypatch):
    from actionplan.history import cache, reader
    truth = read(repo, tmp_path / "cache")
    file = cache_file(tmp_path / "cache")
    head, binary = split_file(file)
    applied = []
    real_apply = reader._HistoryReader._apply
    monkeypatch.setattr(reader._HistoryReader, "_apply",
                        lambda self, *a: applied.append(1) or real_apply(self, *a))
    other = {"little": "big", "big": "little"}[head["byteorder"]]
    write_signed(file, {**head, "byteorder": other}, binary)
    assert read(repo, tmp_path / "cache").entries == truth.entries and applied
    applied.clear()
    write_signed(file, {**head, "code": "0" * 24}, binary)  # renamed from other code's
    assert read(repo, tmp_path / "cache").entries == truth.entries and applied
    applied.clear()
    # Changed code: its own file name; the file of the code before is not read, and goes.
    monkeypatch.setattr(cache, "_fingerprint", "1" * 24)
    assert read(repo, tmp_path / "cache").entries == truth.entries and applied
    assert cache_file(tmp_path / "cache").name.endswith("1" * 24 + ".checkpoint")
