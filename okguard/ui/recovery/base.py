"""What every wizard page shares: the host it edits the case through, a scrolling body,
the line that says why "Next" is refused, and a status line for finished work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from okguard.i18n import Msg
from okguard.recovery import RuleBundle, WizardState, WizardStep
from okguard.ui.context import UiContext
from okguard.ui.workers import TaskFn


class Host(Protocol):
    """The wizard as its pages see it: the state machine and the way to change it."""

    ctx: UiContext
    anomaly_key: str | None

    @property
    def state(self) -> WizardState: ...

    def update_state(self, state: WizardState, *, rebuild: bool = False) -> None: ...

    def run(
        self,
        name: str,
        fn: TaskFn,
        on_done: Callable[[Any], None],
        *,
        blocking: bool = True,
        notify: bool | None = None,
    ) -> None: ...

    def open_file(self, caption: str) -> Path | None: ...

    def save_file(self, caption: str, suggested: str, filter_: str) -> Path | None: ...


def clear_layout(layout: QLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            # Off the page at once (deleteLater alone leaves it drawn until the loop runs).
            widget.setParent(None)
            widget.deleteLater()
        elif (child := item.layout()) is not None:
            clear_layout(child)


def wrapped(text: str = "", *, selectable: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if rich:
        label.setOpenExternalLinks(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ScriptBox(QFrame):
    """What to say to someone, selectable, with a button copying it to the clipboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = wrapped(selectable=True)
        self.copy_button = QPushButton()
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.copy_button.clicked.connect(self._copy)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.copy_button.setText(self.tr("Copy"))

    def set_script(self, text: str) -> None:
        self.text.setText(text)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.text())


class StepPage(QWizardPage):
    """One step of :class:`~okguard.recovery.WizardState`; it renders the state and turns
    input into state edits, never deciding itself whether the step is done."""

    step: WizardStep

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.notice = wrapped()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("QLabel#notice { background: #fff7e0; padding: 6px; }")
        self.notice.hide()
        self.body = QVBoxLayout()
        inner = QWidget()
        inner.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.blockers = wrapped()
        self.blockers.setStyleSheet("color: #b45309;")
        self.status = wrapped(selectable=True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.notice)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.blockers)
        outer.addWidget(self.status)

    # -- what subclasses provide -------------------------------------------------------
    def refresh(self) -> None:
        """Draw the page from ``self.state`` (again), in the current language."""

    def retranslateUi(self) -> None:
        """Fixed texts of the page."""

    # -- shared --------------------------------------------------------------------------
    @property
    def state(self) -> WizardState:
        return self.host.state

    @property
    def lang(self) -> str:
        return self.host.ctx.lang

    def bundle(self) -> RuleBundle:
        return self.state.bundle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def show_blockers(self) -> None:
        reasons: tuple[Msg, ...] = ()
        if self.state.step is self.step and self.step is not WizardStep.OUTCOME:
            reasons = self.state.blockers()
        self.blockers.setText("\n".join(r.render(self.lang) for r in reasons))
        self.blockers.setVisible(bool(reasons))

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b91c1c;" if error else "")
        self.status.setText(text)

    def isComplete(self) -> bool:
        return self.host_allows_next()

    def host_allows_next(self) -> bool:
        wizard = self.wizard()
        checker = getattr(wizard, "may_leave", None)
        return bool(checker(self)) if callable(checker) else True

    def validatePage(self) -> bool:
        return self.host_allows_next()
