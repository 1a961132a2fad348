"""Word, OpenDocument and PDF files to text, recognised by their content, whatever their name."""

from __future__ import annotations

import io
import zipfile

from iranru.errors import InputError

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def document_kind(data: bytes) -> str | None:
    """"pdf", "docx", "odt" or None (not one of them: decode it as text)."""
    if data[:1024].lstrip().startswith(PDF_MAGIC):  # some producers write a few bytes before it
        return "pdf"
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, OSError):
        return None
    return None


def extract_text(data: bytes, kind: str, source: str) -> str:
    """The document's text in reading order; InputError for a damaged file or a scan."""
    if kind == "pdf":
        from iranru.ingest.pdf import extract_pdf_text
        from iranru.resources import hazm_word_counts

        return extract_pdf_text(data, source, hazm_word_counts())
    from iranru.ingest.office import extract_docx_text, extract_odt_text

    if kind == "docx":
        return extract_docx_text(data, source)
    if kind == "odt":
        return extract_odt_text(data, source)
    raise InputError(source, f"unknown document kind {kind!r}")
