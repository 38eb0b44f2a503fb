"""The report model and its canonical JSON."""

import json

import pytest

from assistant.report import (
    SECTION_KEYS, T3_RESULT_ROWS, Report, ReportError, empty_report, t3_rows,
)


def test_empty_report_has_every_key_of_the_2021_format_and_null_cells():
    data = empty_report("某局", 2023).to_dict()
    assert list(data) == ["agency", "year", "format", "sections", "t2", "t3", "t4"]
    assert data["format"] == "2021"
    assert list(data["sections"]) == list(SECTION_KEYS)
    assert len(data["t3"]) == 21 + 4
    assert data["t2"]["admin_fees"] == {"amount_wan_yuan": None}
    assert data["t4"]["review"]["total"] is None


def test_2019_layout_has_nineteen_result_rows_and_old_t2_columns():
    report = empty_report("某局", 2020)
    assert report.format == "2019"
    assert len(T3_RESULT_ROWS["2019"]) == 19
    assert "other" in report.t3 and "other_other" not in report.t3
    assert set(report.t2["licensing"]) == {"prev_items", "delta_items", "decisions"}
    assert "gov_procurement" in report.t2


def test_json_round_trip_keeps_every_cell():
    report = empty_report("某局", 2023).with_cell("t3.new.np", 3).with_cell("t2.admin_fees.amount_wan_yuan", 1.25)
    again = Report.from_json(report.to_json())
    assert again.to_dict() == report.to_dict()
    assert again.cell("t3.new.np") == 3


def test_integral_fee_serialises_as_int():
    report = empty_report("某局", 2023).with_cell("t2.admin_fees.amount_wan_yuan", 2.0)
    assert json.loads(report.to_json())["t2"]["admin_fees"]["amount_wan_yuan"] == 2


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d["t3"].pop("carry_out"), "carry_out"),
    (lambda d: d["t4"]["review"].update(bogus=0), "review"),
    (lambda d: d.update(format="2030"), "format"),
])
def test_from_dict_rejects_keys_outside_the_contract(mutate, fragment):
    data = empty_report("某局", 2023).to_dict()
    mutate(data)
    with pytest.raises(ReportError, match=fragment):
        Report.from_dict(data)


def test_with_cell_rejects_unknown_paths_and_leaves_original_unchanged():
    report = empty_report("某局", 2023)
    changed = report.with_cell("t3.granted.total", 5)
    assert report.cell("t3.granted.total") is None and changed.cell("t3.granted.total") == 5
    with pytest.raises(KeyError):
        report.with_cell("t3.nope.total", 1)


def test_t3_rows_are_in_print_order():
    rows = t3_rows("2021")
    assert rows[0] == "new" and rows[1] == "carry_in" and rows[-2:] == ("processed_total", "carry_out")
