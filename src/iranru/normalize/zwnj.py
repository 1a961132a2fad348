"""Repair Persian zero-width non-joiners (ZWNJ, U+200C).

Persian script joins most letters to the next one.  Inside a single *word*, some morpheme
boundaries must stay visually separate without a space: the plural suffix (کتاب‌ها "books"),
the verbal prefix می (می‌رود "goes"), comparatives (بزرگ‌تر "bigger"), clitics after a final
ه or ی (خانه‌اش "his house"), and many lexicalised compounds (بین‌المللی "international").
The invisible ZWNJ character does that.  Text from the web often loses it in one of two ways:

* "joined": the ZWNJ is deleted, so the boundary disappears (قدرتهای for قدرت‌های);
* "spaced": the ZWNJ became a space, so one word looks like two (می توان for می‌توان).

:func:`restore_zwnj` undoes both while leaving correctly written text alone.  It works word
by word with a cached decision, using hazm's lexicon (words.dat, verbs.dat), a small
curated list of words that are conventionally written joined, and data vendored from shekar
1.7.0 (MIT): its compound list (compounds hazm lacks, such as هلی‌کوپتر) and its corpus
word frequencies (to choose between readings such as دسته‌ای and دست‌های) and the ZWNJ
spellings its corpus attests (نابه‌هنگام).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources

from iranru.characters import NON_JOINING_LETTERS, WORD_CHARACTER_RANGES, ZWNJ
from iranru.normalize import ChunkCache

SPACE = " "

# Persian/Arabic letters (no digits, no punctuation such as ، ؛ ؟ « ») plus ZWNJ: one word.
_LETTERS = WORD_CHARACTER_RANGES
WORD_RE = re.compile(f"([{_LETTERS}{ZWNJ}]+)")
ANY_WORD_CHARACTER = re.compile(f"[{_LETTERS}{ZWNJ}]")  # scans faster than WORD_RE's group
_REPEATED_ZWNJ_RE = re.compile(f"{ZWNJ}{{2,}}")
# A ZWNJ tidy_zwnj would change: at a word's edge or after another one.
JUNK_ZWNJ = re.compile(f"(?<![{_LETTERS}{ZWNJ}]){ZWNJ}|{ZWNJ}(?![{_LETTERS}])")

# --- Affixes -------------------------------------------------------------------------------
# Plural ها with the possessive/indefinite endings it can carry (کتاب‌هایشان "their books").
PLURAL_SUFFIXES = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
                   "هاست")
# Comparative and superlative (بزرگ‌تر، بزرگ‌ترین).
COMPARATIVE_SUFFIXES = ("تر", "ترین", "تری")
# Pronominal clitics and short copulas.  They take a ZWNJ only after a word ending in the
# vowel letters ه or ی (خانه‌ام، جنوبی‌اش، کرده‌اند); after consonants they fuse (کتابم).
VOWEL_CLITICS = ("ام", "ات", "اش", "ای", "ایم", "اید", "اند", "است")
CLITIC_HOSTS = frozenset("هی")
# After ی, ای is usually the ezafe/indefinite ی of a word ending in ا (دنیای، دریای), not a clitic.
CLITICS_AFTER_YE = tuple(c for c in VOWEL_CLITICS if c != "ای")
MIN_CLITIC_HOST_LEN = 3
# Endings that fuse with the word without ZWNJ (indefinite/ezafe ی, possessives after
# consonants, plural ان/ات, ordinal م/مین): a known word plus one of them is a known word.
FUSED_ENDINGS = ("ی", "یی", "م", "ت", "ش", "مان", "تان", "شان", "ان", "ین", "ات", "مین")
# Auxiliaries that may be glued to a past participle (کرده‌بود، شده‌باشد).
AUXILIARIES = ("بود", "بودم", "بودی", "بودیم", "بودید", "بودند",
               "باشد", "باشم", "باشی", "باشیم", "باشید", "باشند")
# Verbal prefix: durative می and its negation نمی, optionally after a verbal particle which
# joins می without ZWNJ (برمی‌گردد "returns", درمی‌آید "comes out").
DURATIVE_PREFIXES = ("نمی", "می")
VERB_PARTICLES = ("", "بر", "باز", "در", "فرا", "فرو", "ور", "وا")
# Person endings of finite verbs; the ی-initial variants cover vowel-final stems (می‌آیند).
PRESENT_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند", "یی", "یند", "یید")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند", "ه")
# Function words that also act as compounding prefixes (هم‌میهن، بی‌شک، پیش‌بینی).
COMPOUNDING_PREFIXES = frozenset({"هم", "بی", "پیش", "پس", "ضد", "نیم", "فرا", "فرو"})
# Privative prefix بی "without" (بی‌رقیب "unrivalled").
PRIVATIVE_PREFIX = "بی"

# A joined word of the lexicon is kept as written if it is at least this frequent; hazm lists
# many unattested forms with frequency 0, which do not block a split.
MIN_KEEP_FREQ = 1
# Splitting any unknown word into two frequent words costs more precision than it gains
# (خونرنگ، ساکتند، دربروند would all split), so only titles that follow a personal name
# are split off an unknown word (عباس‌میرزا، حسن‌خان، جمال‌الدین).  The name must be a
# frequent word on its own.
NAME_TITLES = ("میرزا", "خان", "الدین", "الدوله", "السلطنه", "الملک")
MIN_NAME_FREQ = 100_000
MIN_NAME_LEN = 3
USE_FREE_COMPOUNDS = True
# Shortest joined stem whose inflected forms are kept joined (see is_inflected_joined_word).
MIN_INFLECTED_STEM_LEN = 4
# A ZWNJ-spelled lexicon compound of two free words is used for a spaced pair only when it
# is attested in hazm's corpus or shekar's writes it with a ZWNJ; the others are mostly
# phrases (نماز جمعه).
MIN_SPACED_COMPOUND_FREQ = 1

@dataclasses.dataclass(frozen=True)
class Lexicon:
    """Word knowledge needed for ZWNJ decisions."""

    freq: dict[str, int]  # ZWNJ-free word -> corpus frequency (0 = listed, unattested)
    compounds: dict[str, tuple[str, int]]  # joined spelling -> (ZWNJ spelling, frequency)
    zwnj_words: frozenset[str]  # every lexicon spelling that contains a ZWNJ
    present_stems: frozenset[str]
    past_stems: frozenset[str]
    keep_joined: frozenset[str]
    function_words: frozenset[str]
    # shekar's data (a larger, more recent corpus than hazm's): see _load_shekar_*.
    shekar_compounds: dict[str, tuple[str, ...]]  # joined spelling -> parts (آبان، ماه)
    shekar_freq: dict[str, int]  # ZWNJ-free word -> frequency
    shekar_zwnj_freq: dict[str, int]  # ZWNJ-spelled word -> frequency
    shekar_zwnj_index: dict[str, str]  # joined spelling -> most frequent ZWNJ spelling


def _read_hazm_data(name: str) -> list[str]:
    """Lines of one of hazm's bundled data files (hazm imported lazily: it is slow)."""
    return (resources.files("hazm") / "data" / name).read_text(encoding="utf-8").splitlines()


def _read_curated_list(name: str) -> frozenset[str]:
    """Entries of one of our own data files, skipping blank lines and # comments."""
    text = (resources.files("iranru") / "data" / name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _load_words() -> tuple[dict[str, int], dict[str, tuple[str, int]], frozenset[str]]:
    """Split hazm's word list into plain words and ZWNJ compounds, keeping the highest
    frequency."""
    from iranru.resources import hazm_word_counts

    freq: dict[str, int] = {}
    compounds: dict[str, tuple[str, int]] = {}
    for listed, count in hazm_word_counts().items():
        word = listed.strip(ZWNJ)  # a few entries carry a stray edge ZWNJ (جوان‌)
        if not word:
            continue
        if ZWNJ in word:
            joined = word.replace(ZWNJ, "")
            if joined not in compounds or compounds[joined][1] < count:
                compounds[joined] = (word, count)
        elif freq.get(word, -1) < count:
            freq[word] = count
    zwnj_words = frozenset(spelling for spelling, _ in compounds.values())
    return freq, compounds, zwnj_words


def _load_verb_stems() -> tuple[frozenset[str], frozenset[str]]:
    """Past and present stems from verbs.dat (lines 'past#present')."""
    past: set[str] = set()
    present: set[str] = set()
    for line in _read_hazm_data("verbs.dat"):
        if "#" not in line:
            continue
        past_stem, present_stem = (part.strip() for part in line.split("#", 1))
        if past_stem and " " not in past_stem:
            past.add(past_stem)
        if present_stem and " " not in present_stem:
            present.add(present_stem)
    return frozenset(past), frozenset(present)


def _read_data_lines(name: str) -> list[str]:
    """Non-comment lines of one of our data files."""
    text = (resources.files("iranru") / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _load_shekar_compounds() -> dict[str, tuple[str, ...]]:
    """shekar's compound list, keyed by the joined spelling.  A # marks a boundary after a
    non-joining letter, which is written with nothing (آبدار#خانه → آبدارخانه)."""
    compounds: dict[str, tuple[str, ...]] = {}
    for line in _read_data_lines("zwnj_shekar_compounds.txt"):
        parts = tuple(part for part in re.split(f"[#{ZWNJ}]", line.strip()) if part)
        if len(parts) > 1:
            compounds["".join(parts)] = parts
    return compounds


def _load_shekar_vocab() -> tuple[dict[str, int], dict[str, int]]:
    """shekar's word frequencies, split into ZWNJ-free and ZWNJ-spelled words."""
    plain: dict[str, int] = {}
    zwnj: dict[str, int] = {}
    for line in _read_data_lines("zwnj_shekar_vocab.tsv"):
        word, _, count = line.partition("\t")
        if word and count.isdigit():
            (zwnj if ZWNJ in word else plain)[word] = int(count)
    return plain, zwnj


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, once a process, prebuilt (see iranru.prebuilt): building it takes 0.7 s."""
    from iranru.prebuilt import prebuilt

    return Lexicon(**prebuilt("zwnj_lexicon", lexicon_fields))


def lexicon_fields() -> dict[str, object]:
    """The lexicon's fields, as the prebuilt file keeps them."""
    built = build_lexicon()
    return {field.name: getattr(built, field.name) for field in dataclasses.fields(Lexicon)}


def build_lexicon() -> Lexicon:
    """The lexicon, from hazm's word and verb lists, our lists and shekar's data."""
    freq, compounds, zwnj_words = _load_words()
    past, present = _load_verb_stems()
    shekar_plain, shekar_zwnj = _load_shekar_vocab()
    return Lexicon(freq=freq, compounds=compounds, zwnj_words=zwnj_words,
                   present_stems=present, past_stems=past,
                   keep_joined=_read_curated_list("zwnj_keep_joined.txt"),
                   function_words=_read_curated_list("zwnj_function_words.txt"),
                   shekar_compounds=_load_shekar_compounds(),
                   shekar_freq=shekar_plain, shekar_zwnj_freq=shekar_zwnj,
                   shekar_zwnj_index=_index_by_joined(shekar_zwnj))


def _index_by_joined(zwnj_freq: dict[str, int]) -> dict[str, str]:
    """Map each ZWNJ spelling's joined form to its most frequent ZWNJ spelling."""
    index: dict[str, str] = {}
    for spelling in sorted(zwnj_freq, key=zwnj_freq.__getitem__):
        index[spelling.replace(ZWNJ, "")] = spelling  # later (more frequent) wins
    return index


# --- Joining parts -------------------------------------------------------------------------

def boundary_after(piece: str) -> str:
    """The invisible separator a morpheme boundary needs after ``piece`` (letter rule)."""
    return "" if piece[-1] in NON_JOINING_LETTERS else ZWNJ


def join_morphemes(parts: list[str]) -> str:
    """Glue morphemes, putting a ZWNJ only after letters that would otherwise connect."""
    out = parts[0]
    for part in parts[1:]:
        out += boundary_after(out) + part
    return out


# --- Recognising pieces --------------------------------------------------------------------

class EndingIndex:
    """Which of a tuple of endings a word ends with, in the tuple's order. The endings are
    grouped by their last letter, so a word is compared with the few that could match rather
    than with all of them: these questions are asked of every new word type, many times."""

    def __init__(self, endings: Iterable[str]) -> None:
        groups: dict[str, list[str]] = {}
        for ending in endings:
            if not ending:
                raise ValueError("an empty ending matches every word: test it apart")
            groups.setdefault(ending[-1], []).append(ending)
        self.by_last = {last: tuple(group) for last, group in groups.items()}

    def of(self, word: str) -> list[str]:
        return [ending for ending in self.by_last.get(word[-1:], ()) if word.endswith(ending)]


INFLECTION_INDEX = EndingIndex(PLURAL_SUFFIXES + COMPARATIVE_SUFFIXES)
VOWEL_CLITIC_INDEX = EndingIndex(VOWEL_CLITICS)
FUSED_ENDING_INDEX = EndingIndex(FUSED_ENDINGS)
AUXILIARY_INDEX = EndingIndex(AUXILIARIES)


def is_known_word(word: str) -> bool:
    """Listed in the lexicon at all (even unattested), or curated."""
    lex = lexicon()
    return word in lex.freq or word in lex.compounds or word in lex.keep_joined


def word_freq(word: str) -> int:
    """Frequency of a ZWNJ-free word, -1 if not listed."""
    return lexicon().freq.get(word, -1)


def is_more_frequent(word: str, other: str) -> bool:
    """Is ``word`` more frequent than ``other``?  shekar's counts (a larger, more varied
    corpus) decide when it lists either word; hazm's otherwise."""
    shekar = lexicon().shekar_freq
    if word in shekar or other in shekar:
        return shekar.get(word, -1) > shekar.get(other, -1)
    return word_freq(word) > word_freq(other)


def lexicon_spelling(word: str) -> str:
    """The lexicon's preferred spelling of a joined word (with ZWNJ if it is a compound)."""
    lex = lexicon()
    if word in lex.keep_joined:
        return word
    compound = lex.compounds.get(word)
    if compound and word_freq(word) < MIN_KEEP_FREQ:
        return compound[0]  # an attested joined spelling wins over the lexicon's ZWNJ one
    shekar = shekar_compound_spelling(word)
    if shekar and word_freq(word) < MIN_KEEP_FREQ:
        return shekar
    return word


@functools.lru_cache(maxsize=65_536)
def shekar_compound_spelling(word: str) -> str | None:
    """shekar's spelling of a joined compound (کمرنگ → کم‌رنگ), unless its corpus writes the
    word joined more often than with the ZWNJ (a lexicalised compound such as دستشویی)."""
    lex = lexicon()
    parts = lex.shekar_compounds.get(word)
    if not parts:
        return None
    spelled = join_morphemes(list(parts))
    if lex.shekar_freq.get(word, 0) > lex.shekar_zwnj_freq.get(spelled, 0):
        return None
    return spelled


def is_inflected_joined_word(word: str) -> bool:
    """An attested joined word plus a fused ending (پژوهشگران = پژوهشگر + ان): written as
    the word itself is, even if a compound list spells the inflected form with a ZWNJ."""
    for ending in FUSED_ENDING_INDEX.of(word):
        stem = word[: -len(ending)]
        if (len(stem) >= MIN_INFLECTED_STEM_LEN and is_attested(stem)
                and stem not in lexicon().shekar_compounds):
            return True
    return False


def compound_with_ending(word: str) -> str | None:
    """A shekar compound, alone or with an ending that fuses (سرمایه‌گذاران)."""
    whole = shekar_compound_spelling(word)
    if whole:
        return whole
    for ending in FUSED_ENDING_INDEX.of(word):
        stem = shekar_compound_spelling(word[: -len(ending)])
        if stem:
            return stem + ending
    return None


@functools.lru_cache(maxsize=65_536)
def is_verb_form(word: str) -> bool:
    """A finite verb or past participle without prefix: stem + person ending."""
    stems = verb_stems()
    if word in stems or any(word[: -len(ending)] in stems for ending in PRESENT_ENDING_INDEX.of(word)):
        return True
    past_stems = lexicon().past_stems
    return any(word[: -len(ending)] in past_stems for ending in PAST_ENDING_INDEX.of(word))


@functools.cache
def verb_stems() -> frozenset[str]:
    """Present and past stems: a verb form is either plus a person ending."""
    return lexicon().present_stems | lexicon().past_stems


PRESENT_ENDING_INDEX = EndingIndex(ending for ending in PRESENT_ENDINGS if ending)
PAST_ENDING_INDEX = EndingIndex(ending for ending in PAST_ENDINGS if ending)


def is_infinitive(word: str) -> bool:
    """Past stem + ن (شدن، کردن): the verb of a light-verb phrase, written apart (واقع شدن)."""
    return word.endswith("ن") and word[:-1] in lexicon().past_stems


def is_past_participle(word: str) -> bool:
    """Past stem + ه, optionally negated with ن (کرده، نکرده)."""
    lex = lexicon()
    if not word.endswith("ه"):
        return False
    stem = word[:-1]
    return stem in lex.past_stems or (stem.startswith("ن") and stem[1:] in lex.past_stems)


# --- Splitting joined words ----------------------------------------------------------------
# An analysis is a list of morphemes plus a cost; the cheapest analysis wins.  Costs prefer
# attested stems and few pieces, so a split is only made when it is well supported.

Analysis = tuple[float, list[str]]


def stem_cost(stem: str) -> float | None:
    """Cost of using ``stem`` as the core of a word; None if it is not a word."""
    if len(stem) < 2:
        return None
    freq = word_freq(stem)
    if stem in lexicon().keep_joined or freq >= MIN_KEEP_FREQ:
        return 0.0
    if stem in lexicon().compounds or stem in lexicon().shekar_compounds:
        return 0.0
    if freq == 0:
        return 0.5  # listed but unattested: weaker evidence
    return None


def analyse_verb(word: str) -> Analysis | None:
    """(particle)(ن)می + verb form, with optional clitic: می‌کردند، برمی‌گردد، نمی‌شده‌اند."""
    for particle in VERB_PARTICLES:
        for prefix in DURATIVE_PREFIXES:
            head = particle + prefix
            if not word.startswith(head) or len(word) <= len(head) + 1:
                continue
            rest = word[len(head):]
            if is_verb_form(rest):
                return 1.0, [head, rest]
            for clitic in VOWEL_CLITICS:
                body = rest[: -len(clitic)]
                if rest.endswith(clitic) and is_past_participle(body):
                    return 2.0, [head, body, clitic]
    return None


def analyse_unknown_verb(word: str) -> Analysis | None:
    """(ن)می + a verb whose stem hazm lacks (می‌خیساند); only for words absent from the
    lexicon whose remainder ends like a finite verb, so میز، میدان، میانه are never touched."""
    if is_known_word(word):
        return None
    for prefix in DURATIVE_PREFIXES:
        rest = word[len(prefix):]
        if (word.startswith(prefix) and len(rest) >= 3 and rest.endswith(VERB_ENDINGS)
                and not rest.startswith("ان")):
            return 2.5, [prefix, rest]
    return None


def analyse_core(word: str) -> Analysis | None:
    """A word with no suffix split: a lexicon word, a prefixed verb, or بی + word."""
    cost = stem_cost(word)
    if cost is not None:
        return cost, [lexicon_spelling(word)]
    verb = analyse_verb(word)
    if verb:
        return verb
    return analyse_privative(word)


def analyse_privative(word: str) -> Analysis | None:
    """بی + attested word (بی‌رقیب); lexicalised بی-words (بیمار) are caught earlier."""
    if not word.startswith(PRIVATIVE_PREFIX):
        return None
    rest = word[len(PRIVATIVE_PREFIX):]
    if len(rest) >= 3 and word_freq(rest) >= MIN_KEEP_FREQ:
        return 1.5, [PRIVATIVE_PREFIX, lexicon_spelling(rest)]
    return None


def suffix_candidates(word: str) -> list[tuple[str, str]]:
    """All (base, suffix) splits allowed by the suffix's host conditions."""
    out: list[tuple[str, str]] = []
    for suffix in INFLECTION_INDEX.of(word):
        if len(word) > len(suffix) + 1:
            out.append((word[: -len(suffix)], suffix))
    for suffix in VOWEL_CLITIC_INDEX.of(word):
        base = word[: -len(suffix)]
        if is_clitic_host(base, suffix):
            out.append((base, suffix))
    if word.endswith("یای") and not is_known_word(word[:-1]):
        out.append((word[:-2], "ای"))  # سنتی‌ای "a traditional one"; but دنیای = دنیا + ی
    for suffix in DERIVATIONAL_INDEX.of(word):
        base = word[: -len(suffix)]
        if len(base) >= 3 and is_attested(base):
            out.append((base, suffix))  # نمایش‌نامه، علاقه‌مندان (after a known word only)
    for suffix in AUXILIARY_INDEX.of(word):
        base = word[: -len(suffix)]
        if is_past_participle(base):
            out.append((base, suffix))
    return out


def is_clitic_host(base: str, clitic: str) -> bool:
    """Can ``clitic`` attach to ``base`` with a ZWNJ (خانه‌ام، جنوبی‌اش)?"""
    if len(base) < MIN_CLITIC_HOST_LEN or base[-1] not in CLITIC_HOSTS:
        return False
    return base[-1] == "ه" or clitic in CLITICS_AFTER_YE


def is_lexicalised_comparative(base: str, suffix: str) -> bool:
    """بیشتر، کمتر، بهتر (and بیشتری...) are whole words, not stem + تر."""
    comparative = base + "تر"
    return comparative in lexicon().keep_joined or word_freq(comparative) >= MIN_KEEP_FREQ


@functools.lru_cache(maxsize=65_536)
def is_fused_form(word: str) -> bool:
    """A plain word or bare verb, or one plus an ending that never takes a ZWNJ."""
    if is_attested(word):
        return True
    if not word.startswith(DURATIVE_PREFIXES) and (
            is_verb_form(word) or (word[0] == "ن" and is_verb_form(word[1:]))):
        return True  # bare verb (داشتند); می-words are left to analyse_verb (میزد ≠ میز+د)
    return any(is_attested(word[: -len(e)]) and not is_clitic_at(word, e)
               for e in FUSED_ENDING_INDEX.of(word))


def is_clitic_at(word: str, ending: str) -> bool:
    """Is ات after a silent final ه the clitic "your" (نامه‌ات) rather than a fused plural?
    An Arabic plural drops a silent ه (مطالعه → مطالعات); ه after ا or و is a consonant
    (راه، کوه) and takes the clitic as ت (راهت)."""
    stem = word[: -len(ending)]
    return ending == "ات" and len(stem) >= MIN_CLITIC_HOST_LEN and stem[-1] == "ه" and (
        stem[-2] not in "او")


def is_attested(word: str) -> bool:
    """In the curated list or seen in hazm's corpus (frequency >= MIN_KEEP_FREQ)."""
    return word in lexicon().keep_joined or word_freq(word) >= MIN_KEEP_FREQ


def looks_like_participle(word: str) -> bool:
    """Past participles end in -ده or -ته (past stems end in د or ت)."""
    return len(word) >= 4 and word.endswith(("ده", "ته"))


def suffix_cost(base: str, suffix: str) -> float:
    """Cost of one suffix split.  Words ending in ه+ای/ایم read two ways (خانه‌ای "a house"
    vs خان‌های "khans'"); the reading whose stem is more frequent (or a participle) wins."""
    if suffix in VOWEL_CLITICS and base.endswith("ه"):
        if (is_past_participle(base) and suffix != "ای") or is_more_frequent(base, base[:-1]):
            return 0.8
        return 1.2  # کارهای: کار‌های "works" is likelier than کاره‌ای
    if suffix in DERIVATIONAL_SUFFIXES:
        return 1.3  # weaker than inflection: a plural reading wins if there is one
    return 1.0


def analyse_with_suffixes(word: str, depth: int = 2) -> Analysis | None:
    """Peel suffixes off the right end (up to ``depth``) and analyse what is left."""
    best: Analysis | None = None
    for base, suffix in suffix_candidates(word):
        if suffix in COMPARATIVE_SUFFIXES and (
                stem_cost(base) != 0.0 or is_lexicalised_comparative(base, suffix)):
            continue  # comparatives need an attested adjective (avoid دکتر → دک‌تر)
        inner = analyse_core(base)
        if inner is None and depth > 1:
            inner = analyse_with_suffixes(base, depth - 1)
        if inner is None and suffix in VOWEL_CLITICS and looks_like_participle(base):
            inner = (0.3, [base])  # unknown verb, regular participle shape (بازتابیده‌اند)
        if inner is None:
            continue
        candidate = (inner[0] + suffix_cost(base, suffix), inner[1] + [suffix])
        if best is None or candidate[0] < best[0]:
            best = candidate
    return best


def is_unknown(word: str) -> bool:
    """Absent from hazm's corpus counts (or listed unattested) and from shekar's."""
    return word_freq(word) < MIN_KEEP_FREQ and word not in lexicon().shekar_freq


def shekar_zwnj_spelling(word: str) -> str | None:
    """The spelling shekar's corpus uses for an unknown joined word, if it writes it with a
    ZWNJ (نابههنگام → نابه‌هنگام).  Whole words only: peeling an ending off first misreads
    plurals (ایرانیان is not ایرانی‌ان)."""
    return lexicon().shekar_zwnj_index.get(word)


def split_name_title(word: str) -> str | None:
    """A frequent name plus a title written apart from it (عباسمیرزا → عباس‌میرزا)."""
    for title in NAME_TITLES:
        name = word[: -len(title)]
        if (word.endswith(title) and len(name) >= MIN_NAME_LEN
                and name[-1] not in NON_JOINING_LETTERS and word_freq(name) >= MIN_NAME_FREQ):
            return name + ZWNJ + title
    return None


@functools.lru_cache(maxsize=262_144)
def split_joined_word(word: str) -> str:
    """Restore ZWNJs inside one ZWNJ-free word, or return it unchanged if it is fine."""
    if len(word) < 3 or word in lexicon().keep_joined:
        return word
    if word_freq(word) < MIN_KEEP_FREQ and not is_inflected_joined_word(word):
        compound = compound_with_ending(word)
        if compound:
            return compound
    if word_freq(word) >= MIN_KEEP_FREQ or word in lexicon().compounds:
        return lexicon_spelling(word)
    if is_fused_form(word):
        return word
    candidates = [a for a in (analyse_verb(word), analyse_with_suffixes(word),
                              analyse_privative(word)) if a]
    if not candidates:
        candidates = [a for a in (analyse_unknown_verb(word),) if a]
    if not candidates and is_unknown(word):
        return shekar_zwnj_spelling(word) or split_name_title(word) or word
    if not candidates:
        return word
    return join_morphemes(min(candidates, key=lambda a: a[0])[1])


@functools.lru_cache(maxsize=65_536)
def tidy_zwnj(word: str) -> str:
    """Drop ZWNJs at word edges and collapse repeated ones: they are never meaningful."""
    if ZWNJ not in word:
        return word
    return _REPEATED_ZWNJ_RE.sub(ZWNJ, word).strip(ZWNJ)


@functools.lru_cache(maxsize=262_144)
def restore_word(word: str) -> str:
    """Repair one word token: tidy existing ZWNJs, or split a ZWNJ-free word."""
    word = tidy_zwnj(word)
    if ZWNJ in word:
        return word  # already carries inner ZWNJs: trust the writer
    return split_joined_word(word)


# --- Joining spaced pieces -----------------------------------------------------------------
# A space between two tokens is either a real word boundary or a ZWNJ that became a space.
# "Sure" joins rest on a right-hand token that never stands alone (ها، تر، می before a verb):
# they are safe in any text.  "Likely" joins rest on weaker evidence (a lexicon compound of
# two free words, a bound derivative such as گذاران, the prefix بی): they are only made when
# the text as a whole shows spaced damage, i.e. it has sure joins (see restore_zwnj), because
# in a text whose spaces are genuine they would merge real phrases (ایالات متحده).

# Copula endings that cannot stand alone: after any word a preceding space is damage
# (شیطان‌اند "they are devils").  ای ("O ...") and است do stand alone, so they are not here.
BOUND_COPULAS = ("اند", "ایم", "اید")
# Plural possessive clitics; after ه or ی they are written with a ZWNJ (خانه‌شان).
PLURAL_CLITICS = ("مان", "تان", "شان")
# Comparatives with a plural/possessive (بزرگ‌ترها "the elders").
COMPARATIVE_PLURALS = ("ترها", "ترهای", "ترینها", "ترینهای")
# Prefixes that form adjectives from nouns and are written attached (بی‌خود، ضدانقلاب).
ATTACHED_PREFIXES = ("بی", "ضد")
# Cardinal numbers and the bound nouns they form adjectives/names with (سه‌شنبه، ده‌ساله).
NUMBER_WORDS = frozenset({"یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
                          "چند", "صد", "هزار"})
NUMBER_COMPOUND_HEADS = frozenset({"شنبه", "ساله", "ماهه", "روزه", "ساعته", "جانبه", "گانه",
                                   "منظوره", "بعدی", "ضلعی", "رقمی", "طبقه", "نفره"})
# Agent and action nouns built on a present stem are bound: they complete the word before
# them (سرمایه‌گذاران "investors", مسخره‌کننده "mocking", بحران‌سازی "crisis-making").
AGENT_SUFFIXES = ("ندگان", "ندگی", "نده", "انی", "ان")
# The agent nouns of کردن "to do" are bound even though the lexicon lists them.
BOUND_AGENT_NOUNS = frozenset({"کننده", "کنندگان", "کنندگی"})
# Derivational suffixes that never stand alone as words; they make a compound with the word
# before them, written with a ZWNJ after a joining letter (علاقه‌مندان، کابوس‌وار، اصول‌گرا).
DERIVATIONAL_SUFFIXES = ("مند", "مندان", "مندی", "مندانه", "مندیها", "وار", "واره", "گرا",
                         "گرایان", "گرایی", "گرایانه", "کده", "نامه", "نامهها", "نامههای",
                         "آور", "آوری", "آوران", "آمیز", "آمیزی", "انگیز", "انگیزی")
DERIVATIONAL_INDEX = EndingIndex(DERIVATIONAL_SUFFIXES)
# The ones that, standing alone after a space, surely belong to the previous word (نامه
# "letter" is also a free word, so it is left to the lexicon there).
BOUND_SUFFIX_WORDS = frozenset(DERIVATIONAL_SUFFIXES) - {"نامه", "نامهها", "نامههای"}
# Suffixes of Iranian family names, written with a ZWNJ after the name they extend
# (فردوسی‌پور، رسول‌زاده، جمال‌لو، شریفی‌نسب): after a space in spaced-damaged text they
# are the end of a name far more often than the free words they also are (زاده "born").
SURNAME_SUFFIXES = frozenset({"پور", "زاده", "نژاد", "نسب", "فر", "لو"})
# ... and plural participles on a past stem (ستم‌دیدگان "the oppressed").
PARTICIPLE_PLURAL = "گان"
VERB_ENDINGS = ("د", "ند", "م", "ی", "یم", "ید")


# --- The spaced-join rules, as data ----------------------------------------------------------
# Each kind of join is one entry of a table: the word on one side of the space must pass the
# entry's key (a test of that word alone, such as "is one of ها، های ..."), the word on the
# other side its `other` test if it has one, and then its joiner says which separator the pair
# takes (ZWNJ or nothing), or None. A table may also rule a word out for every later entry
# (NoJoin: a function word on the right is never joined). A table is read top down and the
# first entry that joins decides (decide_join). The fast paths ask only about pairs that the
# entries' own tests let through (may_join, join_mask), so a join added to a table is found by
# them as by the rule as written: the two cannot drift apart.

LEFT, RIGHT = "left", "right"
WordTest = Callable[[str], bool]


@dataclasses.dataclass(frozen=True, slots=True)
class SpacedJoin:
    """One kind of spaced join: `key` tests the word on `side` of the space (the selective test
    the fast paths look for), `other` the word on the other side, both alone; `joiner`, asked
    only when they hold, gives the pair's separator or None."""

    name: str
    side: str  # LEFT or RIGHT: the word the key tests
    key: WordTest
    joiner: Callable[[str, str], str | None]
    other: WordTest | None = None

    def accepts(self, side: str, word: str) -> bool:
        """Does the test of this entry on `side` (if any) accept `word`?"""
        if side == self.side:
            return self.key(word)
        return self.other is None or self.other(word)


@dataclasses.dataclass(frozen=True, slots=True)
class NoJoin:
    """A word on `side` that no later entry of the table may join."""

    name: str
    side: str
    holds: WordTest


JoinRules = tuple[SpacedJoin | NoJoin, ...]


def decide_join(rules: JoinRules, left: str, right: str) -> str | None:
    """The separator the first entry of `rules` that joins `left right` gives it, else None."""
    for rule in rules:
        if isinstance(rule, NoJoin):
            if rule.holds(left if rule.side == LEFT else right):
                return None
        elif rule.accepts(LEFT, left) and rule.accepts(RIGHT, right):
            joiner = rule.joiner(left, right)
            if joiner is not None:
                return joiner
    return None


def may_join(rules: JoinRules, side: str, word: str) -> bool:
    """Could `word`, on `side` of a space, be joined by `rules`: does the key of an entry on
    that side accept it before an entry on that side rules it out? If neither word of a pair
    may, no entry joins it (decide_join asks the same tests in the same order)."""
    for rule in rules:
        if rule.side != side:
            continue
        if isinstance(rule, NoJoin):
            if rule.holds(word):
                return False
        elif rule.key(word):
            return True
    return False


def join_mask(rules: JoinRules, side: str, word: str) -> int:
    """The entries of `rules` that may join a pair with `word` on `side`, as bits: their test on
    that side accepts it and no entry before them on that side rules it out. A pair whose
    words' masks share no bit is joined by no entry (decide_join asks the same tests)."""
    untested, steps = mask_plan(rules, side)
    mask = 0
    for index, test, rules_out in steps:
        if test(word):
            if rules_out:
                return (mask | untested) & ((1 << index) - 1)
            mask |= 1 << index
    return mask | untested


@functools.cache
def mask_plan(rules: JoinRules, side: str) -> tuple[int, tuple[tuple[int, WordTest, bool], ...]]:
    """join_mask's work for one side, prepared once: the bits of the entries with no test on
    that side, and in table order each test there (its entry's index, whether it rules out)."""
    untested, steps = 0, []
    for index, rule in enumerate(rules):
        if isinstance(rule, NoJoin):
            if rule.side == side:
                steps.append((index, rule.holds, True))
            continue
        test = rule.key if rule.side == side else rule.other
        if test is None:
            untested |= 1 << index
        else:
            steps.append((index, test, False))
    return untested, tuple(steps)


def with_boundary(left: str, right: str) -> str:
    """The separator the letter rule asks for after `left` (ZWNJ, or nothing after ر، و ...)."""
    return boundary_after(left)


def with_zwnj(left: str, right: str) -> str:
    return ZWNJ


def is_function_word(word: str) -> bool:
    return word in lexicon().function_words


@functools.cache
def compound_right_halves() -> frozenset[str]:
    """What follows a ZWNJ in a lexicon compound (المللی of بین‌المللی)."""
    return frozenset(spelling[index + 1:] for spelling in lexicon().zwnj_words
                     for index, char in enumerate(spelling) if char == ZWNJ)


@functools.cache
def compound_left_halves() -> frozenset[str]:
    """What precedes a ZWNJ in a lexicon compound (بین of بین‌المللی)."""
    return frozenset(spelling[:index] for spelling in lexicon().zwnj_words
                     for index, char in enumerate(spelling) if char == ZWNJ)


@functools.cache
def shekar_parts() -> tuple[frozenset[str], frozenset[str]]:
    """What precedes and what follows a boundary in one of shekar's compounds, as letters
    (هلی and کوپتر of هلی‌کوپتر)."""
    compounds = lexicon().shekar_compounds.values()
    return (frozenset("".join(parts[:index]) for parts in compounds for index in range(1, len(parts))),
            frozenset("".join(parts[index:]) for parts in compounds for index in range(1, len(parts))))


# Sure joins: the right word never stands alone (ها، تر، می before a verb): safe in any text.
PLURAL_SUFFIX_WORDS = frozenset(PLURAL_SUFFIXES)
COMPARATIVE_WORDS = frozenset((*COMPARATIVE_SUFFIXES, *COMPARATIVE_PLURALS))
# است stands alone as "is" (بزرگ است), so only the other clitics join a vowel-final word.
SPACED_CLITICS = frozenset(VOWEL_CLITICS) - {"است"}
DURATIVE_HEADS = frozenset(particle + prefix for particle in VERB_PARTICLES for prefix in DURATIVE_PREFIXES)


def is_durative_head(token: str) -> bool:
    """(particle) + می / نمی standing alone (می، نمی، برمی): one set lookup."""
    return token in DURATIVE_HEADS


def ends_with_durative_head(word: str) -> bool:
    """Does `word`'s last part (after its last ZWNJ) stand as می / نمی?"""
    return word.rsplit(ZWNJ, 1)[-1] in DURATIVE_HEADS


def may_take_comparative(word: str) -> bool:
    """بزرگ تر: comparatives need a word of the lexicon without a ZWNJ before them."""
    return stem_cost(word) is not None and ZWNJ not in word


def ends_in_clitic_host(word: str) -> bool:
    """خانه ای، جنوبی اش: a clitic takes a ZWNJ after ه or ی only."""
    return word[-1] in CLITIC_HOSTS


def is_bound_compound_half(word: str) -> bool:
    """A right half of a lexicon compound that is no free word (المللی), so the compound
    cannot be a phrase."""
    return word in compound_right_halves() and not is_attested(word)


def is_compound_left_half(word: str) -> bool:
    return word in compound_left_halves()


def is_compound_right_half(word: str) -> bool:
    return word in compound_right_halves()


def join_lexicon_compound(left: str, right: str) -> str | None:
    """A compound the lexicon spells with a ZWNJ at this very space, meant as one word (see
    is_spaced_compound)."""
    compound = lexicon().compounds.get(left + right)
    if compound and compound[0] == left + ZWNJ + right and is_spaced_compound(left, right, compound[1]):
        return ZWNJ
    return None


SURE_JOINS: JoinRules = (
    SpacedJoin("plural suffix (کتاب ها)", RIGHT, PLURAL_SUFFIX_WORDS.__contains__, with_boundary),
    SpacedJoin("comparative (بزرگ تر)", RIGHT, COMPARATIVE_WORDS.__contains__, with_boundary,
               other=may_take_comparative),
    SpacedJoin("clitic after a vowel (خانه ای)", RIGHT, SPACED_CLITICS.__contains__, with_zwnj,
               other=ends_in_clitic_host),
    SpacedJoin("durative prefix (می رود)", LEFT, ends_with_durative_head, with_zwnj, other=is_verb_form),
    SpacedJoin("bound half of a compound (بین المللی)", RIGHT, is_bound_compound_half,
               join_lexicon_compound, other=is_compound_left_half),
)


# Likely joins rest on weaker evidence (a lexicon compound of two free words, a bound
# derivative such as گذاران, the prefix بی): made only in text that shows spaced damage.

def is_free_word_after_space(word: str) -> bool:
    """A function word, a single letter, or a clitic that also stands alone (ای "O", است)."""
    return is_function_word(word) or len(word) < 2 or (
        word in VOWEL_CLITICS and word not in BOUND_COPULAS)


def ends_like_a_verb(word: str) -> bool:
    """می + a verb whose stem hazm lacks (می خیساند) ends like a finite verb."""
    return word.endswith(VERB_ENDINGS)


def join_free_compound(left: str, right: str) -> str | None:
    return join_lexicon_compound(left, right) if USE_FREE_COMPOUNDS else None


def join_shekar_compound(left: str, right: str) -> str | None:
    return boundary_after(left) if is_shekar_compound(left, right) else None


def is_shekar_left_part(word: str) -> bool:
    return word.replace(ZWNJ, "") in shekar_parts()[0]


def is_shekar_right_part(word: str) -> bool:
    return word.replace(ZWNJ, "") in shekar_parts()[1]


def may_take_surname_suffix(word: str) -> bool:
    """فردوسی پور: a name of at least MIN_NAME_LEN letters, not itself joined."""
    return len(word) >= MIN_NAME_LEN and ZWNJ not in word


def may_host_plural_clitic(word: str) -> bool:
    """خانه شان: ه or ی ending a word long enough to host a clitic."""
    return word[-1] in CLITIC_HOSTS and len(word) >= MIN_CLITIC_HOST_LEN


def is_bound_suffix_word(word: str) -> bool:
    """A derivational suffix (مند، گرا) or a bound derivative (گذاران، کننده) standing alone."""
    return word in BOUND_SUFFIX_WORDS or is_bound_derivative(word)


@functools.lru_cache(maxsize=65_536)
def may_begin_cut_compound(left: str) -> bool:
    """The left half of a cut compound (see join_cut_compound) is an attested word ending in
    a joining letter, and no participle (which makes a verb phrase with what follows)."""
    return is_attested(left) and boundary_after(left) == ZWNJ and not looks_like_participle(left)


@functools.lru_cache(maxsize=65_536)
def may_end_cut_compound(right: str) -> bool:
    """The right half of a cut compound is no free word, and no verb form, participle,
    auxiliary or infinitive, which make a verb phrase with the word before (داشته باشد،
    داده شده)."""
    return not (is_fused_form(right) or right in AUXILIARIES or is_verb_form(right)
                or is_past_participle(right) or is_infinitive(right))


def join_cut_compound(left: str, right: str) -> str | None:
    """Would the repair of the joined word cut it exactly at this space (روزنامه نگاران:
    روزنامه‌نگاران)? Then the space is a lost ZWNJ."""
    return ZWNJ if restore_word(left + right) == left + ZWNJ + right else None


# The endings that make a noun of a compound's head: the plural of agents (نگاران) and the
# abstract or relational ی (فروشی). Person endings would make verbs (نگاه داریم).
COMPOUND_HEAD_ENDINGS = ("ان", "ی")


def compound_heads_of(word: str) -> Iterator[str]:
    """`word` less an ending of COMPOUND_HEAD_ENDINGS that leaves a right half of a lexicon
    compound (نگاران → نگار of روزنامه‌نگار)."""
    halves = compound_right_halves()
    for ending in COMPOUND_HEAD_ENDINGS:
        head = word.removesuffix(ending)
        if head != word and head in halves:
            yield head


def is_inflected_compound_half(word: str) -> bool:
    return next(compound_heads_of(word), None) is not None


def join_inflected_compound(left: str, right: str) -> str | None:
    """A lexicon compound with a fused ending on its second part (روزنامه نگاران:
    روزنامه‌نگار + ان), meant as one word as join_lexicon_compound judges the bare one."""
    for head in compound_heads_of(right):
        if join_lexicon_compound(left, head):
            return ZWNJ
    return None


LIKELY_JOINS: JoinRules = (
    NoJoin("free word on the right", RIGHT, is_free_word_after_space),
    SpacedJoin("durative prefix, unknown verb (می خیساند)", LEFT, is_durative_head, with_zwnj,
               other=ends_like_a_verb),
    SpacedJoin("number compound (سه شنبه)", RIGHT, NUMBER_COMPOUND_HEADS.__contains__, with_boundary,
               other=NUMBER_WORDS.__contains__),
    # a compounding prefix (هم، پیش) passes only with a listed compound
    NoJoin("function word on the left", LEFT, lambda word: is_function_word(word) and (
        word not in ATTACHED_PREFIXES and word not in COMPOUNDING_PREFIXES)),
    SpacedJoin("lexicon compound (قائم مقام)", RIGHT, is_compound_right_half, join_free_compound,
               other=is_compound_left_half),
    SpacedJoin("shekar compound (هم میهن)", RIGHT, is_shekar_right_part, join_shekar_compound,
               other=is_shekar_left_part),
    SpacedJoin("inflected lexicon compound (روزنامه نگاران)", RIGHT, is_inflected_compound_half,
               join_inflected_compound, other=is_compound_left_half),
    NoJoin("compounding prefix without a listed compound", LEFT, lambda word: is_function_word(word) and (
        word not in ATTACHED_PREFIXES)),
    SpacedJoin("bound copula (شیطان اند)", RIGHT, frozenset(BOUND_COPULAS).__contains__, with_boundary),
    SpacedJoin("surname suffix (فردوسی پور)", RIGHT, SURNAME_SUFFIXES.__contains__, with_boundary,
               other=may_take_surname_suffix),
    SpacedJoin("plural clitic (خانه شان)", RIGHT, frozenset(PLURAL_CLITICS).__contains__, with_zwnj,
               other=may_host_plural_clitic),
    SpacedJoin("attached prefix (بی خود)", LEFT, frozenset(ATTACHED_PREFIXES).__contains__, with_boundary,
               other=is_fused_form),
    SpacedJoin("bound derivative (سرمایه گذاران)", RIGHT, is_bound_suffix_word, with_boundary,
               other=is_attested),
    SpacedJoin("cut compound (روزنامه نگاران)", RIGHT, may_end_cut_compound, join_cut_compound,
               other=may_begin_cut_compound),
)


def join_rules(likely: bool) -> JoinRules:
    """The sure joins, and after them the likely ones if the text shows spaced damage."""
    return SURE_JOINS + LIKELY_JOINS if likely else SURE_JOINS


def rule_as_written(left: str, right: str, likely: bool = False) -> str | None:
    """Separator to use if ``left right`` is one word split by a space, else None: the join
    tables read top down. Only sure joins are made unless ``likely`` (the text shows spaced
    damage)."""
    if not left or not right:
        return None  # a token that was nothing but junk ZWNJs
    return decide_join(join_rules(likely), left, right)


def word_join_mask(side: str, word: str) -> int:
    """The sure and likely joins that may join a pair with `word` on `side` (see join_mask):
    those of the sure joins are its first len(SURE_JOINS) bits."""
    return join_mask(join_rules(likely=True), side, word) if word else 0


LEFT_MASKS = ChunkCache(functools.partial(word_join_mask, LEFT))
RIGHT_MASKS = ChunkCache(functools.partial(word_join_mask, RIGHT))


@functools.lru_cache(maxsize=262_144)
def spaced_joiner(left: str, right: str, likely: bool = False) -> str | None:
    """rule_as_written, asking only the entries both words' masks allow, in table order: an
    entry outside them would not join, and an entry they exclude after a NoJoin was not
    reached (a test keeps the two equal)."""
    rules = join_rules(likely=True)
    shared = LEFT_MASKS[left] & RIGHT_MASKS[right]
    if not likely:
        shared &= (1 << len(SURE_JOINS)) - 1
    while shared:
        lowest = shared & -shared
        joiner = rules[lowest.bit_length() - 1].joiner(left, right)
        if joiner is not None:
            return joiner
        shared ^= lowest
    return None


def sure_joiner(left: str, right: str) -> str | None:
    """Joins that hold in any text: the right token never stands alone."""
    return decide_join(SURE_JOINS, left, right)


@functools.lru_cache(maxsize=65_536)
def may_be_sure_left(word: str) -> bool:
    """Could `word` be the left side of a sure join (see may_join)?"""
    return bool(word) and may_join(SURE_JOINS, LEFT, word)


@functools.lru_cache(maxsize=65_536)
def may_be_sure_right(word: str) -> bool:
    """Could `word` be the right side of a sure join (see may_join)?"""
    return bool(word) and may_join(SURE_JOINS, RIGHT, word)
def is_shekar_compound(left: str, right: str) -> bool:
    """Is ``left right`` one of shekar's compounds, split at a boundary between its parts,
    and not a phrase (see is_spaced_compound)?  shekar lists many compounds hazm lacks
    (هم‌میهن، پیش‌بینی), which a space would otherwise leave split."""
    plain_left = left.replace(ZWNJ, "")
    parts = lexicon().shekar_compounds.get(plain_left + right.replace(ZWNJ, ""))
    if not parts:
        return False
    cuts = {sum(len(p) for p in parts[:i]) for i in range(1, len(parts))}
    if len(plain_left) not in cuts:
        return False
    if not (left in COMPOUNDING_PREFIXES or has_bound_half(left, right)):
        return False  # two free words: shekar also lists phrases (امام‌حسین، جمهوری‌اسلامی)
    return is_shekar_phrase_ok(left, right)


def has_bound_half(left: str, right: str) -> bool:
    """Is either side no free word (هلی، کوپتر، نظامیان) so the pair cannot be a phrase?"""
    return not is_fused_form(right) or not is_fused_form(left.rsplit(ZWNJ, 1)[-1])


def is_shekar_phrase_ok(left: str, right: str) -> bool:
    """Function-word, participle and infinitive phrases stay spaced (این که، داده شده،
    واقع شدن)."""
    function_words = lexicon().function_words
    if (left in function_words and left not in COMPOUNDING_PREFIXES) or right in function_words:
        return False
    return not (is_past_participle(right) or is_infinitive(right))


@functools.lru_cache(maxsize=65_536)
def is_bound_derivative(word: str) -> bool:
    """Agent/action noun on a present stem or plural participle: گذاران، کننده، دیدگان."""
    lex = lexicon()
    if word in BOUND_AGENT_NOUNS:
        return True
    if word.endswith(PARTICIPLE_PLURAL) and word[: -len(PARTICIPLE_PLURAL)] in lex.past_stems:
        return True  # دیدگان = دید + گان (the participle دیده pluralised)
    if is_known_word(word) or is_plural_of_free_word(word):
        return False  # a listed word (خواننده، آینده، زنان) or its plural is free
    for suffix in AGENT_SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 2 or stem not in lex.present_stems:
            continue
        return True
    return False


def is_plural_of_free_word(word: str) -> bool:
    """گان plural of an attested word in ه (نمایندگان of نماینده): as free as the singular."""
    return word.endswith(PARTICIPLE_PLURAL) and is_attested(word[: -len(PARTICIPLE_PLURAL)] + "ه")


def is_spaced_compound(left: str, right: str, freq: int) -> bool:
    """Is the lexicon compound ``left‌right`` meant here, rather than a two-word phrase?

    Phrases with a function word (این که "that"), a participle (داده شده "given") or an
    infinitive (واقع شدن "to happen") are written with a space even when the lexicon also
    lists them as one compound.
    """
    if freq < MIN_SPACED_COMPOUND_FREQ and is_attested(right) and (
            left + ZWNJ + right not in lexicon().shekar_zwnj_freq):
        return False  # a compound of two free words unattested in either corpus: a phrase (نماز جمعه)
    function_words = lexicon().function_words
    if (left in function_words and left not in COMPOUNDING_PREFIXES) or right in function_words:
        return False
    return not (is_past_participle(right) or is_infinitive(right))


# No Persian word is longer: a longer merge would only be a run of affixes (ها ها ها ...),
# and growing it pair by pair costs quadratic time.
LONGEST_JOINED_WORD = 40


Joiner = Callable[[str, str, bool], str | None]


def joined_pair(left: str, right: str, likely: bool = False, joiner_of: Joiner = spaced_joiner) -> str | None:
    """The one word ``left right`` makes if the space between them is a lost ZWNJ (see the
    join tables), else None. A merge after a letter that never joins is a ZWNJ-free word,
    which is repaired again (بندر ها → بندرها)."""
    if len(left) + len(right) > LONGEST_JOINED_WORD:
        return None
    joiner = joiner_of(left, right, likely)
    if joiner is None:
        return None
    merged = left + joiner + right
    return merged if joiner else restore_word(merged)


def join_spaced_affixes(
    pieces: list[str], likely: bool = False, joiner_of: Joiner = spaced_joiner,
) -> tuple[list[str], int]:
    """Merge word tokens separated by exactly one space when they form one word (joined_pair).

    ``pieces`` alternates separator, word, separator, word, ... (re.split output).  Returns
    the merged pieces (``pieces`` itself when nothing merges) and the number of merges.
    Pairs are judged left to right, a merged word being the left side of the next pair;
    ``joiner_of`` decides a pair (rule_as_written for the rule as written).
    """
    words = pieces[1::2]
    out: list[object] | None = None
    merges = 0
    next_free = 0  # pairs before this index belong to a chain already handled
    for pair in range(len(words) - 1):
        if pair < next_free:
            continue
        left_index = 2 * pair + 1  # the left word's position in `pieces`
        left = pieces[left_index]
        right_index = left_index + 2
        while right_index < len(pieces) and pieces[right_index - 1] == SPACE:
            merged = joined_pair(left, pieces[right_index], likely, joiner_of)
            if merged is None:
                break
            left = merged
            out = list(pieces) if out is None else out
            out[right_index - 1] = out[right_index] = REMOVED
            merges += 1
            right_index += 2
        if out is not None:
            out[left_index] = left
        next_free = (right_index - 1) // 2
    if out is None:
        return pieces, 0
    kept = itertools.filterfalse(functools.partial(operator.is_, REMOVED), out)
    return list(kept), merges  # type: ignore[arg-type]


REMOVED = object()  # marks the pieces a merge took away


# --- Respecting the writer's conventions ---------------------------------------------------
# Loss of ZWNJs is document-wide: a text that went through a ZWNJ-stripping tool lost
# (nearly) all of them, while a writer who types ZWNJs places them deliberately, so the joined
# spellings in such a text (دستشویی، پاکسازی، or a house style writing plurals joined) are
# intended.  The text decides which it is: every word with an inner ZWNJ is a boundary the
# writer marked; every repair the full algorithm would make is a boundary it claims is
# missing.  Careful Persian has several ZWNJ words per 100 words and the algorithm proposes
# well under one repair per 100 on such text, whereas a damaged text has few surviving ZWNJs
# (even a handful per 1000 words) against dozens of repairs per 1000 words.  So if the marked
# boundaries are at least as many as the claimed ones (more than half of all boundaries are
# already marked) the writer is trusted and only junk ZWNJs are cleaned up.
MIN_TRUST_RATIO = 1.0  # marked ZWNJ words per proposed repair needed to trust the writer
# A text is taken as purely spaced-damaged when it has at most this many joined words to
# split per sure spaced join.  Spaced-damaged news text shows 0.02-0.15; text with deleted
# ZWNJs shows hundreds; a writer mixing both habits sits in between.
MAX_SPLIT_SHARE_PURE_SPACED = 0.25


def writer_places_zwnj(marked: int, repairs: int) -> bool:
    """Does the text evidently use ZWNJs on purpose (see MIN_TRUST_RATIO)?"""
    return marked > 0 and marked >= MIN_TRUST_RATIO * repairs


def shows_spaced_damage(sure_merges: int, splits: int) -> bool:
    """Are ZWNJs of this text turned into spaces (rather than deleted)?

    Spaced damage leaves tokens that never stand alone (ها، می، تر) all over the text, and
    few joined words to split; deleted ZWNJs leave the opposite.
    """
    return sure_merges > 0 and sure_merges >= splits


def shows_only_spaced_damage(sure_merges: int, splits: int) -> bool:
    """Were this text's ZWNJs turned into spaces and none deleted?

    Then its ZWNJ-less joined words were written so (a house style such as کتابها or
    بیماریهای) and splitting them would only add errors.  A writer who merely lacks a ZWNJ
    key mixes both habits (می شود beside کتابها), so joined words are still split unless
    they are rare next to the sure spaced joins (see MAX_SPLIT_SHARE_PURE_SPACED).
    """
    return sure_merges > 0 and splits <= MAX_SPLIT_SHARE_PURE_SPACED * sure_merges


Evidence = tuple[int, int, int]  # words marked with a ZWNJ, joined words to split, sure joins


def zwnj_evidence(text: str) -> Evidence:
    """What `restore_zwnj` judges a text by; a huge text judged as one is the sum over its
    pieces."""
    if ANY_WORD_CHARACTER.search(text) is None:
        return 0, 0, 0  # no Persian letter, no ZWNJ
    return repair_chunks(text).evidence()


def restore_zwnj(text: str, evidence: Evidence | None = None, cut: LastCut | None = None) -> str:
    """Restore missing ZWNJs in Persian text (joined or spaced damage), keeping good text.

    Input is expected with ی/ک unified and diacritics removed.  Only ZWNJs and spaces change:
    a space becomes a ZWNJ (or disappears) when it splits an affix from its word; ZWNJs are
    inserted at morpheme boundaries, and stray ones at word edges are removed.  Lines are kept.

    The whole text is judged first, because damage is document-wide:

    * if its writer evidently places ZWNJs (at least as many words already carry one as the
      repair would change), its joined and spaced spellings are taken as intended and only
      junk ZWNJs are removed;
    * otherwise it is repaired; spaced pairs joined on weaker evidence (compounds of two free
      words, بی + word, ...) are only joined if the text shows spaced damage, i.e. it has at
      least as many sure spaced joins (ها، می ...) as joined words to split.
    * if the text shows only spaced damage (joined words to split are rare next to its sure
      spaced joins), its joined words are kept as written: their ZWNJs were not lost.

    A text with no ZWNJ, or only a few survivors of damage, is therefore fully repaired.
    `evidence` judges the text as part of a larger one (a huge document read in pieces);
    `cut`, if given, keeps the chunks the text was cut into (see LastCut).
    """
    if ANY_WORD_CHARACTER.search(text) is None:
        return text  # no Persian letter, no ZWNJ: nothing to repair
    repair = repair_chunks(text)  # lines are kept: no merge crosses a line break
    if cut is not None:
        cut.remember(text, repair.pieces)
    marked, splits, sure_merges = evidence or repair.evidence()
    if writer_places_zwnj(marked, splits + sure_merges):
        return repair.tidy()
    if shows_spaced_damage(sure_merges, splits):  # likely joins too: word by word
        return repair.likely_joined(keep_joined=shows_only_spaced_damage(sure_merges, splits))
    return repair.sure_joined()


# --- The rule as written ---------------------------------------------------------------------


def restore_zwnj_by_words(text: str, evidence: Evidence | None = None) -> tuple[str, Evidence]:
    """restore_zwnj as its rule reads, word by word, and the evidence the text was judged by:
    every word tidied and repaired, the sure spaced joins asked of every pair of words of the
    whole text, the text judged (see restore_zwnj), and then either only the tidying kept, the
    sure joins, or every pair asked again for sure and likely joins. restore_zwnj is the fast
    path of this (chunks, prefilters); a test keeps the two equal."""
    pieces = WORD_RE.split(text)
    pieces[1::2] = map(tidy_zwnj, pieces[1::2])
    tidy, words = "".join(pieces), pieces[1::2]
    repaired = [restore_word(word) for word in words]
    pieces[1::2] = repaired
    sure_joined, sure_merges = join_spaced_affixes(pieces, joiner_of=rule_as_written)
    found = (sum(ZWNJ in word for word in words), sum(map(str.__ne__, repaired, words)), sure_merges)
    marked, splits, merges = evidence or found
    if writer_places_zwnj(marked, splits + merges):
        return tidy, found
    if shows_spaced_damage(merges, splits):
        pieces[1::2] = words if shows_only_spaced_damage(merges, splits) else repaired
        return "".join(join_spaced_affixes(pieces, likely=True, joiner_of=rule_as_written)[0]), found
    return "".join(sure_joined), found


# --- Repair chunk by chunk -------------------------------------------------------------------
# The repair is word by word (tidy_zwnj, restore_word) except the spaced joins, and a join
# only ever spans one plain space. So restore_zwnj cuts a text at its spaces into chunks
# (mostly one word each: Zipf's law makes a few thousand of them cover most of a text),
# repairs each distinct chunk once, and looks for joins only at the spaces between a chunk
# that ends in a word and one that starts with a word, where the join tables' own tests let the
# pair through: for sure joins one of the two words passes a key of SURE_JOINS (the chunks'
# flags, searched by a regular expression), for likely ones the two words' masks share an entry
# (join_mask). Joins are made left to right as join_spaced_affixes makes them over words:
# restore_zwnj_by_words is the rule as written, and a test keeps the two equal.


@dataclasses.dataclass(frozen=True, slots=True)
class ChunkRepair:
    """One chunk between spaces, its words tidied and repaired."""

    tidy: str  # junk ZWNJs removed only
    repaired: str  # its words repaired
    evidence: int  # words marked with a ZWNJ << 32 | words the repair changed
    sides: str  # one of SIDE_CHARACTERS: its flags
    first: str  # its first word repaired, if it starts with a word
    last: str  # its last word repaired, if it ends with one
    single: bool  # one word and nothing else
    tidy_first: str  # its first word tidied only, if it starts with a word
    tidy_last: str  # its last word tidied only, if it ends with one


# A chunk's flags as one character of 256: 1 it ends with a word, 2 that word may be the left
# side of a sure join, 4 it starts with a word, 8 that word may be the right side, 16 its
# evidence is one word marked with a ZWNJ (the commonest), 32 it is some other evidence than
# none, 64 it was tidied, 128 it was changed. A text's chunks are then one string of them,
# which regular expressions search at C speed.
SIDE_CHARACTERS = "".join(map(chr, range(0x100, 0x200)))
ENDS_WITH_WORD, MAY_BE_LEFT, STARTS_WITH_WORD, MAY_BE_RIGHT = 1, 2, 4, 8
ONE_MARKED, OTHER_EVIDENCE, TIDIED, CHANGED = 16, 32, 64, 128
ONE_MARKED_EVIDENCE = 1 << 32


def repair_chunk(chunk: str) -> ChunkRepair:
    pieces = WORD_RE.split(chunk)
    if len(pieces) == 1:
        return ChunkRepair(chunk, chunk, 0, SIDE_CHARACTERS[0], "", "", False, "", "")
    if ZWNJ in chunk and JUNK_ZWNJ.search(chunk):
        pieces[1::2] = map(tidy_zwnj, pieces[1::2])
    tidy = "".join(pieces)
    words = pieces[1::2]
    repaired = [restore_word(word) for word in words]
    marked = sum(ZWNJ in word for word in words)
    splits = sum(new != old for new, old in zip(repaired, words, strict=True))
    pieces[1::2] = repaired
    starts, ends = pieces[0] == "", pieces[-1] == ""
    first, last = repaired[0] if starts else "", repaired[-1] if ends else ""
    repaired_chunk = "".join(pieces)
    one_marked = marked == 1 and not splits
    flags = (ENDS_WITH_WORD * ends + MAY_BE_LEFT * (ends and may_be_sure_left(last))
             + STARTS_WITH_WORD * starts + MAY_BE_RIGHT * (starts and may_be_sure_right(first))
             + ONE_MARKED * one_marked + OTHER_EVIDENCE * (bool(marked or splits) and not one_marked)
             + TIDIED * (tidy != chunk) + CHANGED * (repaired_chunk != chunk))
    return ChunkRepair(tidy, repaired_chunk, marked << 32 | splits, SIDE_CHARACTERS[flags], first, last,
                       len(pieces) == 3 and starts and ends, words[0] if starts else "",
                       words[-1] if ends else "")


def sides_with(flags: int) -> str:
    return "".join(c for value, c in enumerate(SIDE_CHARACTERS) if value & flags == flags)


# A space between a chunk that ends in a word and one that starts with a word, where either
# word may make a sure join (may_be_sure_left, may_be_sure_right).
CANDIDATE_SPACE = re.compile(
    f"(?=[{sides_with(ENDS_WITH_WORD | MAY_BE_LEFT)}][{sides_with(STARTS_WITH_WORD)}]"
    f"|[{sides_with(ENDS_WITH_WORD)}][{sides_with(STARTS_WITH_WORD | MAY_BE_RIGHT)}])")
STARTING_WITH_WORD = frozenset(sides_with(STARTS_WITH_WORD))
WITH_ONE_MARKED, WITH_OTHER_EVIDENCE, WAS_TIDIED, WAS_CHANGED = (
    re.compile(f"[{sides_with(flag)}]") for flag in (ONE_MARKED, OTHER_EVIDENCE, TIDIED, CHANGED))


CHUNK_REPAIRS = ChunkCache(repair_chunk)
CHUNK_SIDES = ChunkCache(lambda chunk: CHUNK_REPAIRS[chunk].sides)  # one lookup a chunk, not two


def forget_join_decisions() -> None:
    """Drop what is remembered of the join tables' answers per word, pair and chunk, so that
    both paths read tables changed at run time afresh (a test adds an entry)."""
    for cached in (spaced_joiner, may_be_sure_left, may_be_sure_right):
        cached.cache_clear()
    for chunk_cache in (CHUNK_REPAIRS, CHUNK_SIDES, LEFT_MASKS, RIGHT_MASKS):
        chunk_cache.clear()
TIDY_OF, REPAIRED_OF = operator.attrgetter("tidy"), operator.attrgetter("repaired")
FIRST_OF, LAST_OF = operator.attrgetter("first"), operator.attrgetter("last")
TIDY_FIRST_OF, TIDY_LAST_OF = operator.attrgetter("tidy_first"), operator.attrgetter("tidy_last")
# A line break is made a chunk of its own, so the chunk types are words, not pairs of words
# from two lines, and no join crosses it: " \n " for "\n" and back, which replacing undoes
# exactly, since every line break then has its own two spaces around it.
LINE_BREAK_CHUNK = " \n "


@dataclasses.dataclass
class ChunkedRepair:
    """A text's chunks repaired, with the sure joins between them: chunks `start` to `end`
    (inclusive) become one, around the joined word. Most texts need only the chunks' flags,
    so their repairs are looked up only where needed."""

    text: str
    pieces: list[str]  # the chunks as written
    sides: str  # their flags (SIDE_CHARACTERS)
    marked_and_splits: int
    joins: dict[int, tuple[int, str]]  # start -> end, joined word
    sure_merges: int

    def evidence(self) -> Evidence:
        return self.marked_and_splits >> 32, self.marked_and_splits & 0xFFFFFFFF, self.sure_merges

    def tidy(self) -> str:
        if WAS_TIDIED.search(self.sides) is None:
            return self.text  # one pass of flags instead of a join
        return text_of_chunks(map(TIDY_OF, self.chunks()))

    def sure_joined(self) -> str:
        """Every word repaired and the sure joins made."""
        if not self.joins and WAS_CHANGED.search(self.sides) is None:
            return self.text
        return spliced(self.chunks(), self.joins, REPAIRED_OF, FIRST_OF, LAST_OF)

    def likely_joined(self, keep_joined: bool) -> str:
        """Every word repaired (or, if `keep_joined`, only tidied) and the sure and likely
        joins made: they are looked for at the spaces where the masks of the words on either
        side share a join entry (join_mask), a few lookups per chunk in C."""
        chunks = self.chunks()
        text_of, first_of, last_of = ((TIDY_OF, TIDY_FIRST_OF, TIDY_LAST_OF) if keep_joined
                                      else (REPAIRED_OF, FIRST_OF, LAST_OF))
        shared = map(operator.and_, map(LEFT_MASKS.__getitem__, map(last_of, chunks)),
                     map(RIGHT_MASKS.__getitem__, map(first_of, itertools.islice(chunks, 1, None))))
        joins, _ = chained_joins(self.pieces, self.sides, itertools.compress(itertools.count(), shared),
                                 True, first_of, last_of)
        return spliced(chunks, joins, text_of, first_of, last_of)

    def chunks(self) -> list[ChunkRepair]:
        return list(map(CHUNK_REPAIRS.__getitem__, self.pieces))


class LastCut:
    """The text ZWNJ repair cut into chunks, and the chunks, handed by whoever normalises a
    text to whoever counts its words (one per normalised text, passed to restore_zwnj): a text
    repair left as it was (the very same object) is read by the same pieces instead of being
    cut again."""

    def __init__(self) -> None:
        self.cut: tuple[str, list[str]] = ("", [""])

    def remember(self, text: str, pieces: list[str]) -> None:
        self.cut = text, pieces

    def pieces_of(self, text: str) -> list[str] | None:
        """The chunks `text` was cut into, if it is the text cut (repair returned it as it
        was): its pieces between spaces, each line break a piece of its own; else None."""
        cut_text, pieces = self.cut
        return pieces if cut_text is text else None


def spliced(chunks: list[ChunkRepair], joins: dict[int, tuple[int, str]],
            text_of: Callable[[ChunkRepair], str], first_of: Callable[[ChunkRepair], str],
            last_of: Callable[[ChunkRepair], str]) -> str:
    """The text of the chunks (each as `text_of` gives it) with the joins made: chunks `start`
    to `end` become one around the joined word."""
    out: list[object] = list(map(text_of, chunks))
    held_at: dict[int, int] = {}  # a chunk a join ended in -> where its text is now
    for start, (end, word) in joins.items():  # left to right
        at = held_at.get(start, start)  # a join may start in the chunk the last one ended in
        text, last = str(out[at]), chunks[end]
        before = text[: len(text) - len(last_of(chunks[start]))]
        out[at] = before + word + text_of(last)[len(first_of(last)):]
        out[start + 1 : end + 1] = [REMOVED] * (end - start)
        held_at[end] = at
    kept = itertools.filterfalse(functools.partial(operator.is_, REMOVED), out)
    return text_of_chunks(kept)  # type: ignore[arg-type]


def text_of_chunks(chunks: Iterable[str]) -> str:
    """The text the chunks were cut from (see LINE_BREAK_CHUNK)."""
    return SPACE.join(chunks).replace(LINE_BREAK_CHUNK, "\n")


def repair_chunks(text: str) -> ChunkedRepair:
    """A text's evidence and sure joins, chunk by chunk (see the section comment)."""
    pieces = text.replace("\n", LINE_BREAK_CHUNK).split(SPACE)
    sides = "".join(map(CHUNK_SIDES.__getitem__, pieces))
    chunk = CHUNK_REPAIRS.__getitem__
    marked_and_splits = len(WITH_ONE_MARKED.findall(sides)) * ONE_MARKED_EVIDENCE + sum(
        chunk(pieces[found.start()]).evidence for found in WITH_OTHER_EVIDENCE.finditer(sides))
    candidates = map(operator.methodcaller("start"), CANDIDATE_SPACE.finditer(sides))
    joins, merges = chained_joins(pieces, sides, candidates, False, FIRST_OF, LAST_OF)
    return ChunkedRepair(text, pieces, sides, marked_and_splits, joins, merges)


def chained_joins(
    pieces: list[str], sides: str, candidates: Iterable[int], likely: bool,
    first_of: Callable[[ChunkRepair], str], last_of: Callable[[ChunkRepair], str],
) -> tuple[dict[int, tuple[int, str]], int]:
    """The joins at the candidate spaces (ascending; space k follows chunk k), left to right
    as join_spaced_affixes makes them over words: a merged word is the left side of the next
    pair while the chunk it ended in is that one word. Returns start -> (end, joined word)
    and the number of merges."""
    chunk = CHUNK_REPAIRS.__getitem__
    joins: dict[int, tuple[int, str]] = {}
    merges = next_free = 0  # spaces before next_free were judged within a join already
    for start in candidates:
        if start < next_free:
            continue
        end = start
        left = last_of(chunk(pieces[start]))
        while True:
            merged = joined_pair(left, first_of(chunk(pieces[end + 1])), likely)
            if merged is None:
                next_free = end + 1
                break
            left = merged
            merges += 1
            end += 1
            if not (chunk(pieces[end]).single and end + 1 < len(pieces)
                    and sides[end + 1] in STARTING_WITH_WORD):
                next_free = end
                break
        if end > start:
            joins[start] = (end, left)
    return joins, merges
