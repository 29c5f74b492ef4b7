"""Step 3: what kind of case, with which provider, under which rules."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from okguard.domain.case import CaseType, Jurisdiction
from okguard.recovery import WizardStep
from okguard.ui.recovery import texts
from okguard.ui.recovery.base import Host, StepPage, wrapped

# Proper names, offered as they are written; the rules recognise them in either script.
PROVIDER_SUGGESTIONS = ("Alipay", "支付宝", "WeChat Pay", "微信支付", "Visa card", "Mastercard")


class ClassifyPage(StepPage):
    step = WizardStep.CLASSIFY

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.type_combo = QComboBox()
        for case_type in CaseType:
            self.type_combo.addItem("", case_type.value)
        self.jurisdiction_combo = QComboBox()
        for place in Jurisdiction:
            self.jurisdiction_combo.addItem("", place.value)
        self.provider_combo = QComboBox()
        self.provider_combo.setEditable(True)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self.labels[0], self.type_combo)
        form.addRow(self.labels[1], self.provider_combo)
        form.addRow(self.labels[2], self.jurisdiction_combo)
        self.rules_used = wrapped()
        self.body.addLayout(form)
        self.body.addWidget(self.rules_used)
        self.body.addStretch(1)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.provider_combo.currentTextChanged.connect(lambda _t: self._changed())
        self._loading = False
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("What kind of case"))
        self.setSubTitle(
            self.tr(
                "Deadlines, contacts and the letter depend on what went wrong, who holds "
                "your money and where."
            )
        )
        self.labels[0].setText(self.tr("What went wrong"))
        self.labels[1].setText(self.tr("Bank, wallet or exchange"))
        self.labels[2].setText(self.tr("Rules of"))
        for i in range(self.type_combo.count()):
            kind = CaseType(self.type_combo.itemData(i))
            self.type_combo.setItemText(i, texts.name(texts.CASE_TYPES, kind))
        for i in range(self.jurisdiction_combo.count()):
            place = Jurisdiction(self.jurisdiction_combo.itemData(i))
            self.jurisdiction_combo.setItemText(i, texts.name(texts.JURISDICTIONS, place))
        edit = self.provider_combo.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("e.g. Alipay, your bank"))
        self._show_rules()

    def refresh(self) -> None:
        case = self.state.case
        self._loading = True
        try:
            self.type_combo.setCurrentIndex(self.type_combo.findData(case.type.value))
            self.jurisdiction_combo.setCurrentIndex(
                self.jurisdiction_combo.findData(case.jurisdiction.value)
            )
            accounts = [t.account_name for t in case.transactions if t.account_name]
            self.provider_combo.clear()
            self.provider_combo.addItems(list(dict.fromkeys([*accounts, *PROVIDER_SUGGESTIONS])))
            self.provider_combo.setEditText(case.provider)
        finally:
            self._loading = False
        self._show_rules()
        self.show_blockers()

    def _changed(self) -> None:
        if self._loading:
            return
        kind = CaseType(self.type_combo.currentData())
        place = Jurisdiction(self.jurisdiction_combo.currentData())
        provider = self.provider_combo.currentText().strip()
        case = self.state.case
        if (kind, place, provider) != (case.type, case.jurisdiction, case.provider):
            self.host.update_state(self.state.classify(kind, place, provider))
            self._show_rules()

    def _show_rules(self) -> None:
        bundle = self.bundle()
        place = texts.name(texts.JURISDICTIONS, bundle.jurisdiction)
        if bundle.provider:
            text = self.tr("Using the rules of {0}, with what is known about {1}.").format(
                place, self.state.case.provider
            )
        else:
            text = self.tr("Using the rules of {0}.").format(place)
        self.rules_used.setText(text)
