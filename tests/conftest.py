"""Shared fixtures: a CliRunner, the shipped corpus, and small real documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

# `make fuzz` runs the property tests with HYPOTHESIS_PROFILE=fuzz: 10,000 examples each.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FA_DOC = CORPUS / "fa_iran_russia_relations.txt"

# Real sentences: the Persian one carries the corpus' lost-ZWNJ damage on purpose.
PERSIAN_SENTENCE = "روسیه در شمال کاملاً بیرقیب بود و قدرتهای دیگر را میتوان نام برد."
ENGLISH_SENTENCE = "On Nov. 9, 2015 the U.S. embassy in Tehran said \u201cno.\u201d[12] Russia agreed."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so the default ./corpus is absent."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_cache(session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The analysis cache of this test session, never the user's; no Dask cluster. (Cache
    tests that need an empty cache use their own `tmp_path`.)"""
    monkeypatch.setenv("IRANRU_CACHE_DIR", str(session_cache))
    monkeypatch.delenv("IRANRU_SCHEDULER", raising=False)
    return session_cache


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the documents really analysed (not taken from the cache): token tables, or
    word counts (`freq` over several documents)."""
    import importlib

    from iranru import wordcounts

    # `iranru.tokens` is also the public `tokens()` report (PEP 562): import the module by name
    tokens = importlib.import_module("iranru.tokens")
    seen: list[str] = []
    for module, name in ((tokens, "analyze_document"), (wordcounts, "count_words")):
        original = getattr(module, name)

        def counted(document, *args, original=original):  # type: ignore[no-untyped-def]
            seen.append(document.name)
            return original(document, *args)

        monkeypatch.setattr(module, name, counted)
    return seen


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def corpus_exists() -> bool:
    return CORPUS.is_dir() and os.path.exists(FA_DOC)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true",
                     help="Write the golden files of tests/data/expected from the current output.")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))
