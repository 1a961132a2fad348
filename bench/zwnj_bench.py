"""Compare ZWNJ repair of iranru with hazm, shekar and parsivar; print a markdown table.

Usage:  python bench/zwnj_bench.py [REFERENCE_FILE ...]

Each reference file holds correctly spelled Persian, one paragraph a line.  It is damaged in
three ways (joined / spaced / clean) by the shared scorer, and each normaliser's output is
scored with its ZWNJ F1.  Throughput is measured on the joined-damaged text.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER_PATH = SHARED / "tools" / "zwnj_eval.py"
DEFAULT_FILES = sorted((SHARED / "dev" / "fa").glob("*.txt"))
MODES = ("joined", "spaced", "clean")
ANCHORS = ("hazm", "shekar", "parsivar")

Normalizer = Callable[[str], str]


def load_scorer() -> ModuleType:
    """Import the shared scorer from its path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("zwnj_eval", SCORER_PATH)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer at {SCORER_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def iranru_normalizer() -> Normalizer:
    """iranru's whole normalisation pipeline, as `iranru normalize -` runs it."""
    sys.path.insert(0, str(REPO / "src"))
    from iranru.normalize import normalize_text

    return normalize_text


def run_document(scorer: ModuleType, fn: Normalizer, lines: list[str], mode: str) -> tuple[dict, float]:
    """Damage a reference file, normalise it as ONE document (as the scorer's --cmd does, so
    whole-text judgements see the whole text), score it; return the tally and seconds taken."""
    tally = dict(tp=0, fp=0, fn=0, gaps=0, boundary_errors=0, aligned=0, ref_chars=0)
    damaged = "\n".join(scorer.damage(line, mode) for line in lines) + "\n"
    start = time.perf_counter()
    output = fn(damaged)
    elapsed = time.perf_counter() - start
    outputs = [line for line in output.split("\n") if line.strip()]
    if len(outputs) == len(lines):
        for reference, produced in zip(lines, outputs, strict=True):
            scorer.score_pair(reference, produced, tally)
    else:
        scorer.score_pair("\n".join(lines), output, tally)
    return tally, elapsed


def f1(tally: dict) -> float:
    tp, fp, fn_ = tally["tp"], tally["fp"], tally["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn_) if tp + fn_ else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bench_row(name: str, scorer: ModuleType, fn: Normalizer, documents: list[list[str]]) -> str:
    """F1 per mode over all reference files, and MB/s on the joined-damaged text."""
    fn("گرم کردن")  # warm-up: lexicons load once
    cells, seconds, size = [], 0.0, 0
    for mode in MODES:
        total = dict(tp=0, fp=0, fn=0)
        for lines in documents:
            tally, elapsed = run_document(scorer, fn, lines, mode)
            for key in total:
                total[key] += tally[key]
            if mode == "joined":
                seconds += elapsed
                size += sum(len(line.encode()) for line in lines)
        cells.append(f"{f1(total):.3f}")
    return f"| {name} | " + " | ".join(cells) + f" | {size / 1e6 / max(seconds, 1e-9):.2f} |"


def read_reference(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or DEFAULT_FILES
    scorer = load_scorer()
    documents = [read_reference(path) for path in paths]
    count = sum(len(lines) for lines in documents)
    print(f"Reference: {', '.join(p.name for p in paths)} ({count} lines, each file one document)\n")
    print("| normaliser | F1 joined | F1 spaced | F1 clean | MB/s |")
    print("|---|---|---|---|---|")
    for name in ANCHORS:
        try:
            fn = scorer.anchor_fn(name)
        except ImportError:
            print(f"| {name} | not installed | | | |")
            continue
        print(bench_row(name, scorer, fn, documents))
    print(bench_row("iranru", scorer, iranru_normalizer(), documents))


if __name__ == "__main__":
    main(sys.argv[1:])
