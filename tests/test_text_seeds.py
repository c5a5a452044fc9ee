"""The plain-text seeds and their golden files: the specification of the ``text`` parser."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

import articlekit
from articlekit.model import Heading, Media, MediaRef, Paragraph, Related
from tests.update_goldens import ROOT, golden_output, text_seeds

SEEDS = text_seeds()
SCHEMA_FILE = ROOT / "src" / "articlekit" / "schema" / "articlekit-1.schema.json"


def test_there_are_enough_seeds() -> None:
    assert len(SEEDS) >= 13  # the original seed and at least 12 written for the project
    for seed in SEEDS:
        assert seed.with_suffix(".json").exists(), f"{seed.name} has no golden file: run python tests/update_goldens.py"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_matches_its_golden_file(seed: Path) -> None:
    golden = seed.with_suffix(".json").read_text(encoding="utf-8")
    got = golden_output(seed)
    assert json.loads(got) == json.loads(golden), f"{seed.name} no longer parses to its golden file"
    assert got == golden


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_golden_file_is_valid_articlekit_json(seed: Path) -> None:
    data = json.loads(seed.with_suffix(".json").read_text(encoding="utf-8"))
    if SCHEMA_FILE.exists():
        schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["origin"]["file"] == f"seeds/{seed.name}"
    assert data["origin"]["format"] == "text"
    assert data["quotes"] == []  # goldens are written without enrichers
    # and it reads back through the json parser unchanged
    article = articlekit.parse(json.dumps(data), "json")
    assert article.origin.file == f"seeds/{seed.name}"


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_is_detected_as_text(seed: Path) -> None:
    article = articlekit.parse(seed, enrich=False)
    assert article.origin.format == "text"


def test_the_original_seed() -> None:
    article = articlekit.parse(ROOT / "seeds" / "000_fceb5e4b891116b7.txt", enrich=False)
    assert article.headline == "Putin: US-proposed list of points on Ukraine could form basis for future agreements"
    assert article.published == datetime(2025, 11, 28, 12, 44)
    assert article.updated == datetime(2025, 11, 28, 13, 0)
    assert article.published.tzinfo is None and article.updated is not None and article.updated.tzinfo is None
    assert article.provider == "Xinhua" or any(a.name == "Xinhua" for a in article.authors)
    assert [p.name for p in article.datelines] == ["MOSCOW", "KYIV"]
    assert article.media == (
        Media(
            kind="image",
            caption="In this handout photograph taken and released by the Ukrainian Emergency Service on June 5, "
            "2025 a rescuer extinguishes a fire following a drone strike in Pryluky, Chernihiv region.",
            credit="UKRAINIAN EMERGENCY SERVICE VIA AFP",
        ),
    )
    assert Heading("Deal on drone production") in article.body
    related = [b for b in article.body if isinstance(b, Related)]
    assert related == [Related("Kremlin says too early to conclude Ukraine conflict nearing end", label="ALSO READ")]
    assert MediaRef(0) in article.body
    paragraphs = [b.text for b in article.body if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("The US-proposed list of points")
    for text in paragraphs:
        for unwanted in (
            "ALSO READ",
            "Published:",
            "Updated:",
            "By Xinhua",
            "In this handout",
            "PHOTO /",
            "MOSCOW/KYIV",
        ):
            assert unwanted not in text


def test_seed_paragraphs_are_slices_of_the_input() -> None:
    """Paragraphs on one line of the input are verbatim slices of it (offsets index the original)."""
    from articlekit.encoding import decode
    from articlekit.formats.text.parser import locate_blocks

    for name in (
        "000_fceb5e4b891116b7.txt",
        "007_multi_paragraph_quote.txt",
        "008_cp1252_legacy.txt",
        "012_bare_text.txt",
    ):
        seed = ROOT / "seeds" / name
        text, _charset = decode(seed.read_bytes())
        article = articlekit.parse(seed, enrich=False)
        spans = locate_blocks(text, article)
        for block, span in zip(article.body, spans, strict=True):
            if isinstance(block, Paragraph):
                assert span is not None, f"{name}: {block.text[:40]!r} is not a slice of the input"
                assert text[span[0] : span[1]] == block.text


def test_cli_quick_start_converts_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.cli import main

    code = main(["convert", str(ROOT / "seeds" / "000_fceb5e4b891116b7.txt")])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert data["headline"].startswith("Putin: US-proposed list")
    assert data["origin"]["format"] == "text"
