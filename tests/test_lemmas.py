"""Lemmas of single words: Persian after UD PerDT, English after UD EWT (see iranru.lemmas)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from iranru import lemmas, resources
from iranru.lemmas import lemmatize_english, lemmatize_persian
from iranru.model import Document
from iranru.tokens import analyze_document

ZWNJ = "\u200c"  # zero-width non-joiner


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # verbs, participles and auxiliaries as past#present
        ("کرده", "کرد#کن"),  # a participle is a verb form, not a noun
        ("شده", "شد#شو"),
        (f"نکرده{ZWNJ}اند", "کرد#کن"),
        (f"رفته{ZWNJ}اند", "رفت#رو"),
        (f"کرده{ZWNJ}بود", "کرد#کن"),  # participle + auxiliary in one token
        (f"گفته{ZWNJ}شده{ZWNJ}است", "گفت#گو"),
        (f"می{ZWNJ}کند", "کرد#کن"),
        (f"نمی{ZWNJ}کردند", "کرد#کن"),
        ("بکشد", "کشید#کش"),  # کش is the present of کشید, not of کشت "killed"
        ("کشید", "کشید#کش"),
        ("بیاید", "آمد#آ"),  # ب before a stem in آ is written بیا
        ("خواهد", "خواست#خواه"),  # the future auxiliary
        ("گردید", "گردید#گرد"),  # formal "became", missing from hazm's list
        ("گردد", "گشت#گرد"),
        ("نوشت", "نوشت#نویس"),  # "wrote", not ن + a verb وشت
        (f"برمی{ZWNJ}گشت", "بر#گشت"),  # a preverb verb: PerDT writes preverb#past
        ("درآوردم", "در#آورد"),
        ("بازگشته", "باز#گشت"),  # hazm lists it whole, as بازگشت#بازگرد
        ("برنده", "برنده"),  # "winner", no بر + نده
        ("درآمد", "درآمد"),  # "income"
        ("بود", "بود#باش"),  # PerDT: بود and باشد are one verb
        ("باشد", "بود#باش"),
        (f"می{ZWNJ}باشد", "بود#باش"),
        ("است", "#است"),  # the copula has no past stem
        ("نیست", "#هست"),
        ("هستند", "#هست"),
        ("باید", "بایست#باید"),
        ("نباید", "بایست#باید"),
        (f"می{ZWNJ}توان", "#توان"),  # impersonal "one can"
        # forms that are also nouns: the commoner reading wins
        ("کند", "کرد#کن"),  # "does", not "slow"
        ("داد", "داد#ده"),  # "gave", not "justice"
        ("داشت", "داشت#دار"),  # "had", not "harvest"
        ("نشست", "نشست"),  # "meeting" in the news, not "sat"
        ("روند", "روند"),  # "trend", not "they go"
        ("گذشته", "گذشته"),  # "past": a participle become an adjective
        ("رسم", "رسم"),  # "custom", not "I arrive"
        ("بلندی", "بلند"),  # بلند + ی, not ب + a verb لند
        ("فرهنگی", "فرهنگی"),  # a noun form, not فرهیخت#فرهنگ
        # plural, ezafe and indefinite endings, without eating the stem
        (f"کتاب{ZWNJ}ها", "کتاب"),
        (f"کتاب{ZWNJ}هایی", "کتاب"),
        ("کتابهای", "کتاب"),
        ("دریای", "دریا"),  # ezafe after a vowel: hazm cut it to دری
        ("امضای", "امضا"),
        ("آمریکای", "آمریکا"),
        ("جای", "جا"),
        ("کسی", "کس"),
        ("کسانی", "کس"),
        ("وقتی", "وقت"),
        (f"خانه{ZWNJ}ای", "خانه"),
        ("خانهٔ", "خانه"),  # ezafe written with hamza above a silent ه
        ("زنان", "زن"),
        ("نویسندگان", "نویسنده"),  # گان from a word in silent ه
        ("تجربیات", "تجربه"),
        ("حرکات", "حرکت"),  # ات after an Arabic ت
        ("کلمات", "کلمه"),
        ("پدرم", "پدر"),  # a possessive pronoun
        (f"خانه{ZWNJ}اش", "خانه"),
        # words that only look inflected
        ("باران", "باران"),  # "rain", no plural of بار
        ("ایران", "ایران"),
        ("برای", "برای"),  # the preposition, no ezafe form of برا
        ("چای", "چای"),  # "tea"
        ("شوروی", "شوروی"),  # "Soviet": an adjective in وی, no ezafe form of شورو
        ("قوی", "قوی"),  # "strong", commoner than قو "swan"
        ("پهلوی", "پهلوی"),
        ("صفوی", "صفوی"),  # "Safavid"
        ("شورشیان", "شورشی"),  # "rebels": the plural of شورشی, not of شورش "revolt"
        ("سری", "سری"),  # "series" (یک سری), not "a head"
        ("جاری", "جاری"),  # "current", no indefinite of جار
        ("دختر", "دختر"),  # no comparative of دخ
        ("دفتر", "دفتر"),
        ("مردم", "مردم"),  # a lexicalised plural PerDT keeps
        ("شرایط", "شرایط"),
        ("اینها", "اینها"),  # the pronoun stays
        # relational adjectives keep their ی
        ("احتمالی", "احتمالی"),
        ("سیاسی", "سیاسی"),
        # Arabic broken plurals
        ("افراد", "فرد"),
        ("حقوق", "حق"),
        ("افرادی", "فرد"),
        ("اعضای", "عضو"),  # ezafe, then the broken plural
        # comparatives and superlatives
        ("بیشتر", "بیش"),
        ("بهتر", "به"),
        (f"مهم{ZWNJ}ترین", "مهم"),
        ("مرا", "من"),  # من + را written as one word
        ("دیگران", "دیگری"),  # the plural of the pronoun دیگری
    ],
)
def test_persian_lemmas(word: str, lemma: str) -> None:
    assert lemmatize_persian(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("countries", "country"),
        ("was", "be"),
        ("me", "i"),  # UD: object pronouns to the subject form
        ("Me", "i"),
        ("them", "they"),
        ("us", "we"),
        ("US", "us"),  # the country, in capitals, is no pronoun
        ("its", "it"),
        ("u", "you"),  # informal spellings get the standard lemma
        ("b/c", "because"),
        ("PM", "p.m."),
        ("Sept.", "september"),
        ("Meshed", "meshed"),  # a capitalised rare word is a name: not "mesh"
        ("Aras", "aras"),  # the river, not the plural of "ara"
        ("ISS", "iss"),  # not "island"
        ("Posted", "post"),  # a common word at the start of a sentence is lemmatised
        ("Books", "book"),
        ("Palestinians", "palestinian"),  # simplemma knows the name's plural
        ("Groups", "group"),  # a capitalised common word: its lower-case lemma
        ("thought", "think"),  # an irregular past simplemma leaves whole
        ("gone", "go"),  # simplemma: "gan"
        ("interesting", "interesting"),  # a participle used as an adjective stays whole
        ("interested", "interested"),
        ("following", "follow"),
        ("United", "united"),
        ("4th", "4th"),  # digits are not spelled out ("fourth")
        ("1990s", "1990s"),
        ("e-mail", "e-mail"),  # no respelling ("email")
        ("km", "km"),  # not "kilometer"
        ("media", "media"),
    ],
)
def test_english_lemmas(word: str, lemma: str) -> None:
    assert lemmatize_english(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # simplemma restores an e or keeps a doubled consonant no word has: the lexicon's lemma
        ("fixing", "fix"),  # simplemma: fixe
        ("growing", "grow"),  # growe
        ("deposited", "deposit"),  # deposite
        ("cancelled", "cancel"),  # cancell
        ("masses", "mass"),  # masse
        ("making", "make"),  # a restored e that is right stays
        ("sooooo", "so"),  # a shouted spelling is the word
        ("Sooooo", "so"),
        ("VERYYY", "very"),
        ("prettty", "pretty"),
        ("III", "iii"),  # three letters alike: a numeral, no shouting
        ("Aug", "august"),  # a month cut short without its full stop
        ("Fri", "friday"),
        ("Jan", "jan"),  # also a given name
        ("HAS", "have"),  # an auxiliary in capitals is no name
        ("hidden", "hidden"),  # a participle mostly used as an adjective
        # comparatives and superlatives simplemma leaves whole: the adjective (UD)
        ("closer", "close"),
        ("bigger", "big"),
        ("cleaner", "clean"),  # also a noun, but the adverb's comparative too
        ("number", "number"),  # no comparative of "numb": a noun first
        ("flatter", "flatter"),  # a verb, and no adverb's comparative
        ("further", "further"),  # an adjective of its own
        ("latter", "latter"),
        # a plural in -s no dictionary knows
        ("morcillas", "morcilla"),
        ("restraunts", "restraunt"),  # a typo's plural is still a plural
        ("seakness", "seakness"),  # -ss: no plural
        ("arabes", "arabes"),  # -es: as often a foreign word's ending
        ("mbps", "mbps"),  # no vowel: a unit, no plural
        # a capitalised plural simplemma knows, of a noun too rare for the common words' list
        ("Newsgroups", "newsgroup"),
        ("Cockatiels", "cockatiel"),
        ("Wales", "wales"),  # a name simplemma keeps: not "wale"
        ("States", "states"),  # ...as the United States
        ("Duns", "duns"),  # a singular of three letters: as often a name
        ("Kindest", "kind"),  # a capitalised superlative is no name
        ("Baker", "baker"),  # a name in -er that is no comparative
        # simplemma takes the rarer of two verbs the lexicon lists for the form
        ("weed", "weed"),  # weed before wee
        # a word the lexicon has only as its own lemma keeps it (simplemma: surrounding,
        # nighty, and American spellings: defence → defense)
        ("surroundings", "surroundings"),
        ("nightie", "nightie"),
        ("defence", "defence"),
        ("those", "that"),  # a determiner, which the lexicon lists as a noun
        ("Weed", "weed"),  # a capitalised common word: its lower-case lemma (simplemma: wee)
        ("Neighborhood", "neighborhood"),  # (simplemma: neighbourhood)
        ("Iraqis", "iraqi"),  # a name's plural simplemma knows
        ("developed", "develop"),  # develop before develope
    ],
)
def test_english_lemmas_the_lexicon_mends(word: str, lemma: str) -> None:
    assert lemmatize_english(word) == lemma


def english_lemmas_in(text: str) -> list[tuple[str, str]]:
    """(surface, lemma) of the words of an English text, as the token table has them."""
    document = Document("t.txt", "t.txt", text, "utf-8")
    return [(token.surface, token.lemma) for token in analyze_document(document).words]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # her: she's object form (lemma she) or the possessive (her), by what follows
        ("I met her at the station.", [("her", "she")]),
        ("She gave her the keys to her car.", [("her", "she"), ("her", "her")]),
        ("We told her.", [("her", "she")]),  # no word after it
        # its: the possessive, or "it's" without its apostrophe before no noun
        ("Its a shame that the party lost its majority.", [("Its", "it"), ("its", "its")]),
        ("The city kept its own police; its impossible to park there.",
         [("its", "its"), ("its", "it")]),
        # a word in -ing: a noun after a determiner, a verb after a form of be, a preposition
        # or before its object
        ("The meeting was held in Tehran.", [("meeting", "meeting")]),
        ("They were meeting the minister.", [("meeting", "meet")]),
        ("A painting of the shah hangs there.", [("painting", "painting")]),
        ("She is painting the door.", [("painting", "paint")]),
        ("After writing the letter, he left.", [("writing", "write")]),  # simplemma: writing
        ("It was a wonderful meeting with reliable shipping.",  # after an adjective: a noun
         [("meeting", "meeting"), ("shipping", "shipping")]),
        ("The leading edge of the storm", [("leading", "lead")]),  # the + -ing + noun: a participle
        ("The story is amazing.", [("amazing", "amazing")]),  # an adjective after be stays
        # a verb in -s after a subject, which simplemma reads as a noun
        ("It means that nothing remains.", [("means", "mean")]),
        # a past form after a determiner is its noun
        ("The thought that I thought of", [("thought", "thought"), ("thought", "think")]),
        ("Their lives changed.", [("lives", "life")]),
        # a gerund after of, for or on with nothing after it is a noun (UD EWT); with an object
        # or a complement it stays a verb
        ("Join us for sharing, discussion and a trivia game.", [("sharing", "sharing")]),
        ("Thanks for sharing your notes.", [("sharing", "share")]),
        ("What influenced his style of painting?", [("painting", "painting")]),
        ("Trust is based on understanding.", [("understanding", "understanding")]),
        ("Before applying, read the rules.", [("applying", "apply")]),  # not of, for or on
        # before of, a word in -ing is a noun (the copying of), unless a preposition or be
        # precedes it (for thinking of, was thinking of)
        ("Any distribution or copying of this message is prohibited.", [("copying", "copying")]),
        ("Thanks for thinking of me.", [("thinking", "think")]),
        ("I was thinking of you.", [("thinking", "think")]),
        ("A group consisting of twelve men ruled.", [("consisting", "consist")]),  # a participle
        # after an ordinal or a superlative it is a noun
        ("From the first meeting with them, we knew.", [("meeting", "meeting")]),
        ("Miami's best tutoring service", [("tutoring", "tutoring")]),
        ("The biggest shipping firm", [("shipping", "shipping")]),
        # after be, a form the lexicon also reads as a noun is the verb (acting, living); an
        # adjective that is no noun stays (amazing)
        ("I wasn't acting suspiciously.", [("acting", "act")]),
        ("They are living in Shiraz.", [("living", "live")]),
        ("The food was amazing.", [("amazing", "amazing")]),
        ("dilemmas of their own making.", [("making", "making")]),  # after own: a noun
        ("I look forward to hearing from you.", [("hearing", "hear")]),  # after to: a verb
        # a noun that is also a verb's form: the noun after of or an adjective with nothing after
        ("They demand freedom of thought.", [("thought", "thought")]),
        ("The floods took a toll of human lives, homes and crops.", [("lives", "life")]),
        ("He lives in Tabriz.", [("lives", "live")]),
        # a verb in -s after a noun subject, with something after it
        ("The struggle remains among the hardest.", [("remains", "remain")]),
        ("The region is at peace thanks to the treaty.", [("thanks", "thanks")]),  # no verb
        ("Warm regards.", [("regards", "regards")]),  # nothing after it: the letter's closing
        # a participle English mostly uses as an adjective stays whole, but is its verb after
        # a personal pronoun, after been, or before an object
        ("I am very disappointed with them.", [("disappointed", "disappointed")]),
        ("We have never been disappointed!", [("disappointed", "disappoint")]),
        ("The units for which they qualified were sold.", [("qualified", "qualify")]),
        ("It was huge and scared the crap out of me.", [("scared", "scare")]),
        ("Should I be embarrassed that I forgot?", [("embarrassed", "embarrassed")]),
        # better and best: the adverb's lemma after do, the adjective's elsewhere
        ("A couple would probably do better.", [("better", "well")]),
        ("The second one is better than the first.", [("better", "good")]),
        ("They provide better service.", [("better", "good")]),
        # a capitalised word in -ing at a sentence's start is the verb's; inside a name it stays
        ("Cloaking himself in Arafat's legacy, Abbas spoke.", [("Cloaking", "cloak")]),
        ("Reverting to the mean, prices fell.", [("Reverting", "revert")]),
        ("They used a Mean Reverting Jump Model.", [("Reverting", "reverting")]),  # inside a name
        # word-level rules, seen through the token table
        ("Many species are now closer to extinction.", [("closer", "close")]),
        ("Where can I buy morcillas in Tampa?", [("morcillas", "morcilla")]),
        ("Cockatiels can lay eggs in New South Wales.", [("Cockatiels", "cockatiel"), ("Wales", "wales")]),
        ("Mahmoud Abbas met the Aras delegation.", [("Abbas", "abbas"), ("Aras", "aras")]),
    ],
)
def test_english_lemmas_in_context(text: str, expected: list[tuple[str, str]]) -> None:
    words = {surface.lower() for surface, _ in expected}
    found = [(surface, lemma) for surface, lemma in english_lemmas_in(text) if surface.lower() in words]
    assert found == expected


def test_english_context_stops_at_a_sentence_or_line_end() -> None:
    """A neighbour is a token of the same sentence: a line break or a full stop between them
    leaves the word its lemma out of context, as freq's word counts see it too."""
    assert english_lemmas_in("I was\nmeeting them.")[2] == ("meeting", "meet")  # before its object
    assert english_lemmas_in("the\nmeeting")[1] == ("meeting", "meet")  # out of context
    assert english_lemmas_in("the meeting")[1] == ("meeting", "meeting")
    assert english_lemmas_in("It was the U.S. meeting.")[4] == ("meeting", "meet")


CONTEXT_WORDS = [
    "her", "its", "Its", "meeting", "Meeting", "sharing", "acting", "Cloaking", "thinking",
    "following", "remains", "means", "thought", "lives", "left", "interested", "scared",
    "disappointed", "better", "best", "closer", "evening",
]
NEIGHBOURS = sorted(lemmas.closed_words() | lemmas.WORD_CLASSES | {lemmas.NO_WORD})


@pytest.mark.parametrize("word", CONTEXT_WORDS)
def test_a_search_for_an_english_word_finds_every_lemma_its_neighbours_give_it(word: str) -> None:
    """kwic matches a query word by every lemma it can take (english_lemmas_of): whatever its
    neighbours, the lemma in context is one of them."""
    allowed = lemmas.english_lemmas_of(word)
    given_lemmas = {lemmas.lemma_in_context(word, before, after) or lemmatize_english(word)
                    for before in NEIGHBOURS for after in NEIGHBOURS} if lemmas.depends_on_context(
        word) else {lemmatize_english(word)}
    assert given_lemmas <= allowed


def test_every_broken_plural_and_its_singular_is_a_word_hazm_lists() -> None:
    """The hand-written table holds no typo: hazm's word list knows both sides."""
    words = resources.hazm_word_counts()
    table = lemmas.broken_plurals()
    assert len(table) > 150
    assert [(plural, singular) for plural, singular in table.items()
            if plural not in words or singular not in words] == []


def test_hazm_tables_are_read_as_hazm_reads_them() -> None:
    """words.dat and verbs.dat are parsed once here (for ZWNJ repair and lemmas alike)."""
    from hazm.utils import verbs_list, words_list

    assert resources.hazm_word_counts().keys() == {word for word, _, _ in words_list()}
    assert resources.hazm_verbs() == tuple(verbs_list())


def test_common_verbs_and_fixed_lemmas_are_in_the_verb_table() -> None:
    """A typo in a hand-written verb would silently never match."""
    verbs = (*resources.hazm_verbs(), *lemmas.ADDED_VERBS)
    stems = {tuple(verb.split("#")) for verb in verbs}
    assert [verb for verb in lemmas.COMMON_VERBS if tuple(verb.split("#")) not in stems] == []
    fixed = {lemma for lemma in lemmas.FIXED_LEMMAS.values() if "#" in lemma and lemma[0] != "#"}
    assert [verb for verb in fixed if tuple(verb.split("#")) not in stems] == []


def test_a_lemma_is_stable_under_lemmatising_again_for_persian_nouns() -> None:
    """Removing endings goes all the way: a noun's lemma has no ending left to remove."""
    for word in ("کتاب", "دریا", "کس", "فرد", "خانه", "زن", "نویسنده", "بیش"):
        assert lemmatize_persian(word) == word


PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئءۀٔ"


@given(st.text(alphabet=PERSIAN_LETTERS + ZWNJ, min_size=1, max_size=12))
@example(ZWNJ)
@example(f"{ZWNJ}ها")
@example("ٔ")
def test_every_persian_string_gets_a_lemma(word: str) -> None:
    """Any run of Persian letters and ZWNJs, endings alone included, gets a non-empty lemma."""
    assert lemmatize_persian(word)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'-.0123456789éß",
               min_size=1, max_size=12))
@example("U.S.S.R.")
def test_every_english_string_gets_a_lemma(word: str) -> None:
    assert lemmatize_english(word)
