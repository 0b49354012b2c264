"""`penportrait conflicts` and `check` with sync conflict copies in the folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penportrait.cli import main
from penportrait.core.store import Store
from tests.core.test_conflicts import ID, two_laptops


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_names_each_copy_with_its_pupil(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    copy = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    code, _, err = run(capsys, "check", "--data", str(store.root))
    assert code == 1
    assert f"pupils/{copy.name}" in err
    assert f"Syncthing conflict copy of Amira Hussain (pupils/{ID}.json)" in err


def test_conflicts_lists_then_merges_and_exits_0_when_none_remain(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    copy = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    code, out, _ = run(capsys, "conflicts", "--data", str(store.root))
    assert code == 1 and copy.exists()
    assert "the copy changed: What I say" in out or "the copy changed:" in out
    code, out, _ = run(capsys, "conflicts", "--data", str(store.root), "--merge", "--json")
    result = json.loads(out)
    assert code == 0, out
    assert [r["pupil"] for r in result["merged"]] == ["Amira Hussain"]
    assert result["remaining"] == []
    pupil = Store(store.root).load(ID)
    assert (pupil.portrait.about_me, pupil.portrait.pupil_voice) == ("A", "B")
    assert run(capsys, "conflicts", "--data", str(store.root))[0] == 0


def test_merge_leaves_a_clash_byte_for_byte_and_exits_1(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    copy = two_laptops(store, {"about_me": "A"}, {"about_me": "B"})
    before = {p: p.read_bytes() for p in Path(store.pupils_dir).iterdir()}
    code, out, _ = run(capsys, "conflicts", "--data", str(store.root), "--merge", "--json")
    assert code == 1
    remaining = json.loads(out)["remaining"]
    assert [(r["file"], r["clashes"]) for r in remaining] == [(f"pupils/{copy.name}", ["About me"])]
    assert {p: p.read_bytes() for p in Path(store.pupils_dir).iterdir()} == before


def test_check_says_what_to_do_with_each_copy_and_never_to_delete_a_clash(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    copy = two_laptops(store, {"about_me": "A"}, {"about_me": "B"})
    code, _, err = run(capsys, "check", "--data", str(store.root))
    line = next(line for line in err.splitlines() if copy.name in line)
    assert code == 1
    assert "Tools > Resolve sync conflicts" in line and "do not delete it" in line
    assert "--merge" not in line  # --merge cannot settle a clash
    assert "remove" not in err


def test_a_merge_from_the_command_line_is_not_signed_with_the_login_name(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    import getpass

    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    assert run(capsys, "conflicts", "--data", str(store.root), "--merge")[0] == 0
    merged = Store(store.root).load(ID)
    assert merged.updated_by == "sync merge" != getpass.getuser()
