"""Word, OpenDocument and PDF input: files made by real producers (tests/data/documents/README.md)
give the text of the corpus files they were made from, Persian in reading order."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import iranru.api as api
from iranru.cli import app
from iranru.ingest import read_documents
from iranru.ingest.visual import restore_reading_order, reverse_right_to_left
from iranru.resources import hazm_word_counts
from tests.conftest import CORPUS, write

DOCUMENTS = Path(__file__).parent / "data" / "documents"
CORPUS_NAMES = ("en_foreign_policy_toward_russia_abstract", "en_rubin_2022_russia_iran_alliance",
                "fa_iran_russia_relations")
# Terms whose KWIC hits must be the same in a document as in the text it was made from.
KWIC_TERMS = ("ایران", "روسیه", "شوروی", "قاجار", "ترکمنچای", "۱۸۱۳", "Russia", "Iran", "Putin", "1979")


def corpus_copies(producer_folder: Path, suffix: str) -> list[tuple[Path, Path]]:
    return [(CORPUS / f"{name}.txt", producer_folder / f"{name}{suffix}") for name in CORPUS_NAMES
            if (producer_folder / f"{name}{suffix}").exists()]


CASES = [
    pytest.param(DOCUMENTS, ".pdf", id="libreoffice-pdf"),
    pytest.param(DOCUMENTS, ".docx", id="libreoffice-docx"),
    pytest.param(DOCUMENTS, ".odt", id="libreoffice-odt"),
    pytest.param(DOCUMENTS / "weasyprint", ".pdf", id="weasyprint-pdf"),
]


def token_counts(paths: list[Path]) -> list[int]:
    table = api.stats([str(path) for path in paths]).table
    return [int(count) for count in table["tokens"]]


def kwic_hits(paths: list[Path]) -> list[tuple[str, int, str]]:
    """(term, document index, matched word) for every hit, in order."""
    hits = []
    for term in KWIC_TERMS:
        table = api.kwic([str(path) for path in paths], term=term, exact=True).table
        index = {Path(path).stem: number for number, path in enumerate(paths)}
        hits += [(term, index[doc.rsplit(".", 1)[0]], match)
                 for doc, match in zip(table["doc"], table["match"], strict=True)]
    return hits


@pytest.mark.parametrize(("folder", "suffix"), CASES)
def test_documents_made_from_the_corpus_give_its_token_counts_and_kwic_hits(
    folder: Path, suffix: str,
) -> None:
    pairs = corpus_copies(folder, suffix)
    assert pairs, f"no {suffix} files in {folder}"
    texts, documents = [text for text, _ in pairs], [document for _, document in pairs]
    for expected, found in zip(token_counts(texts), token_counts(documents), strict=True):
        assert abs(found - expected) <= 0.03 * expected
    expected_hits = kwic_hits(texts)
    assert any(term == "ایران" for term, _, _ in expected_hits)  # Persian is among them
    assert kwic_hits(documents) == expected_hits


NOTES_TEXT = (
    "روابط ایران و روسیه\n\n"
    "قرارداد گلستان در ۲۹ مهر ۱۱۹۲ امضا شد و ایران قفقاز را به روسیه واگذار کرد.\n\n"
    "برابر با ۱۲ اکتبر ۱۸۱۳.\n\n"  # the footnote, after the paragraph that cites it
    "The treaty of Golestan (گلستان) was signed in 1813.\n\n"
    "سال\tرویداد\n\n"  # a table row is a line, its cells apart by a tab
    "1828\tعهدنامه ترکمنچای\n\n"
    "سازمان ملل (UN) در سال ۱۹۴۵ تأسیس شد.\n"
)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_word_and_opendocument_give_paragraphs_notes_and_tables_in_reading_order(suffix: str) -> None:
    documents, skipped = read_documents([str(DOCUMENTS / f"notes{suffix}")])
    assert skipped == []
    assert (documents[0].text, documents[0].encoding) == (NOTES_TEXT, suffix[1:])


def test_a_right_to_left_pdf_gives_persian_in_reading_order() -> None:
    # The page puts the footnote at its foot, with its number; the citation is a superscript 1.
    documents, _ = read_documents([str(DOCUMENTS / "notes.pdf")])
    assert documents[0].text == (
        "روابط ایران و روسیه\n\n"
        "قرارداد گلستان در ۲۹ مهر ۱۱۹۲ امضا شد1 و ایران قفقاز را به روسیه واگذار کرد.\n\n"
        "The treaty of Golestan (گلستان) was signed in 1813.\n\n"
        "رویداد\tسال\n\n"
        "عهدنامه ترکمنچای\t1828\n\n"
        "سازمان ملل (UN) در سال ۱۹۴۵ تأسیس شد.\n\n"
        "برابر با ۱۲ اکتبر ۱۸۱۳ 1.\n"
    )


def test_python_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("روابط ایران و روسیه در دوره قاجار")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("سال", "event"), ("1828", "ترکمنچای")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Russia and Iran, ").add_run("1813.")
    document.save(tmp_path / "made.docx")
    documents, _ = read_documents([str(tmp_path / "made.docx")])
    assert documents[0].text == (
        "روابط ایران و روسیه در دوره قاجار\n\nسال\tevent\n\n1828\tترکمنچای\n\nRussia and Iran, 1813.\n"
    )


def test_folders_pick_up_documents_and_a_scan_is_skipped_with_one_line(
    runner: CliRunner, tmp_path: Path,
) -> None:
    for name in ("notes.docx", "notes.odt", "notes.pdf", "scan.pdf"):
        shutil.copy(DOCUMENTS / name, tmp_path / name)
    write(tmp_path / "notes.txt", "Golestan, 1813.")
    result = runner.invoke(app, ["stats", str(tmp_path), "--format", "csv", "--no-cache"])
    assert result.exit_code == 1
    scan = tmp_path / "scan.pdf"
    assert result.stderr == f"iranru: {scan}: no text layer (scanned image?); run OCR first\n"
    docs = [line.split(",")[0] for line in io.StringIO(result.stdout).read().splitlines()[1:]]
    assert docs == ["notes.docx", "notes.odt", "notes.pdf", "notes.txt"]


def test_normalize_shows_a_pdfs_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["normalize", str(DOCUMENTS / "fa_iran_russia_relations.pdf")])
    assert result.exit_code == 0
    assert result.stdout.startswith("ایران بیش از تمام قدرت‌های استعماری دیگر، به امپراتوری روسیه")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%broken", "not a readable PDF"),
        (b"PK\x03\x04 not really a zip", None),  # not a document: decoded, and refused as binary
    ],
)
def test_damaged_documents_are_one_reason(tmp_path: Path, data: bytes, reason: str | None) -> None:
    (tmp_path / "bad.pdf").write_bytes(data)
    documents, skipped = read_documents([str(tmp_path / "bad.pdf")])
    assert documents == []
    if reason:
        assert skipped[0].reason.startswith(reason)
    else:
        assert skipped[0].reason == "binary file (ZIP archive or Office document), not text"


# Reading order ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("shown", "read"),
    [
        ("مشش خیرات رد هک", "که در تاریخ ششم"),  # the example
        ("دوب UN 1945 رد", "در UN 1945 بود"),  # digits after a Latin word are in its run
        ("۱۹۴۶ ۱۹۴۵ یاهلاس رد", "در سالهای ۱۹۴۵ ۱۹۴۶"),  # two numbers are two runs
        ("۱۸۲۸-۱۸۱۳ یاهلاس", "سالهای ۱۸۲۸-۱۸۱۳"),  # one number with its dash
        ("World War II گنج", "جنگ World War II"),
        ("یوفص ٔهرود", "دورهٔ صفوی"),  # hamza above follows its letter once reversed
    ],
)
def test_a_line_shown_right_to_left_is_read_back(shown: str, read: str) -> None:
    assert reverse_right_to_left(shown) == read


def test_paragraphs_are_judged_together_and_english_keeps_its_order() -> None:
    counts = hazm_word_counts()
    lines = ["هیئوژ مشش خیرات رد هک", "دش هدش.", "", "The word ناریا is Persian.", "", "Russia and Iran"]
    assert restore_reading_order(lines, counts) == [
        "که در تاریخ ششم ژوئیه", "شده شد.", "", "The word ایران is Persian.", "", "Russia and Iran",
    ]


def test_a_persian_line_already_in_reading_order_is_kept() -> None:
    lines = ["که در تاریخ ششم ژوئیه ۱۹۴۵ توسط کمیته مرکزی"]
    assert restore_reading_order(lines, hazm_word_counts()) == lines


PERSIAN_WORDS = ["ایران", "روسیه", "در", "سال", "قرارداد", "تاریخ", "جنگ", "شوروی", "با", "مرکزی"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PERSIAN_WORDS),
                          st.integers(1, 99999).map(lambda n: str(n).translate(str.maketrans("0123456789",
                                                                                                 "۰۱۲۳۴۵۶۷۸۹")))),
                min_size=2, max_size=12).filter(lambda words: any(word in PERSIAN_WORDS for word in words)))
def test_persian_with_numbers_shown_right_to_left_reads_back_exactly(words: list[str]) -> None:
    # What a right-to-left page shows: the line reversed, each number still left to right.
    line = " ".join(words)
    shown = " ".join(word if word[0] in "۰۱۲۳۴۵۶۷۸۹" else word[::-1] for word in reversed(words))
    assert restore_reading_order([shown], hazm_word_counts()) == [line]


def test_a_line_of_marks_alone_does_not_stop_a_page() -> None:
    from iranru.ingest.pdf import Glyph, page_lines

    fathatan = "\u064b"  # tanwin, a mark drawn above a letter, with no width of its own
    glyphs = [Glyph("ب", 50, 55, 20, 30, 10), Glyph("ا", 55, 58, 20, 30, 10),
              Glyph(fathatan, 60, 60, 0, 10, 10)]
    assert page_lines(glyphs, 100) == ["با", "", fathatan]


def test_a_page_of_two_columns_is_read_one_column_after_the_other() -> None:
    source = (CORPUS / "en_foreign_policy_toward_russia_abstract.txt").read_text(encoding="utf-8").split()
    documents, _ = read_documents([str(DOCUMENTS / "cols_en.pdf")])
    assert documents[0].text.split()[:120] == source[:120]  # across the first column's foot
