"""Find place names in Persian and English text: longest name wins, demonyms never match.

Tokens are maximal letter runs, so `Iranian`, `ایرانی` and `بریتانیاییها` are never `Iran`,
`ایران` or `بریتانیا`. Names that are also common words or people's names need evidence: a
place word before them (شهر، استان, city of…) or another place beside them in a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iranru.characters import ZWNJ
from iranru.mentions import PlaceMention, fold
from iranru.mentions.gazetteer import (
    BLOCK,
    COMMON,
    EVIDENCE,
    THE_GULF,
    TOKEN,
    WEAK,
    Place,
    PlaceRow,
    given_names,
    load_gazetteer,
    name_starts,
    persian_key,
)

FA_TRIGGERS = frozenset(
    "شهر شهرهای استان استانهای شهرستان بندر پایتخت منطقه ولایت کشور ایالت روستای روستا جمهوری "
    "سرزمین دریای رود".split()
)
FA_PREPOSITIONS = frozenset("در از به تا".split())
FA_APPOSITIONS = frozenset("پایتخت مرکز".split())  # capital, centre: `دوشنبه، پایتخت تاجیکستان`
# Persian surname endings written apart: احمدی نژاد, ایران نژاد, حسین زاده, تهرانی پور
FA_SURNAME_ENDINGS = frozenset("نژاد زاده پور فر وند راد نیا".split())
LIST_JOINERS = frozenset(",،و") | {"and"}
ROUTE_FROM, ROUTE_TO = frozenset({"از", "from"}), frozenset({"به", "تا", "to"})
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Prof Professor Gen General Col Colonel Capt Captain Lt Maj Major Sgt Adm "
    "Admiral Cmdr President Senator Sen Rep Governor Gov Secretary Minister Ambassador Sir Lord "
    "Lady King Queen Prince Princess Shah Sultan Emir Sheikh Ayatollah Imam Mullah Mirza Pope "
    "Bishop Rev Judge Justice Mayor".split()
)
ABBREVIATED_TITLES = frozenset("Mr Mrs Ms Dr Prof Gen Col Capt Lt Maj Sgt Adm Cmdr Sen Rep Gov Rev".split())
# آقای Mr, خانم Mrs, دکتر Dr, مهندس engineer, سرهنگ colonel, سرتیپ brigadier, سرلشکر major general,
# ارتشبد general, سردار commander, ژنرال general, شیخ sheikh, سید sayyid, حاج hajji, ملا mullah,
# میرزا mirza, استاد master, پروفسور professor, آیت‌الله ayatollah, امام imam, سلطان sultan
FA_TITLES = frozenset(persian_key(title) for title in (
    "آقای آقا خانم دکتر مهندس سرهنگ سرتیپ سرلشکر ارتشبد سرگرد سروان سردار ژنرال شیخ سید حاج حاجی "
    "ملا میرزا استاد پروفسور امام سلطان").split())  # آیت‌الله ends in الله, as حزب‌الله does
# A preposition of place before a capitalised English name that is also a word: in Bath, to Reading
EN_PLACE_PREPOSITIONS = frozenset(
    "in at from to into near toward towards via through across outside inside around".split())
EN_PLACE_WORDS = frozenset("city town port village province capital district region".split())
# ezafe ی; clitics: possessives (ایران‌مان our Iran), the copula (ایران‌اند); compass words and
# Razavi (آذربایجان‌شرقی, خراسان‌رضوی). Not ای (ترکیه‌ای is an adjective) nor ها (عراق‌ها: Iraqis).
ZWNJ_FOLLOWERS = frozenset(
    "ی ام ات اش مان تان شان است اند ایم اید شرقی غربی شمالی جنوبی مرکزی رضوی".split())
NAME_LINKS = frozenset("al el ibn bin ben ul ud".split())
NEED_EVIDENCE = frozenset((EVIDENCE, WEAK, COMMON, THE_GULF))
SENTENCE_ENDS = frozenset('.!?:;"\'«»“”()[]')


PERSIAN_START = re.compile(r"[\u0600-\u06ff]")


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
        key = persian_key(token) if PERSIAN_START.match(token) else token
        found.append(Word(match.start(), match.end(), text[match.start() : match.end()], key))
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indices, end exclusive
    last: int
    place: Place
    rule: str


def longest_names(tokens: list[Word], text: str, extra_places: tuple[PlaceRow, ...] = ()) -> list[Candidate]:
    """Left to right, the longest gazetteer name starting at each word. A Persian name spans
    Persian words joined by spaces or ZWNJs only; an English one, words at most 60
    characters apart per word. Each start tries the lengths of the names it may begin,
    longest first."""
    gazetteer = load_gazetteer(extra_places)
    starts = name_starts(extra_places)
    persian = [persian_token(word) for word in tokens]
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        lengths = (starts.persian if persian[i] else starts.english).get(first.key)
        if not lengths or not first.key[:1].isalpha():
            i += 1
            continue
        reach = len(tokens) - i
        if persian[i]:
            run = 1  # the Persian words a name starting here may span: joined by spaces, ZWNJs
            while (run < min(lengths[0], reach) and persian[i + run]
                   and not text[tokens[i + run - 1].end : tokens[i + run].start].strip(" \u200c")):
                run += 1
            entries = ((size, gazetteer.persian.get(" ".join(w.key for w in tokens[i : i + size])))
                       for size in lengths if size <= run)
        else:
            entries = ((size, gazetteer.english.get(tuple(w.key for w in tokens[i : i + size])))
                       for size in lengths if size <= reach and not persian[i + size - 1])
        hit = next((Candidate(i, i + size, *entry) for size, entry in entries
                    if entry and tokens[i + size - 1].start - first.end <= 60 * size), None)
        if hit:
            found.append(hit)
            i = hit.last
        else:
            i += 1
    return found




def persian_token(word: Word) -> bool:
    return PERSIAN_START.match(word.key) is not None


def has_evidence(candidate: Candidate, tokens: list[Word], accepted: list[bool],
                 candidates: list[Candidate], index: int) -> bool:
    before = tokens[candidate.first - 1] if candidate.first > 0 else None
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if persian_token(tokens[candidate.first]):
        if candidate.rule == EVIDENCE and after is not None and (
                after.key[:1].isdigit() or next_to_a_place(candidate, candidates, index)):
            return False  # شهرهای بالای ۲۰۰ هزار (above 200 thousand), پایتخت مالی برزیل (financial)
        if before is not None and (before.key in FA_TRIGGERS or (
                candidate.rule == WEAK and before.key in FA_PREPOSITIONS)):
            return True
        # دوشنبه، پایتخت تاجیکستان; not داربی پایتخت (the capital's derby), not سن، شهر (age, city)
        following = tokens[candidate.last + 1] if candidate.last + 1 < len(tokens) else None
        if (after is not None and after.key == "،" and following is not None
                and following.key in FA_APPOSITIONS):
            return True
        return listed(candidate, candidates, accepted, index, tokens)
    if candidate.rule == THE_GULF:  # the Gulf, not the Gulf of Mexico, the Gulf War, a gulf
        return (before is not None and before.key.lower() == "the"
                and (after is None or not (after.key[:1].isupper() or after.key == "of")))
    if candidate.rule == COMMON:  # an English word too: a place word, a preposition, or a list
        in_context = english_place_context(candidate, tokens) or listed(
            candidate, candidates, accepted, index, tokens)
        return in_context and not sentence_start(candidate.first, tokens)
    # a name that is also a person's is a person after a capitalised word that does not start
    # the sentence (Ali Khorram) or before one (Jordan Peterson)
    if before is not None and before.key[:1].isupper() and before.key.isalpha() and not sentence_start(
            candidate.first - 1, tokens):
        return False
    if after is not None and after.key.lower() in NAME_LINKS:  # Nur al-Din, Hasan ibn Ali
        return False
    return after is None or not (after.key[:1].isupper() and after.key.isalpha())


def next_to_a_place(candidate: Candidate, candidates: list[Candidate], index: int) -> bool:
    following = candidates[index + 1] if index + 1 < len(candidates) else None
    return following is not None and following.first == candidate.last


def sentence_start(first: int, tokens: list[Word]) -> bool:
    return first == 0 or tokens[first - 1].key in SENTENCE_ENDS


def english_place_context(candidate: Candidate, tokens: list[Word]) -> bool:
    """`in Bath`, `the port of Split`, `Bath city`."""
    before = tokens[candidate.first - 1] if candidate.first > 0 else None
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if before is not None and before.key.lower() == "of" and candidate.first >= 2:
        before = tokens[candidate.first - 2]  # the city of Bath, the port of Split
        return before.key.lower() in EN_PLACE_WORDS
    return ((before is not None and before.key.lower() in EN_PLACE_PREPOSITIONS | EN_PLACE_WORDS)
            or (after is not None and after.key in EN_PLACE_WORDS))  # Bath city, not Delta Capital


def is_person(candidate: Candidate, tokens: list[Word]) -> bool:
    """A title or a given name right before the name (`Mr. Jordan`, `Samuel Jordan`,
    `آقای شهریار`), or a Persian surname ending after it (`احمدی نژاد`). `Jordan Peterson`
    is left to the evidence rules (Jordan needs evidence)."""
    persian = persian_token(tokens[candidate.first])
    after = tokens[candidate.last] if candidate.last < len(tokens) else None
    if persian and after is not None and after.key in FA_SURNAME_ENDINGS:
        return True
    if candidate.first == 0:
        return False
    before = tokens[candidate.first - 1]
    if before.key == "." and candidate.first >= 2:  # Mr. Dr. Gen., not `Secretary-General.\nRussia`
        title = tokens[candidate.first - 2]
        attached = title.end == before.start and tokens[candidate.first].start == before.end + 1
        return attached and title.key in ABBREVIATED_TITLES
    if persian:
        return before.key in FA_TITLES or before.key in given_names()
    return before.key in TITLES or (before.key[:1].isupper() and before.key.lower() in given_names())


def whole_word(candidate: Candidate, tokens: list[Word], text: str) -> bool:
    """A Persian name is never the tail or the head of a word joined by a ZWNJ
    (`برنامه‌نویس` is not Neuss, `بن‌بست` is not Bonn); an ezafe, a clitic or a compass word
    may follow (`روسیه‌ی`, `ایران‌اند`, `آذربایجان‌شرقی`)."""
    start, end = tokens[candidate.first].start, tokens[candidate.last - 1].end
    if start > 0 and text[start - 1] == ZWNJ:
        return False
    if end < len(text) and text[end] == ZWNJ:
        following = tokens[candidate.last].key if candidate.last < len(tokens) else ""
        return following in ZWNJ_FOLLOWERS
    return True


def listed(candidate: Candidate, candidates: list[Candidate], accepted: list[bool], index: int,
           tokens: list[Word]) -> bool:
    """Beside another accepted place, joined by a comma or `و`/`and`, or on a route with it:
    `از کابل به دوشنبه` (from Kabul to Dushanbe), `from Bath to London`."""
    for other_index in (index - 1, index + 1):
        if not 0 <= other_index < len(candidates) or not accepted[other_index]:
            continue
        other = candidates[other_index]
        first, second = (other, candidate) if other_index < index else (candidate, other)
        gap = tokens[first.last : second.first]
        if len(gap) == 1 and gap[0].key in LIST_JOINERS:
            return True
        # only the start leans on the end: `از قزاقستان به میدان می‌رود` is "takes the field"
        from_word = tokens[first.first - 1].key.lower() if first.first > 0 else ""
        route = from_word in ROUTE_FROM and gap[0].key.lower() in ROUTE_TO
        if len(gap) == 1 and route and first is candidate:
            return True
    return False


def find_places(text: str, extra_places: tuple[PlaceRow, ...] = ()) -> list[PlaceMention]:
    """Every place mention in `text`, in text order; `extra_places` (rows of a places file,
    `read_places_file`) add names and places and block names."""
    tokens = words(text)
    candidates = [c for c in longest_names(tokens, text, extra_places)
                  if c.rule != BLOCK and whole_word(c, tokens, text) and not is_person(c, tokens)]
    accepted = [c.rule not in NEED_EVIDENCE for c in candidates]
    for _ in range(2):  # a name in a list may lean on a neighbour accepted on the first pass
        for index, candidate in enumerate(candidates):
            if candidate.rule in NEED_EVIDENCE and not accepted[index]:
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
