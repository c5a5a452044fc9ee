"""The report as one self-contained HTML page: the summary's numbers in tables, and charts
drawn by Plotly, whose JavaScript is embedded whole, so the page needs no network.

Every piece of article text reaches the page escaped: in HTML through ``html.escape``, in the
embedded JSON with ``<``, ``>`` and ``&`` as ``\\u003c`` ... so no ``</script>`` can end its
script element, and in chart labels as entities, which Plotly shows as the characters.
"""

from __future__ import annotations

import functools
import html
import json
import os
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from articlekit.errors import ArticlekitError
from articlekit.report.summary import KINDS, NAMING

__all__ = ["CHARTS", "ReportUnavailableError", "plotly_js", "render_html"]

_KIND_COLOURS = {"direct": "#1f77b4", "indirect": "#ff7f0e", "mixed": "#2ca02c"}
_NAMING_COLOURS = {"named": "#1f77b4", "unnamed": "#9467bd", "unattributed": "#7f7f7f"}
_SOURCE_COLOURS = {"person": "#1f77b4", "organisation": "#d62728", "group": "#8c564b", "unnamed": "#9467bd"}


class ReportUnavailableError(ArticlekitError):
    """The charting library is missing: install the ``report`` extra."""


@functools.lru_cache(maxsize=1)
def plotly_js() -> tuple[str, str]:
    """Plotly's JavaScript bundle, from the installed ``plotly`` package, and its version
    (read once per process)."""
    try:
        import plotly
        from plotly.offline import get_plotlyjs
    except ImportError:
        raise ReportUnavailableError("the report needs the plotly package: pip install 'articlekit[report]'") from None
    # the bundle holds no "</script"; were a later one to, it must not end its element early
    bundle: str = get_plotlyjs()
    return bundle.replace("</script", "<\\/script"), str(plotly.__version__)


def _label(text: object) -> str:
    """Text for a Plotly label: its pseudo-HTML is shown as written, not interpreted."""
    return html.escape(str(text), quote=False)


def _json(value: Any) -> str:
    """JSON safe inside a script element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _href(where: Mapping[str, Any], words: str | None = None) -> str | None:
    """A link to the article: its web address (with a text fragment pointing at the quote's
    first words, which browsers that know text fragments scroll to), else its local file."""
    url = where.get("url")
    if isinstance(url, str) and urlsplit(url).scheme.lower() in ("http", "https"):
        if words:
            first = " ".join(words.split()[:6]).rstrip("…")
            return f"{url.split('#', 1)[0]}#:~:text={quote(first, safe='')}"
        return url
    name = where.get("file")
    if isinstance(name, str) and name not in ("", "-") and os.path.exists(name):
        return "file://" + quote(os.path.abspath(name))
    return None


def _link(where: Mapping[str, Any], words: str | None = None) -> str:
    paragraph = where.get("paragraph")
    text = html.escape(where.get("headline") or "(no headline)")
    if where.get("published"):
        text += f" <span class=muted>({html.escape(where['published'])})</span>"
    if paragraph:
        text += f" <span class=muted>¶{int(paragraph)}</span>"
    href = _href(where, words)
    return f'<a href="{html.escape(href)}">{text}</a>' if href else text


def _bar(labels: list[Any], values: list[int], *, horizontal: bool = False, colour: str = "#1f77b4") -> dict[str, Any]:
    if horizontal:  # the largest on top
        labels, values = labels[::-1], values[::-1]
    trace: dict[str, Any] = {
        "type": "bar",
        "marker": {"color": colour},
        "hovertemplate": "%{y}: %{x}<extra></extra>" if horizontal else "%{x}: %{y}<extra></extra>",
    }
    if horizontal:
        trace.update(x=values, y=[_label(v) for v in labels], orientation="h")
    else:
        trace.update(x=[_label(v) for v in labels], y=values)
    return trace


def _pie(counts: Mapping[str, int], colours: Mapping[str, str]) -> dict[str, Any]:
    return {
        "type": "pie",
        "hole": 0.45,
        "labels": list(counts),
        "values": list(counts.values()),
        "marker": {"colors": [colours.get(k, "#999") for k in counts]},
        "sort": False,
        "textinfo": "label+percent",
    }


def _height(bars: int) -> int:
    return max(260, min(720, 60 + 22 * bars))


Figure = dict[str, Any]
_LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0}
"""Below the chart, where it does not cover the tool bar."""


def _time_axis(s: Mapping[str, Any]) -> dict[str, Any]:
    # months and years are categories ("2019-07"): a date axis would draw them as thin days
    return {"type": "date"} if s["time_unit"] == "day" else {"type": "category"}


def _articles_by_date(s: Mapping[str, Any]) -> Figure | None:
    buckets = s["articles_over_time"]
    if not buckets:
        return None
    return {"data": [_bar(list(buckets), list(buckets.values()))], "layout": {"xaxis": _time_axis(s)}}


def _articles_by_provider(s: Mapping[str, Any]) -> Figure | None:
    outlets = dict(list(s["articles_by_provider"].items())[:20])
    if not outlets:
        return None
    trace = _bar(list(outlets), list(outlets.values()), horizontal=True)
    return {"data": [trace], "layout": {"height": _height(len(outlets))}}


def _languages(s: Mapping[str, Any]) -> Figure | None:
    langs = s["languages"]
    return {"data": [_bar(list(langs), list(langs.values()))], "layout": {}} if langs else None


def _quote_kinds(s: Mapping[str, Any]) -> Figure | None:
    return {"data": [_pie(s["quote_kinds"], _KIND_COLOURS)], "layout": {}} if s["quotes"] else None


def _quotes_per_article(s: Mapping[str, Any]) -> Figure | None:
    histogram = s["quotes_per_article"]
    if not s["articles"]:
        return None
    trace = _bar(list(histogram), list(histogram.values()))
    return {"data": [trace], "layout": {"xaxis": {"type": "category", "title": {"text": "quotes in the article"}}}}


def _quotes_by_date(s: Mapping[str, Any]) -> Figure | None:
    days = s["quotes_over_time"]
    if not days:
        return None
    data = [
        {
            "type": "bar",
            "name": kind,
            "x": list(days),
            "y": [c[kind] for c in days.values()],
            "marker": {"color": colour},
        }
        for kind, colour in _KIND_COLOURS.items()
    ]
    return {"data": data, "layout": {"barmode": "stack", "xaxis": _time_axis(s), "showlegend": True, "legend": _LEGEND}}


def _names(key: str) -> Callable[[Mapping[str, Any]], Figure | None]:
    def figure(s: Mapping[str, Any]) -> Figure | None:
        counts = s[key]
        if not counts:
            return None
        trace = _bar(list(counts), list(counts.values()), horizontal=True)
        return {"data": [trace], "layout": {"height": _height(len(counts))}}

    return figure


def _top_sources(s: Mapping[str, Any]) -> Figure | None:
    top = s["top_sources"]
    if not top:
        return None
    trace = _bar([t["name"] for t in top], [t["quotes"] for t in top], horizontal=True)
    trace["marker"] = {"color": [_SOURCE_COLOURS[t["kind"]] for t in top][::-1]}
    trace["customdata"] = [_label("; ".join(t["titles"]) or t["kind"]) for t in top][::-1]
    trace["hovertemplate"] = "%{y} (%{customdata}): %{x} quotes<extra></extra>"
    return {"data": [trace], "layout": {"height": _height(len(top))}}


def _quotes_by_naming(s: Mapping[str, Any]) -> Figure | None:
    return {"data": [_pie(s["quotes_by_naming"], _NAMING_COLOURS)], "layout": {}} if s["quotes"] else None


def _sources_by_kind(s: Mapping[str, Any]) -> Figure | None:
    return {"data": [_pie(s["sources_by_kind"], _SOURCE_COLOURS)], "layout": {}} if s["sources"] else None


def _outlets(s: Mapping[str, Any]) -> list[str]:
    """The outlets drawn one by one: the 20 with most articles, among those with quotes."""
    return [p for p, o in s["providers"].items() if o["quotes"]][:20]


def _several(s: Mapping[str, Any]) -> bool:
    return len(s["providers"]) > 1


def _who_quotes_whom(s: Mapping[str, Any]) -> Figure | None:
    who = s["who_quotes_whom"]
    if not _several(s) or not who["sources"]:
        return None
    trace = {
        "type": "heatmap",
        "x": [_label(n) for n in who["sources"]],
        "y": [_label(p) for p in who["providers"]],
        "z": who["quotes"],
        "colorscale": [[0, "#ffffff"], [0.001, "#deebf7"], [1, "#08519c"]],
        "hovertemplate": "%{y} quotes %{x}: %{z}<extra></extra>",
    }
    height = max(300, min(800, 160 + 28 * len(who["providers"])))
    # every name shown, not one in two as Plotly does when names crowd
    axes = {"xaxis": {"tickangle": -45, "nticks": 1000}, "yaxis": {"autorange": "reversed", "nticks": 1000}}
    return {"data": [trace], "layout": {"height": height, **axes}}


def _stacked(
    key: str, names: tuple[str, ...], colours: Mapping[str, str]
) -> Callable[[Mapping[str, Any]], Figure | None]:
    def figure(s: Mapping[str, Any]) -> Figure | None:
        if not _several(s):
            return None
        outlets = _outlets(s)
        if not outlets:
            return None
        data = [
            {
                "type": "bar",
                "orientation": "h",
                "name": name,
                "y": [_label(p) for p in outlets][::-1],
                "x": [s["providers"][p][key][name] for p in outlets][::-1],
                "marker": {"color": colours[name]},
            }
            for name in names
        ]
        layout = {
            "barmode": "stack",
            "barnorm": "percent",
            "showlegend": True,
            "legend": _LEGEND,
            "height": _height(len(outlets)) + 40,
        }
        return {"data": data, "layout": layout}

    return figure


CHARTS: tuple[tuple[str, str, str, Callable[[Mapping[str, Any]], Figure | None]], ...] = (
    ("corpus", "articles-by-date", "Articles over time, by publication date", _articles_by_date),
    ("corpus", "articles-by-provider", "Articles by provider or outlet", _articles_by_provider),
    ("corpus", "languages", "Languages", _languages),
    ("quotes", "quote-kinds", "Direct, indirect and mixed quotes", _quote_kinds),
    ("quotes", "quotes-per-article", "Quotes per article", _quotes_per_article),
    ("quotes", "quotes-by-date", "Quotes over time, by the article's publication date", _quotes_by_date),
    ("quotes", "channels", "Channels: through what it was said", _names("channels")),
    ("quotes", "venues", "Venues: where it was said", _names("venues")),
    ("sources", "top-sources", "Top sources by number of quotes", _top_sources),
    ("sources", "quotes-by-naming", "Quotes by named, unnamed and unattributed sources", _quotes_by_naming),
    ("sources", "sources-by-kind", "People, organisations, groups and unnamed sources", _sources_by_kind),
    ("providers", "who-quotes-whom", "Which outlet quotes whom: quotes of each top source", _who_quotes_whom),
    (
        "providers",
        "provider-kinds",
        "Quote kinds per outlet (share)",
        _stacked("kinds", KINDS, _KIND_COLOURS),
    ),
    (
        "providers",
        "provider-naming",
        "Named and unnamed sources per outlet (share of quotes)",
        _stacked("naming", NAMING, _NAMING_COLOURS),
    ),
)
"""``(section, id, title, figure)``: every chart the report can hold, in order; ``figure``
gives None when there is nothing to draw (no dated article, one outlet only)."""


def _numbers(chart: str, s: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The numbers a chart draws, as rows for its table."""
    simple = {
        "articles-by-date": "articles_over_time",
        "articles-by-provider": "articles_by_provider",
        "languages": "languages",
        "quote-kinds": "quote_kinds",
        "quotes-per-article": "quotes_per_article",
        "channels": "channels",
        "venues": "venues",
        "quotes-by-naming": "quotes_by_naming",
        "sources-by-kind": "sources_by_kind",
    }
    if chart in simple:
        return list(s[simple[chart]].items())
    if chart == "quotes-by-date":
        return [(day, sum(c.values())) for day, c in s["quotes_over_time"].items()]
    if chart == "top-sources":
        return [(t["name"], t["quotes"]) for t in s["top_sources"]]
    if chart == "who-quotes-whom":
        who = s["who_quotes_whom"]
        return [
            (f"{p} → {n}", row[i])
            for p, row in zip(who["providers"], who["quotes"], strict=True)
            for i, n in enumerate(who["sources"])
            if row[i]
        ]
    key = "kinds" if chart == "provider-kinds" else "naming"
    return [(f"{p}: {k}", v) for p in _outlets(s) for k, v in s["providers"][p][key].items()]


def _table(chart: str, rows: list[tuple[str, Any]]) -> str:
    body = "".join(f"<tr><td>{html.escape(str(k))}</td><td class=n>{int(v):,}</td></tr>" for k, v in rows)
    return (
        f'<details><summary>The numbers</summary><table class=numbers data-chart="{chart}">'
        f"<tr><th>what</th><th>count</th></tr>{body}</table></details>"
    )


def _sources_table(s: Mapping[str, Any]) -> str:
    rows = []
    for t in s["top_sources"]:
        titles = html.escape("; ".join(t["titles"])) or f"<span class=muted>{html.escape(t['kind'])}</span>"
        seen = "".join(f"<li>{_link(a)}</li>" for a in t["appearances"])
        example = t["example"]
        quoted = ""
        if example is not None:
            quoted = (
                f"<blockquote>{html.escape(example['text'])}</blockquote><div>{_link(example, example['text'])}</div>"
            )
        rows.append(
            f"<tr><td><b>{html.escape(t['name'])}</b><br><span class=muted>{titles}</span></td>"
            f"<td class=n>{t['quotes']:,}</td><td class=n>{t['articles']:,}</td>"
            f"<td><ul>{seen}</ul></td><td>{quoted}</td></tr>"
        )
    if not rows:
        return "<p class=muted>No named source is quoted.</p>"
    return (
        "<table class=sources><tr><th>source</th><th>quotes</th><th>articles</th>"
        "<th>appears in (first three)</th><th>example quote</th></tr>" + "".join(rows) + "</table>"
    )


_WIDE = {"who-quotes-whom": " wide"}
"""Charts that take the page's whole width."""

_SECTIONS = {
    "corpus": "The corpus",
    "quotes": "The quotes",
    "sources": "The sources",
    "providers": "Per provider",
}

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#f6f7f9}
header,main{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:24px}h1{margin:0 0 4px}h2{margin:32px 0 12px;border-bottom:2px solid #ddd}
.muted{color:#777}.tiles{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.tile{background:#fff;border-radius:8px;padding:12px 18px;box-shadow:0 1px 2px #0002;min-width:140px}
.tile b{display:block;font-size:28px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;min-width:0}
.card h3{margin:0 0 6px;font-size:16px}.wide{grid-column:1/-1}.chart{width:100%;min-height:260px}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}details{margin-top:6px;font-size:13px}
table.sources{background:#fff;font-size:14px}table.sources ul{margin:0;padding-left:18px}
blockquote{margin:0 0 4px;padding-left:8px;border-left:3px solid #ccc;font-style:italic}
footer{max-width:1180px;margin:32px auto;padding:0 20px;color:#777;font-size:13px}
"""

_DRAW = """
(function(){
  var figures = JSON.parse(document.getElementById("report-figures").textContent);
  var config = {displaylogo:false, responsive:true, modeBarButtonsToRemove:["select2d","lasso2d"]};
  var base = {margin:{l:10,r:10,t:10,b:40}, font:{size:12}, showlegend:false,
              paper_bgcolor:"#fff", plot_bgcolor:"#fff"};
  Object.keys(figures).forEach(function(id){
    var figure = figures[id];
    var layout = Object.assign({}, base, figure.layout);
    layout.xaxis = Object.assign({automargin:true}, figure.layout.xaxis || {});
    layout.yaxis = Object.assign({automargin:true}, figure.layout.yaxis || {});
    Plotly.newPlot(document.getElementById("chart-" + id), figure.data, layout, config)
      .then(function(div){ div.setAttribute("data-drawn", "true"); });
  });
})();
"""


def render_html(s: Mapping[str, Any], *, title: str = "articlekit report", javascript: str | None = None) -> str:
    """The report page for the summary ``s`` (from [`summary`][articlekit.report.summary.summary]).
    ``javascript`` is Plotly's bundle; by default the installed plotly package's."""
    version = "(given)"
    if javascript is None:
        javascript, version = plotly_js()
    figures: dict[str, Figure] = {}
    sections: dict[str, list[str]] = {name: [] for name in _SECTIONS}
    for section, chart, heading, build in CHARTS:
        figure = build(s)
        if figure is None:
            continue
        figures[chart] = figure
        sections[section].append(
            f'<div class="card{_WIDE.get(chart, "")}"><h3>{html.escape(heading)}</h3>'
            f'<div class=chart id="chart-{chart}"></div>'
            f"{_table(chart, _numbers(chart, s))}</div>"
        )
    tiles = [
        ("articles", "articles"),
        ("quotes", "quotes"),
        ("sources", "sources (one per source per article)"),
        ("named_sources", "distinct named sources"),
        ("dated_articles", "articles with a publication date"),
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may leave the page: a browser that knows this policy refuses any request
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; "
        'font-src data:">',
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{html.escape(title)}</h1><div class=tiles>",
        *(
            f'<div class=tile><b data-figure="{key}">{int(s[key]):,}</b><span class=muted>{label}</span></div>'
            for key, label in tiles
        ),
        "</div></header><main>",
    ]
    for section, heading in _SECTIONS.items():
        cards = sections[section]
        if section == "providers" and not cards:
            continue
        parts.append(f'<section id="{section}"><h2>{heading}</h2>')
        parts.append(f"<div class=grid>{''.join(cards)}</div>" if cards else "<p class=muted>Nothing to draw.</p>")
        if section == "sources":
            parts.append("<h3>The top sources, where they appear and what they said</h3>" + _sources_table(s))
        parts.append("</section>")
    parts.append(
        f"</main><footer>Made by articlekit report; charts by Plotly {html.escape(version)} (MIT), embedded, "
        "so this page needs no network. How each figure is counted: see the articlekit documentation, "
        "Report.</footer>"
    )
    parts.append(f'<script type="application/json" id="report-figures">{_json(figures)}</script>')
    parts.append(f'<script type="application/json" id="report-summary">{_json(dict(s))}</script>')
    parts.append(f"<script>{javascript}</script><script>{_DRAW}</script></body></html>")
    return "\n".join(parts)
