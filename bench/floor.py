"""How fast `freq` could be at all in Python: the floor under the 8x target of issue #17, in one run.

Usage:  python bench/floor.py [--natural DIR] [--rounds 2]

The target is cold `iranru freq` at 8 times the speed of the baseline of bench/speed.py (hazm
Normalizer + WordTokenizer + Lemmatizer, NLTK's tokenizer, a Counter) on ../shared/bench/natural.
On 2 cores that leaves baseline / 8 seconds of wall time, so at most twice that in CPU time
even if both cores were busy from the first instant. This script times, in this one run, the
least any Python program producing a lemma frequency table of the corpus must do, each piece
done the cheapest way we know and far less than iranru does:

  start-up   a fresh interpreter importing hazm and simplemma and building hazm's Lemmatizer
             (what a process that lemmatises Persian and English needs before its first word)
  read       every file read and decoded
  tokenise   one compiled regular expression over each text (no hazm or NLTK rules, no
             sentences, no ZWNJ repair, no footnote or number rules)
  count      collections.Counter over the tokens
  lemmas     once per distinct token: hazm's Lemmatizer (Persian), simplemma (English)
  table      the distinct lemmas and their counts written as CSV

and then, in the same process, two pieces of iranru's own work on the same corpus:

  normalise  iranru's normalisation of the Persian texts without ZWNJ repair (letters, digits,
             marks)
  zwnj       what ZWNJ repair adds to it (normalisation with repair, less the line above)
  describe   iranru's description of every distinct token (norm, lemma, stopword), once per type

The floor is start-up + the sum of the minimal pieces / 2 (both cores, perfectly shared). It
prints the budget, each piece's share of it, the floor, the minimal pieces with ZWNJ repair and
no start-up at all, and the floor with all three of iranru's pieces.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NATURAL = REPO.parent / "shared" / "bench" / "natural"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import BASELINE, timed  # noqa: E402

START_UP = "import hazm, simplemma; hazm.Lemmatizer(); simplemma.lemmatize('went', lang='en')"
# letter runs (joined by a ZWNJ or an apostrophe) and digit runs
TOKEN = re.compile(r"[^\W\d_]+(?:[\u200c'’][^\W\d_]+)*|\d+")
ARABIC = re.compile("[\u0600-\u06ff]")


def clock() -> float:
    return time.process_time()


def in_process_pieces(folder: Path) -> tuple[dict[str, float], dict[str, int]]:
    """CPU seconds of each piece in this process, and the corpus' sizes."""
    import hazm
    import simplemma

    lemmatizer = hazm.Lemmatizer()
    simplemma.lemmatize("went", lang="en")
    seconds: dict[str, float] = {}
    start = clock()
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]
    persian = [len(ARABIC.findall(text[:2000])) > 200 for text in texts]
    seconds["read"] = clock() - start
    start = clock()
    tokens = [TOKEN.findall(text) for text in texts]
    seconds["tokenise"] = clock() - start
    start = clock()
    counts = {True: collections.Counter(), False: collections.Counter()}
    for is_persian, found in zip(persian, tokens, strict=True):
        counts[is_persian].update(found)
    seconds["count"] = clock() - start
    start = clock()
    lemma_counts: collections.Counter[str] = collections.Counter()
    for token, count in counts[True].items():
        lemma_counts[lemmatizer.lemmatize(token)] += count
    for token, count in counts[False].items():
        lemma_counts[simplemma.lemmatize(token, lang="en")] += count
    seconds["lemmas"] = clock() - start
    start = clock()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["lemma", "count"])
    writer.writerows(lemma_counts.most_common())
    seconds["table"] = clock() - start
    sizes = {"files": len(texts), "bytes": sum(len(text.encode()) for text in texts),
             "tokens": sum(map(len, tokens)), "types": len(counts[True]) + len(counts[False])}

    from iranru.normalize import normalize_text
    from iranru.settings import NormalizeOptions
    from iranru.tokens import describe_word, stopword_sets

    persian_texts = [text for is_persian, text in zip(persian, texts, strict=True) if is_persian]
    normalize_text(persian_texts[0])  # builds the tables: start-up, not per-text work
    for name, options in (("iranru normalise, no ZWNJ repair", NormalizeOptions(repair_zwnj=False)),
                          ("iranru ZWNJ repair", NormalizeOptions())):
        start = clock()
        for text in persian_texts:
            normalize_text(text, options)
        seconds[name] = clock() - start
    seconds["iranru ZWNJ repair"] -= seconds["iranru normalise, no ZWNJ repair"]
    stopwords = stopword_sets(None)
    start = clock()
    for lang, is_persian in (("fa", True), ("en", False)):
        for token in counts[is_persian]:
            describe_word(token, lang, stopwords)
    seconds["iranru describe, per type"] = clock() - start
    return seconds, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--natural", type=Path, default=NATURAL)
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of the baseline and of start-up; the fastest counts")
    args = parser.parse_args()
    if not (args.natural / "fa").is_dir():
        sys.exit(f"floor: no natural corpus at {args.natural} (../shared/bench/natural is read in place and "
                 "never copied into this repository); pass --natural DIR")
    baseline = min(timed([sys.executable, "-c", BASELINE, str(args.natural)]) for _ in range(args.rounds))
    start_up = min(timed([sys.executable, "-c", START_UP]) for _ in range(args.rounds))
    seconds, sizes = in_process_pieces(args.natural)
    budget = baseline / 8
    print(f"Corpus: {sizes['files']} files, {sizes['bytes'] / 1e6:.1f} MB, {sizes['tokens']:,} regex tokens, "
          f"{sizes['types']:,} distinct tokens. Baseline {baseline:.1f} s wall, so the 8x budget is "
          f"{budget:.2f} s wall, {2 * budget:.2f} CPU-s on 2 cores.\n")
    print("| piece | seconds | share of the 8x budget |")
    print("|---|---|---|")
    print(f"| start-up, wall (a fresh process: hazm, simplemma, hazm's Lemmatizer) | {start_up:.2f} | "
          f"{start_up / budget:.0%} |")
    for name, value in seconds.items():
        print(f"| {name}, CPU | {value:.2f} | {value / (2 * budget):.0%} |")
    minimal = sum(value for name, value in seconds.items() if not name.startswith("iranru"))
    floor = start_up + minimal / 2
    print(f"\nFloor, start-up + the minimal pieces on 2 cores: {floor:.2f} s wall, "
          f"{floor / budget:.0%} of the "
          f"budget ({baseline / floor:.1f}x the baseline), with a regex for a tokenizer and no ZWNJ repair, "
          "sentences, stopwords or dispersion.")
    repair_only = (minimal + seconds["iranru ZWNJ repair"]) / 2
    print(f"With no start-up at all, the minimal pieces and iranru's ZWNJ repair alone: {repair_only:.2f} s "
          f"wall, {repair_only / budget:.0%} of the budget.")
    ours = floor + sum(value for name, value in seconds.items() if name.startswith("iranru")) / 2
    print(f"The floor plus iranru's normalisation, ZWNJ repair and per-type description: {ours:.2f} s wall, "
          f"{baseline / ours:.1f}x the baseline.")


if __name__ == "__main__":
    main()
