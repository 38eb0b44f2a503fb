"""Build the consistent fixture reports in tests/fixtures/reports/.

Run: python tests/validate/validate_fixture_build.py

Each fixture is a fictitious agency's report written for these tests. Narrative slots «path» are filled
from the tables so text and tables agree; every filled slot is recorded in stated/<name>.json (section,
span of the digits, value) so that mutation tests know which numbers state a table figure.
"""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from pathlib import Path

import cn2an

from assistant.report import T3_RESULT_ROWS, T4_COLUMNS, T4_GROUPS, Report, empty_tables

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
APPLICANTS = ("np", "biz", "res", "soc", "law", "oth")
SLOT = re.compile(r"«([^»]+)»")


def t3_table(fmt: str, new: dict, carry_in: dict, results: dict) -> dict:
    """Table 三 with totals, （七）总计 and 结转 computed so that every identity holds."""
    _, t3, _ = empty_tables(fmt, 0)
    for row, cells in [("new", new), ("carry_in", carry_in), *results.items()]:
        for col, value in cells.items():
            t3[row][col] = value
    for col in APPLICANTS:
        t3["processed_total"][col] = sum(t3[r][col] for r in T3_RESULT_ROWS[fmt])
        t3["carry_out"][col] = t3["new"][col] + t3["carry_in"][col] - t3["processed_total"][col]
        assert t3["carry_out"][col] >= 0, col
    for row in t3:
        t3[row]["total"] = sum(t3[row][c] for c in APPLICANTS)
    return t3


def t4_table(review: tuple, direct: tuple, after: tuple) -> dict:
    """Table 四 from (维持, 纠正, 其他, 尚未审结) per group, totals added."""
    table = {}
    for group, parts in zip(T4_GROUPS, (review, direct, after)):
        table[group] = dict(zip(T4_COLUMNS, (*parts, sum(parts))))
    return table


def value_of(report: Report, expr: str) -> float:
    """A slot's value: a cell path, a glob over rows, or a sum of those joined by '+'."""
    total = 0
    for term in expr.split("+"):
        table, row, col = term.split(".")
        rows = getattr(report, table)
        total += sum(rows[r][col] for r in rows if fnmatch(r, row))
    return total


def render_slot(report: Report, slot: str) -> tuple[str, float, str]:
    """The text of a slot, its value and its kind ('cell' or 'share')."""
    parts = slot.split("|")
    if parts[0].startswith("pct"):
        digits = int(parts[0][3:])
        share = value_of(report, parts[1]) / value_of(report, parts[2]) * 100
        text = f"{share:.{digits}f}"
        return text, float(text), "share"
    value = value_of(report, parts[-1])
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cn2an.an2cn(value) if parts[0] == "cn" else str(value)
    return text, value, "cell"


def fill(report: Report, key: str, template: str, stated: list) -> str:
    """Replace the slots of one section and record where each figure landed."""
    out, last = [], 0
    for match in SLOT.finditer(template):
        out.append(template[last:match.start()])
        text, value, kind = render_slot(report, match.group(1))
        start = sum(len(p) for p in out)
        out.append(text)
        stated.append({"section": key, "start": start, "end": start + len(text), "value": value,
                       "kind": kind, "slot": match.group(1)})
        last = match.end()
    out.append(template[last:])
    return "".join(out)


def build(spec: dict) -> tuple[Report, list]:
    """A report and its stated figures from a fixture spec."""
    t2, _, _ = empty_tables(spec["format"], 0)
    for path, value in spec["t2"].items():
        row, col = path.split(".")
        t2[row][col] = value
    skeleton = Report(spec["agency"], spec["year"], spec["format"], {}, t2, spec["t3"], spec["t4"])
    stated: list = []
    sections = {key: fill(skeleton, key, text, stated) for key, text in spec["sections"].items()}
    report = Report(spec["agency"], spec["year"], spec["format"], sections, t2, spec["t3"], spec["t4"])
    return Report.from_json(report.to_json()), stated


def main() -> None:
    from validate_specs import SPECS  # noqa: PLC0415  (the fixture texts live beside this script)
    (OUT / "stated").mkdir(parents=True, exist_ok=True)
    for name, spec in SPECS.items():
        report, stated = build(spec)
        (OUT / f"{name}.json").write_text(report.to_json() + "\n", encoding="utf-8")
        (OUT / "stated" / f"{name}.json").write_text(json.dumps(stated, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
        print(name, len(stated), "stated figures")


if __name__ == "__main__":
    main()
