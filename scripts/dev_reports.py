"""Development check: parse every report in ../shared and compare with tests/fixtures/parse/dev_expected.json.

Usage: python scripts/dev_reports.py [--show NAME] [--dump]
Prints OK / MISMATCH / ERROR per file; the header lines of the dev files (URL:, TITLE:, ...) are skipped here.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.parse import parse_text  # noqa: E402

SHARED = ROOT.parent / "shared"
EXPECTED = ROOT / "tests" / "fixtures" / "parse" / "dev_expected.json"
HEADER_KEYS = ("URL:", "TITLE:", "COMPLETE:", "SOURCE:", "AGENCY:", "YEAR:", "FORMAT:")


def dev_files() -> list[Path]:
    """Every seed and dev report file."""
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "reports-dev").glob("*.txt"))


def body(path: Path) -> str:
    """The file's text without the dev header lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and (lines[0].startswith(HEADER_KEYS) or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def summary(report) -> dict:
    """The compared fields: agency, year, format and every non-null table cell."""
    cells = {path: value for path, value in report.cells() if value is not None}
    return {"agency": report.agency, "year": report.year, "format": report.format, "cells": cells}


def compare(expected: dict, got: dict) -> list[str]:
    """Differences between an expectation and a parse, as readable lines."""
    problems = [f"{key}: expected {expected[key]!r}, got {got[key]!r}"
                for key in ("agency", "year", "format") if key in expected and expected[key] != got[key]]
    want, have = expected.get("cells", {}), got["cells"]
    for path in sorted(set(want) | set(have)):
        if want.get(path) != have.get(path):
            problems.append(f"{path}: expected {want.get(path)!r}, got {have.get(path)!r}")
    return problems


def main(argv: list[str]) -> int:
    """Run the comparison; exit status 1 on any mismatch or error."""
    if not SHARED.exists():
        print(f"{SHARED} not found: nothing to check")
        return 0
    expected = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
    failures = 0
    for path in dev_files():
        failures += check_one(path, expected.get(path.name), "--dump" in argv)
    print(f"{len(dev_files()) - failures} ok, {failures} not ok")
    return 1 if failures else 0


def check_one(path: Path, expected: dict | None, dump: bool) -> int:
    """Parse one file and print its verdict; 1 when it is not OK."""
    try:
        result = parse_text(body(path), path.name)
    except Exception:
        print(f"ERROR     {path.name}\n{traceback.format_exc()}")
        return 1
    got = summary(result.report)
    if dump:
        print(json.dumps({path.name: got}, ensure_ascii=False))
    if expected is None:
        print(f"PARSED    {path.name} (no expectation)")
        return 0
    problems = compare(expected, got)
    print(f"{'MISMATCH' if problems else 'OK':9} {path.name}")
    for line in problems:
        print(f"          {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
