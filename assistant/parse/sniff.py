"""Deciding what kind of file the bytes are, by content, and decoding text."""

from __future__ import annotations

import io
import re
import zipfile

from ..report import ReportError

MAX_BYTES = 20 * 1024 * 1024
HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html|head|body|table|p|div|meta|h[1-6])[\s>/]", re.IGNORECASE)
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def check_size(size: int) -> None:
    """Refuse empty input and input over MAX_BYTES."""
    if size == 0:
        raise ReportError("文件是空的（empty file）")
    if size > MAX_BYTES:
        raise ReportError(f"文件太大：{size / 1024 / 1024:.1f} MB，上限 {MAX_BYTES // 1024 // 1024} MB（file too large）")


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'html' or 'text', from the bytes themselves."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportError("这是旧版 Word（.doc）或其他 Office 二进制文件，不支持；请另存为 .docx 后再试")
    if HTML_MARK.search(head) and not _looks_binary(data):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        raise ReportError("文件是损坏的压缩包，不是 Word 文档（bad zip file）") from None
    if "word/document.xml" not in names:
        raise ReportError("这是一个压缩包，但不是 Word 文档：里面没有 word/document.xml（not a .docx）")
    return "docx"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > len(sample) // 50


def decode_text(data: bytes) -> str:
    """Text bytes as str: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise ReportError("这是二进制文件，不是文本、网页、Word 或 PDF（binary file）")
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError("无法识别文件编码：不是 UTF-8 或 GB18030 文本（unknown encoding）")
