"""Where internal errors go: a log file in the user's log folder, never the screen."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir


def log_crash(
    exc_info: tuple[type[BaseException], BaseException, TracebackType | None] | None = None,
) -> Path | None:
    """Append the traceback (the one being handled, or ``exc_info``) to crash.log;
    returns the file, or None when even that cannot be written."""
    try:
        folder = Path(user_log_dir("okguard", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        text = "".join(traceback.format_exception(*exc_info)) if exc_info else (
            traceback.format_exc()
        )
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()}\n{text}\n")
        return path
    except OSError:
        return None
