"""Every test is isolated: offscreen Qt, its own data folder and settings, no real dialogs."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from penportrait.core import clock
from penportrait.core.demo import write_sample_school
from penportrait.core.store import Store

# The day every test lives on: nothing a test checks may depend on the real calendar or clock
# (CI runs tomorrow too). Run the suite under faketime to prove it.
FIXED_NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
FIXED_TODAY = FIXED_NOW.date()


@pytest.fixture(autouse=True, scope="session")
def _fixed_clock() -> Iterator[None]:
    """Pin the app's clock (penportrait.core.clock) for the whole run."""
    clock.pin(FIXED_NOW)
    yield
    clock.pin(None)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh, empty data folder and settings location for every test."""
    monkeypatch.setenv("PENPORTRAIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("PENPORTRAIT_DEBUG", raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The test's data folder (empty, not yet created)."""
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture(scope="session")
def _sample_school_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample") / "school"
    write_sample_school(root)
    return root


@pytest.fixture
def sample_dir(_sample_school_master: Path, data_dir: Path) -> Path:
    """A private copy of the sample school, as the test's data folder."""
    shutil.copytree(_sample_school_master, data_dir)
    return data_dir


@pytest.fixture
def sample_store(sample_dir: Path) -> Store:
    return Store(sample_dir)
