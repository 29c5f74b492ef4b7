"""One serialised background worker for database and file work.

Tasks run one at a time on a single pool thread (SQLite likes one writer) and report
back through signals of a :class:`Task` that lives on the GUI thread, so slots run
there. Task functions get the ``progress`` and ``cancelled`` callables the services
accept and never touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from okguard.domain.importing import ImportFailure

log = logging.getLogger(__name__)

TaskFn = Callable[[Callable[[int], None], Callable[[], bool]], Any]


class TaskCancelled(Exception):
    """Raised by a task function that noticed the cancel request."""


class Task(QObject):
    """Signals of one queued job; ``cancel()`` asks the running service to stop."""

    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


def _is_cancellation(exc: BaseException) -> bool:
    # The import writer raises its own Cancelled; match by name to keep this module
    # independent of storage internals.
    return isinstance(exc, TaskCancelled) or type(exc).__name__ == "Cancelled"


def describe_error(exc: BaseException) -> str:
    """A sentence for the user; never a traceback."""
    if isinstance(exc, ImportFailure):
        return exc.message.render()
    text = str(exc).strip() or type(exc).__name__
    return QCoreApplication.translate("Worker", "Something went wrong: {0}").format(text)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: TaskFn) -> None:
        super().__init__()
        self.task = task
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = self.fn(task.progress.emit, task.is_cancelled)
        except BaseException as exc:  # every failure must reach the page, not the console
            if _is_cancellation(exc) or task.is_cancelled():
                task.cancelled.emit()
            else:
                log.exception("task %s failed", task.name)
                task.failed.emit(describe_error(exc))
            return
        if task.is_cancelled():
            task.cancelled.emit()
        else:
            task.finished.emit(result)


class DbWorker(QObject):
    """Queue of background tasks executed strictly one after another."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def submit(self, name: str, fn: TaskFn) -> Task:
        # Parented to the worker so it outlives the page that asked for it. Started on
        # the next event-loop turn so the caller connects its slots before any result.
        task = Task(name, self)
        QTimer.singleShot(0, self, lambda: self._pool.start(_Runnable(task, fn)))
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        for task in self.findChildren(Task):
            task.cancel()
        self._pool.waitForDone(10_000)
