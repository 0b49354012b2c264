"""Photos from cameras and phones: upright, at most 800 px, and stripped of every tag."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from penportrait.core.photos import PHOTO_MAX_PX, PhotoError, clean_photo
from penportrait.core.store import Store


def phone_photo(path: Path, *, width: int = 1600, height: int = 1200, orientation: int = 6) -> Path:
    """A landscape JPEG whose EXIF says "rotate 90°", with GPS and camera tags, like a phone's."""
    image = Image.new("RGB", (width, height), "white")
    image.paste((200, 30, 30), (0, 0, width // 2, height))  # left half red
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0xA431] = "SERIAL-1234"  # BodySerialNumber
    gps = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_a_phone_photo_is_turned_upright_shrunk_and_stripped(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "IMG_0001.jpg")
    with Image.open(source) as original:
        assert original.getexif()[0x0112] == 6 and 0x8825 in original.getexif()

    cleaned = Image.open(io.BytesIO(clean_photo(source)))

    assert cleaned.format == "JPEG"
    # Orientation 6 means the camera was turned: the stored photo is portrait.
    assert cleaned.size == (600, PHOTO_MAX_PX)
    # The red half was on the left; after turning it is at the top.
    top, bottom = cleaned.getpixel((300, 50)), cleaned.getpixel((300, 750))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[0] > 150 > top[1] and bottom[1] > 200
    assert len(cleaned.getexif()) == 0
    assert "exif" not in cleaned.info and "icc_profile" not in cleaned.info


def test_store_import_photo_writes_photos_id_hash_jpg(store: Store, tmp_path: Path) -> None:
    pupil = store.save(store.new_pupil("Mira", "Hussain", photo_consent=True))
    name = store.import_photo(pupil.id, phone_photo(tmp_path / "p.jpg", width=400, height=300))
    stem, digest, suffix = name.split(".")
    assert (stem, len(digest), suffix) == (pupil.id, 12, "jpg")
    with Image.open(store.photos_dir / name) as stored:
        assert stored.size == (300, 400)
        assert len(stored.getexif()) == 0


def test_a_png_with_transparency_is_laid_on_white(tmp_path: Path) -> None:
    source = tmp_path / "cutout.png"
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(source)
    cleaned = Image.open(io.BytesIO(clean_photo(source)))
    assert cleaned.getpixel((50, 50)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"this is not an image", "not a photo PenPortrait can read"),
        ("empty.png", b"", "not a photo PenPortrait can read"),
    ],
)
def test_files_that_are_not_photos_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(PhotoError, match=message):
        clean_photo(source)


def test_other_image_formats_and_missing_files_are_refused(tmp_path: Path) -> None:
    gif = tmp_path / "anim.gif"
    Image.new("P", (10, 10)).save(gif)
    with pytest.raises(PhotoError, match="GIF image; choose a JPEG or PNG"):
        clean_photo(gif)
    with pytest.raises(PhotoError, match="does not exist"):
        clean_photo(tmp_path / "missing.jpg")


def test_a_truncated_jpeg_is_refused_not_crashed(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "cut.jpg")
    source.write_bytes(source.read_bytes()[:2000])
    with pytest.raises(PhotoError, match=r"cut\.jpg"):
        clean_photo(source)
