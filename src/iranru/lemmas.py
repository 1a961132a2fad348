"""Lemmas of single words, Persian after UD PerDT and English after UD EWT.

A lemma is a function of the normalised word and its language, computed once per word type,
so an ambiguous form gets the lemma of its commoner reading (`کند` "does" rather than "slow",
`Rose` the name); only a few English forms take theirs from the neighbouring tokens (`her`,
`its`, words in -ing, better: see context_kind), which the token table and word counts
(wordcounts.py) see alike.

Persian (PerDT's conventions): verbs, participles and auxiliaries as `past#present`
(`می‌کند → کرد#کن`, `کرده → کرد#کن`, `باشد → بود#باش`, copula `است → #است`); plural
(ها, ان, ات), ezafe and indefinite endings and comparative تر removed (`دریای → دریا`,
`کسانی → کس`, `بیشتر → بیش`); Arabic broken plurals singular (`افراد → فرد`, from
data/broken_plurals.csv); relational adjectives in ی kept (`فرهنگی`, `احتمالی`).
Infinitives stay whole (PerDT tags them nouns: `کردن`).

English (EWT's conventions): simplemma, plus UD's pronouns (me → i), informal spellings
(u → you), irregular pasts simplemma misses, participles used as adjectives and comparatives
(closer → close), with LemmInflect's lexicon where simplemma makes up a lemma (fixing → fixe)
or cuts a word the lexicon has as its own (surroundings); a capitalised word is lemmatised
only when its lower-case form is a common word or simplemma reads it as a plural (Meshed,
Wales stay).
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from importlib import resources as package_files
from pathlib import Path

from iranru import resources
from iranru.characters import ZWNJ

YEH = "ی"

# --- Persian verbs ---------------------------------------------------------------------------

# hazm's verb list (past#present) with its few slips mended: بود is بود#باش (PerDT), not
# بود#است; باشید and کند are forms, not past stems; گفت's present is گو, نوشت's نویس (the
# rarer نورد and روب would otherwise claim نوشت and رفت); باید's past is بایست; the list
# lacks گردید, the formal "became" (its present گرد stays گشت's, as PerDT writes it).
DROPPED_VERBS = frozenset({"بود#است", "باشید#باش", "کند#کن", "گفت#گوی", "نوشت#نورد", "رفت#روب",
                           "بایست#بای", "آمد#آی", "#هست"})
ADDED_VERBS = ("بایست#باید", "گردید#گرد")

# The commonest verbs first, so a form two verbs share (کشت "killed"/"planted", the present کش
# of کشید and کشت) goes to the commoner; their bare forms also win over a noun of the same
# spelling (کند "does" not "slow", داشت "had" not "harvest"). Frequency order after the
# Bijankhan corpus counts (Bijankhan 2004) as everyday Persian knows them.
COMMON_VERBS = (
    "کرد#کن", "شد#شو", "بود#باش", "داشت#دار", "داد#ده", "گرفت#گیر", "گفت#گو", "زد#زن",
    "آمد#آ", "رفت#رو", "رسید#رس", "کشید#کش", "ماند#مان", "دید#بین", "خواست#خواه",
    "توانست#توان", "آورد#آور", "برد#بر", "یافت#یاب", "گذاشت#گذار", "ساخت#ساز", "نمود#نما",
    "دانست#دان", "شناخت#شناس", "خورد#خور", "افتاد#افت", "نشست#نشین", "گشت#گرد",
    "پرداخت#پرداز", "نوشت#نویس", "خواند#خوان", "کشت#کش", "گذشت#گذر", "بست#بند",
    "انداخت#انداز", "شکست#شکن", "فرمود#فرما", "گردید#گرد", "پذیرفت#پذیر", "بایست#باید",
)

# Forms of a verb whose other reading is the commoner one: a noun or adjective (نشست
# "meeting", ساخت "make", and past stems that are the noun of a compound verb: دریافت کرد),
# a participle lexicalised as an adjective (گذشته "past", خسته "tired"), or a word the
# verb table happens to spell (مانند "like", شدید "severe", دهم "tenth", رود "river").
NOT_VERBS = frozenset(
    """
    نشست ساخت خرید پرداخت دریافت برداشت بازگشت بازدید شکست پیوست سوخت نهاد درد
    مانند شدید دهم روم رود نخست نبرد مردم گذشته رشته خسته بسته وابسته پیوسته شایسته
    برجسته گسترده پیچیده آماده آلوده فرسوده افسرده آسوده آشفته نهفته پخته زاده
    فرهیخته آزرده پوشیده فشرده مرده خفته شسته درود ستاد گشاد شناخت
    گود آند روند رسم نمام نماد توانی بایسته نزد بدهی بافت ندار نداری نیام ببر ببری بدان
    """.split()
)

# Light verbs and auxiliaries whose bare second person (کنی, باشی, خواهی) is commoner than
# a noun of that spelling.
SECOND_PERSON_BARE = frozenset("کن باش خواه ده شو دار توان".split())

PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PERFECT_ENDINGS = ("", f"{ZWNJ}ام", f"{ZWNJ}ای", f"{ZWNJ}ایم", f"{ZWNJ}اید", f"{ZWNJ}اند",
                   f"{ZWNJ}است")
CONTINUOUS = (f"می{ZWNJ}", f"نمی{ZWNJ}")

# The copula and the verb "to be" (present), which has no past stem in PerDT's lemmas.
COPULA = {"است": "#است"} | {
    f"{negation}{stem}{ending}": "#هست"
    for negation, stem in (("", "هست"), ("", "نیست"))
    for ending in ("", "م", "ی", "یم", "ید", "ند")
}

# Closed-class words whose lemma no rule derives.
FIXED_LEMMAS = COPULA | {
    "باید": "بایست#باید", "نباید": "بایست#باید", "بایستی": "بایست#باید",
    "نبایستی": "بایست#باید", "بایست": "بایست#باید",
    f"می{ZWNJ}توان": "#توان", f"نمی{ZWNJ}توان": "#توان",  # impersonal "one can" (PerDT)
    f"می{ZWNJ}بایست": "بایست#باید", f"می{ZWNJ}بایستی": "بایست#باید",
    "باش": "بود#باش", "نباش": "بود#باش",
    "کن": "کرد#کن", "بکن": "کرد#کن", "نکن": "کرد#کن",  # the imperative of the light verb
    "مرا": "من", "ترا": "تو", "تورا": "تو",  # pronoun + را written as one word
    "دیگران": "دیگری",  # "the others": PerDT's plural of the pronoun دیگری, not of دیگر
}

# Helpers after a participle in one token (کرده‌بود, شده‌است, گفته‌شده‌است).
AUXILIARY_STEMS = ("بود", "باش", "است", "شد", "شو", "ام", "ای", "ایم", "اید", "اند")


def verb_entries() -> list[tuple[str, str]]:
    """(past, present) of every verb, the commonest first."""
    verbs = [verb for verb in resources.hazm_verbs() if verb not in DROPPED_VERBS]
    ordered = dict.fromkeys((*COMMON_VERBS, *ADDED_VERBS, *verbs))
    entries = []
    for verb in ordered:
        past, _, present = verb.partition("#")
        if past and present and " " not in verb:
            entries.append((past, present))
    return entries


def present_forms(present: str) -> list[str]:
    """Present stem + person endings; a stem ending in a vowel letter takes ی first
    (آ → آید, گو → گوید), and و may be a consonant (شو → شود) so both are made."""
    forms = [present + ending for ending in PRESENT_ENDINGS]
    if present.endswith(("ا", "و", "آ")):
        forms += [present + YEH + ending for ending in PRESENT_ENDINGS]
    return forms


def subjunctive_prefixes(present: str) -> list[str]:
    """ب and ن before a stem in آ write it یا (آ → بیا, آور → بیاور)."""
    if present.startswith("آ"):
        return ["بیا" + present[1:], "نیا" + present[1:]]
    return ["ب" + present, "ن" + present]


@functools.cache
def persian_verb_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(marked, bare): inflected form → past#present. Marked forms carry a prefix (می‌, ن,
    ب) or a person ending no noun has; bare forms (کند, کرد, کرده) may also be nouns and
    are read as verbs only for the common verbs (see `verb_lemma`). Bare second persons
    singular (روی, کشتی, بینی) are left out: they are spelled like nouns with the ezafe or
    indefinite ی, the far commoner reading."""
    marked: dict[str, str] = {}
    bare: dict[str, str] = {}
    entries = verb_entries()
    for past, present in entries:  # past forms first: گردید is "became" before "you turn"
        lemma = f"{past}#{present}"
        for ending in PAST_ENDINGS:
            for prefix in ("ن", *CONTINUOUS):
                marked.setdefault(prefix + past + ending, lemma)
            if ending != "ی":
                bare.setdefault(past + ending, lemma)
        for ending in PERFECT_ENDINGS:
            participle = past + "ه" + ending
            for prefix in ("ن", *CONTINUOUS):
                marked.setdefault(prefix + participle, lemma)
            (bare if ending == "" else marked).setdefault(participle, lemma)
    for past, present in entries:
        lemma = f"{past}#{present}"
        for form in present_forms(present):
            for prefix in CONTINUOUS:
                marked.setdefault(prefix + form, lemma)
            if not form.endswith(YEH) or present in SECOND_PERSON_BARE:
                bare.setdefault(form, lemma)
        for stem in subjunctive_prefixes(present):
            marked.setdefault(stem, lemma)  # imperative: بکن, بگیر
            for form in present_forms(stem):
                marked.setdefault(form, lemma)
    return marked, bare


@functools.cache
def common_verb_lemmas() -> frozenset[str]:
    return frozenset(COMMON_VERBS)


def verb_lemma(word: str) -> str | None:
    """past#present of a verb form, or None when the word is not one or its commoner
    reading is a noun or adjective."""
    if word in NOT_VERBS:
        return None
    marked, bare = persian_verb_forms()
    common = common_verb_lemmas()
    lemma = bare.get(word)
    if lemma in common:  # before a prefixed reading: نوشت is "wrote", not ن + وشت
        return lemma
    if lemma is not None and (word.endswith("ه") or (
            word.startswith(lemma.partition("#")[0]) and not word_classes(word)
            and noun_lemma(word) == word)):
        return lemma  # a participle, or a past form no noun shares
    lemma = marked.get(word)
    if lemma is not None:
        if word.startswith(CONTINUOUS) or lemma in common:
            return lemma
        # ن and ب also begin nouns (نجوم, بخت, بلندی = بلند + ی): a listed word or one
        # the noun rules take apart keeps its noun reading
        if is_listed(word) or noun_lemma(word) != word:
            return None
        return lemma
    if ZWNJ in word:
        return joined_verb_lemma(word)
    return None


def joined_verb_lemma(word: str) -> str | None:
    """A participle with its auxiliaries in one token: کرده‌بود, گفته‌شده‌است → the
    participle's verb (hazm's joined verb parts, written with ZWNJ)."""
    first, *rest = word.split(ZWNJ)
    if not first.endswith("ه") or not all(part.startswith(AUXILIARY_STEMS) or
                                          part in ("ن", "نمی", "می") for part in rest):
        return None
    marked, bare = persian_verb_forms()
    lemma = bare.get(first) or marked.get(first)
    return lemma if lemma is not None and "#" in lemma else None


# --- Persian nouns and adjectives ------------------------------------------------------------

# Nouns and adjectives seen more often with the indefinite or ezafe ی than as a relational
# adjective in ی (زمانی "a time", not "temporal"): for any other word X, Xی is read as the
# adjective and kept (فرهنگی, احتمالی, سیاسی). Words whose Xی is a word of its own (یکی,
# کمی "a little", بسیاری "many", چندی "a while") are not here.
INDEFINITE_PRONE = frozenset(
    """
    کس وقت زمان چیز کار روز سال ماه هفته شب مدت هنگام گاه لحظه حال صورت نوع طور طرف شکل
    قسمت بخش قدر مقدار تعداد عده حد جا نگاه خبر راه دل کتاب مرد زن دختر پسر فرد
    آدم نفر دفعه اثر مورد نقش مقام امر حرف سخن کلمه جمله موضوع مسئله مشکل
    زیاد بزرگ کوچک خاص جدید مهم دیگر فراوان متفاوت گوناگون خوب بد تازه بلند کوتاه
    آسان ساده عجیب عمیق مشخص متعدد معین مختلف قوی ضعیف اندک
    """.split()
)

# Words in ی after a vowel letter that are no ezafe form (چای "tea", رای "vote", توی "in").
NOT_EZAFE = frozenset("برای چای رای نای وای های توی سرای".split())

# Words that end in تر but are no comparative (دختر "girl", دفتر "office", برتر "superior").
NOT_COMPARATIVES = frozenset(
    """
    دختر دفتر کبوتر چتر بستر شتر اختر انگشتر استر اتر تئاتر متر کیلومتر سانتیمتر
    میلیمتر لیتر فیلتر کامپیوتر هلیکوپتر پوستر تر برتر دکتر اینتر
    """.split()
)

# Pronouns and words a suffix rule would wrongly cut (اینها is no plural of این here: PerDT
# keeps the pronoun; خودشان keeps its person).
KEEP_WHOLE = frozenset(
    f"""
    اینها آنها این{ZWNJ}ها آن{ZWNJ}ها خودم خودت خودش خودمان خودتان خودشان یکی کمی
    بسیاری چندی همگان دوران آنان اینان هزاران انتخابات اطلاعات ادبیات تسهیلات
    """.split()
)

PRONOUN_CLITICS = ("مان", "تان", "شان", "م", "ت", "ش")


@functools.cache
def broken_plurals() -> dict[str, str]:
    """Arabic broken plural → singular, from data/broken_plurals.csv (see its header)."""
    text = (package_files.files("iranru") / "data" / "broken_plurals.csv").read_text(encoding="utf-8")
    rows = csv.reader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {plural: singular for plural, singular in rows if plural != "plural"}


def is_listed(word: str) -> bool:
    return word in resources.hazm_word_counts()


def word_classes(word: str) -> frozenset[str]:
    """hazm's word classes of a listed lemma (N, AJ, PL for a plural…); empty for an
    inflected form (words.dat lists many, with no class)."""
    return resources.hazm_word_classes().get(word, frozenset())


def strip_plural(word: str) -> str | None:
    """The singular of a Persian plural in ها, ان, ات or ین, or None. ان, ات and ین also end
    many singular words (باران, ایران), so the whole must not be a listed lemma (unless
    hazm marks it plural) and the singular must be one."""
    if word.endswith(f"{ZWNJ}ها"):
        return word[:-3]
    classes = word_classes(word)
    if classes and "PL" not in classes:
        # a lemma in گان is still a plural of a word in silent ه: نویسندگان → نویسنده
        if word.endswith("گان") and word_classes(word[:-3] + "ه"):
            return word[:-3] + "ه"
        return None
    if word.endswith("ها") and len(word) > 3 and is_listed(word[:-2]):
        return word[:-2]
    for ending in ("ان", "ات", "ین"):
        if not word.endswith(ending) or len(word) < 4:
            continue
        stem = word[: -len(ending)].rstrip(ZWNJ)
        candidates = [c for c in plural_stems(stem, ending) if len(c) > 1 and (
            word_classes(c) or (c == stem and c.endswith(YEH) and is_listed(c)))]
        if candidates and ending != "ات":
            return candidates[0]  # likeliest first: شورشیان → شورشی, not شورش
        if candidates:  # an Arabic noun in ت or ه first (مشخصات → مشخصه, not مشخص)
            nouns = [c for c in candidates if c != stem and "N" in word_classes(c)]
            counts = resources.hazm_word_counts()
            return max(nouns or candidates, key=lambda candidate: counts[candidate])
    return None


def plural_stems(stem: str, ending: str) -> tuple[str, ...]:
    """Singulars a plural stem may come from, likeliest first: گان and یات from a silent ه
    (نویسندگان → نویسنده, تجربیات → تجربه), یان from a vowel (دانشجویان → دانشجو), ات
    from an Arabic ت or ه (حرکات → حرکت, کلمات → کلمه)."""
    if ending == "ات":
        if stem.endswith(YEH):  # خصوصیات, نظریات, تجربیات: not the adjective خصوصی
            return stem[:-1] + "ه", stem + "ت", stem + "ه"
        return stem + "ت", stem + "ه", stem
    if stem.endswith("گ"):
        return stem[:-1] + "ه", stem
    if stem.endswith(YEH):
        return stem, stem[:-1]
    return (stem,)


def strip_yeh(word: str) -> str | None:
    """The word without its ezafe or indefinite ی, or None: after a vowel letter or a plural
    always (دریای → دریا, جای → جا, کسانی → کسان, خانه‌ای → خانه); after a consonant only
    for the words INDEFINITE_PRONE lists (وقتی → وقت), so relational adjectives stay
    (فرهنگی)."""
    if word.endswith((f"{ZWNJ}ای", f"{ZWNJ}ی")) and len(word) > 3:
        return word[: word.rindex(ZWNJ)]
    if not word.endswith(YEH) or len(word) < 3 or word in NOT_EZAFE:
        return None
    stem = word[:-1]
    if stem.endswith(("ا", "و")) and (word_classes(stem) or stem.endswith("ها")):
        counts = resources.hazm_word_counts()
        # a word that is itself a commoner lemma keeps its ی (قوی "strong"); after و, any
        # listed lemma does: وی there is mostly the adjective ending -avi (صفوی, شوروی)
        if not word_classes(word) or (stem.endswith("ا") and counts[word] <= counts.get(stem, 0)):
            return stem
    if (stem.endswith("های") and is_listed(stem[:-3].rstrip(ZWNJ))) or (
            stem.endswith(YEH) and stem[:-1] in INDEFINITE_PRONE):
        return stem[:-1]  # کتاب‌هایی → کتاب‌ها, جایی → جا: یی after a vowel
    if stem in INDEFINITE_PRONE or stem in broken_plurals():
        return stem
    if not word_classes(word) and (stem.endswith("ها") or strip_plural(stem) is not None):
        return stem
    return None


def strip_comparative(word: str) -> str | None:
    """بیشتر → بیش, مهم‌ترین → مهم, کمتری → کم: تر after an adjective (or به "good")."""
    for ending in ("ترین", "تری", "تر"):
        if word.endswith(ending) and word not in NOT_COMPARATIVES:
            stem = word[: -len(ending)].rstrip(ZWNJ)
            if stem == "به" or (len(stem) > 1 and "AJ" in word_classes(stem)):
                return stem
    return None


def strip_clitic(word: str) -> str | None:
    """A possessive pronoun off a word that is no lemma itself: پدرم → پدر, خانه‌اش → خانه,
    کارهایش → کارهای, دوستانش → دوستان, فردایش → فردا (یش after a vowel)."""
    if ZWNJ in word:
        stem, _, clitic = word.rpartition(ZWNJ)
        if clitic in ("ام", "ات", "اش", "مان", "تان", "شان"):
            return stem if is_listed(stem) else None
    for clitic in PRONOUN_CLITICS:
        stem = word[: -len(clitic)]
        if not word.endswith(clitic) or len(stem) < 2:
            continue
        if stem.endswith(("ای", "وی")) and is_listed(stem[:-1]):
            return stem[:-1]
        if (word_classes(stem) & {"N", "AJ"} or stem.endswith(("های", "ان"))
                or (len(clitic) == 3 and is_listed(stem))):
            return stem
    return None


def noun_lemma(word: str) -> str:
    """Nouns and adjectives: endings off, one layer at a time (کتاب‌هایی → کتاب‌ها → کتاب),
    a broken plural to its singular (افرادی → افراد → فرد)."""
    plurals = broken_plurals()
    for _ in range(4):
        if word in KEEP_WHOLE:
            return word
        if word in plurals:
            return plurals[word]
        reduced = strip_yeh(word) or strip_plural(word) or strip_comparative(word)
        if reduced is None and not word_classes(word):
            reduced = strip_clitic(word)
        if reduced is None:
            break
        word = reduced
    return word


def lemmatize_persian(word: str) -> str:
    """PerDT-style lemma of one normalised Persian word."""
    fixed = FIXED_LEMMAS.get(word)
    if fixed is not None:
        return fixed
    if word.endswith(("ۀ", "هٔ")):  # ezafe on a silent ه (خانۀ → خانه): a noun, never a verb
        return noun_lemma(word[:-1] + "ه" if word.endswith("ۀ") else word[:-1])
    verb = verb_lemma(word) or preverb_lemma(word)
    if verb is not None:
        return with_preverb(verb)
    return noun_lemma(word)


# Preverbs that make a new verb of an old one (بر + گشت "returned"); PerDT writes such a verb
# as preverb#past (برمی‌گشت → بر#گشت, درآوردم → در#آورد).
PREVERBS = ("باز", "بر", "در", "فرا", "فرو", "وا", "ور")


@functools.cache
def past_stems() -> frozenset[str]:
    return frozenset(past for past, _ in verb_entries())


def with_preverb(lemma: str) -> str:
    """hazm lists some preverb verbs whole (بازگشت#بازگرد): PerDT's باز#گشت."""
    past = lemma.partition("#")[0]
    for preverb in PREVERBS:
        if past.startswith(preverb) and past[len(preverb):] in past_stems():
            return f"{preverb}#{past[len(preverb):]}"
    return lemma


def preverb_lemma(word: str) -> str | None:
    """preverb#past of a preverb glued to a verb form (برمی‌گشت, درآوردم); a listed word
    keeps its noun reading unless the verb form carries می (برنده "winner" is no بر + نده,
    درآمد "income" no verb)."""
    if not word.startswith(PREVERBS):
        return None
    for preverb in PREVERBS:
        rest = word[len(preverb):]
        if not word.startswith(preverb) or len(rest) < 2:
            continue
        if is_listed(word) and not rest.startswith(("می", "نمی")):
            return None
        lemma = verb_lemma(rest)
        if lemma is not None and "#" in lemma and lemma[0] != "#":
            return f"{preverb}#{lemma.partition('#')[0]}"
    return None


# --- English ---------------------------------------------------------------------------------

# UD EWT's lemmas that simplemma does not give: object pronouns to the subject form (its is
# mostly it + 's written without the apostrophe), and informal spellings of the web.
ENGLISH_FIXED = {
    "me": "i", "him": "he", "them": "they", "us": "we", "its": "it", "u": "you", "ur": "your",
    "im": "i", "ive": "i", "youre": "you", "theyre": "they", "thats": "that", "cant": "can",
    "dont": "do", "didnt": "do", "doesnt": "do", "isnt": "be", "arent": "be", "wasnt": "be",
    "werent": "be", "havent": "have", "hasnt": "have", "hadnt": "have", "couldnt": "could",
    "wouldnt": "would", "shouldnt": "should", "pls": "please", "plz": "please", "thx": "thanks",
    "b/c": "because", "cuz": "because", "coz": "because", "thru": "through", "tho": "though",
    "wanna": "want", "gonna": "go", "gotta": "get", "outta": "out", "kinda": "kind",
    "sorta": "sort", "lemme": "let", "gimme": "give", "ppl": "people",
    "media": "media", "trivia": "trivia",  # Latin plurals English uses as mass nouns
    "thinking": "think",  # simplemma: "thinke"
    "following": "follow",  # a verb in UD also where it works as a preposition, like including
    "regards": "regards",  # the letter's closing
    # irregular past forms simplemma leaves whole or gets wrong, whose verb reading is the
    # commoner (thought "thought of it" before "a thought"; bit, shot, wound stay nouns)
    "thought": "think", "felt": "feel", "left": "leave", "won": "win", "broke": "break",
    "rose": "rise", "shook": "shake", "swore": "swear", "gone": "go", "awoken": "awake",
    "worse": "bad", "least": "least", "bare": "bare",
    "jan.": "january", "feb.": "february", "mar.": "march", "apr.": "april", "jun.": "june",
    "jul.": "july", "aug.": "august", "sep.": "september", "sept.": "september",
    "oct.": "october", "nov.": "november", "dec.": "december",
}
# Participles English uses mostly as adjectives: UD keeps them whole (an interesting book,
# I am interested), where simplemma would give the verb.
ENGLISH_ADJECTIVES = frozenset(
    """
    interesting amazing exciting boring surprising satisfying disappointing rewarding confusing
    annoying frightening embarrassing fascinating outstanding willing charming stunning
    promising overwhelming loving caring astonishing terrifying thrilling worrying inspiring
    refreshing relaxing tempting touching striking interested complicated sophisticated
    devoted determined qualified experienced limited concerned frustrated embarrassed excited
    bored tired pleased disappointed satisfied worried scared terrified confused talented
    educated advanced detailed dedicated blessed renowned skilled unemployed organized
    motivated biased naked crowded armed involved hidden specialized aged inclined enlightened
    outdated laden minded
    """.split()
)
# Times of day as UD writes them (4 PM → p.m.); in capitals only: "am" is a form of be.
ENGLISH_FIXED_CAPITALS = {"AM": "a.m.", "PM": "p.m.", "A.M.": "a.m.", "P.M.": "p.m."} | {
    # months and weekdays cut short without a full stop (Aug 12, Fri 3pm); Jan and Jun are also
    # given names, Sat and Sun words
    "Feb": "february", "Apr": "april", "Aug": "august", "Sep": "september", "Sept": "september",
    "Oct": "october", "Nov": "november", "Dec": "december", "Tue": "tuesday", "Tues": "tuesday",
    "Wed": "wednesday", "Thu": "thursday", "Thur": "thursday", "Thurs": "thursday", "Fri": "friday",
}
# Short words in capitals are mostly names (US, IT, IS) but not these auxiliaries (HAS, WAS).
AUXILIARIES_IN_CAPITALS = frozenset("HAS HAD WAS ARE WERE DID DOES".split())
# A word in -s no dictionary knows is mostly a plural (morcillas, suckups); not after s, u or i
# (a singular: -ness, -us, -is), nor e (Spanish and French words: arabes, Lourdes), nor in a
# word without a vowel (kbps, mbps: units). The letters before the first vowel are consonants,
# so the pattern reads a word once (two overlapping [a-z]* took quadratic time on a long word).
UNKNOWN_PLURAL = re.compile(r"^[b-df-hj-np-tv-xz]*[aeiouy][a-z]*[^suie\W\d_]s$")
# A letter written three times or more (sooooo, VERYYY): shouting, not spelling.
ELONGATED = re.compile(r"([a-z])\1{2,}")


@functools.cache
def common_inflected_english() -> frozenset[str]:
    """Common English words whose capitalised form simplemma would change (see the file's
    header): a capitalised word is lemmatised only when it is one of them."""
    text = (package_files.files("iranru") / "data" / "en_common_inflected.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1 << 16)
def lemmatize_english(word: str) -> str:
    """simplemma, lower-cased, with UD's pronouns and informal spellings. A capitalised word
    keeps its form unless its lower-case form is a common word (Posted → post, Best → good;
    Meshed, Aras, ISS stay) or simplemma knows it as the plural of a name (Palestinians)."""
    import simplemma

    if not word:
        return word
    lower = word.lower()
    fixed = ENGLISH_FIXED_CAPITALS.get(word)
    if fixed is None and (word.islower() or word[1:].islower() or len(word) == 1):
        fixed = ENGLISH_FIXED.get(lower)
    if fixed is not None:
        return fixed
    if lower in ENGLISH_ADJECTIVES:
        return lower
    if any(char.isdigit() for char in word):  # 4th, 1990s, G8: simplemma spells them out
        return lower
    if len(word) > 3 and ELONGATED.search(lower) and not lexicon_lemmas(lower):
        shortened = unelongated(lower)  # Sooooo, VERYYY: no name
        if shortened is not None:
            return lemmatize_english(shortened)
    if not word.islower() and word[:1].isalpha():
        capitals = word.isupper() and len(word) < 4 and word not in AUXILIARIES_IN_CAPITALS  # US, IT
        lemma = simplemma.lemmatize(word, lang="en")  # its names: Palestinians → Palestinian
        if lower in common_inflected_english() and not capitals:  # Posted → post, Groups → group
            common = lemmatize_english(lower)  # but simplemma knows a name's plural: Iraqis
            return lemma.lower() if common == lower and lemma[:1].isupper() else common
        plural = lower.endswith("s") and lemma.lower() in (lower[:-1], lower[:-2], lower[:-3] + "y")
        # a name's plural (Palestinians), or a rarer noun's (Newsgroups, Cockatiels); not a
        # name simplemma keeps (Wales, Times), nor a singular of three letters, as often a
        # name's ending (Aras is no plural of "ara", Duns no "dun")
        if plural and (lemma[:1].isupper() or len(lemma) > 3):
            return lemma.lower()
        if lower.endswith(("er", "est")) and not capitals:  # Kindest regards: no name
            return comparative_lemma(lower)
        return lower
    lemma = simplemma.lemmatize(word, lang="en")
    if lemma == word and word.endswith(("er", "est")):
        return comparative_lemma(lower)
    if lemma == word and UNKNOWN_PLURAL.search(word) and not lexicon_lemmas(word) and not (
            simplemma.is_known(word, lang="en")):
        return word[:-1]  # morcillas, restraunts: a plural no dictionary lists
    if lemma.replace("-", "").lower() == lower.replace("-", "") or (
            len(word) <= 3 and len(lemma) > 2 * len(word)):
        return lower  # e-mail is no "email", wifi no "wi-fi", km no "kilometer"
    if is_own_lemma(lower):
        return lower  # surroundings, nightie, flavored: the lexicon's lemma, not simplemma's cut
    return known_lemma(lower, lemma.lower())


def is_own_lemma(word: str) -> bool:
    """Does the lexicon list the word only as its own lemma, in every part of speech it has
    (surroundings is no plural of surrounding)? Determiners aside: its lexicon has them as
    nouns (these, those)."""
    readings = lexicon_lemmas(word)
    return bool(readings) and all(lemmas == (word,) for lemmas in readings.values()) and (
        word not in DETERMINERS)


# Which lemmas a word may have, by part of speech: LemmInflect's lexicon (Jascob 2019, built from
# the SPECIALIST Lexicon and the Automatically Generated Inflection Database; MIT).
LEXICON_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "PROPN", "AUX")


@functools.cache
def english_lexicon() -> tuple[list[str], dict[str, list[str]]]:
    """LemmInflect's tables as its Lemmatizer reads them: "word,category,lemma/lemma" lines
    (lemma_lu.csv.gz), sorted for binary search, and the overrides over them
    (lemma_overrides.csv), read without importing the package (0.3 s for numpy and its models)
    and without a dictionary of every word (a lookup is a binary search: 20 ms to load)."""
    import gzip
    from importlib.util import find_spec

    spec = find_spec("lemminflect")
    assert spec is not None and spec.submodule_search_locations, "lemminflect is not installed"
    folder = Path(spec.submodule_search_locations[0]) / "resources"
    with gzip.open(folder / "lemma_lu.csv.gz") as table:
        lines = sorted(table.read().decode("utf-8").splitlines())
    overrides: dict[str, list[str]] = {}
    for line in (folder / "lemma_overrides.csv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, entry = line.partition(",")
            overrides.setdefault(word, []).append(entry)
    return lines, overrides


@functools.lru_cache(maxsize=1 << 16)
def lexicon_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """{part of speech (UD): lemmas} of a lower-case word; empty for a word the lexicon lacks."""
    lines, overrides = english_lexicon()
    key = word + ","
    index = bisect.bisect_left(lines, key)
    entries = []
    while index < len(lines) and lines[index].startswith(key):
        entries.append(lines[index][len(key):])
        index += 1
    readings: dict[str, tuple[str, ...]] = {}
    for entry in (*entries, *overrides.get(word, ())):
        category, _, lemmas = entry.partition(",")
        part = category.upper()
        readings["AUX" if part == "MODAL" else part] = tuple(lemmas.split("/"))
    return readings


def unelongated(word: str) -> str | None:
    """The word a shouted spelling stands for (sooooo → so, prettty → pretty), if the lexicon
    knows it with each run of letters written twice or once."""
    for candidate in (ELONGATED.sub(r"\1\1", word), ELONGATED.sub(r"\1", word)):
        if len(candidate) > 1 and lexicon_lemmas(candidate):
            return candidate
    return None


def comparative_lemma(word: str) -> str:
    """The adjective of a comparative or superlative simplemma leaves whole (closer → close,
    bigger → big, cleaner → clean), as UD does; a word the lexicon lists as an adjective of its
    own stays (latter, upper, further, bitter). A form that is also a noun or a verb (number,
    flatter, cooler) is read as the comparative only when the adverb has it too (closer)."""
    readings = lexicon_lemmas(word)
    adjectives = readings.get("ADJ", ())
    if not adjectives or word in adjectives:
        return word
    if ("NOUN" in readings or "VERB" in readings) and adjectives[0] not in readings.get("ADV", ()):
        return word
    return adjectives[0]


def known_lemma(word: str, lemma: str) -> str:
    """simplemma's lemma unless it is no word at all (fixing → fixe, cancelled → cancell,
    masses → masse): then the lexicon's (fix, cancel, mass); or unless simplemma cut an ending
    off a word the lexicon knows as a lemma of its own and not as that (reed → ree), or
    chose the second of the lexicon's lemmas for one part of speech (weed → wee)."""
    doubled = lemma[-1:] == lemma[-2:-1] and lemma[-1:] not in "aeiou"
    if lemma == word or not (lemma.endswith("e") or doubled):
        return lemma  # simplemma's slips all end in a restored e or a doubled consonant
    readings = lexicon_lemmas(word)
    for lemmas in readings.values():
        if lemma in lemmas[1:]:  # the rarer of two verbs (weed: weed before wee, developed:
            return lemmas[0]  # develop before develope)
    if lexicon_lemmas(lemma):
        own = any(word in lemmas for lemmas in readings.values())
        cut = word.startswith(lemma) and not any(lemma in lemmas for lemmas in readings.values())
        return word if own and cut else lemma
    for part in LEXICON_ORDER:
        if readings.get(part):
            return readings[part][0]
    return lemma


# --- English in context ------------------------------------------------------------------------

# A few common forms have two readings that only the neighbouring words tell apart (UD EWT):
# `her` is she's object form (lemma she: "I met her") or the possessive (her: "her book"); `its`
# is the possessive (its) or "it's" written without the apostrophe (it: "its a shame"); a word
# in -ing is a noun after a determiner (the meeting, lemma meeting) and a verb after a form of
# be or before its object (was meeting them, lemma meet). A neighbour is a token of the same
# sentence; a sentence start or end, a punctuation mark and a word that ends in a full stop
# (which may end the sentence before) are all "no word" (NO_WORD).
NO_WORD = ""
DETERMINERS = frozenset(
    "a an the this these those my your his our their its every each no another whose".split())
# After these a word in -ing is a noun whatever follows (a learning disability); after the other
# determiners it may be a participle before its noun (the leading edge, our growing economy).
INDEFINITE_DETERMINERS = frozenset("a an this every each no another".split())
DEMONSTRATIVES = frozenset("this these those".split())  # also pronouns, subjects of a verb
FORMS_OF_BE = frozenset("be am is are was were been being 'm 're im not n't".split())
# A word in -ing after these is a gerund, which UD counts as a verb (for making, by leaving,
# looking forward to hearing: after to, -ing is no infinitive).
BEFORE_GERUNDS = frozenset("of for by about after before without while when to".split())
# Words that begin a verb's object, so a word in -ing before them is a verb (making the bed).
OBJECT_STARTS = frozenset(
    """
    the a an this that these those my your his her its our their me him us them it some any all
    what how whether
    """.split()
)
# Function words: after a determiner and before one of them (or no word), a word in -ing is a
# noun (the meeting of, the painting is); before a content word it may still be a participle
# (the leading edge) and keeps its lemma out of context. Also what may follow `her` as an
# object (gave her the book, told her to go) but not as a possessive (her book).
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those my your his her its our their some any no every each all both
    to of and or but nor in on at for with from by about into onto over under up out off down back
    away again too so as than if when while because though then there here now me him us them you
    it i he she we they who what which is are was were be been being am 's 're 'm has have had will
    would can could should may might must do does did not n't
    """.split()
)
# After `its`, these make it "it's" (its a shame, its not, its been, its very good).
AFTER_IT_IS = frozenset(
    """
    a an the not so very really just been going gonna all too ok okay always only about like that
    what because pretty still my your his her our their no such
    """.split()
)
# Prepositions after which a word in -ing with nothing after it (no object, no complement) is
# a noun, as UD EWT tags it: join us for sharing, a style of painting, based on understanding.
NOMINAL_PREPOSITIONS = frozenset("of for on".split())
# Conjunctions that join a word in -ing before of to a noun (distribution or copying of).
COORDINATORS = frozenset("and or".split())
# Adverbs that make the word in -ing after them an adjective (very loving, so mesmerizing).
INTENSIFIERS = frozenset("very so too most more less quite extremely truly incredibly absolutely".split())
OPEN_CLASSES = frozenset({"ADJ", "ADV", "VERB"})  # an adjective before -ing: no adverb, no verb
# After these a comparative is an adverb (do better: well), not an adjective (is better: good).
FORMS_OF_DO = frozenset("do does did".split())
# Object starts that also begin a clause after an adjective (surprised that, concerned how).
CLAUSE_STARTS = frozenset("that what how whether".split())
# Subjects after which a participle English mostly uses as an adjective is the past of its verb
# (they qualified, I experienced).
PERSONAL_PRONOUNS = frozenset("i you he she it we they".split())
# Subjects after which a word in -s that simplemma reads as a noun is a verb (it means, this
# remains).
SUBJECTS = frozenset("he she it this that which who what".split())
# Nouns in -ing whose verb reading is rare (evening: "evening the score").
NOT_GERUNDS = frozenset("evening".split())


# What the rules see of an open-class neighbour: whether the lexicon reads it as an adjective
# (and not an adverb or a verb: public, wonderful) and whether as a noun (a number is one).
ADJECTIVE, ADJECTIVE_OR_NOUN, NOUN, OTHER_WORD = "<adjective>", "<adjective|noun>", "<noun>", "<word>"
# ... and whether it is an ordinal or a superlative (first, best, biggest), after which a word in
# -ing is a noun (the first meeting, the best tutoring service).
SUPERLATIVE = "<superlative>"
ORDINALS = frozenset("first second third last next".split())
WORD_CLASSES = frozenset({ADJECTIVE, ADJECTIVE_OR_NOUN, NOUN, OTHER_WORD, SUPERLATIVE})


@functools.cache
def closed_words() -> frozenset[str]:
    """The words the rules name, each its own class."""
    return DETERMINERS | FORMS_OF_BE | BEFORE_GERUNDS | OBJECT_STARTS | FUNCTION_WORDS | AFTER_IT_IS | (
        INTENSIFIERS | SUBJECTS | PERSONAL_PRONOUNS | {"own"})  # its own


def is_superlative(word: str) -> bool:
    """best, biggest, latest: a form in -st the lexicon reads as another adjective's."""
    return word.endswith("st") and word not in lexicon_lemmas(word).get("ADJ", (word,))


@functools.lru_cache(maxsize=1 << 16)
def neighbour_class(token: str | None) -> str:
    """What the rules see of a neighbour: NO_WORD, a word they name (lower case), or the
    classes of any other word (see WORD_CLASSES). Sentence breaks fall only where it is NO_WORD,
    so counting by chunks (wordcounts.py) sees the classes the sentence-by-sentence path sees."""
    if token is None or token in WORD_CLASSES:
        return token or NO_WORD
    if not any(char.isalnum() for char in token) or token[-1] in ".?!":
        return NO_WORD
    lower = token.lower()
    if lower in closed_words():
        return lower
    if lower in ORDINALS or is_superlative(lower):
        return SUPERLATIVE
    readings = {"NOUN"} if any(char.isdigit() for char in lower) else set(lexicon_lemmas(lower))
    noun = bool(readings & {"NOUN", "PROPN"})
    if readings & OPEN_CLASSES == {"ADJ"}:
        return ADJECTIVE_OR_NOUN if noun else ADJECTIVE
    return NOUN if noun else OTHER_WORD


@functools.cache
def context_kind(word: str) -> str | None:
    """Which rule of english_lemma_in_context can change this English word's lemma: "her",
    "its", "ing" (meeting), "s" (a verb in -s simplemma reads as a noun: means), "noun" (a
    word whose lemma out of context is a verb's, which has a noun reading too: thought, lives),
    "ed" (a participle mostly used as an adjective: interested) or "adverb" (a comparative
    whose adverb's lemma is not its adjective's: better); None for the rest."""
    lower = word.lower()
    if lower in ("her", "its"):
        return lower
    if len(lower) < 4 or not lower.isalpha() or lower in NOT_GERUNDS:
        return None
    if lower.endswith("ing"):
        return "ing" if any(verb != lower for verb in lexicon_lemmas(lower).get("VERB", ())) else None
    if lower in ENGLISH_ADJECTIVES and lower.endswith("ed") and lexicon_lemmas(lower).get("VERB"):
        return "ed"
    if not word.islower():
        return None
    alone = lemmatize_english(lower)
    if alone == lower and not lower.endswith("s"):
        return None  # most words: a lemma of their own, no verb form to read otherwise
    readings = lexicon_lemmas(lower)
    if alone == lower:
        return "s" if any(verb != lower for verb in readings.get("VERB", ())) else None
    if "NOUN" in readings and alone in readings.get("VERB", ()) and alone not in (
            *readings["NOUN"], *readings.get("ADJ", ())):
        return "noun"
    if alone in readings.get("ADJ", ()) and readings.get("ADV", (alone,))[0] != alone:
        return "adverb"
    return None


def english_lemmas_of(word: str) -> frozenset[str]:
    """Every lemma an English word may take in some context (meeting: meet, meeting), so that a
    search for the word alone finds it in each of its readings."""
    alone = lemmatize_english(word)
    kind = context_kind(word)
    lower = word.lower()
    readings = lexicon_lemmas(lower)
    if kind in ("her", "its"):
        return frozenset({"she", "her"} if kind == "her" else {"it", "its"})
    if kind == "ing":  # (a capitalised one at a sentence's start: its lower-case lemma)
        return frozenset({alone, lower, readings["VERB"][0], lemmatize_english(lower)})
    if kind == "s":
        return frozenset({alone, readings["VERB"][0]})
    if kind == "noun":
        return frozenset({alone, readings["NOUN"][0]})
    if kind == "ed":
        return frozenset({alone, readings["VERB"][0]})
    if kind == "adverb":
        return frozenset({alone, readings["ADV"][0]})
    return frozenset({alone})


@functools.lru_cache(maxsize=1 << 18)
def depends_on_context(word: str) -> bool:
    """Can the neighbours change this English word's lemma (see english_lemma_in_context)?"""
    return context_kind(word) is not None


def english_lemma_in_context(word: str, before: str | None, after: str | None) -> str | None:
    """The lemma of `word` between the tokens `before` and `after` (None: none), or None when
    its lemma out of context holds there."""
    if not depends_on_context(word):
        return None
    return lemma_in_context(word, neighbour_class(before), neighbour_class(after))


@functools.lru_cache(maxsize=1 << 16)
def lemma_in_context(word: str, before: str, after: str) -> str | None:
    lower = word.lower()
    if lower == "her":
        return "she" if after == NO_WORD or after in FUNCTION_WORDS else "her"
    if lower == "its":
        if after in AFTER_IT_IS or after in (ADJECTIVE, OTHER_WORD):
            return "it"  # its a shame, its illegal: no noun (nor own) follows a possessive
        return "its"
    kind = context_kind(word)
    if kind == "adverb":  # do better: do takes an adverb, not a predicate adjective
        return lexicon_lemmas(lower)["ADV"][0] if before in FORMS_OF_DO else None
    if kind == "ed":  # they qualified, has been blessed, it scared the children: the verb
        verb = before in PERSONAL_PRONOUNS or before == "been" or (
            after in OBJECT_STARTS and after not in CLAUSE_STARTS)  # but embarrassed that
        return lexicon_lemmas(lower)["VERB"][0] if verb else None
    if kind == "noun":  # the thought, their lives (but this does, these left: pronouns)
        noun = before in DETERMINERS - DEMONSTRATIVES or (after == NO_WORD and (
            before in NOMINAL_PREPOSITIONS or before in (ADJECTIVE, ADJECTIVE_OR_NOUN)))
        return lexicon_lemmas(lower)["NOUN"][0] if noun else None  # freedom of thought, human lives.
    alone = lemmatize_english(word)
    verb = alone if alone != lower else lexicon_lemmas(lower)["VERB"][0]
    if kind == "s":  # it means, this remains; the struggle remains strong (but warm regards.,
        # peace thanks to: after a noun, only before a content word)
        subject = before in (NOUN, OTHER_WORD) and after != NO_WORD and after not in FUNCTION_WORDS
        return verb if before in SUBJECTS or subject else None
    if before in FORMS_OF_BE:
        # is amazing stays an adjective, was meeting is a verb; so is was acting: a form the
        # lexicon reads as a noun too (acting, living) is an adjective before nouns only
        readings = lexicon_lemmas(lower)
        return None if alone == lower and "ADJ" in readings and "NOUN" not in readings else verb
    noun_follows = after != NO_WORD and after not in FUNCTION_WORDS
    if before in INDEFINITE_DETERMINERS or (before in DETERMINERS and not noun_follows):
        return lower  # a meeting, this painting; the meeting of, my understanding that
    if (before in NOMINAL_PREPOSITIONS and after == NO_WORD) or (after == "of" and before in COORDINATORS):
        return lower  # for sharing, a style of painting; distribution or copying of (but a group
        # consisting of, you thinking of)
    if after in OBJECT_STARTS or before in BEFORE_GERUNDS:
        return verb
    if before in INTENSIFIERS or before in (ADJECTIVE, ADJECTIVE_OR_NOUN, SUPERLATIVE, "own"):
        return lower  # very loving, public housing, the best tutoring service, their own making
    if before == NO_WORD and word[:1].isupper() and word[1:].islower():
        return lemmatize_english(lower)  # a sentence's first word: Cloaking himself in...
    return None
