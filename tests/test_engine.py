"""The engine: execution apart from the stages' rules, and one object saying what is made of
a document, however its results travel."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path
from typing import Any

import pytest

import iranru
from iranru.engine.analysis import TOKEN_TABLES, WORD_COUNTS, Analysis, Objects, as_payloads
from iranru.engine.state import VocabularyCopies, VocabularyDelta, WorkerState
from iranru.ingest import read_documents
from iranru.model import Skipped, Vocabulary
from tests.conftest import CORPUS

PACKAGE = Path(iranru.__file__).parent
# what may import the engine: itself, the library API that composes stages and engine, the CLI
COMPOSERS = ("engine/", "api.py", "cli/")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def sources() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_stages_never_import_the_engine() -> None:
    stages = [path for path in sources()
              if not path.relative_to(PACKAGE).as_posix().startswith(COMPOSERS)]
    assert {"tokens.py", "wordcounts.py", "normalize/zwnj.py", "analysis/freq.py"} <= {
        path.relative_to(PACKAGE).as_posix() for path in stages}
    importing = [path.relative_to(PACKAGE).as_posix() for path in stages
                 if any(name == "iranru.engine" or name.startswith("iranru.engine.")
                        for name in imported_modules(path))]
    assert importing == []


def test_no_module_rebinds_a_global() -> None:
    """Process state is an object passed to the work (engine/state.py), never a module global
    rebound with `global`."""
    rebinding = [path.relative_to(PACKAGE).as_posix() for path in sources()
                 if any(isinstance(node, ast.Global) for node in ast.walk(ast.parse(path.read_bytes())))]
    assert rebinding == []


class Collector:
    """The collecting side, as waves.PendingAnalysis is to a chunk: storing or not, with copies
    of the workers' vocabularies."""

    def __init__(self, analysis: Analysis, storing: bool) -> None:
        self.analysis, self.storing = analysis, storing
        self.copies = VocabularyCopies()

    def vocabulary_of(self, sent: Vocabulary | VocabularyDelta) -> Vocabulary:
        return self.copies.apply(sent) if isinstance(sent, VocabularyDelta) else sent


def comparable(analysis: Analysis, result: Any) -> Any:
    """What must be equal however a result travelled (word counts keep another vocabulary)."""
    return result.counts if analysis is WORD_COUNTS else result


@pytest.mark.parametrize("analysis", [TOKEN_TABLES, WORD_COUNTS], ids=lambda analysis: analysis.name)
def test_every_way_a_chunk_travels_gives_the_same_results(analysis: Analysis) -> None:
    """Made here, sent as cache payloads, or (word counts) over one vocabulary or a worker's
    deltas: the results received are the same, payloads are given exactly when storing, and
    a document a bug cost stays in its place as its Skipped."""
    documents, _ = read_documents([str(CORPUS)])
    failed = Skipped("broken.txt", "internal error in analysis (KeyError: 'boom')", "Traceback …")
    worker = WorkerState()
    made = [analysis.analyze(document, None, None, worker) for document in documents]
    chunk = [made[0], failed, *made[1:]]
    received_documents = [documents[0], documents[0], *documents[1:]]
    expected = [comparable(analysis, result) for result in made]
    ways = [Objects(chunk), as_payloads(analysis, chunk, worker, None),
            analysis.send(analysis, chunk, worker, None), analysis.send(analysis, chunk, worker, "run")]
    for storing in (True, False):
        for number, sent in enumerate(ways):
            received = list(sent.received(received_documents, Collector(analysis, storing)))
            assert received[1] == (failed, None)
            kept = [received[0], *received[2:]]
            assert [comparable(analysis, result) for result, _ in kept] == expected
            payloads = [payload for _, payload in kept]
            stored = storing and not (analysis is WORD_COUNTS and number >= 2)  # counts: never stored
            assert payloads == ([analysis.encode(result) for result in made] if stored else [None] * 3)


def test_the_analyses_key_apart_and_reach_workers_whole() -> None:
    """A token table and word counts of one text are two cache rows; an Analysis pickles by
    name, as a pool or Dask sends it to its workers."""
    fingerprint = b"\x01" * 32
    assert TOKEN_TABLES.key(fingerprint, "متن") != WORD_COUNTS.key(fingerprint, "متن")
    assert TOKEN_TABLES.key(fingerprint, "متن") == TOKEN_TABLES.key(fingerprint, "متن")
    for analysis in (TOKEN_TABLES, WORD_COUNTS):
        assert pickle.loads(pickle.dumps(analysis)) == analysis


@pytest.mark.parametrize("kept", [0, 7])
@pytest.mark.parametrize("analysis", [TOKEN_TABLES, WORD_COUNTS], ids=lambda analysis: analysis.name)
def test_a_process_that_lets_its_caches_go_gives_the_same_results(analysis: Analysis, kept: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches bounded to a few entries are emptied after every document (but for the `kept`
    met first), and the counting starts over a new vocabulary (with those carried over,
    renumbered), mid-chunk: the results, and how they travel, stay the same."""
    from iranru.engine import state
    from iranru.engine.analysis import analyze_each
    from iranru.model import Document
    from iranru.normalize.zwnj import CHUNK_REPAIRS
    from iranru.tokens import fold_for_counting

    # `her` among the first chunks kept, whose lemma its neighbours decide (she, or her)
    context = [Document(name, name, text, "utf-8") for name, text in (
        ("a.txt", "We met her in Tabriz. Her book was read."),
        ("b.txt", "We thanked her in Tehran. Her map was old."))]
    documents = [*context, *read_documents([str(CORPUS)])[0]]
    expected = [comparable(analysis, analysis.analyze(document, None, None, WorkerState()))
                for document in documents]
    monkeypatch.setattr(state, "MAX_CACHED_ENTRIES", 10)
    monkeypatch.setattr(state, "CHECK_EVERY_CHARS", 0)
    monkeypatch.setattr(state, "KEPT_ENTRIES", kept)
    worker = WorkerState()
    made = analyze_each(documents, analysis, None, None, worker)
    assert worker.restarts == len(documents)
    assert [comparable(analysis, result) for result in made] == expected
    assert fold_for_counting.cache_info().currsize < state.SHED_MIN_ENTRIES
    assert len(CHUNK_REPAIRS) < state.SHED_MIN_ENTRIES
    carried = [len(known) for known in worker.counting.chunk_keys.values()]  # Persian and English
    assert carried == ([kept, kept] if analysis is WORD_COUNTS and kept else [])
    sent = analysis.send(analysis, made, worker, "run")
    received = sent.received(documents, Collector(analysis, storing=False))
    assert [comparable(analysis, result) for result, _ in received] == expected


def test_the_caches_let_go_are_the_per_type_caches_and_no_report() -> None:
    """Found by their type in iranru's modules: the tokens' and the normaliser's caches, never
    `iranru.cache_clear`, the report that deletes the cache on disk."""
    import functools
    import sys

    from iranru.engine.state import per_type_caches
    from iranru.normalize.zwnj import CHUNK_REPAIRS
    from iranru.tokens import fold_for_counting, lemmatize

    clears = [clear for _, clear in per_type_caches(list(sys.modules.items()))]
    owners = {id(clear.args[0] if isinstance(clear, functools.partial) else clear.__self__)
              for clear in clears}
    assert {id(CHUNK_REPAIRS), id(fold_for_counting), id(lemmatize)} <= owners
    assert id(iranru) not in owners and iranru.cache_clear not in clears


def test_forked_workers_start_with_what_they_inherit_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked pool's workers find this process' objects out of their garbage collector's
    reach (gc.freeze before the fork), so it never walks nor copies those pages; this process
    thaws them once the workers exist."""
    import gc

    from iranru.engine import pool

    monkeypatch.setattr(pool, "start_method", lambda: "fork")
    before = gc.get_freeze_count()  # the interpreter's own, frozen at start-up
    workers = pool.WorkerPool()
    try:
        executor = workers.get(2)
        frozen = {executor.submit(gc.get_freeze_count).result() for _ in range(4)}
    finally:
        workers.close()
    assert min(frozen) > before + 10_000  # this process' modules, at least
    assert gc.get_freeze_count() == 0
