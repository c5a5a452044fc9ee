"""Contributors come out alike from every format (issue 17): agencies and outlets are
organisations, names in capitals get a display name, a person is credited once, ``Name /
Outlet`` and lists of names are split. General rules, checked on names written here."""

from __future__ import annotations

import pytest

import articlekit
from articlekit import Contributor
from articlekit.contributors import contributor_kind, tidy_contributors


@pytest.mark.parametrize(
    "name",
    ["NTB", "NTB-AFP-DPA", "AP/Reuters", "DopingWatch", "gr/bp", "Xinhua", "The Daily Star", "Faktisk.no", "tt"],
)
def test_agencies_outlets_and_desk_initials_are_organisations(name: str) -> None:
    assert contributor_kind(name) == "organisation"


@pytest.mark.parametrize(
    "name", ["Jane Doe", "Jean-Pierre Dupont", "Ellis", "BERNARD CONDON", "Anna de Vries", "A", "McDonald", "DeSantis"]
)
def test_names_of_people_stay_people(name: str) -> None:
    assert contributor_kind(name) == "person"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("BERNARD CONDON", "Bernard Condon"),
        ("ANNA DE VRIES", "Anna de Vries"),
        ("JEAN-PIERRE O'NEIL", "Jean-Pierre O'Neil"),
        ("Jane Doe", "Jane Doe"),
        ("McDonald", "McDonald"),
    ],
)
def test_a_name_in_capitals_gets_a_display_name_and_keeps_the_original(name: str, shown: str) -> None:
    person = Contributor(name)
    assert (person.name, person.display_name) == (name, shown)


def test_an_organisation_in_capitals_keeps_its_capitals_for_display() -> None:
    assert Contributor("NTB", "organisation").display_name == "NTB"
    assert Contributor("ASSOCIATED PRESS", "organisation").display_name == "ASSOCIATED PRESS"


def test_a_person_credited_twice_for_writing_is_kept_once_with_both_credits() -> None:
    tidied = tidy_contributors(
        [
            Contributor("Tom Krasovic", affiliation="The San Diego Union-Tribune"),
            Contributor("Tom Krasovic", role="reporting", title="Staff writer"),
            Contributor("John Bagratuni", role="editing"),
            Contributor("john  bagratuni", role="photographer"),
        ]
    )
    assert tidied == (
        Contributor("Tom Krasovic", title="Staff writer", affiliation="The San Diego Union-Tribune"),
        Contributor("John Bagratuni", role="editing"),
        Contributor("john bagratuni", role="photographer"),
    )


def test_name_slash_outlet_is_a_person_and_an_affiliation() -> None:
    assert tidy_contributors([Contributor("Geir Molnes / Faktisk.no")]) == (
        Contributor("Geir Molnes", affiliation="Faktisk.no"),
    )


def test_a_list_of_names_in_one_credit_is_one_contributor_each() -> None:
    assert tidy_contributors([Contributor("Jane Doe, John Roe and Ann Poe", role="writing")]) == (
        Contributor("Jane Doe", role="writing"),
        Contributor("John Roe", role="writing"),
        Contributor("Ann Poe", role="writing"),
    )
    # a name and its outlet is one person
    assert tidy_contributors([Contributor("Jane Doe, The Daily Star")]) == (
        Contributor("Jane Doe", affiliation="The Daily Star"),
    )
    # surname first is one person, not two
    assert tidy_contributors([Contributor("Doe, Jane")]) == (Contributor("Doe, Jane"),)


def test_every_parser_gives_tidy_authors() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <title>T</title><item><title>H</title><dc:creator>Jane Doe and John Roe</dc:creator>
      <description>Text.</description></item></channel></rss>"""
    article = articlekit.parse(feed, "feed", enrich=False)
    assert [(a.name, a.kind) for a in article.authors] == [("Jane Doe", "person"), ("John Roe", "person")]
    nitf = b"""<nitf><body><body.head><byline>By <person>BERNARD CONDON</person></byline>
      <byline>NTB-AFP-DPA</byline></body.head><body.content><p>Text.</p></body.content></body></nitf>"""
    article = articlekit.parse(nitf, "nitf", enrich=False)
    assert [(a.name, a.kind, a.display_name) for a in article.authors] == [
        ("BERNARD CONDON", "person", "Bernard Condon"),
        ("NTB-AFP-DPA", "organisation", "NTB-AFP-DPA"),
    ]
