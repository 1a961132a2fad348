"""Speed and memory of `iranru freq` against a straightforward baseline, in one run.

Usage:  python bench/speed.py [--natural DIR | --synthetic [--mb 100] [--files 1000]]
                              [--workdir DIR] [--rounds 2]

By default the corpus is ../shared/bench/natural (3,647 Persian news, English Wikipedia and UN
speech documents, 24 MB, read in place: their vocabulary keeps growing as a real archive's
does); its tenth is every tenth file. `--synthetic` builds instead a reproducible corpus from
`corpus/` and the dev sentences of `../shared/dev/fa/` (shuffled paragraphs: after its first
megabyte its vocabulary stops growing, so per-type caches flatter it). Then it times, each in a
fresh process and the fastest of --rounds runs (default 2; the baseline and cold runs
alternate, so a slow spell of this shared machine hits both):
  baseline  hazm Normalizer + WordTokenizer + Lemmatizer per token (Persian), NLTKWordTokenizer
            + lower-casing (English), collections.Counter
  cold      iranru freq --no-cache
  warm      iranru freq with the cache filled by a previous run (the recorded report is replayed)
  warm, another option   iranru freq --top 100 after that: no replay, every document's word
            counts from the cache
and peak RSS (GNU time's %M), for the full corpus and a tenth of it; the cold time of the
tenth (linearity: all of it should take at most 10.5 times as long); the cost of a growing
vocabulary, as the time the full corpus takes beyond a corpus of the same files' tenth repeated
ten times (as many tokens, a tenth's word types) per 10,000 word types it adds; and tokens per
second per core.
Prints a markdown table of seconds, MB/s, ratios and peak RSS, and the start-up ratio of
`iranru --help` to `python -c "import typer, rich"`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "dev" / "fa"
NATURAL = REPO.parent / "shared" / "bench" / "natural"
IRANRU = [sys.executable, "-m", "iranru"]

BASELINE = r'''
import sys, collections
from pathlib import Path
import hazm
from nltk.tokenize import NLTKWordTokenizer
normalizer, tokenizer, lemmatizer = hazm.Normalizer(), hazm.WordTokenizer(), hazm.Lemmatizer()
english = NLTKWordTokenizer()
counts = collections.Counter()
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    if sum("\u0600" <= c <= "\u06ff" for c in text[:2000]) > 200:
        counts.update(lemmatizer.lemmatize(t) for t in tokenizer.tokenize(normalizer.normalize(text)))
    else:
        counts.update(t.lower() for t in english.tokenize(text))
print(len(counts))
'''


def source_paragraphs() -> tuple[list[str], list[str]]:
    persian, english = [], []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        (persian if path.name.startswith("fa_") else english).extend(paragraphs)
    for path in sorted(DEV.glob("*.txt")):
        persian.extend(line for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    return persian, english


def build_corpus(folder: Path, megabytes: float, files: int, seed: int = 13) -> int:
    """Files of shuffled paragraphs, a numbered line each so that none are equal."""
    rng = random.Random(seed)
    persian, english = source_paragraphs()
    target = int(megabytes * 1_000_000 / files)
    written = 0
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        pool = persian if number % 2 == 0 else english
        parts, size = [f"document {number}"], 0
        while size < target:
            paragraph = rng.choice(pool)
            parts.append(paragraph)
            size += len(paragraph.encode())
        text = "\n\n".join(parts) + "\n"
        (folder / f"doc{number:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode())
    return written


def timed(command: list[str]) -> float:
    """Wall seconds of one run in a fresh process."""
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_rss(command: list[str]) -> float:
    """Peak RSS in MB of a command, read from /usr/bin/time so each run is measured alone."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=REPO, check=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def median_seconds(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def link_natural(source: Path, folder: Path, every: int = 1, copies: int = 1) -> int:
    """The natural documents as symbolic links (the texts are read in place, never copied):
    every `every`-th file, `copies` times under other names. Returns their bytes."""
    files = sorted(source.glob("fa/*.txt")) + sorted(source.glob("en/*.txt"))
    written = 0
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for path in files[::every]:
            (folder / f"{copy}_{path.parent.name}_{path.name}").symlink_to(path)
            written += path.stat().st_size
    return written


def word_figures(folder: Path) -> tuple[int, int]:
    """Word tokens and distinct word forms (iranru's counting forms, stopwords included)."""
    result = subprocess.run([*IRANRU, "freq", str(folder), "--by", "word", "--keep-stopwords",
                             "--no-cache", "--format", "csv"], cwd=REPO, check=True,
                            capture_output=True, text=True)
    counts = [int(line.rsplit(",", 4)[-4]) for line in result.stdout.splitlines()[1:]]
    return sum(counts), len(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--natural", type=Path, default=NATURAL,
                        help="folder of natural documents (fa/ and en/); default ../shared/bench/natural")
    parser.add_argument("--synthetic", action="store_true", help="build a repeated-paragraph corpus instead")
    parser.add_argument("--mb", type=float, default=100.0, help="--synthetic: its size")
    parser.add_argument("--files", type=int, default=1000, help="--synthetic: its files")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each timing; the baseline and cold runs alternate")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="iranru-bench-"))
    full, tenth, cache, repeated = work / "full", work / "tenth", work / "cache", work / "repeated"
    if args.synthetic:
        size = build_corpus(full, args.mb, args.files)
        tenth_size = build_corpus(tenth, args.mb / 10, max(args.files // 10, 1))
        files = args.files
    else:
        if not (args.natural / "fa").is_dir():
            sys.exit(f"bench: no natural corpus at {args.natural} (../shared/bench/natural is read in "
                     "place and never copied into this repository); pass --natural DIR or --synthetic")
        size = link_natural(args.natural, full)
        tenth_size = link_natural(args.natural, tenth, every=10)
        link_natural(args.natural, repeated, every=10, copies=10)
        files = len(list(full.iterdir()))
    mb = size / 1e6
    freq = [*IRANRU, "freq", "--format", "csv"]
    baselines, colds = [], []
    for _ in range(args.rounds):  # alternating, so a slow spell of the machine hits both
        baselines.append(timed([sys.executable, "-c", BASELINE, str(full)]))
        colds.append(timed([*freq, str(full), "--no-cache"]))
    tenth_cold = min(timed([*freq, str(tenth), "--no-cache"]) for _ in range(args.rounds))
    timed([*freq, str(full), "--cache-dir", str(cache)])  # fills the cache
    warm = min(timed([*freq, str(full), "--cache-dir", str(cache)]) for _ in range(args.rounds))
    # once only: run again, it would be recorded and replayed
    other = timed([*freq, str(full), "--cache-dir", str(cache), "--top", "100"])
    baseline, cold = min(baselines), min(colds)
    rss_full = peak_rss([*freq, str(full), "--no-cache"])
    rss_tenth = peak_rss([*freq, str(tenth), "--no-cache"])
    startup = median_seconds([*IRANRU, "--help"])
    imports = median_seconds([sys.executable, "-c", "import typer, rich"])
    kind = "synthetic" if args.synthetic else f"natural ({args.natural})"
    print(f"Corpus: {kind}, {mb:.1f} MB in {files} files ({work}); tenth: {tenth_size / 1e6:.1f} MB")
    print(f"Fastest of {args.rounds} runs each; baseline runs {', '.join(f'{t:.1f}' for t in baselines)} s, "
          f"cold runs {', '.join(f'{t:.1f}' for t in colds)} s\n")
    print("| run | seconds | MB/s | ratio |")
    print("|---|---|---|---|")
    print(f"| baseline | {baseline:.1f} | {mb / baseline:.2f} | 1.0 |")
    print(f"| cold `iranru freq` | {cold:.1f} | {mb / cold:.2f} | {baseline / cold:.2f}x baseline |")
    print(f"| cold, a tenth of the corpus | {tenth_cold:.1f} | {tenth_size / 1e6 / tenth_cold:.2f} | "
          f"all of it takes {cold / tenth_cold:.2f}x as long |")
    print(f"| warm `iranru freq` (replayed) | {warm:.2f} | {mb / warm:.1f} | {cold / warm:.1f}x cold |")
    print(f"| warm, another option (`--top 100`: document cache) | {other:.1f} | {mb / other:.2f} | "
          f"{cold / other:.1f}x cold |")
    print(f"\nPeak RSS: {rss_tenth:.0f} MB for a tenth, {rss_full:.0f} MB for all "
          f"({rss_full / rss_tenth:.2f}x for 10x the text)")
    print(f"Start-up: iranru --help {startup:.3f} s, import typer, rich {imports:.3f} s "
          f"({startup / imports:.2f}x)")
    tokens, types = word_figures(full)
    cores = os.cpu_count() or 1
    print(f"Tokens per second per core (cold): {tokens / cold / cores:,.0f} ({tokens:,} word tokens, "
          f"{cores} cores)")
    if not args.synthetic:
        repeated_cold = min(timed([*freq, str(repeated), "--no-cache"]) for _ in range(args.rounds))
        _, tenth_types = word_figures(tenth)
        new_types = types - tenth_types
        print(f"Growing vocabulary: the full corpus {cold:.1f} s, its tenth repeated ten times "
              f"{repeated_cold:.1f} s; {types:,} against {tenth_types:,} word types: "
              f"{(cold - repeated_cold) / (new_types / 10_000):.2f} s per 10,000 new word types")


if __name__ == "__main__":
    main()
