"""Golden files: every report's whole CSV on the shipped corpus, byte for byte.

A change in any row of a long output shows here as a diff; when the change is meant, run
`pytest tests/test_golden.py --regen`, read the diff of tests/data/expected/, and commit it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import CORPUS, FA_DOC, ROOT, corpus_exists

EXPECTED = ROOT / "tests" / "data" / "expected"
EN_DOC = CORPUS / "en_rubin_2022_russia_iran_alliance.txt"
REPORTS = {
    "stats": ["stats", str(CORPUS)],
    "tokens_fa": ["tokens", str(FA_DOC)],
    "freq": ["freq", str(CORPUS)],
    "freq_per_doc": ["freq", str(CORPUS), "--per-doc", "--by", "word"],
    "freq_concepts": ["freq", str(CORPUS), "--concepts"],
    "ngrams": ["ngrams", str(CORPUS), "-n", "2..3", "--min-count", "2"],
    "collocations": ["collocations", str(CORPUS), "--min-count", "3"],
    "kwic_fa": ["kwic", "روسیه", str(FA_DOC)],
    "kwic_en": ["kwic", "Russia", str(EN_DOC), "--width", "5"],
    "compare": ["compare", "fa", "en", str(CORPUS), "--group-by", "language", "--concepts"],
    "dates": ["dates", str(CORPUS)],
    "places": ["places", str(CORPUS)],
    "normalize_explain": ["normalize", str(FA_DOC), "--explain"],
}


@pytest.mark.skipif(not corpus_exists(), reason="needs the shipped corpus")
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_the_whole_output_is_the_golden_file(runner: CliRunner, regen: bool, name: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = [str(Path(arg).relative_to(ROOT)) if arg.startswith(str(ROOT)) else arg
            for arg in REPORTS[name]]
    result = runner.invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    golden = EXPECTED / f"{name}.csv"
    if regen:
        golden.write_bytes(result.stdout.encode("utf-8"))
    assert result.stdout == golden.read_bytes().decode("utf-8")
