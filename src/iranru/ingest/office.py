"""The text of Word (.docx) and OpenDocument (.odt) files: paragraphs, tables and notes in
reading order, one paragraph or table row a line, a blank line between paragraphs.

A footnote is placed after the paragraph that cites it, where a reader of the page meets it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from iranru.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CELL_SEPARATOR = "\t"


def join_blocks(blocks: Iterator[str], source: str) -> str:
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text:
        raise InputError(source, "contains no text")
    return text + "\n"


# Word ----------------------------------------------------------------------------------------

def docx_run_text(element: Any) -> str:
    """A w:p's visible text: text, tabs and breaks, not deleted text nor field codes."""
    parts: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def docx_notes(document: Any, relationship: str) -> dict[str, str]:
    """Footnote (or endnote) id → its text; the separators Word keeps among them are skipped."""
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == relationship and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            kind = "footnote" if relationship == FOOTNOTES else "endnote"
            return {
                note.get(f"{W}id"): "\n".join(docx_run_text(p) for p in note.iter(f"{W}p")).strip()
                for note in root.iter(f"{W}{kind}")
                if note.get(f"{W}type") in (None, "normal")
            }
    return {}


def docx_blocks(element: Any, notes: dict[str, str]) -> Iterator[str]:
    """Paragraphs and tables of a body or a cell in document order, each cited note after its
    paragraph; a table row is one line, its cells apart by a tab (merged cells once)."""
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            yield docx_run_text(child)
            for reference in child.iter(f"{W}footnoteReference", f"{W}endnoteReference"):
                kind = "f" if reference.tag == f"{W}footnoteReference" else "e"
                yield notes.get(kind + (reference.get(f"{W}id") or ""), "")
        elif child.tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                if row.getparent() is not child:  # a nested table's rows come with their cell
                    continue
                cells = ["\n".join(block for block in docx_blocks(cell, notes) if block.strip())
                         for cell in row.iterchildren(f"{W}tc")]
                yield CELL_SEPARATOR.join(cells)
        elif child.tag == f"{W}sdt":  # a content control wraps paragraphs or tables
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from docx_blocks(content, notes)


def extract_docx_text(data: bytes, source: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(source, f"not a readable Word document ({error})") from None
    notes = {"f" + key: value for key, value in docx_notes(document, FOOTNOTES).items()}
    notes |= {"e" + key: value for key, value in docx_notes(document, ENDNOTES).items()}
    return join_blocks(docx_blocks(document.element.body, notes), source)


# OpenDocument --------------------------------------------------------------------------------

def odt_inline_text(element: Any, notes: list[str]) -> str:
    """A text:p or text:h's text; spaces (text:s c="3"), tabs and line breaks as written; a
    note's body is collected in `notes`, its citation mark left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif tag == f"{TEXT}tab":
            parts.append("\t")
        elif tag == f"{TEXT}line-break":
            parts.append("\n")
        elif tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            if body is not None:
                notes.append("\n".join(odt_blocks(body)))
        elif tag not in (f"{OFFICE}annotation", f"{TEXT}tracked-changes"):
            parts.append(odt_inline_text(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)


def odt_blocks(element: Any) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in (f"{TEXT}p", f"{TEXT}h"):
            notes: list[str] = []
            yield odt_inline_text(child, notes)
            yield from notes
        elif tag == f"{TABLE}table":
            for row in child.iter(f"{TABLE}table-row"):
                if row.getparent() is not child and row.getparent().getparent() is not child:
                    continue  # rows of a nested table come with their cell
                yield CELL_SEPARATOR.join("\n".join(block for block in odt_blocks(cell) if block.strip())
                                          for cell in row.iterchildren(f"{TABLE}table-cell"))
        elif tag not in (f"{TEXT}tracked-changes", f"{TEXT}sequence-decls", f"{OFFICE}forms"):
            yield from odt_blocks(child)


def extract_odt_text(data: bytes, source: str) -> str:
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise InputError(source, f"not a readable OpenDocument text ({error})") from None
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise InputError(source, "not an OpenDocument text (no office:text body)")
    return join_blocks(odt_blocks(body), source)
