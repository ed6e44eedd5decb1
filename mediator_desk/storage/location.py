"""Where the database lives by default, and where the log file is."""

from __future__ import annotations

import os
from pathlib import Path


ENV_VAR = "MEDIATOR_DESK_DB"
APP_NAME = "mediator_desk"


def data_folder() -> Path:
    """The per-user data folder of the application (e.g. ~/.local/share/mediator_desk)."""
    from platformdirs import user_data_dir   # at first use: ~3 ms of every start otherwise

    return Path(user_data_dir(APP_NAME, appauthor=False))


def is_data_folder(folder: Path) -> bool:
    """Whether ``folder`` is :func:`data_folder` (which always ends in ``APP_NAME``: other
    folders are told apart without looking the data folder up)."""
    return folder.name == APP_NAME and folder.absolute() == data_folder().absolute()


def default_db_path() -> Path:
    """The database path: $MEDIATOR_DESK_DB if set, else the per-user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_folder() / "mediator_desk.db"


def resolve_db_path(path: str | os.PathLike | None) -> Path:
    """An explicit ``--db`` path wins over the environment variable and the default."""
    return Path(path).expanduser() if path else default_db_path()


def log_file() -> Path:
    """The application's log file in the per-user log folder (e.g. %LOCALAPPDATA%\\mediator_desk\\Logs):
    technical details (SQLite's own English texts) go there, never into a message."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False)) / "mediator-desk.log"

