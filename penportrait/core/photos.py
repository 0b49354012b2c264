"""Pupil photos: any JPEG or PNG from a camera or phone, made safe to keep and print.

The stored copy is upright (EXIF orientation applied), at most PHOTO_MAX_PX on its longer side
(Qt re-encodes images at their pixel size, so print size is all a page needs), and a fresh
JPEG with no metadata at all: no EXIF, no GPS location, no camera serial, no ICC profile.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_MAX_PX: Final = 800
MAX_SOURCE_PIXELS: Final = 120_000_000  # larger than any phone camera; refuse bigger files
ACCEPTED_FORMATS: Final = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG"}


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


def _on_white(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (a PNG cut-out prints on white paper)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, "white")
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")
