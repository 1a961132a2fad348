"""Crash hunting: every command over a fixed sample of natural text nobody here wrote
(../shared/bench/natural: Persian news, English Wikipedia and UN speeches), read from
../shared, never copied. Any internal error fails the test. Skipped without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app

pytestmark = pytest.mark.slow

NATURAL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "natural"
# Every 12th Persian and every 24th English document in name order: about 280 files and 1.5 MB,
# a fixed sample in which both languages weigh about the same.
EVERY = {"fa": 12, "en": 24}

# command and its arguments before the paths, and after them
COMMANDS = {
    "stats": (["stats"], []),
    "tokens": (["tokens"], []),
    "freq": (["freq"], []),
    "freq --per-doc": (["freq"], ["--per-doc"]),
    "ngrams": (["ngrams"], ["-n", "2..3"]),
    "collocations": (["collocations"], []),
    "kwic": (["kwic", "ایران"], []),
    "compare": (["compare", "fa", "en"], ["--group-by", "language"]),
    "dates": (["dates"], []),
    "places": (["places"], []),
    "normalize": (["normalize"], []),
}


def sample() -> list[str]:
    return [str(path) for lang, step in EVERY.items()
            for path in sorted((NATURAL / lang).glob("*.txt"))[::step]]


@pytest.fixture(scope="module")
def paths() -> list[str]:
    if not (NATURAL / "fa").is_dir() or not (NATURAL / "en").is_dir():
        pytest.skip("../shared/bench/natural is not beside this clone")
    return sample()


@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_meets_an_internal_error_on_natural_text(
    runner: CliRunner, paths: list[str], command: str,
) -> None:
    """Each report's own path, without the cache (mentions are never cached), in a pool."""
    before, after = COMMANDS[command]
    options = ["--format", "csv"]
    if before[0] != "normalize":
        options += ["-j", "2"]
    if before[0] not in ("dates", "places", "normalize"):
        options.append("--no-cache")
    result = runner.invoke(app, [*before, *paths, *after, *options])
    problems = [line for line in result.stderr.splitlines() if not line.startswith("iranru: warning:")]
    assert (result.exit_code, problems) == (0, [])
    assert len(result.stdout.splitlines()) > 1
