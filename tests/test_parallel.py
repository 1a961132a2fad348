"""`--jobs`: a process pool gives the rows one process gives, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from iranru.engine import pool, waves
from tests.conftest import CORPUS, write


def csv_output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Use the pool even for the small corpus, and count how often it starts."""
    calls: list[int] = []
    original = pool.run_in_pool

    def counted(pool, workers, *args):  # type: ignore[no-untyped-def]
        calls.append(workers)
        return original(pool, workers, *args)

    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(pool, "run_in_pool", counted)
    return calls


@pytest.mark.parametrize("command", [["tokens"], ["freq"], ["stats"], ["dates"], ["places"]])
def test_two_processes_give_the_rows_of_one(runner: CliRunner, pool_calls: list[int],
                                            command: list[str]) -> None:
    cache = [] if command[0] in ("dates", "places") else ["--no-cache"]
    single = csv_output(runner, *command, str(CORPUS), "--jobs", "1", *cache)
    assert pool_calls == []  # --jobs 1 runs in this process
    double = csv_output(runner, *command, str(CORPUS), "--jobs", "2", *cache)
    assert pool_calls == [2]
    assert double == single


def test_input_order_is_kept_whatever_finishes_first(runner: CliRunner, pool_calls: list[int],
                                                     tmp_path: Path) -> None:
    # a long document first, so later, shorter chunks finish before it
    write(tmp_path / "a.txt", "Russia and Iran signed a treaty. " * 4000)
    for name in "bcdef":
        write(tmp_path / f"{name}.txt", f"Document {name} mentions Tehran.")
    single = csv_output(runner, "tokens", str(tmp_path), "--jobs", "1", "--no-cache")
    assert csv_output(runner, "tokens", str(tmp_path), "-j", "2", "--no-cache") == single
    assert pool_calls == [2]


def test_small_inputs_stay_in_this_process(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("the pool started")

    monkeypatch.setattr(pool, "run_in_pool", no_pool)
    assert csv_output(runner, "tokens", str(CORPUS), "--jobs", "4", "--no-cache")


@pytest.mark.parametrize(
    ("sizes", "parts", "expected"),
    [
        ([10, 10, 10, 10], 2, [[0, 1], [2, 3]]),
        ([100, 1, 1, 1], 4, [[0], [1, 2, 3]]),  # one big document is a chunk of its own
        ([0, 0], 8, [[0, 1]]),  # empty texts still form a chunk
        ([5], 3, [[0]]),
    ],
)
def test_chunks_are_consecutive_and_cover_every_document(
    sizes: list[int], parts: int, expected: list[list[int]]
) -> None:
    assert pool.chunk_indices(range(len(sizes)), sizes, parts) == expected


def test_jobs_default_to_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    from iranru.settings import RunOptions

    monkeypatch.setattr(pool.os, "cpu_count", lambda: 6)
    assert pool.job_count(RunOptions()) == 6
    assert pool.job_count(RunOptions(jobs=1)) == 1


def test_progress_is_reported_per_document(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from iranru import api
    from iranru.settings import RunOptions

    calls: list[tuple[int, int, int, int]] = []
    closed: list[bool] = []

    class Recorder:
        def __call__(self, *args: int) -> None:
            calls.append(args)

        def close(self) -> None:
            closed.append(True)

    options = RunOptions(jobs=1, cache_dir=tmp_path, on_progress=Recorder())
    api.tokens([str(CORPUS)], run_options=options)
    total = sum(len(path.read_text(encoding="utf-8").encode()) for path in CORPUS.glob("*.txt"))
    assert [call[2:] for call in calls] == [(0, 3), (1, 3), (2, 3), (3, 3)]  # lookup, then each
    assert calls[-1][:2] == (total, total)
    assert closed == [True]
    calls.clear()
    api.tokens([str(CORPUS)], run_options=options)  # warm: all three at the lookup
    assert [call[2:] for call in calls] == [(3, 3)]


def test_progress_counts_the_bytes_read(tmp_path: Path) -> None:
    """A file whose text is shorter in UTF-8 than on disk (a byte-order mark, Windows-1256)
    still ends the progress at the total of the files' sizes."""
    from iranru import api
    from iranru.ingest import read_documents
    from iranru.settings import RunOptions

    (tmp_path / "bom.txt").write_bytes("\ufeffIran and Russia.".encode())  # 3 + 16 bytes
    (tmp_path / "cp1256.txt").write_bytes("ايران و روسيه".encode("cp1256"))  # 13 bytes, 23 in UTF-8
    calls: list[tuple[int, ...]] = []
    api.tokens([str(tmp_path)], run_options=RunOptions(jobs=1, use_cache=False,
                                                      on_progress=lambda *args: calls.append(args)))
    documents, _ = read_documents([str(tmp_path)])
    assert [document.encoding for document in documents] == ["utf-8", "cp1256"]
    assert calls[-1] == (19 + 13, 19 + 13, 2, 2)


@pytest.mark.parametrize("command", [["freq", "--top", "40"], ["freq", "--group-by", "language"], ["stats"]])
def test_streaming_in_small_waves_gives_the_rows_of_one_wave(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str],
) -> None:
    """freq and stats read, analyse and reduce the corpus a wave at a time; where the waves
    are cut, and whether each wave goes to a pool, must not show in the rows."""
    for number in range(6):
        write(tmp_path / f"extra{number}.txt", f"Iran and Russia met in Tabriz in {1800 + number}. "
                                               f"ایران و روسیه در تبریز دیدار کردند {number}.")
    paths = [str(CORPUS), str(tmp_path)]
    whole = csv_output(runner, *command, *paths, "--no-cache", "--jobs", "1")
    monkeypatch.setattr(waves, "WAVE_CHARS", 3_000)
    monkeypatch.setattr(waves, "COUNTS_WAVE_CHARS", 3_000)  # freq's waves of word counts
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    wave_sizes: list[int] = []
    events: list[str] = []

    class Counted(waves.PendingAnalysis):
        def __init__(self, documents, *args):  # type: ignore[no-untyped-def]
            wave_sizes.append(len(documents))
            events.append("start")
            super().__init__(documents, *args)

        def finish(self):  # type: ignore[no-untyped-def]
            events.append("finish")
            return super().finish()

    monkeypatch.setattr(waves, "PendingAnalysis", Counted)
    assert csv_output(runner, *command, *paths, "--no-cache", "--jobs", "2") == whole
    # the Persian document shares a wave with five short files; grouped by language, it is the
    # only document of group fa, and is analysed in full at the end for DP over its parts
    lone = [1] if "--group-by" in command else []
    assert wave_sizes == [1, 1, 6, 1, *lone]
    # each wave is handed to the workers before the one before it is collected
    assert events == ["start", "start", "finish", "start", "finish", "start", "finish", "finish",
                      *(["start", "finish"] if lone else [])]


def test_workers_send_their_vocabulary_once_a_run_in_any_order() -> None:
    """with_vocabulary_delta sends the types a worker's vocabulary gained since its last chunk
    of the run; the parent's copy is the same whatever order the chunks come in, and a new
    run is sent all of it."""
    from iranru.engine.state import VocabularyCopies, WorkerState, with_vocabulary_delta
    from iranru.ingest import read_documents
    from iranru.model import WordCounts
    from iranru.wordcounts import count_words

    documents, _ = read_documents([str(CORPUS)])
    worker = WorkerState()
    counted = [count_words(document, None, None, worker.counting) for document in documents]
    vocabulary = worker.counting.vocabulary
    first, second = (with_vocabulary_delta(part, worker, "run-a") for part in (counted[:1], counted[1:]))
    first_delta, second_delta = first[0][0], second[0][0]
    assert first_delta.start == 0 and second_delta.start == len(first_delta.columns[0])
    assert second_delta.start + len(second_delta.columns[0]) == len(vocabulary.numbers)
    assert {id(sent) for sent, _, _ in second} == {id(second_delta)}  # pickled once a chunk
    for order in ([first_delta, second_delta], [second_delta, first_delta]):
        copies = VocabularyCopies()
        copy = [copies.apply(delta) for delta in order][0]
        assert copy == vocabulary.columns
        rebuilt = [WordCounts(counted_one.document, copy, types, counts)
                   for counted_one, (_, types, counts) in zip(counted, first + second, strict=True)]
        assert [one.counts for one in rebuilt] == [one.counts for one in counted]
    again = with_vocabulary_delta(counted[:1], worker, "run-b")[0][0]
    assert again.start == 0 and again.columns == vocabulary.columns


def test_a_worker_vocabulary_started_afresh_is_sent_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    from iranru import wordcounts
    from iranru.engine.state import VocabularyCopies, VocabularyDelta, WorkerState, with_vocabulary_delta
    from iranru.ingest import read_documents

    monkeypatch.setattr(wordcounts, "MAX_TYPES", 500)  # each corpus document starts a new one
    documents, _ = read_documents([str(CORPUS)])
    english = [document for document in documents if document.name.startswith("en_")]
    worker = WorkerState()
    one, two = (wordcounts.count_words(document, None, None, worker.counting) for document in english)
    assert one.vocabulary is not two.vocabulary
    mixed = with_vocabulary_delta([one, two], worker, "run-c")  # restarted within the chunk
    assert not isinstance(mixed[0][0], VocabularyDelta) and mixed[0][0] is mixed[1][0]
    alone = with_vocabulary_delta([two], worker, "run-c")[0][0]
    assert alone.start == 0 and alone.key[1] == worker.counting.vocabulary.generation
    copies = VocabularyCopies()
    copies.apply(VocabularyDelta((alone.key[0], alone.key[1] - 1), 0, ([], [], [], [])))
    copies.apply(alone)
    copies.forget_old_generations()
    assert list(copies.copies) == [alone.key]
