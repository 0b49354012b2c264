"""Where the data folder is: ``--data``, else ``$PENPORTRAIT_DATA``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "PenPortrait"
DATA_ENV: Final = "PENPORTRAIT_DATA"


def data_folder(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
