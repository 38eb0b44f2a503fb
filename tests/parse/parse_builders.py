"""Builders of fixture reports in the layouts real pages give (run as a script to rewrite the fixture files)."""

from __future__ import annotations

import io
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"
AGENCY, YEAR = "青禾县文化和旅游局", 2023
TITLE = f"{AGENCY}{YEAR}年政府信息公开工作年度报告"
PREAMBLE = ("根据《中华人民共和国政府信息公开条例》，现公布本局2023年政府信息公开工作年度报告。"
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
SECTIONS = {
    "s1": "（一）主动公开\n2023年，本局通过门户网站主动公开政府信息315条，其中政策文件12条。\n（二）依申请公开\n"
          "2023年，本局新收政府信息公开申请26件，上年结转2件，办结27件，结转下年度1件。\n（三）政府信息管理\n"
          "本局严格执行信息发布审核制度。\n（四）政府信息公开平台建设\n本局持续优化门户网站栏目设置。\n（五）监督保障\n"
          "本局将政务公开纳入年度考核。",
    "s2": "",
    "s3": "2023年，本局共收到政府信息公开申请26件。",
    "s4": "",
    "s5": "一是公开内容不够丰富；二是解读形式较单一。下一步，本局将加强政策解读。",
    "s6": "2023年，本局未收取信息处理费。",
}
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
T2 = {"regulations": [0, 0, 0], "normative_docs": [3, 1, 12], "licensing": [1234], "penalty": [56],
      "coercion": [7], "admin_fees": [12.5]}
T3 = {
    "new": [20, 3, 0, 1, 2, 0, 26], "carry_in": [2, 0, 0, 0, 0, 0, 2],
    "granted": [10, 1, 0, 0, 1, 0, 12], "partial": [3, 1, 0, 0, 0, 0, 4],
    "deny_secret": [0] * 7, "deny_law": [1, 0, 0, 0, 0, 0, 1], "deny_3s1w": [0] * 7,
    "deny_third_party": [1, 0, 0, 0, 0, 0, 1], "deny_internal": [0] * 7, "deny_process": [1, 0, 0, 0, 0, 0, 1],
    "deny_case_file": [0] * 7, "deny_query": [0] * 7,
    "na_not_held": [2, 1, 0, 1, 0, 0, 4], "na_need_create": [0] * 7, "na_unclear": [1, 0, 0, 0, 0, 0, 1],
    "np_petition": [1, 0, 0, 0, 0, 0, 1], "np_duplicate": [0] * 7, "np_publication": [0] * 7,
    "np_massive": [0] * 7, "np_confirm": [0] * 7,
    "other_no_correction": [0] * 7, "other_fee_unpaid": [0] * 7, "other_other": [1, 0, 0, 0, 1, 0, 2],
    "processed_total": [21, 3, 0, 1, 2, 0, 27], "carry_out": [1, 0, 0, 0, 0, 0, 1],
}
T4 = [1, 0, 1, 0, 2, 0, 1, 0, 1, 2, 1, 0, 0, 0, 1]

T2_BLOCKS = [("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], [("规章", "regulations"), ("行政规范性文件", "normative_docs")]),
             ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "licensing")]),
             ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "penalty"), ("行政强制", "coercion")]),
             ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "admin_fees")])]
T3_LABELS = [  # (group label or "", row label, key)
    ("", "一、本年新收政府信息公开申请数量", "new"), ("", "二、上年结转政府信息公开申请数量", "carry_in"),
    ("三、本年度办理结果", "（一）予以公开", "granted"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
    ("（三）不予公开", "1.属于国家秘密", "deny_secret"), ("", "2.其他法律行政法规禁止公开", "deny_law"),
    ("", "3.危及“三安全一稳定”", "deny_3s1w"), ("", "4.保护第三方合法权益", "deny_third_party"),
    ("", "5.属于三类内部事务信息", "deny_internal"), ("", "6.属于四类过程性信息", "deny_process"),
    ("", "7.属于行政执法案卷", "deny_case_file"), ("", "8.属于行政查询事项", "deny_query"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "na_not_held"), ("", "2.没有现成信息需要另行制作", "na_need_create"),
    ("", "3.补正后申请内容仍不明确", "na_unclear"),
    ("（五）不予处理", "1.信访举报投诉类申请", "np_petition"), ("", "2.重复申请", "np_duplicate"),
    ("", "3.要求提供公开出版物", "np_publication"), ("", "4.无正当理由大量反复申请", "np_massive"),
    ("", "5.要求行政机关确认或重新出具已获取信息", "np_confirm"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
    ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_fee_unpaid"),
    ("", "3.其他", "other_other"), ("", "（七）总计", "processed_total"), ("", "四、结转下年度继续办理", "carry_out"),
]
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_HEADER = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
             ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]


def fmt(value) -> str:
    """A number as printed."""
    return str(value)


def narrative(key: str) -> list[str]:
    """Heading and text lines of one section."""
    index = int(key[1]) - 1
    return [HEADINGS[index]] + [line for line in SECTIONS[key].split("\n") if line]


def assemble(tables: dict[str, list[str]], blank_lines: bool = False) -> str:
    """Title, preamble, sections and the given table lines in order."""
    lines = [TITLE, PREAMBLE]
    for key in ("s1", "s2", "s3", "s4", "s5", "s6"):
        lines += narrative(key)
        lines += tables.get(key, [])
    return ("\n\n" if blank_lines else "\n").join(lines) + "\n"


def tab_layout() -> str:
    """Tables flattened to tab-separated lines, like a copied web page (seed style)."""
    t2 = []
    for block, cols, rows in T2_BLOCKS:
        t2 += [block + "\t\t\t", "\t".join(["信息内容"] + cols) + "\t" * (3 - len(cols))]
        for label, key in rows:
            values = ["1,234" if v == 1234 else fmt(v) for v in T2[key]]
            t2.append("\t".join([label] + values) + "\t" * (3 - len(values)))
    t3 = [T3_CORNER + "\t\t申请人情况\t\t\t\t\t\t总计\t", "\t\t自然人\t法人或其他组织\t\t\t\t\t\t",
          "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t"]
    for group, label, key in T3_LABELS:
        values = [fmt(v) for v in T3[key]]
        if key == "np_massive":
            values[3] = "/"
        first = [label, ""] if not group and label[0] in "一二四（" and key in ("new", "carry_in", "carry_out") else [group, label]
        t3.append("\t".join(first + values) + "\t")
    t4 = ["行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t", "\t".join(T4_HEADER[1]), "\t".join(T4_HEADER[2]),
          "\t".join(fmt(v) for v in T4)]
    return assemble({"s2": t2, "s3": t3, "s4": t4})


def pipe_cell_layout() -> str:
    """One cell per line ending in ' |', rows opened by a lone '|' (like 001); a blank cell in 规章."""
    def cells(items: list[str]) -> list[str]:
        return ["|"] + [f"{item} |" if item else "|" for item in items]
    t2 = []
    for block, cols, rows in T2_BLOCKS:
        t2 += cells([block]) + cells(["信息内容", *cols])
        for label, key in rows:
            values = [fmt(v) for v in T2[key]]
            if key == "regulations":
                values[2] = ""
            t2 += cells([label, *values])
    t3 = cells([T3_CORNER, "申请人情况"]) + cells(["自然人", "法人或其他组织", "总计"])
    t3 += cells(["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"])
    for group, label, key in T3_LABELS:
        t3 += cells([x for x in (group, label) if x] + [fmt(v) for v in T3[key]])
    t4 = cells(["行政复议", "行政诉讼"]) + cells(T4_HEADER[1]) + cells(T4_HEADER[2]) + cells([fmt(v) for v in T4])
    return assemble({"s2": t2, "s3": t3, "s4": t4})


def pipe_row_layout() -> str:
    """Rows as 'a | b | c' lines (a PDF's rebuilt rows); full-width digits and half-width brackets."""
    t2 = []
    for block, cols, rows in T2_BLOCKS:
        t2 += [block.replace("（", "(").replace("）", ")"), " | ".join(["信息内容", *cols])]
        for label, key in rows:
            values = ["１２" if (key, v) == ("normative_docs", 12) else fmt(v) for v in T2[key]]
            t2.append(" | ".join([label, *values]))
    t3 = [T3_CORNER + " | 申请人情况", "自然人 | 法人或其他组织 | 总计", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"]
    for group, label, key in T3_LABELS:
        t3.append(" | ".join([x for x in (group, label.replace("1.", "1、")) if x] + [fmt(v) for v in T3[key]]))
    t4 = [" | ".join(row) for row in T4_HEADER] + [" | ".join(fmt(v) for v in T4)]
    return assemble({"s2": t2, "s3": t3, "s4": t4})


def space_layout() -> str:
    """Rows as space-separated lines, headers split over lines character by character (a flip-book page)."""
    t2 = []
    for block, cols, rows in T2_BLOCKS:
        t2 += [block, "信息内容 " + " ".join(cols)]
        t2 += [" ".join([label, *[fmt(v) for v in T2[key]]]) for label, key in rows]
    t3 = [T3_CORNER, "申请人情况", "自然人 法人或其他组织 总计", "商业 科研 社会公益 法律服务 其他", "企业 机构 组织 机构"]
    for group, label, key in T3_LABELS:
        t3.append(" ".join([x for x in (group, label) if x] + [fmt(v) for v in T3[key]]))
    t4 = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", "结 结 其 尚", "果 果 他 未 总", "维 纠 结 审 计",
          "持 正 果 结", " ".join(fmt(v) for v in T4)]
    return assemble({"s2": t2, "s3": t3, "s4": t4})


def one_per_line_layout() -> str:
    """Every cell on its own line with blank lines between (like 005), headers split as 本年新/制作数量."""
    t2 = []
    for block, cols, rows in T2_BLOCKS:
        t2 += [block, "信息内容", *cols]
        for label, key in rows:
            t2 += [label, *[fmt(v) for v in T2[key]]]
    t3 = [T3_CORNER, "申请人情况", "自然人", "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益组织",
          "法律服务机构", "其他"]
    for group, label, key in T3_LABELS:
        t3 += [x for x in (group, label) if x] + [fmt(v) for v in T3[key]]
    t4 = ["行政复议", "行政诉讼", *T4_HEADER[1][:5], "未经复议直接起诉", "复议后起诉", *T4_HEADER[2], *[fmt(v) for v in T4]]
    return assemble({"s2": t2, "s3": t3, "s4": t4}, blank_lines=True)


def cutoff_layout() -> str:
    """The tab layout cut in the middle of table 三, after row （二）."""
    text = tab_layout()
    return text[: text.index("（三）不予公开")].rstrip("\t")


def expected_2021() -> dict:
    """Every cell of the main fixture report as a dotted path."""
    from assistant.report import T3_COLUMNS, T4_COLUMNS, T4_GROUPS, t2_layout
    cells = {f"t2.{k}.{c}": v for k, vals in T2.items() for c, v in zip(t2_layout("2021")[k], vals)}
    cells.update({f"t3.{k}.{c}": v for k, vals in T3.items() for c, v in zip(T3_COLUMNS, vals)})
    cells.update(dict(zip([f"t4.{g}.{c}" for g in T4_GROUPS for c in T4_COLUMNS], T4)))
    return cells


def html_layout() -> str:
    """A web page with real tables using rowspan and colspan, a script, a style and <p> paragraphs."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>年报</title>",
             "<style>p{margin:0} .x{color:red}</style><script>var n = '一、总体情况 规章 0';</script></head><body>",
             "<div class='nav'><a href='/'>首页</a> | <a href='/gk'>政务公开</a></div>",
             f"<h1>{TITLE}</h1>", f"<p>{PREAMBLE}</p>"]
    for key in ("s1", "s2", "s3", "s4", "s5", "s6"):
        lines = narrative(key)
        parts.append(f"<p><strong>{lines[0]}</strong></p>")
        parts += [f"<p><span>{line[:4]}</span>{line[4:]}</p>" for line in lines[1:]]
        parts.append({"s2": _html_t2, "s3": _html_t3, "s4": _html_t4}.get(key, lambda: "")())
    parts.append("<script>document.write('<p>五、存在的主要问题及改进情况</p>')</script></body></html>")
    return "\n".join(parts)


def _td(text, rowspan=1, colspan=1) -> str:
    spans = (f" rowspan='{rowspan}'" if rowspan > 1 else "") + (f" colspan='{colspan}'" if colspan > 1 else "")
    return f"<td{spans}>{text}</td>"


def _html_t2() -> str:
    rows = []
    for block, cols, items in T2_BLOCKS:
        rows.append(_td(block, colspan=4))
        rows.append(_td("信息内容") + "".join(_td(c, colspan=3 if len(cols) == 1 else 1) for c in cols))
        for label, key in items:
            rows.append(_td(label) + "".join(_td(fmt(v), colspan=3 if len(cols) == 1 else 1) for v in T2[key]))
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _html_t3() -> str:
    rows = [_td(T3_CORNER, 3, 3) + _td("申请人情况", colspan=7),
            _td("自然人", 2) + _td("法人或其他组织", colspan=5) + _td("总计", 2),
            "".join(_td(c) for c in ["商业<br>企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])]
    spans = {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    for group, label, key in T3_LABELS:
        cells = _td(group, spans[group]) if group else ""
        if group == "三、本年度办理结果":
            cells += _td(label, colspan=2)
        elif key in ("new", "carry_in", "carry_out"):
            cells = _td(label, colspan=3)
        elif key in ("partial", "processed_total"):
            cells = _td(label, colspan=2)
        else:
            cells += _td(label)
        values = [("" if key == "deny_query" else fmt(v)) for v in T3[key]]
        rows.append(cells + "".join(_td(v) for v in values))
    return "<table><tbody>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</tbody></table>"


def _html_t4() -> str:
    rows = [_td("行政复议", colspan=5) + _td("行政诉讼", colspan=10),
            "".join(_td(c, 2) for c in T4_HEADER[1][:5]) + _td("未经复议直接起诉", colspan=5) + _td("复议后起诉", colspan=5),
            "".join(_td(c) for c in T4_HEADER[2]), "".join(_td(fmt(v)) for v in T4)]
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def docx_bytes() -> bytes:
    """A Word file with merged cells (horizontal and vertical) in tables 三 and 四."""
    import docx
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(PREAMBLE)
    for key in ("s1", "s2", "s3", "s4", "s5", "s6"):
        for line in narrative(key):
            document.add_paragraph(line)
        if key == "s2":
            _docx_grid(document, _t2_grid())
        if key == "s3":
            _docx_t3(document)
        if key == "s4":
            _docx_grid(document, [["行政复议"] * 5 + ["行政诉讼"] * 10, T4_HEADER[1][:5] + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                                  T4_HEADER[1][:5] + T4_HEADER[2], [fmt(v) for v in T4]])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _t2_grid() -> list[list[str]]:
    grid = []
    for block, cols, items in T2_BLOCKS:
        grid.append([block] * 4)
        grid.append(["信息内容"] + (cols if len(cols) == 3 else cols * 3))
        for label, key in items:
            values = [fmt(v) for v in T2[key]]
            grid.append([label] + (values if len(values) == 3 else values * 3))
    return grid


def _docx_grid(document, grid: list[list[str]]) -> None:
    """A table whose equal neighbouring texts are merged, across and down."""
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r, row in enumerate(grid):
        for c in range(1, len(row)):
            if row[c] == row[c - 1] and not row[c].isdigit():
                table.cell(r, c - 1).merge(table.cell(r, c))
                table.cell(r, c - 1).text = row[c]
    for c in range(len(grid[0])):
        for r in range(1, len(grid)):
            if grid[r][c] == grid[r - 1][c] and not grid[r][c].isdigit() and grid[r][c]:
                table.cell(r - 1, c).merge(table.cell(r, c))
                table.cell(r - 1, c).text = grid[r][c]


def _docx_t3(document) -> None:
    grid = [[T3_CORNER] * 3 + ["申请人情况"] * 7, [T3_CORNER] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
            [T3_CORNER] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    group = ""
    for g, label, key in T3_LABELS:
        group = g or (group if key not in ("partial", "processed_total", "carry_out") else "")
        top = "三、本年度办理结果" if key not in ("new", "carry_in", "carry_out") else label
        if key in ("new", "carry_in", "carry_out"):
            left = [label] * 3
        elif key in ("granted", "partial", "processed_total"):
            left = [top, label, label]
        else:
            left = [top, group, label]
        grid.append(left + [fmt(v) for v in T3[key]])
    _docx_grid(document, grid)


def pdf_bytes() -> bytes:
    """A text PDF (reportlab, built-in STSong-Light CID font) with ruled tables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    grid_style = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 6),
                             ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [Paragraph(TITLE, style), Paragraph(PREAMBLE, style)]
    for key in ("s1", "s2", "s3", "s4", "s5", "s6"):
        story += [Paragraph(line, style) for line in narrative(key)]
        grid = {"s2": _pdf_t2, "s3": _pdf_t3, "s4": _pdf_t4}.get(key)
        if grid:
            story.append(Table(grid(), style=grid_style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(story)
    return buffer.getvalue()


def _pdf_t2() -> list[list[str]]:
    rows = []
    for block, cols, items in T2_BLOCKS:
        rows += [[block, "", "", ""], ["信息内容", *cols, *[""] * (3 - len(cols))]]
        rows += [[label, *[fmt(v) for v in T2[key]], *[""] * (3 - len(T2[key]))] for label, key in items]
    return rows


def _pdf_t3() -> list[list[str]]:
    rows = [["勾稽关系", "", "申请人情况", "", "", "", "", "", ""],
            ["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    for group, label, key in T3_LABELS:
        rows.append([group, label[:18], *[fmt(v) for v in T3[key]]])
    return rows


def _pdf_t4() -> list[list[str]]:
    return [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9], T4_HEADER[2], [fmt(v) for v in T4]]


def image_only_pdf() -> bytes:
    """A PDF with a drawn picture and no text layer, like a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for i in range(20):
        page.rect(50 + i * 10, 500 - i * 12, 200, 8, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def renamed_zip() -> bytes:
    """A zip archive without word/document.xml, as if a .zip were renamed to .docx."""
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "这不是 Word 文档")
    return buffer.getvalue()


TEXT_FIXTURES = {
    "tab_flattened.txt": tab_layout, "pipe_cells.txt": pipe_cell_layout, "pipe_rows.txt": pipe_row_layout,
    "space_separated.txt": space_layout, "one_per_line.txt": one_per_line_layout, "cutoff.txt": cutoff_layout,
    "report.html": html_layout,
}


def write_all() -> None:
    """Rewrite the generated fixture files."""
    for name, build in TEXT_FIXTURES.items():
        (FIXTURES / name).write_text(build(), encoding="utf-8")
    (FIXTURES / "report.docx").write_bytes(docx_bytes())
    (FIXTURES / "report.pdf").write_bytes(pdf_bytes())
    (FIXTURES / "expected_2021.json").write_text(json.dumps(expected_2021(), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    write_all()
