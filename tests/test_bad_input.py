"""The bad-input battery: every case gets an exact exit code and one line naming the file,
and good documents in the same run give the same results as on their own."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import write

GOOD_EN = "Russia and Iran signed the Treaty of Turkmenchay in 1828."
GOOD_FA = "روسیه و ایران در ۱۸۲۸ قرارداد ترکمنچای را امضا کردند."


def stats(runner: CliRunner, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["stats", *args, "--format", "csv"], input=input)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    write(folder / "good_en.txt", GOOD_EN)
    write(folder / "good_fa.txt", GOOD_FA)
    return folder


@pytest.fixture
def good_rows(runner: CliRunner, good_folder: Path) -> list[dict[str, str]]:
    result = stats(runner, str(good_folder))
    assert result.exit_code == 0
    return rows(result.stdout)


def test_nonexistent_path(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = stats(runner, str(missing))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"iranru: {missing}: no such file or directory\niranru: nothing could be read\n"


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_an_unreadable_metadata_file_is_one_line_and_the_documents_still_count(
    runner: CliRunner, good_folder: Path, tmp_path: Path, cache: list[str],
) -> None:
    (good_folder / "metadata.csv").write_bytes(b"\xff\xfefile,title\n")
    result = runner.invoke(app, ["freq", str(good_folder), "--format", "csv", "--cache-dir",
                                 str(tmp_path / "cache"), *cache])
    assert result.exit_code == 1
    assert result.stderr == (
        f"iranru: {good_folder / 'metadata.csv'}: unreadable metadata (cannot decode: starts with a "
        "utf-16 BOM but is not utf-16)\n"
    )
    found = rows(result.stdout)
    assert {(row["term"], row["lang"]) for row in found} >= {("treaty", "en"), ("قرارداد", "fa")}


def test_directory_without_text_files(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "data.csv", "a,b\n")
    result = stats(runner, str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"iranru: {tmp_path}: no .txt, .md, .html, .docx, .odt or .pdf files in this directory\n"
        "iranru: nothing could be read\n"
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n", "contains only white space"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "binary file (PNG image), not text"),
        ("paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(64),
         "not a readable PDF (No /Root object! - Is this really a PDF?)"),
        ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(64), "binary file (ELF executable), not text"),
        ("nuls.txt", b"a\x00b\x00\x00\x00c\x00" * 20, "binary file (contains NUL bytes), not text"),
    ],
)
def test_bad_file_among_good_ones(  # type: ignore[no-untyped-def]
    runner: CliRunner, good_folder: Path, good_rows, name: str, data: bytes, reason: str
) -> None:
    bad = good_folder / name
    bad.write_bytes(data)
    result = stats(runner, str(good_folder))
    assert result.exit_code == 1
    assert result.stderr == f"iranru: {bad}: {reason}\n"
    assert rows(result.stdout) == good_rows


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_unicode_encodings_give_identical_results(  # type: ignore[no-untyped-def]
    runner: CliRunner, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    path = tmp_path / "good_fa.txt"
    path.write_bytes(prefix + GOOD_FA.encode(encoding))
    result = stats(runner, str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    row = rows(result.stdout)[0]
    assert (row["characters"], row["tokens"], row["types"], row["language"]) == ("53", "10", "10", "fa")


def test_windows_1256_persian_counts_like_unicode_persian(runner: CliRunner, tmp_path: Path) -> None:
    # cp1256 spells ی and ک with the Arabic letters; normalisation unifies them
    # (and has no Persian digits)
    text = (GOOD_FA.replace("۱۸۲۸", "1828") + " ") * 3
    legacy = write(tmp_path / "legacy.txt", text.replace("ی", "ي"), "cp1256")
    modern = write(tmp_path / "modern.txt", text)
    result = runner.invoke(app, ["tokens", str(legacy), str(modern), "-f", "csv"])
    assert result.exit_code == 0
    by_doc: dict[str, list[str]] = {}
    for row in rows(result.stdout):
        by_doc.setdefault(row["doc"], []).append(row["norm"])
    assert by_doc["legacy.txt"] == by_doc["modern.txt"]


def test_latin1_english(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "The café in Tabriz, a déjà vu.", "latin-1")
    result = runner.invoke(app, ["tokens", str(path), "-f", "csv"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert [row["token"] for row in rows(result.stdout)][:2] == ["The", "café"]


def test_invalid_utf8_bytes_are_replaced_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes((GOOD_FA + " ").encode() * 20 + b"\xc3\x28 \xff")
    result = stats(runner, str(path))
    assert result.exit_code == 0
    assert result.stderr == f"iranru: warning: {path}: 2 invalid UTF-8 byte sequences replaced\n"
    assert rows(result.stdout)[0]["language"] == "fa"


def test_a_few_nul_bytes_are_removed_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes((GOOD_EN + " ").encode() * 10 + b"\x00\x00")
    result = stats(runner, str(path))
    assert result.exit_code == 0
    assert result.stderr == f"iranru: warning: {path}: 2 NUL bytes removed\n"
    assert rows(result.stdout)[0]["tokens"] == "100"


@pytest.fixture
def wide_csv_fields():  # type: ignore[no-untyped-def]
    previous = csv.field_size_limit(1_000_000)
    yield
    csv.field_size_limit(previous)


@pytest.mark.usefixtures("wide_csv_fields")
def test_very_long_tokens(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "Iran " + "a" * 200_000 + " " + "ب" * 100_000 + " Russia")
    result = runner.invoke(app, ["tokens", str(path), "-f", "csv"])
    assert result.exit_code == 0
    assert [len(row["token"]) for row in rows(result.stdout)] == [4, 200_000, 100_000, 6]


@pytest.mark.slow  # about half of the suite's time: `make quick` leaves it out, `make test` runs it
def test_a_single_50_mb_line(runner: CliRunner, tmp_path: Path) -> None:
    """No line break in 50 MB: analysed in bounded segments, every sentence counted."""
    unit = f"{GOOD_EN} {GOOD_FA} "  # 10 + 10 words (19 types: 1828 is in both), two sentences
    repeats = 50_000_000 // len(unit.encode()) + 1
    path = write(tmp_path / "one_line.txt", unit * repeats)
    assert path.stat().st_size >= 50_000_000 and b"\n" not in path.read_bytes()
    result = stats(runner, str(path), "--no-cache")
    assert (result.exit_code, result.stderr) == (0, "")
    (row,) = rows(result.stdout)[:1]
    assert (row["tokens"], row["sentences"], row["types"]) == (str(20 * repeats), str(2 * repeats), "19")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("." * 300_000 + " Iran", 1),  # a run of full stops: no sentence-splitter backtracking
        ("ب" * 300_000 + " Iran", 2),  # a long Persian run with no Latin letter
        ("ها " * 100_000, 100_000 // 20),  # affixes joined 20 at a time, never into one endless word
        ("A. " * 100_000, 100_000),
        ("a" * 300_000 + " Iran", 2),  # a long English word: its lemma's patterns read it once
        ("a.+" * 100_000, 100_000),  # no e-mail address: its local part is looked for 64 back at most
    ],
    ids=["full-stops", "persian-run", "affix-run", "initials", "english-run", "dotted-run"],
)
def test_degenerate_text_is_analysed_in_linear_time(text: str, words: int) -> None:
    """Inputs that once sent a regular expression or the ZWNJ repair into quadratic time."""
    from iranru.model import Document
    from iranru.tokens import analyze_document

    assert len(analyze_document(Document("x", "x", text, "utf-8")).words) == words


def test_symlink_loop_is_not_followed_twice(runner: CliRunner, good_folder: Path, good_rows) -> None:  # type: ignore[no-untyped-def]
    os.symlink(good_folder, good_folder / "loop")
    result = stats(runner, str(good_folder))
    assert (result.exit_code, result.stderr) == (0, "")
    assert rows(result.stdout) == good_rows


def test_file_that_disappears_between_listing_and_reading(  # type: ignore[no-untyped-def]
    runner: CliRunner, good_folder: Path, good_rows, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = write(good_folder / "doomed.txt", GOOD_EN)
    from iranru.ingest import read as read_module

    original = read_module.discover

    def discover_then_delete(paths: list[str], where: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
        found = original(paths, where)
        doomed.unlink()
        return found

    monkeypatch.setattr(read_module, "discover", discover_then_delete)
    result = stats(runner, str(good_folder))
    assert result.exit_code == 1
    assert result.stderr == f"iranru: {doomed}: disappeared before it could be read\n"
    assert rows(result.stdout) == good_rows


@pytest.mark.parametrize("name", ["my notes.txt", "یادداشت‌ها.txt", "-dash.txt"])
def test_awkward_file_names(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, GOOD_EN)
    result = runner.invoke(app, ["stats", "--format", "json", "--", name])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)[0]["doc"] == name


def test_empty_standard_input(runner: CliRunner) -> None:
    result = stats(runner, "-", input="")
    assert result.exit_code == 2
    assert result.stderr == "iranru: <stdin>: empty file\niranru: nothing could be read\n"


def test_mixed_line_endings(runner: CliRunner) -> None:
    text = "Iran\r\nروسیه\rTabriz\nend"
    normalized = runner.invoke(app, ["normalize", "-"], input=text)
    assert normalized.stdout == "Iran\nروسیه\nTabriz\nend\n"
    result = stats(runner, "-", input=text)
    row = rows(result.stdout)[0]
    assert (row["tokens"], row["sentences"]) == ("4", "4")


@pytest.mark.parametrize(
    ("text", "tokens", "language"),
    [("... !!! ؟؟ «» -- ()", "0", "und"), ("1813 ۱۸۱۳ 2022", "3", "und")],
)
def test_punctuation_or_digits_only(runner: CliRunner, text: str, tokens: str, language: str) -> None:
    result = stats(runner, "-", input=text)
    assert (result.exit_code, result.stderr) == (0, "")
    row = rows(result.stdout)[0]
    assert (row["tokens"], row["language"]) == (tokens, language)


def test_invisible_controls_do_not_split_or_pollute_words(runner: CliRunner) -> None:
    text = "\u200fروسیه\u200e و \u202bایران\u202c\ufeff \u200c\u200c\u200d Tabriz\u2066 done\u2069"
    result = runner.invoke(app, ["tokens", "-", "-f", "csv"], input=text)
    table = rows(result.stdout)
    assert [row["norm"] for row in table] == ["روسیه", "و", "ایران", "tabriz", "done"]
    assert all(text[int(row["start"]) : int(row["end"])] == row["token"] for row in table)


def test_nfc_and_nfd_forms_count_alike(runner: CliRunner) -> None:
    text = "café آب Tabriz"  # café and آ (alef with maddah) written both ways
    both = unicodedata.normalize("NFC", text) + " " + unicodedata.normalize("NFD", text)
    result = runner.invoke(app, ["tokens", "-", "-f", "csv"], input=both)
    norms = [row["norm"] for row in rows(result.stdout)]
    assert norms == ["café", "آب", "tabriz"] * 2


def test_malformed_html(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", "<p>Tabriz <b>and <i>تبریز</p><div><script>x=1<")
    result = runner.invoke(app, ["tokens", str(path), "-f", "csv"])
    assert result.exit_code == 0
    assert [row["token"] for row in rows(result.stdout)] == ["Tabriz", "and", "تبریز"]


def test_file_over_the_size_limit(runner: CliRunner, good_folder: Path, good_rows) -> None:  # type: ignore[no-untyped-def]
    big = write(good_folder / "zz_big.txt", "Iran " * 1000)
    result = stats(runner, str(good_folder), "--max-file-size", "0.001")
    assert result.exit_code == 1
    assert result.stderr == (
        f"iranru: {big}: larger than --max-file-size (0.001 MB); raise the limit to read it\n"
    )
    assert rows(result.stdout) == good_rows


def test_hostile_cells_are_neutralised_in_csv_and_xlsx(runner: CliRunner, tmp_path: Path) -> None:
    doc = write(tmp_path / "hostile.txt", "=cmd|'/C calc'!A0 +SUM(1) -2 @import")
    result = runner.invoke(app, ["tokens", str(doc), "-f", "csv"])
    tokens = [row["token"] for row in rows(result.stdout)]
    assert all(not token.startswith(("=", "+", "@")) for token in tokens)
    assert "-2" in tokens  # a number stays a number
    target = tmp_path / "out.xlsx"
    runner.invoke(app, ["tokens", str(doc), "-o", str(target)])
    from openpyxl import load_workbook

    values = [cell.value for cell in load_workbook(target).active["D"]][1:]
    assert all(not str(value).startswith(("=", "+", "@")) for value in values)


def test_inputs_are_never_modified_and_failed_runs_write_nothing(
    runner: CliRunner, good_folder: Path
) -> None:
    def fingerprint() -> dict[str, tuple[str, int]]:
        return {
            path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(good_folder.iterdir())
        }

    before = fingerprint()
    out = good_folder.parent / "stats.csv"
    assert runner.invoke(app, ["stats", str(good_folder), "-o", str(out)]).exit_code == 0
    assert fingerprint() == before
    failed = good_folder.parent / "failed.csv"
    result = runner.invoke(app, ["stats", str(good_folder / "missing.txt"), "-o", str(failed)])
    assert result.exit_code == 2
    assert not failed.exists()
    assert sorted(p.name for p in good_folder.parent.iterdir()) == ["stats.csv", "texts"]


def test_an_unwritable_output_is_one_line_and_exit_2(runner: CliRunner, good_folder: Path,
                                                      tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    result = runner.invoke(app, ["stats", str(good_folder), "--output", str(target)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"iranru: {target}: cannot write: No such file or directory\n"
    assert len(result.stderr.splitlines()) == 1


def test_unreadable_inputs_are_reported_before_a_bad_group_by(runner: CliRunner, tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    result = runner.invoke(app, ["freq", str(empty), "--group-by", "zzz"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"iranru: {empty}: empty file\niranru: nothing could be read\n"
