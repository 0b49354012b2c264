"""Pupil photos: any JPEG or PNG from a camera or phone, made safe to keep and print.

The stored copy is upright (EXIF orientation applied), at most PHOTO_MAX_PX on its longer side
(Qt re-encodes images at their pixel size, so print size is all a page needs), and a fresh
JPEG with no metadata at all: no EXIF, no GPS location, no camera serial, no ICC profile.

Each photo chosen is kept under its own name, ``<id>.<hash>.jpg``, from the pupil's id and the
photo's bytes, and never written over: the pupil file's ``photo`` field is the one truth of
which picture is the pupil's, so undo, redo, "Keep theirs" in a conflict, history and another
laptop all show the picture their version of the pupil names. A photo no pupil file, conflict
copy, trashed pupil, import record or history revision names any more, for 30 days, is listed
by Check data (core.leftovers) and removed only when a person asks
(``penportrait check --remove-unused-photos``): an editor open on another laptop may still
undo back to it, or save the new pupil that names it. Folders from before keep ``<id>.jpg``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import warnings
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_MAX_PX: Final = 800
MAX_SOURCE_PIXELS: Final = 120_000_000  # larger than any phone camera; refuse bigger files
ACCEPTED_FORMATS: Final = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG"}
PHOTO_HASH_CHARS: Final = 12  # hex digits of the photo's SHA-256 in its file name
# A photo no file names is listed as unused only once this old, by the file system's clock.
UNUSED_PHOTO_SECONDS: Final = 30 * 24 * 3600.0
# The photo field in a pupil file's bytes (read without parsing: damaged files count too).
PHOTO_FIELD: Final = re.compile(rb'"photo"\s*:\s*("(?:[^"\\]|\\.)*")')


class PhotoError(ValueError):
    """A file that cannot be used as a pupil photo; the message says why, for the user."""


def clean_photo(source: Path) -> bytes:
    """Read ``source`` and return the bytes of the cleaned JPEG."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise PhotoError(
                        f"{source.name} is a {image.format or 'unknown'} image; "
                        "choose a JPEG or PNG photo"
                    )
                if image.width * image.height > MAX_SOURCE_PIXELS:
                    raise PhotoError(
                        f"{source.name} is {image.width}×{image.height} pixels, too large to use"
                    )
                image.draft("RGB", (PHOTO_MAX_PX * 2, PHOTO_MAX_PX * 2))
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX), Image.Resampling.LANCZOS)
                flat = _on_white(upright)
    except FileNotFoundError:
        raise PhotoError(f"{source} does not exist") from None
    except UnidentifiedImageError:
        raise PhotoError(f"{source.name} is not a photo PenPortrait can read") from None
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError) as error:
        if isinstance(error, PhotoError):
            raise
        raise PhotoError(f"{source.name} could not be read as a photo ({error})") from None
    # A brand-new image carries no metadata from the source.
    clean = Image.new("RGB", flat.size, "white")
    clean.paste(flat)
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return out.getvalue()


def photo_file_name(pupil_id: str, data: bytes) -> str:
    """The name a cleaned photo is kept under: ``<id>.<hash>.jpg``, its own for each picture."""
    return f"{pupil_id}.{hashlib.sha256(data).hexdigest()[:PHOTO_HASH_CHARS]}.jpg"


def photo_owner(name: str) -> str:
    """The id of the pupil a photo's file name was made for (``<id>.jpg`` or
    ``<id>.<hash>.jpg``): only that pupil's history can name it."""
    return name.split(".", 1)[0]


def photos_named(data: bytes) -> set[str]:
    """The photo file names a pupil file (or an import record of several) names."""
    named = set()
    for quoted in PHOTO_FIELD.findall(data):
        try:  # a hand-edited file may escape characters ("\u002e"): read it as JSON does
            named.add(str(json.loads(quoted)))
        except ValueError:
            named.add(quoted.decode("utf-8", "replace"))
    return named


def _on_white(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (a PNG cut-out prints on white paper)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, "white")
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")
