"""The report as one self-contained HTML page: inline CSS, no scripts, every text escaped."""

from __future__ import annotations

from html import escape

from ..report import Report
from .layout import COLUMN_WIDTHS_CM, Block, Grid, GridCell, blocks, run_in_heading

TITLE_FONTS = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', serif"
HEADING_FONTS = "'黑体', 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', sans-serif"
KAI_FONTS = "'楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', serif"
BODY_FONTS = "'仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif"

STYLE = f"""
@page {{ size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }}
body {{ font-family: {BODY_FONTS}; font-size: 16pt; line-height: 28pt; color: #000;
       max-width: 15.6cm; margin: 2em auto; padding: 0 1em; }}
h1 {{ font-family: {TITLE_FONTS}; font-size: 22pt; font-weight: normal; text-align: center;
     line-height: 1.5; margin: 0 0 1em; }}
h2 {{ font-family: {HEADING_FONTS}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }}
h3 {{ font-family: {KAI_FONTS}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.lead {{ font-family: {KAI_FONTS}; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt;
        line-height: 1.4; page-break-inside: auto; }}
th, td {{ border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }}
th {{ font-weight: normal; }}
td.label {{ text-align: left; }}
td.num {{ white-space: nowrap; }}
"""


def to_html(report: Report) -> str:
    """The whole report as a complete HTML page."""
    body = "\n".join(_block(block) for block in blocks(report))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(report.display_title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<article>\n{body}\n</article>\n</body>\n</html>\n"
    )


def _block(block: Block) -> str:
    if block.kind == "title":
        return f"<h1>{escape(block.text)}</h1>"
    if block.kind == "heading":
        return f"<h2>{escape(block.text)}</h2>"
    if block.kind == "subheading":
        return f"<h3>{escape(block.text)}</h3>"
    if block.kind == "table" and block.table is not None:
        return html_table(block.table)
    return _paragraph(block.text)


def _paragraph(text: str) -> str:
    lead, rest = run_in_heading(text)
    if lead:
        return f"<p><span class=\"lead\">{escape(lead)}</span>{escape(rest)}</p>"
    return f"<p>{escape(text)}</p>"


def html_table(table: Grid) -> str:
    """A grid as a <table> with real rowspan and colspan."""
    head = table.rows[: table.header_rows]
    body = table.rows[table.header_rows:]
    parts = [f"<table class=\"{table.name}\">", _columns(table.name)]
    if head:
        parts.append("<thead>" + "".join(_row(row) for row in head) + "</thead>")
    parts.append("<tbody>" + "".join(_row(row) for row in body) + "</tbody>")
    parts.append("</table>")
    return "\n".join(parts)


def _columns(name: str) -> str:
    """A <colgroup> giving each column its share of the width, as in the Word layout."""
    widths = COLUMN_WIDTHS_CM[name]
    cols = "".join(f"<col style=\"width: {100 * width / sum(widths):.1f}%\">" for width in widths)
    return f"<colgroup>{cols}</colgroup>"


def _row(row: tuple[GridCell, ...]) -> str:
    return "<tr>" + "".join(_cell(cell) for cell in row) + "</tr>\n"


def _cell(cell: GridCell) -> str:
    tag = "th" if cell.header else "td"
    spans = "".join(
        f" {name}=\"{value}\"" for name, value in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if value > 1
    )
    css = "" if cell.header else (" class=\"num\"" if cell.path else " class=\"label\"")
    return f"<{tag}{spans}{css}>{escape(cell.text)}</{tag}>"
