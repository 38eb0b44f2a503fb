"""Mutation tests: every single-cell change of tables 三 and 四 and every changed narrative figure is caught."""

from __future__ import annotations

from assistant.report import T3_COLUMNS, T4_COLUMNS, T4_GROUPS
from assistant.validate import check
from validate_support import NAMES, load, replace_span, text_mutations, with_text

T3_RULES = {"T3.ID", "T3.SUM", "T3.ROW"}
T4_RULES = {"T4.SUM"}


def _table_mutants(report):
    for row, cols in report.t3.items():
        for col in T3_COLUMNS:
            yield f"t3.{row}.{col}", cols[col], T3_RULES
    for group in T4_GROUPS:
        for col in T4_COLUMNS:
            yield f"t4.{group}.{col}", report.t4[group][col], T4_RULES


def test_every_single_cell_change_of_tables_3_and_4_is_flagged_by_its_rule(summary_lines):
    total, killed, missed = 0, 0, []
    for name in NAMES:
        report = load(name)
        for path, value, rules in _table_mutants(report):
            for delta in (1, -1, 10, -10):
                if value + delta < 0:
                    continue
                result = check(report.with_cell(path, value + delta))
                total += 1
                if {f.rule for f in result.errors} & rules:
                    killed += 1
                else:
                    missed.append((name, path, delta))
    summary_lines.append(f"validate: table mutations killed {killed}/{total} ({killed / total:.1%})")
    assert total > 2500
    assert missed == []


def test_changed_narrative_figures_are_flagged(summary_lines):
    total, killed, missed = 0, 0, []
    for name in NAMES:
        report = load(name)
        for item in with_text(name):
            for label, replacement in text_mutations(item):
                mutant = replace_span(report, item["section"], item["start"], item["end"], replacement)
                total += 1
                if check(mutant).errors:
                    killed += 1
                else:
                    missed.append((name, item["slot"], item["text"], label, replacement))
    rate = killed / total
    summary_lines.append(f"validate: narrative mutations killed {killed}/{total} ({rate:.1%}); missed: {missed}")
    assert total > 500
    assert rate >= 0.98, missed
