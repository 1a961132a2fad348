"""metadata.csv as spreadsheets write it: paths or names, any of three delimiters, and a word
about every row that labels no file and every file that has no row."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.ingest.discover import discover, sniff_delimiter
from tests.conftest import CORPUS, write

PERSIAN = "روسیه در شمال کاملاً بی‌رقیب بود.\n"
ENGLISH = "Russia had no rival in the north.\n"


def folder_with(tmp_path: Path, metadata: str, encoding: str = "utf-8") -> Path:
    """wiki/fa_samii.txt and news/en_daily.txt below `tmp_path`, and metadata.csv beside them."""
    write(tmp_path / "wiki" / "fa_samii.txt", PERSIAN)
    write(tmp_path / "news" / "en_daily.txt", ENGLISH)
    write(tmp_path / "metadata.csv", metadata, encoding)
    return tmp_path


def labels(root: Path) -> dict[str, dict[str, str]]:
    return {source.name: source.meta for source in discover([str(root)]).sources}


@pytest.mark.parametrize("metadata", [
    "file,kind\nwiki/fa_samii.txt,encyclopedic\nnews/en_daily.txt,news\n",  # the path as `doc` shows it
    "file,kind\nfa_samii.txt,encyclopedic\nen_daily.txt,news\n",  # the file name alone
    "file,kind\n./wiki/fa_samii.txt,encyclopedic\nnews\\en_daily.txt,news\n",  # ./ and Windows' \
    "File , kind \n wiki/fa_samii.txt ,encyclopedic\nen_daily.txt, news\n",  # a capital and spaces
    "file,kind\n{root}/wiki/fa_samii.txt,encyclopedic\n{root}/news/en_daily.txt,news\n",  # as given
])
def test_file_matches_the_doc_path_or_the_file_name(tmp_path: Path, metadata: str) -> None:
    assert labels(folder_with(tmp_path, metadata.format(root=tmp_path))) == {
        "news/en_daily.txt": {"kind": "news"}, "wiki/fa_samii.txt": {"kind": "encyclopedic"},
    }


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    # Excel writes ";" where the decimal separator is a comma, and tabs as "Unicode text"
    rows = [["file", "title", "year"], ["wiki/fa_samii.txt", "ساعی, سامی", "1357"],
            ["news/en_daily.txt", "Daily; news", "1990"]]
    text = "\r\n".join(delimiter.join(f'"{cell}"' if delimiter in cell else cell for cell in row)
                       for row in rows)
    assert labels(folder_with(tmp_path, text + "\r\n")) == {
        "news/en_daily.txt": {"title": "Daily; news", "year": "1990"},
        "wiki/fa_samii.txt": {"title": "ساعی, سامی", "year": "1357"},
    }


@pytest.mark.parametrize(("header", "delimiter"), [
    ("file", ","),  # one column: nothing to sniff, the comma
    ("file;title,subtitle", ";"),  # the delimiter that makes a `file` column wins
    ("name,kind;year;notes", ";"),  # no `file` column: the one cutting most
])
def test_sniffing_prefers_a_file_column(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256", "utf-8-sig"])
def test_metadata_saved_by_excel_in_another_encoding_is_read(tmp_path: Path, encoding: str) -> None:
    folder = folder_with(tmp_path, "file\ttitle\r\nfa_samii.txt\tروابط تهران با مسکو\r\n"
                         "en_daily.txt\tA daily\r\n", encoding)
    assert labels(folder)["wiki/fa_samii.txt"] == {"title": "روابط تهران با مسکو"}


def test_rows_and_files_that_do_not_meet_are_each_one_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "file,kind\nwiki/fa_samii.txt,encyclopedic\nwiki/fa_sami.txt,x\n"
                         "missing.txt,news\n")
    result = runner.invoke(app, ["stats", str(folder), "--format", "csv", "--no-cache"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"iranru: warning: {folder / 'news' / 'en_daily.txt'}: no row in {folder / 'metadata.csv'}\n"
        f"iranru: warning: {folder / 'metadata.csv'}: no file matches the row for 'wiki/fa_sami.txt'\n"
        f"iranru: warning: {folder / 'metadata.csv'}: no file matches the row for 'missing.txt'\n"
    )
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == [
        "doc", "news/en_daily.txt", "wiki/fa_samii.txt"]


def test_a_file_named_alone_does_not_ask_for_every_row_of_its_folder(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "file,kind\nfa_samii.txt,encyclopedic\n")
    write(folder / "wiki" / "metadata.csv", "file,kind\nfa_samii.txt,wiki\nother.txt,wiki\n")
    found = discover([str(folder / "wiki" / "fa_samii.txt")])
    assert (found.warnings, found.sources[0].meta) == ([], {"kind": "wiki"})


def test_the_nearest_metadata_above_a_file_labels_it(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "file,kind\nnews/en_daily.txt,news\n")
    write(folder / "wiki" / "metadata.csv", "file,kind\nfa_samii.txt,wiki\n")
    found = discover([str(folder)])
    assert ([(source.name, source.meta) for source in found.sources], found.warnings) == (
        [("news/en_daily.txt", {"kind": "news"}), ("wiki/fa_samii.txt", {"kind": "wiki"})], [])


def test_without_a_metadata_file_nothing_is_said(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ENGLISH)
    found = discover([str(tmp_path)])
    assert (found.warnings, found.problems, found.sources[0].meta) == ([], [], {})


def test_metadata_without_a_file_column_names_its_columns_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "name;kind;kind\nfa_samii.txt;wiki;x\n")
    result = runner.invoke(app, ["stats", str(folder), "--format", "csv", "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr == (f"iranru: {folder / 'metadata.csv'}: unreadable metadata (no 'file' "
                             "column (its columns: name, kind))\n")
    assert len(result.stdout.splitlines()) == 3


def test_group_by_error_lists_each_column_once(runner: CliRunner) -> None:
    # the corpus' metadata.csv has a `language` column of its own
    result = runner.invoke(app, ["freq", str(CORPUS), "--group-by", "kinds", "--format", "csv"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("iranru: cannot group by 'kinds': use one of doc, language, author, "
                             "kind, note, publication, title, year\n")
