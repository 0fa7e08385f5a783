"""A new service's fields filled in the Office settings form as a supervisor would, so it can
be saved: shared by the tests that add a service."""

from __future__ import annotations

from counterdesk.supervisor.office_tab import OfficeTab

NOTARY = {
    ("name", "zh"): "公證",
    ("name", "en"): "Notarisation",
    ("prefix",): "N",
    ("processing_time", "zh"): "當場",
    ("processing_time", "en"): "While you wait",
    ("fee", "zh"): "NT$100",
    ("fee", "en"): "NT$100",
}


def fill_notary(tab: OfficeTab) -> None:
    """The form's service (just added) made complete: names, prefix, time, fee and a step."""
    for path, text in NOTARY.items():
        tab.form.edits[path].setText(text)
    tab.form.steps.set_rows([["臨櫃辦理", "At the counter"]])
