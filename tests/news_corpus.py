"""Small news corpora written at test time (no third-party text): plain-text articles with
quotes, RSS feeds holding several articles each, and inputs that fail to parse."""

from __future__ import annotations

from pathlib import Path

TOWNS = ("Millbrook", "Ashford", "Lakeview", "Carrow", "Dunmore", "Fairhaven", "Greyton", "Holloway")
PEOPLE = (("Anna", "Kowalski"), ("Peter", "Osei"), ("Lena", "Marsh"), ("Tomas", "Reyes"), ("Ruth", "Adler"))
TITLES = ("Mayor", "Councillor", "Health minister", "Police chief")


def text_article(index: int) -> str:
    """A plain-text article with a dateline, a direct quote and reported speech."""
    town = TOWNS[index % len(TOWNS)]
    first, last = PEOPLE[index % len(PEOPLE)]
    title = TITLES[index % len(TITLES)]
    return (
        f"Council approves budget number {index} for {town}\n"
        "By Staff Reporter\n\n"
        f"{town.upper()}, Ohio — The council of {town} voted {index % 9 + 1}-2 on Tuesday to approve a new budget.\n\n"
        f'"This budget keeps our streets safe and our clinics open," {title} {first} {last} said'
        " at a press conference.\n\n"
        f"{last} said the plan would cut waiting times at clinics by {index % 40 + 5} percent.\n\n"
        "Opposition leader Maria Lopez told reporters the vote was rushed.\n"
    )


def feed(index: int, items: int = 3) -> str:
    """An RSS 2.0 feed of ``items`` articles."""
    entries = []
    for item in range(items):
        first, last = PEOPLE[(index + item) % len(PEOPLE)]
        entries.append(
            "<item>"
            f"<title>Storm closes roads in {TOWNS[item % len(TOWNS)]} ({index}.{item})</title>"
            f"<link>https://news.example.org/{index}/{item}</link>"
            f"<pubDate>Tue, 0{item + 1} Dec 2026 10:00:00 +0100</pubDate>"
            f"<description>&lt;p&gt;Roads were closed after the storm, police said.&lt;/p&gt;"
            f"&lt;p&gt;&#8220;We ask everyone to stay at home tonight,&#8221; {first} {last} said.&lt;/p&gt;"
            "</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Example News {index}</title><link>https://news.example.org/</link>"
        f"<description>Local news</description>{''.join(entries)}</channel></rss>"
    )


def write_corpus(folder: Path, texts: int = 12, feeds: int = 3, broken: bool = True) -> Path:
    """``texts`` text articles and ``feeds`` feeds in two sub-folders of ``folder`` and, with
    ``broken``, two inputs that fail (an empty file and cut-off JSON)."""
    (folder / "wire").mkdir(parents=True, exist_ok=True)
    (folder / "feeds").mkdir(parents=True, exist_ok=True)
    for index in range(texts):
        (folder / "wire" / f"story-{index:03d}.txt").write_text(text_article(index), encoding="utf-8")
    for index in range(feeds):
        (folder / "feeds" / f"feed-{index:02d}.xml").write_text(feed(index), encoding="utf-8")
    if broken:
        (folder / "wire" / "empty.txt").write_bytes(b"")
        (folder / "wire" / "cut.json").write_text('{"schema": "articlekit/1", "headline": ', encoding="utf-8")
    return folder
