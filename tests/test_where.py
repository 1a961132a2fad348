"""--where: part of a corpus by its metadata.csv, chosen before anything is read."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.engine import replay
from iranru.errors import UsageError
from iranru.ingest.discover import Condition, discover, parse_condition
from tests.conftest import write

PERSIAN_SCRIPT = re.compile("[\u0600-\u06ff]")
DOCS = ("en_blog.txt", "en_paper.txt", "fa_news.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three documents; the Persian one's year is written in Persian digits, the blog has none."""
    folder = tmp_path / "texts"
    write(folder / "fa_news.txt", "روسیه در سال ۱۹۴۵ در شمال ایران بود.\n")
    write(folder / "en_paper.txt", "Russia signed the treaty in Tehran in 1828.\n")
    write(folder / "en_blog.txt", "Moscow and Tehran met again in 2015.\n")
    write(folder / "metadata.csv", "file,kind,year\nfa_news.txt,news,۱۹۹۸\nen_paper.txt,academic,1985\n"
                                   "en_blog.txt,blog,\n")
    return folder


@pytest.mark.parametrize(("text", "expected"), [
    ("year>=1990", Condition("year", ">=", "1990")),
    ("kind != news", Condition("kind", "!=", "news")),
    ("title='Iran, Russia'", Condition("title", "=", "Iran, Russia")),  # quotes kept out
    ("kind=", Condition("kind", "=", "")),  # an empty cell
    ("kind==news", Condition("kind", "==", "news")),  # as in Python or pandas' query
    ("year<-3", Condition("year", "<", "-3")),
    ("عنوان=روابط ایران و روسیه", Condition("عنوان", "=", "روابط ایران و روسیه")),
])
def test_conditions_are_read(text: str, expected: Condition) -> None:
    assert parse_condition(text) == expected


@pytest.mark.parametrize("text", ["year", "=1990", ">=3", "", "year=<1990", "year>>1990", "kind!==news"])
def test_a_malformed_condition_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match=re.escape(f"cannot read --where '{text}': write COLUMN "
                                                   "OPERATOR VALUE")):
        parse_condition(text)


@pytest.mark.parametrize(("condition", "cell", "holds"), [
    ("year>=1990", "900", False),  # as numbers: as text "900" > "1990"
    ("year<1990", "900", True),
    ("year=1990", "1990.0", True),
    ("year>=1990", "۱۹۹۸", True),  # Persian digits are digits
    ("year<=1379", "۱۳۷۹", True),
    ("year<1990", "", False),  # no year is neither before nor after
    ("year>=1990", "", False),
    ("year!=1990", "", True),
    ("year>=1990", "about 1995", False),
    ("kind!=news", "", True),
    ("kind=news", "News", False),  # text compares exactly
    ("date>=2020-01", "2020-03-15", True),  # ISO dates order as text
    ("date<2020-01", "2019-12-31", True),
    ("kind<m", "blog", True),
])
def test_numbers_compare_as_numbers_and_text_as_text(condition: str, cell: str, holds: bool) -> None:
    assert parse_condition(condition).holds(cell) is holds


@pytest.mark.parametrize(("where", "kept"), [
    (["year>=1990"], ["fa_news.txt"]),
    (["year<1990"], ["en_paper.txt"]),
    (["kind!=news"], ["en_blog.txt", "en_paper.txt"]),
    (["kind!=news", "year>0"], ["en_paper.txt"]),  # repeated: all must hold
    (["doc=en_blog.txt"], ["en_blog.txt"]),
    (["kind="], []),
])
def test_discovery_keeps_the_documents_that_meet_every_condition(
    corpus: Path, where: list[str], kept: list[str]
) -> None:
    if kept:
        assert [source.name for source in discover([str(corpus)], where).sources] == kept
    else:
        with pytest.raises(UsageError, match=r"^no document meets --where 'kind=' \(of 3 found\)$"):
            discover([str(corpus)], where)


def csv_table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


COMMANDS = [["stats"], ["tokens"], ["freq"], ["ngrams"], ["collocations"],
            ["kwic", "--regex", "روسیه|russia|tehran"], ["dates"], ["places"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
def test_every_command_that_reads_documents_takes_where(
    runner: CliRunner, corpus: Path, command: list[str]
) -> None:
    def run(*where: str) -> str:
        result = runner.invoke(app, [*command, str(corpus), *where, "--format", "csv"])
        assert (result.exit_code, result.stderr) == (0, "")
        return result.stdout

    everything, english = run(), run("--where", "kind!=news")
    if "doc" in everything.splitlines()[0].split(","):
        assert {row["doc"] for row in csv_table(everything)} == set(DOCS)
        assert {row["doc"] for row in csv_table(english)} == {"en_blog.txt", "en_paper.txt"}
    else:  # term tables: the Persian document's words are gone
        assert PERSIAN_SCRIPT.search(everything)
        assert not PERSIAN_SCRIPT.search(english) and english.count("\n") > 1


def test_normalize_takes_where(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["normalize", *(str(corpus / doc) for doc in DOCS),
                                 "--where", "year>=1990"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "روسیه در سال ۱۹۴۵ در شمال ایران بود.\n"


def test_compare_groups_only_the_documents_kept(runner: CliRunner, corpus: Path) -> None:
    # the blog has no year: it is not before 3000
    result = runner.invoke(app, ["compare", "news", "blog", str(corpus), "--group-by", "kind",
                                 "--where", "year<3000", "--format", "csv", "--no-cache"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "iranru: no kind 'blog': groups are academic, news\n"


def test_an_excluded_file_is_never_read(runner: CliRunner, corpus: Path, analyses: list[str]) -> None:
    write(corpus / "scan.txt", "")  # empty: reading it would be reported ("empty file")
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as handle:
        handle.write("scan.txt,scan,2001\n")
    result = runner.invoke(app, ["freq", str(corpus), "--where", "kind!=scan", "--where", "year>=1990",
                                 "--format", "csv", "--no-cache"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert analyses == ["fa_news.txt"]


def test_an_unknown_column_lists_the_columns_once(runner: CliRunner, corpus: Path) -> None:
    write(corpus / "more" / "en_more.txt", "More text about Tehran.\n")
    write(corpus / "more" / "metadata.csv", "file;year;kind;source\nen_more.txt;2001;blog;web\n")
    result = runner.invoke(app, ["stats", str(corpus), "--where", "yaer>=1990", "--format", "csv"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("iranru: cannot filter by 'yaer': use one of doc, kind, year, source\n")


def test_without_metadata_only_doc_can_be_filtered(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Tehran.\n")
    result = runner.invoke(app, ["stats", str(tmp_path), "--where", "year>=1990"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("iranru: cannot filter by 'year': use doc, or give the documents a "
                             "metadata.csv with this column\n")


def test_language_is_a_metadata_column_not_the_detected_language(tmp_path: Path) -> None:
    write(tmp_path / "fa.txt", "روسیه در شمال بود.\n")
    write(tmp_path / "metadata.csv", "file;kind\nfa.txt;news\n")
    with pytest.raises(UsageError) as error:
        discover([str(tmp_path)], ["language=fa"])
    assert str(error.value) == ("cannot filter by 'language': use one of doc, kind; for the language "
                                "iranru detects, use --lang or --group-by language")


def test_a_malformed_condition_exits_2_on_one_line(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["freq", str(corpus), "--where", "year 1990"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("iranru: cannot read --where 'year 1990': write COLUMN OPERATOR VALUE, "
                             "e.g. year>=1990 or kind!=news (operators: = != < <= > >=)\n")


def test_another_where_is_never_replayed_from_a_recorded_run(
    runner: CliRunner, corpus: Path, tmp_path: Path, analyses: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(replay, "RACY_SECONDS", -3600.0)  # the files count as old enough

    def run(*where: str) -> str:
        result = runner.invoke(app, ["stats", str(corpus), *where, "--format", "csv",
                                     "--cache-dir", str(tmp_path / "cache")])
        assert (result.exit_code, result.stderr) == (0, "")
        return result.stdout

    news = run("--where", "kind=news")
    blog = run("--where", "kind=blog")
    assert [row["doc"] for row in csv_table(news)] == ["fa_news.txt"]
    assert [row["doc"] for row in csv_table(blog)] == ["en_blog.txt"]
    analysed = len(analyses)
    assert run("--where", "kind=news") == news  # replayed: nothing read
    assert len(analyses) == analysed


def test_the_library_takes_where_in_read_options(corpus: Path) -> None:
    import iranru
    from iranru import ReadOptions

    by_options = iranru.stats([corpus], read_options=ReadOptions(where=("year>=1990",)), use_cache=False)
    by_keyword = iranru.stats([corpus], where="kind!=news", use_cache=False)  # one condition alone
    assert by_options.table["doc"].tolist() == ["fa_news.txt"]
    assert by_keyword.table["doc"].tolist() == ["en_blog.txt", "en_paper.txt"]
