"""The ``language`` enricher and the ``languages`` option (``--lang``), on texts written for these
tests."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import articlekit
from articlekit.batch import InputSet, convert_batch
from articlekit.cli import main
from articlekit.enrich.language import detect_language, primary_language, wanted_languages
from articlekit.errors import SkippedError
from articlekit.model import Article
from articlekit.plugins import get_registry

pytest.importorskip("py3langid", reason="the language extra (py3langid) is not installed")

ENGLISH = (
    "Council approves the budget\n\n"
    "The city council voted on Tuesday night to approve the new budget after a long debate over "
    'spending on roads, schools and the harbour. "We made hard choices," the mayor said.\n'
)
FRENCH = (
    "Le conseil municipal approuve le budget\n\n"
    "Le conseil municipal a voté mardi soir le nouveau budget de la ville, après un long débat sur "
    "les dépenses consacrées aux routes, aux écoles et au port. « Nous avons fait des choix "
    "difficiles », a déclaré la maire.\n"
)
GERMAN = (
    "Stadtrat beschließt den Haushalt\n\n"
    "Der Stadtrat hat am Dienstagabend nach langer Debatte über Ausgaben für Straßen, Schulen und "
    'den Hafen den neuen Haushalt beschlossen. "Wir haben schwere Entscheidungen getroffen", sagte '
    "die Bürgermeisterin.\n"
)


def parse(text: str, **options: object) -> Article:
    return articlekit.parse(text.encode(), "text", name="story.txt", **options)


def test_a_language_is_detected_with_its_provenance_and_confidence() -> None:
    article = parse(FRENCH)
    assert article.language == "fr"
    assert article.extensions["provenance"] == {"language": "detected"}
    found = article.extensions["language"]
    assert found["detector"] == "py3langid"
    assert 0.5 <= found["confidence"] <= 1.0


def test_a_language_the_input_gives_is_kept() -> None:
    page = (
        b'<html lang="de"><head><title>Council approves the budget</title></head><body><p>'
        + ENGLISH.split("\n\n")[1].encode()
        + b"</p></body></html>"
    )
    article = articlekit.parse(page, "html")
    assert article.language == "de"
    assert "language" not in article.extensions
    assert article.extensions["provenance"]["language"] == "<html lang>"


def test_below_the_threshold_or_too_short_the_language_stays_unknown() -> None:
    assert parse(FRENCH, language_threshold=1.01).language is None
    assert parse(FRENCH, detect_language=False).language is None
    assert parse(FRENCH, enrich=False).language is None
    assert parse("Budget\n\nVoted, 9 to 2.\n").language is None  # under 20 letters
    assert detect_language("The city council voted on Tuesday night to approve the budget.") is not None


def test_the_quote_enricher_reads_detected_english_only() -> None:
    english = parse(ENGLISH)
    assert english.language == "en"
    assert [q.text for q in english.quotes] == ["We made hard choices"]
    german = parse(GERMAN)
    assert german.language == "de"
    assert german.quotes == ()


def test_the_enricher_runs_before_the_quotes() -> None:
    names = [spec.name for spec in get_registry().enricher_specs()]
    assert names.index("language") < names.index("quotes")


# --------------------------------------------------------------------------- --lang


def test_languages_keeps_only_articles_in_them() -> None:
    assert parse(ENGLISH, languages=["en"]).language == "en"
    assert parse(FRENCH, languages="de, fr-CA").language == "fr"
    with pytest.raises(SkippedError, match=r"story.txt: skipped: the article is in fr, not in de, en"):
        parse(FRENCH, languages=["en", "de"])
    with pytest.raises(SkippedError, match="an unknown language"):
        parse("Budget\n\nVoted, 9 to 2.\n", languages="en")
    with pytest.raises(ValueError, match="not a language tag"):
        parse(ENGLISH, languages="english!")


def test_an_input_with_articles_in_several_languages_keeps_those_asked_for() -> None:
    items = "".join(
        f"<item><title>{text.split(chr(10))[0]}</title><description>{text.split(chr(10) * 2)[1]}</description></item>"
        for text in (ENGLISH, FRENCH, GERMAN)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kept = list(articlekit.parse_all(feed.encode(), "feed", name="news.xml", languages="en"))
    assert [a.language for a in kept] == ["en"]
    assert any("skipped 2 of 3 articles, in de, fr, not in en" in str(w.message) for w in caught)


def test_the_batch_counts_other_languages_as_skipped(tmp_path: Path) -> None:
    for name, text in (("en.txt", ENGLISH), ("fr.txt", FRENCH), ("de.txt", GERMAN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    result = convert_batch(
        InputSet([str(tmp_path)]),
        "json",
        tmp_path / "out",
        folder=True,
        options={"languages": ["en", "de"]},
        on_skip=lambda name, line: skipped.append((name, line)),
    )
    assert (result.converted, result.skipped, len(result.failed)) == (2, 1, 0)
    assert skipped == [
        (str(tmp_path / "fr.txt"), f"{tmp_path / 'fr.txt'}: skipped: the article is in fr, not in de, en")
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["de.json", "en.json"]


def test_the_cli_reports_other_languages_as_skipped_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["convert", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--lang", "en", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 0
    assert "fr.txt: skipped: the article is in fr, not in en" in err
    assert "1 converted, 0 failed, 1 skipped" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["language"] for line in lines] == ["en"]
    assert main(["convert", str(tmp_path / "en.txt"), "--lang", "en,!!", "-o", str(tmp_path / "x.json")]) == 2
    assert "--lang: '!!' is not a language tag" in capsys.readouterr().err


def test_helpers() -> None:
    assert primary_language("zh_Hant_TW") == "zh"
    assert primary_language("nb-NO") == "no"
    assert primary_language("") is None
    assert wanted_languages("en, de-AT,") == frozenset({"en", "de"})
    assert wanted_languages([]) is None
    assert wanted_languages(None) is None


def test_the_fast_classifier_gives_py3langid_s_answers_to_the_last_bit() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from articlekit.enrich.language import _classifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    classify = _classifier(identifier)
    assert classify is not identifier.classify  # the model has the layout expected
    texts = [
        ENGLISH,
        FRENCH,
        ENGLISH.upper(),  # read lower-cased, as py3langid reads it
        "Der Stadtrat hat am Dienstag den Haushalt beschlossen.",
        "Городской совет утвердил бюджет во вторник.",
        "市議会は火曜日に予算を承認した。",
        "half an emoji \ud83d cut off",
        "12345 !!! ...",
        "",
        "a",  # shorter than the automaton's window
        "Ünïcödé ñame, then words " * 40,  # many bytes, some of two
    ]
    for text in texts:
        assert classify(text) == tuple(identifier.classify(text)), text


def test_a_window_too_short_for_the_model_is_caught_and_walked_byte_by_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from articlekit.enrich import language

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    monkeypatch.setattr(language, "_WINDOW", 2)  # states the window cannot decide: the check sees them
    classify = language._classifier(identifier)
    assert classify is not identifier.classify
    for text in (ENGLISH, FRENCH, "Городской совет утвердил бюджет во вторник.", "ab"):
        assert classify(text) == tuple(identifier.classify(text)), text


def test_a_model_of_another_layout_is_read_by_py3langid_itself() -> None:
    from articlekit.enrich.language import _classifier

    class Other:
        def classify(self, text: str) -> tuple[str, float]:
            return "xx", 1.0

    other = Other()
    assert _classifier(other)("any text") == ("xx", 1.0)


def test_a_long_text_is_walked_chunk_by_chunk_to_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from articlekit.enrich import language

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    classify = language._classifier(identifier)
    assert classify is not identifier.classify
    texts = (ENGLISH, FRENCH, "Городской совет утвердил бюджет во вторник.", "ab", "", "Ünïcödé \ud83d " * 9)
    for chunk in (1, 5, 7, 64):  # (65536 bytes: small ones make every text long)
        monkeypatch.setattr(language, "_CHUNK", chunk)
        for text in texts:
            assert classify(text) == tuple(identifier.classify(text)), (chunk, text)


def test_float16_rows_are_widened_to_numpy_s_own_float32_values() -> None:
    import numpy as np

    from articlekit.enrich.language import _negative_normal_halves

    # every negative normal half: the integer widening gives the bits of numpy's cast, each one
    every = np.arange(0x8400, 0xFC00, dtype=np.uint16).reshape(-1, 2)
    halves = _negative_normal_halves(np, every.view(np.float16))
    assert halves is not None
    widened = halves.astype(np.uint32)
    widened += 0x54000
    widened <<= 13
    assert np.array_equal(widened, every.view(np.float16).astype(np.float32).view(np.uint32))
    # anything else is left to numpy: a positive value, a zero, a subnormal, an infinity, not float16
    for odd in (0.5, -0.0, -1e-7, -np.inf):
        assert _negative_normal_halves(np, np.array([[-1.0, odd]], dtype=np.float16)) is None
    assert _negative_normal_halves(np, np.array([[-1.0, -2.0]], dtype=np.float32)) is None


def test_without_the_integer_widening_the_answers_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from articlekit.enrich import language

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    widened = language._classifier(identifier)
    monkeypatch.setattr(language, "_negative_normal_halves", lambda np, table: None)
    cast = language._classifier(identifier)
    for text in (ENGLISH, FRENCH, "Городской совет утвердил бюджет во вторник.", "ab", "Ünïcödé " * 30):
        assert widened(text) == cast(text) == tuple(identifier.classify(text)), text


def test_a_body_is_read_first_to_200_characters_then_to_600_where_those_leave_doubt() -> None:
    from articlekit.enrich.language import detect_sample

    body = " ".join([ENGLISH.split("\n\n")[1].strip()] * 4)  # over 600 characters of English
    assert len(body) > 600
    headline = "Council approves the budget"
    first = detect_language(f"{headline}\n{body[:200]}")
    assert first is not None and first.confidence >= 0.95
    assert detect_sample(body, headline) == first  # sure enough at 200: the answer
    # a threshold above what the 200 give: read to 600, as before
    assert detect_sample(body, headline, threshold=1.01) is None
    # 200 characters of names and figures leave doubt: the 600 decide
    doubtful = ("Tokyo 3-1 Osaka, Kobe 2-2 Nara, Kyoto 0-4 Sendai. " * 4)[:200] + body
    unsure = detect_language(doubtful[:200], 0.0)
    assert unsure is not None and unsure.confidence < 0.95
    assert detect_sample(doubtful) == detect_language(doubtful[:600])
    assert detect_sample(body[:150], headline) == detect_language(f"{headline}\n{body[:150]}")  # short: as before


def test_the_enricher_s_confidence_is_that_of_the_text_it_read() -> None:
    from articlekit.enrich.language import detect_sample

    article = parse(ENGLISH.replace("the mayor said.", "the mayor said. " + "The budget passed. " * 20))
    found = detect_sample(article.text, article.headline)
    assert found is not None
    assert article.extensions["language"]["confidence"] == round(found.confidence, 4)
