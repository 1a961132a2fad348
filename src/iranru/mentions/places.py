"""Find place names in Persian and English text: longest name wins, demonyms never match.

Tokens are maximal letter runs, so `Iranian`, `ایرانی` and `بریتانیاییها` are never `Iran`,
`ایران` or `بریتانیا`. Names that are also common words or people's names need evidence: a
place word before them (شهر، استان, city of…) or another place beside them in a list.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from iranru.mentions import PlaceMention, fold
from iranru.mentions.gazetteer import BLOCK, EVIDENCE, TOKEN, WEAK, Place, load_gazetteer, persian_key

FA_TRIGGERS = frozenset(
    "شهر شهرهای استان استانهای شهرستان بندر پایتخت منطقه ولایت کشور ایالت روستای روستا جمهوری "
    "سرزمین دریای رود".split()
)
FA_PREPOSITIONS = frozenset("در از به تا".split())
LIST_JOINERS = frozenset(",،و") | {"and"}
TITLES = frozenset("Mr Mrs Ms Dr President Senator General Sir Lord Lady King Queen Shah Ayatollah".split())


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    key: str  # a Persian token's letters; the English token itself


def words(text: str) -> list[Word]:
    folded = fold(text)
    found = []
    for match in TOKEN.finditer(folded):
        token = match.group()
        key = persian_key(token) if re.match(r"[\u0600-\u06ff]", token) else token
        found.append(Word(match.start(), match.end(), text[match.start() : match.end()], key))
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indices, end exclusive
    last: int
    place: Place
    rule: str


def longest_names(tokens: list[Word], text: str) -> list[Candidate]:
    """Left to right, the longest gazetteer name starting at each word. A Persian name spans
    Persian words joined by spaces or ZWNJs only; an English one, words at most 60
    characters apart per word. Each start tries its spans from the longest down."""
    gazetteer = load_gazetteer()
    persian = [persian_token(word) for word in tokens]
    # joined[k]: word k and word k+1 are separated by spaces and ZWNJs only
    joined = [not text[a.end : b.start].strip(" \u200c") for a, b in zip(tokens, tokens[1:], strict=False)]
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].key[:1].isalpha():
            i += 1
            continue
        reach = min(gazetteer.longest, len(tokens) - i)
        if persian[i]:
            run = 1  # the Persian words a name starting here may span
            while run < reach and persian[i + run] and joined[i + run - 1]:
                run += 1
            keys = list(itertools.accumulate((w.key for w in tokens[i + 1 : i + run]),
                                             lambda key, word: f"{key} {word}", initial=tokens[i].key))
            sizes = [(size, gazetteer.persian.get(keys[size - 1])) for size in range(run, 0, -1)
                     if tokens[i + size - 1].start - tokens[i].end <= 60 * size]
        else:
            sizes = [(size, gazetteer.english.get(tuple(w.key for w in tokens[i : i + size])))
                     for size in range(reach, 0, -1)
                     if tokens[i + size - 1].start - tokens[i].end <= 60 * size
                     and not persian[i + size - 1]]
        hit = next((Candidate(i, i + size, *entry) for size, entry in sizes if entry), None)
        if hit:
            found.append(hit)
            i = hit.last
        else:
            i += 1
    return found


PERSIAN_START = re.compile(r"[\u0600-\u06ff]")


def persian_token(word: Word) -> bool:
    return PERSIAN_START.match(word.key) is not None


def has_evidence(candidate: Candidate, tokens: list[Word], accepted: list[bool],
                 candidates: list[Candidate], index: int) -> bool:
    before = tokens[candidate.first - 1] if candidate.first > 0 else None
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if persian_token(tokens[candidate.first]):
        if before is not None and (before.key in FA_TRIGGERS or (
                candidate.rule == WEAK and before.key in FA_PREPOSITIONS)):
            return True
        if after is not None and after.key in FA_TRIGGERS | {"،"}:  # دوشنبه، پایتخت تاجیکستان
            following = tokens[candidate.last + 1] if candidate.last + 1 < len(tokens) else None
            if after.key != "،" or (following is not None and following.key in FA_TRIGGERS):
                return True
        return listed(candidate, candidates, accepted, index, tokens)
    # English: a name that is also a person's is a person right after a title or a given name
    if before is not None and (before.key in TITLES or looks_like_given_name(before, tokens, candidate)):
        return False
    if after is not None and after.key[:1].isupper() and after.key.isalpha():
        return False
    return True


def looks_like_given_name(before: Word, tokens: list[Word], candidate: Candidate) -> bool:
    """A capitalised word right before, not at a sentence start: `Bill Clinton`, `Ali Khorram`."""
    if not (before.key[:1].isupper() and before.key.isalpha()):
        return False
    previous = tokens[candidate.first - 2] if candidate.first >= 2 else None
    return previous is not None and previous.key not in (".", "!", "?", ":", '"', "'")


def listed(candidate: Candidate, candidates: list[Candidate], accepted: list[bool], index: int,
           tokens: list[Word]) -> bool:
    """Beside another accepted place, joined by a comma or `و`/`and`."""
    for other_index in (index - 1, index + 1):
        if not 0 <= other_index < len(candidates) or not accepted[other_index]:
            continue
        other = candidates[other_index]
        gap = (tokens[other.last : candidate.first] if other_index < index
               else tokens[candidate.last : other.first])
        if len(gap) == 1 and gap[0].key in LIST_JOINERS:
            return True
    return False


def find_places(text: str) -> list[PlaceMention]:
    """Every place mention in `text`, in text order."""
    tokens = words(text)
    candidates = [c for c in longest_names(tokens, text) if c.rule != BLOCK]
    accepted = [c.rule not in (EVIDENCE, WEAK) for c in candidates]
    for _ in range(2):  # a name in a list may lean on a neighbour accepted on the first pass
        for index, candidate in enumerate(candidates):
            if candidate.rule in (EVIDENCE, WEAK) and not accepted[index]:
                accepted[index] = has_evidence(candidate, tokens, accepted, candidates, index)
    mentions = []
    for candidate, ok in zip(candidates, accepted, strict=True):
        if not ok:
            continue
        start, end = tokens[candidate.first].start, tokens[candidate.last - 1].end
        place = candidate.place
        mentions.append(PlaceMention(start, end, text[start:end], place.name_en, place.name_fa,
                                     place.place_id, place.kind, place.lat, place.lon))
    return mentions
