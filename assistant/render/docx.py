"""The report as a Word .docx laid out like a published 政府信息公开工作年度报告 (GB/T 9704 style)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table

from ..report import Report
from .layout import COLUMN_WIDTHS_CM, Block, Grid, GridCell, blocks, origins, printable, run_in_heading

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
TABLE_FONT = BODY_FONT
SIZE_ER_HAO = 22.0
SIZE_SAN_HAO = 16.0
SIZE_WU_HAO = 10.5
SIZE_XIAO_WU = 9.0
LINE_PITCH = Pt(28)
TITLE_LINE_PITCH = Pt(36)
TABLE_TEXT_STYLE = "Table Text"
PAGE_MARGINS_CM = {"top_margin": 3.7, "bottom_margin": 3.5, "left_margin": 2.8, "right_margin": 2.6}
TABLE_FONT_SIZES = {"t2": SIZE_WU_HAO, "t3": SIZE_WU_HAO, "t4": SIZE_XIAO_WU}
FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def to_docx(report: Report) -> bytes:
    """The whole report as .docx bytes; equal reports give equal bytes."""
    document = _new_document(report)
    for block in blocks(report):
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return _without_timestamps(buffer.getvalue())


def _new_document(report: Report) -> DocxDocument:
    document = Document()
    _set_page(document)
    _set_styles(document)
    _add_page_number(document)
    properties = document.core_properties
    properties.title = printable(report.display_title)
    properties.author = properties.last_modified_by = "年报助手"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    return document


def _set_page(document: DocxDocument) -> None:
    """A4 portrait with the margins of official documents."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for name, centimetres in PAGE_MARGINS_CM.items():
        setattr(section, name, Cm(centimetres))


def _set_styles(document: DocxDocument) -> None:
    styles = document.styles
    _restyle(styles["Normal"], BODY_FONT, SIZE_SAN_HAO, indent=True)
    _add_language(styles["Normal"])
    _restyle(styles["Title"], TITLE_FONT, SIZE_ER_HAO, align=WD_ALIGN_PARAGRAPH.CENTER)
    styles["Title"].paragraph_format.space_after = LINE_PITCH
    styles["Title"].paragraph_format.line_spacing = TITLE_LINE_PITCH
    _restyle(styles["Heading 1"], HEADING_FONT, SIZE_SAN_HAO, indent=True)
    _restyle(styles["Heading 2"], SUBHEADING_FONT, SIZE_SAN_HAO, indent=True)
    table_text = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = styles["Normal"]
    _restyle(table_text, TABLE_FONT, SIZE_WU_HAO, align=WD_ALIGN_PARAGRAPH.CENTER)
    table_text.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _restyle(style: ParagraphStyle, font: str, size: float, indent: bool = False,
             align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    """Replace a style's look: one font for every script, black, not bold, on the 28 pt line grid."""
    _clear(style.element.get_or_add_rPr())
    _clear_borders(style)
    set_fonts(style.element.get_or_add_rPr(), font)
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    paragraph = style.paragraph_format
    paragraph.alignment = align
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = LINE_PITCH
    paragraph.first_line_indent = Pt(2 * size) if indent else Pt(0)
    indent_chars = "200" if indent else "0"
    style.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), indent_chars)


def set_fonts(rpr, font: str) -> None:
    """Name one font for Latin, East Asian and complex scripts (w:rFonts ascii/hAnsi/eastAsia/cs)."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), font)


def _clear(element) -> None:
    for child in list(element):
        element.remove(child)


def _clear_borders(style: ParagraphStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for child in ppr.findall(qn("w:pBdr")) + ppr.findall(qn("w:contextualSpacing")):
        ppr.remove(child)


def _add_language(style: ParagraphStyle) -> None:
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    style.element.get_or_add_rPr().append(language)


def _add_page_number(document: DocxDocument) -> None:
    """A centred '— n —' page number in the footer."""
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    footer._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")
    footer.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    number.append(text)
    field.append(number)
    footer._p.append(field)
    footer._p.append(footer.add_run(" —")._r)


BLOCK_STYLE_IDS = {"title": "Title", "heading": "Heading1", "subheading": "Heading2"}


def _add_block(document: DocxDocument, block: Block) -> None:
    if block.kind in BLOCK_STYLE_IDS:
        paragraph = document.add_paragraph(block.text)
        paragraph._p.style = BLOCK_STYLE_IDS[block.kind]  # by id: python-docx's lookup by name is slow
    elif block.kind == "table" and block.table is not None:
        add_table(document, block.table)
    else:
        _add_body_paragraph(document, block.text)


def _add_body_paragraph(document: DocxDocument, text: str) -> None:
    """A body paragraph in the Normal style; a run-in lead such as '（一）主动公开。' is set in 楷体."""
    paragraph = document.add_paragraph()
    lead, rest = run_in_heading(text)
    if lead:
        set_fonts(paragraph.add_run(lead)._r.get_or_add_rPr(), SUBHEADING_FONT)
    paragraph.add_run(rest)


def add_table(document: DocxDocument, grid: Grid) -> Table:
    """A bordered table with merged cells (w:gridSpan, w:vMerge) where the official layout merges them."""
    widths = [Cm(width) for width in COLUMN_WIDTHS_CM[grid.name]]
    table = document.add_table(rows=0, cols=grid.width)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    style_id = document.styles[TABLE_TEXT_STYLE].style_id
    for row_index, row in enumerate(origins(grid)):
        table._tbl.append(_row(row_index, row, grid, widths, style_id))
    document.add_paragraph()
    return table


def _row(row_index: int, row: list[tuple[GridCell, int, int]], grid: Grid, widths: list, style_id: str):
    """One w:tr: a w:tc per cell starting or continuing here; header rows repeat on each page."""
    tr = _element("w:tr")
    properties = _element("w:trPr", parent=tr)
    _element("w:cantSplit", parent=properties)
    if row_index < grid.header_rows:
        _element("w:tblHeader", parent=properties)
    column = 0
    while column < grid.width:
        cell, start_row, start_column = row[column]
        width = sum(widths[start_column:start_column + cell.colspan])
        tr.append(_cell(cell, row_index - start_row, width, style_id, TABLE_FONT_SIZES[grid.name]))
        column = start_column + cell.colspan
    return tr


def _cell(cell: GridCell, rows_below_start: int, width: int, style_id: str, size: float):
    """A w:tc; a cell continued from above is an empty w:vMerge continuation."""
    tc = _element("w:tc")
    properties = _element("w:tcPr", parent=tc)
    _element("w:tcW", parent=properties, w=str(Emu(width).twips), type="dxa")
    if cell.colspan > 1:
        _element("w:gridSpan", parent=properties, val=str(cell.colspan))
    if cell.rowspan > 1:
        attributes = {"val": "restart"} if rows_below_start == 0 else {}
        _element("w:vMerge", parent=properties, **attributes)
    _element("w:vAlign", parent=properties, val="center")
    paragraph = _element("w:p", parent=tc)
    paragraph_properties = _element("w:pPr", parent=paragraph)
    _element("w:pStyle", parent=paragraph_properties, val=style_id)
    if not cell.header and cell.path is None:
        _element("w:jc", parent=paragraph_properties, val="left")
    if rows_below_start == 0:
        _text_run(paragraph, cell.text, size)
    return tc


def _text_run(paragraph, text: str, size: float) -> None:
    run = _element("w:r", parent=paragraph)
    if size != SIZE_WU_HAO:
        run_properties = _element("w:rPr", parent=run)
        _element("w:sz", parent=run_properties, val=str(round(size * 2)))
        _element("w:szCs", parent=run_properties, val=str(round(size * 2)))
    _element("w:t", parent=run).text = text


def _element(tag: str, parent=None, **attributes: str):
    """A new WordprocessingML element with w: attributes, appended to parent if given."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    if parent is not None:
        parent.append(element)
    return element


def _without_timestamps(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal documents give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
