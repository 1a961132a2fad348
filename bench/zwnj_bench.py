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

# Minimal character unification the scorer's input assumes (Arabic ي/ك/ى, diacritics, tatweel).
_UNIFY = str.maketrans(
    {"ي": "ی", "ك": "ک", "ى": "ی", "\u0640": None, "\u0670": None,
     **{code: None for code in range(0x064B, 0x0660)}}
)


def load_scorer() -> ModuleType:
    """Import the shared scorer from its path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("zwnj_eval", SCORER_PATH)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer at {SCORER_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def iranru_normalizer() -> Normalizer:
    """iranru's normaliser as the benchmark sees it (to become the full normalize_text)."""
    sys.path.insert(0, str(REPO / "src"))
    from iranru.normalize.zwnj import restore_zwnj

    return lambda text: restore_zwnj(text.translate(_UNIFY))


def score(scorer: ModuleType, fn: Normalizer, lines: list[str], mode: str) -> float:
    """ZWNJ F1 of ``fn`` on ``lines`` damaged in ``mode``."""
    tally = dict(tp=0, fp=0, fn=0, gaps=0, boundary_errors=0, aligned=0, ref_chars=0)
    for ref in lines:
        scorer.score_pair(ref, fn(scorer.damage(ref, mode)), tally)
    tp, fp, fn_ = tally["tp"], tally["fp"], tally["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn_) if tp + fn_ else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def throughput(scorer: ModuleType, fn: Normalizer, lines: list[str]) -> float:
    """MB/s on the joined-damaged text, one call per line (after one warm-up call)."""
    damaged = [scorer.damage(line, "joined") for line in lines]
    fn(damaged[0])
    start = time.perf_counter()
    for line in damaged:
        fn(line)
    elapsed = time.perf_counter() - start
    return sum(len(line.encode()) for line in damaged) / 1e6 / max(elapsed, 1e-9)


def bench_row(name: str, scorer: ModuleType, fn: Normalizer, lines: list[str]) -> str:
    f1s = [f"{score(scorer, fn, lines, mode):.3f}" for mode in MODES]
    return f"| {name} | " + " | ".join(f1s) + f" | {throughput(scorer, fn, lines):.2f} |"


def read_reference(paths: list[Path]) -> list[str]:
    return [line for p in paths for line in p.read_text(encoding="utf-8").split("\n")
            if line.strip()]


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or DEFAULT_FILES
    scorer = load_scorer()
    lines = read_reference(paths)
    print(f"Reference: {', '.join(p.name for p in paths)} ({len(lines)} lines)\n")
    print("| normaliser | F1 joined | F1 spaced | F1 clean | MB/s |")
    print("|---|---|---|---|---|")
    for name in ANCHORS:
        try:
            fn = scorer.anchor_fn(name)
        except ImportError:
            print(f"| {name} | not installed | | | |")
            continue
        print(bench_row(name, scorer, fn, lines))
    print(bench_row("iranru", scorer, iranru_normalizer(), lines))


if __name__ == "__main__":
    main(sys.argv[1:])
