"""The word lists the quote, source and date enrichers share: speech verbs in every tense,
titles, organisation words, pronouns.

Everything here is general English news usage; nothing is keyed to a particular article.
"""

from __future__ import annotations

__all__ = [
    "ADVERBS",
    "CHANNEL_WORDS",
    "CHARACTERISING_VERBS",
    "CLAUSE_ADVERBS",
    "DETERMINERS",
    "GROUP_NOUNS",
    "HONORIFICS",
    "MONTHS",
    "NEEDS_THAT",
    "OBJECT_VERBS",
    "ORG_WORDS",
    "PRONOUNS",
    "SPEECH_VERBS",
    "TITLE_NOUNS",
    "WEEKDAYS",
    "speech_lemma",
]


def _regular(stem: str) -> tuple[str, ...]:
    """The four regular forms of a verb: ``note`` -> note, notes, noted, noting."""
    if stem.endswith("e"):
        return (stem, stem + "s", stem + "d", stem[:-1] + "ing")
    if stem.endswith("y") and stem[-2:-1] not in ("a", "e", "o", "u"):
        return (stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing")
    if stem.endswith(("sh", "ch", "ss", "x")):
        return (stem, stem + "es", stem + "ed", stem + "ing")
    return (stem, stem + "s", stem + "ed", stem + "ing")


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "add": ("add", "adds", "added", "adding"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "post": ("post", "posts", "posted", "posting"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "retweet": ("retweet", "retweets", "retweeted", "retweeting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "rebut": ("rebut", "rebuts", "rebutted", "rebutting"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    "emphasise": ("emphasise", "emphasises", "emphasised", "emphasising"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "sing": ("sing", "sings", "sang", "sung", "singing"),
    "plead": ("plead", "pleads", "pleaded", "pled", "pleading"),
    "read": ("read", "reads", "reading"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "refer": ("refer", "refers", "referred", "referring"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "rule": ("rule", "rules", "ruled"),  # not "ruling", mostly a noun ("called the ruling ...")
}

# Verbs of saying. Each maps to its lemma.
_SPEECH_LEMMAS: tuple[str, ...] = (
    "say", "tell", "add", "note", "write", "post", "tweet", "warn", "insist", "argue", "explain",
    "claim", "declare", "announce", "stress", "acknowledge", "admit", "assert", "confirm", "deny",
    "suggest", "state", "report", "reply", "respond", "answer", "ask", "comment", "continue",
    "contend", "maintain", "emphasize", "emphasise", "predict", "promise", "recall", "remark",
    "reveal", "testify", "urge", "vow", "pledge", "complain", "concede", "charge", "allege",
    "point out", "observe", "mention", "quip", "joke", "scoff", "boast", "retort", "rebut",
    "counter", "caution", "agree", "estimate", "assure", "affirm", "tell", "wonder", "recount",
    "lament", "speculate", "acknowledge", "disclose", "forecast", "reiterate", "elaborate",
    "proclaim", "exclaim", "cite", "retweet", "repeat", "yell", "shout", "chant", "scream", "whisper",
    "sing", "demand", "plead", "read", "conclude", "bemoan", "brag", "gripe", "muse", "mutter", "fume", "rule",
)  # fmt: skip


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in _SPEECH_LEMMAS:
        if " " in lemma:
            continue
        for form in _IRREGULAR.get(lemma) or _regular(lemma):
            forms[form] = lemma
    return forms


SPEECH_VERBS: dict[str, str] = _build()
"""Every form of every speech verb (``said``, ``tells``, ``warning``) -> its lemma."""


def speech_lemma(word: str) -> str | None:
    """The lemma of a speech verb form (``told`` -> ``tell``), or None."""
    return SPEECH_VERBS.get(word.lower())


_CHARACTERISING_LEMMAS: tuple[str, ...] = (
    "call", "describe", "label", "brand", "dub", "liken", "compare", "characterize", "characterise",
    "blast", "slam", "criticize", "criticise", "condemn", "dismiss", "praise", "hail", "laud",
    "denounce", "accuse", "decry", "mock", "ridicule", "deride", "term", "refer", "promise", "vow",
    "pledge", "urge", "exhort", "encourage", "defend", "attack", "reference", "rate", "point",
)  # fmt: skip


def _build_characterising() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in _CHARACTERISING_LEMMAS:
        for form in _IRREGULAR.get(lemma) or _regular(lemma):
            if form not in SPEECH_VERBS:
                forms[form] = lemma
    return forms


CHARACTERISING_VERBS: dict[str, str] = _build_characterising()
"""Verbs that report speech only with the speaker's own words in quote marks: ``called the
plan "a disaster"``, ``described her as "unhinged"``. Form -> lemma."""

NEEDS_THAT: frozenset[str] = frozenset(
    {"post", "tweet", "retweet", "write", "announce", "report", "ask", "answer", "respond", "reply",
     "continue", "comment", "remark", "recall", "reveal", "promise", "pledge", "vow", "urge",
     "testify", "charge", "cite", "repeat", "agree", "mention", "observe", "counter", "state",
     "declare", "estimate", "forecast", "speculate", "confirm", "deny", "wonder", "lament",
     "complain", "boast", "joke", "quip", "scoff", "elaborate", "disclose", "recount", "caution",
     "assure", "reiterate", "add", "acknowledge", "suggest", "warn", "yell", "shout", "chant", "scream",
     "whisper", "sing", "demand", "plead", "read", "conclude", "proclaim", "exclaim", "rebut", "retort", "affirm",
     "rule"}
)  # fmt: skip
"""Lemmas that report speech without a quote only when followed by ``that`` (``announced a
plan`` is not speech; ``announced that ...`` is)."""

OBJECT_VERBS: frozenset[str] = frozenset({"tell", "ask", "warn", "assure", "urge", "remind", "inform"})
"""Lemmas that take the listener as object before the content: ``told Reuters that ...``."""

PRONOUNS: dict[str, str] = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "organisation",
    "we": "group",
    "i": "person",
}
"""Subject pronouns that can name a speaker, with the kind of source they usually refer to."""

DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some", "many",
     "most", "other", "these", "those", "this", "that", "his", "her", "their", "its", "our", "my", "your", "both",
     "few", "all", "senior", "top", "numerous", "multiple", "various", "each", "every", "no"}
)  # fmt: skip
"""Words that can open a common noun phrase naming a speaker (``a senior official``)."""

ADVERBS: frozenset[str] = frozenset(
    {"also", "later", "previously", "then", "has", "have", "had", "will", "would", "once", "again",
     "further", "earlier", "just", "already", "often", "since", "first", "still", "now", "even",
     "soon", "recently", "long", "who", "last", "today", "yesterday", "initially",
     "ultimately", "finally", "simply", "flatly", "all", "both", "too", "in", "part"}
)  # fmt: skip
"""Words that may stand between a speaker and the verb (``Putin also said``); words ending
in ``-ly`` are accepted too."""

CLAUSE_ADVERBS: frozenset[str] = frozenset(
    {"meanwhile", "however", "still", "later", "but", "and", "so", "also", "then", "now", "yet",
     "indeed", "earlier", "separately", "instead", "moreover", "furthermore", "nonetheless",
     "nevertheless", "thus", "following", "speaking", "according", "today", "yesterday", "tonight",
     "there", "here", "when", "while",
     "after", "before", "because", "if", "although", "though", "since", "as", "or", "nor", "in",
     "on", "at", "for", "with", "by", "from", "to", "of", "into", "about", "that", "which", "what",
     "whether", "where", "why", "how", "once", "until", "unless", "during", "over",
     "under", "against", "without", "within", "among", "despite", "through", "like", "not",
     "asked", "writing", "is", "was", "were", "are", "be", "been", "being", "has",
     "have", "had", "do", "does", "did", "can", "could", "will", "would", "should", "may", "might",
     "must", "shall", "who", "whom", "whose", "this", "these", "those", "it", "its", "than",
     "even", "only", "just", "said", "says", "told", "added"}
)  # fmt: skip
"""Lower-cased words that cannot be part of a speaker's name: a name stops at them."""

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

HONORIFICS: frozenset[str] = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"})

TITLE_NOUNS: frozenset[str] = frozenset(
    {"president", "vice", "minister", "secretary", "nominee", "candidate", "manager", "spokesman",
     "spokeswoman", "spokesperson", "spokespeople", "senator", "sen.", "sen", "rep.", "rep",
     "representative", "congressman", "congresswoman", "governor", "gov.", "gov", "director",
     "chairman", "chairwoman", "chair", "leader", "ambassador", "general", "gen.", "adviser",
     "advisor", "aide", "official", "analyst", "professor", "prof.", "chief", "head", "mayor",
     "speaker", "strategist", "economist", "lawyer", "attorney", "judge", "justice",
     "commissioner", "founder", "co-founder", "executive", "ceo", "officer", "member",
     "coordinator", "pollster", "host", "anchor", "reporter", "editor", "correspondent", "counsel",
     "deputy", "envoy", "negotiator", "premier", "chancellor", "king", "queen", "prince",
     "princess", "pope", "sheriff", "superintendent", "mate", "surrogate", "activist",
     "consultant", "partner", "president-elect", "hopeful", "contender", "operative",
     "investigator", "prosecutor", "commander", "colonel", "col.", "lt.", "sgt.", "captain",
     "admiral", "lieutenant", "sergeant", "dr.", "mr.", "mrs.", "ms.", "rev.", "reverend",
     "bishop", "cardinal", "rabbi", "imam", "emir", "sheikh", "crown", "whip", "staffer",
     "researcher", "scientist", "expert", "fellow", "author", "columnist", "writer", "commentator",
     "press", "prime", "attorney-general", "mp", "lawmaker", "legislator", "delegate", "councillor",
     "councilman", "councilwoman", "alderman", "comptroller", "treasurer", "auditor", "clerk",
     "marshal", "inspector", "administrator", "ombudsman", "regulator", "owner", "employee",
     "worker", "organizer", "organiser", "coach", "player", "star", "actor", "actress",
     "singer", "rapper", "comedian", "businessman", "businesswoman", "billionaire", "tycoon",
     "magnate", "mogul", "entrepreneur", "investor", "banker", "trader", "lobbyist", "donor",
     "supporter", "voter", "resident", "witness", "victim", "survivor", "mother", "father", "moderator",
     "son", "daughter", "wife", "husband", "brother", "sister", "friend", "colleague"}
)  # fmt: skip
"""Words that make a title or role when they stand before a name (``Defense Minister``) or
head a role reference (``the minister``)."""

ORG_WORDS: frozenset[str] = frozenset(
    {"kremlin", "ministry", "house", "campaign", "committee", "department", "agency", "government",
     "office", "police", "company", "party", "pentagon", "administration", "council", "commission",
     "court", "army", "military", "embassy", "foundation", "institute", "university", "bank",
     "group", "union", "association", "organization", "organisation", "corporation", "corp.",
     "inc.", "ltd", "board", "bureau", "service", "force", "forces", "senate", "congress",
     "parliament", "cabinet", "team", "network", "newspaper", "post", "times", "journal", "news",
     "press", "reuters", "xinhua", "tass", "ria", "cnn", "fbi", "cia", "nato", "un", "eu", "who",
     "report", "study", "poll", "survey", "statement", "website", "site", "magazine", "channel",
     "station", "firm", "fund", "center", "centre", "authority", "authorities", "directorate",
     "secretariat", "presidency", "palace", "state", "staff", "spokesperson's", "fbi's", "dnc",
     "rnc", "gop", "hospital", "school", "college", "club", "federation", "alliance", "coalition",
     "movement", "project", "program", "programme", "daily", "tribune", "herald",
     "gazette", "politico", "breitbart", "nbc", "abc", "cbs", "fox", "msnbc", "bbc", "ap", "afp"}
)  # fmt: skip
"""Words that make a mention an organisation (``the Kremlin``, ``the ministry``,
``the Clinton campaign``)."""

GROUP_NOUNS: frozenset[str] = frozenset(
    {"officials", "sources", "analysts", "critics", "experts", "residents", "people", "witnesses",
     "observers", "diplomats", "lawmakers", "democrats", "republicans", "aides", "advisers",
     "advisors", "supporters", "opponents", "voters", "protesters", "protestors", "activists",
     "investigators", "prosecutors", "authorities", "police", "researchers", "scientists",
     "economists", "others", "many", "some", "several", "both", "organizers", "organisers",
     "leaders", "members", "staff", "employees", "workers", "doctors", "campaigners", "allies",
     "conservatives", "liberals", "progressives", "pollsters", "strategists", "insiders",
     "operatives", "spokespeople", "representatives", "senators", "governors", "ministers",
     "americans", "europeans", "russians", "ukrainians", "citizens", "commentators",
     "historians", "polls", "surveys", "reports", "documents", "emails", "records", "data",
     "studies", "they", "we"}
)  # fmt: skip
"""Plural heads that make a mention a group (``US officials``, ``sources``)."""

CHANNEL_WORDS: dict[str, str] = {
    "telegram": "Telegram",
    "twitter": "X",
    "x": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "truth social": "Truth Social",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "weibo": "Weibo",
    "wechat": "WeChat",
    "vkontakte": "VKontakte",
    "linkedin": "LinkedIn",
}
"""Social platforms named as channels, with their canonical name (Twitter is X)."""
