"""A one-line progress bar for the terminal: count, percentage, rate and time left, on stderr.

It draws only when its stream is a terminal, at most ten times a second, and clears its line
before anything else is printed (``note``), so error lines never mix with the bar.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "format_duration", "plural"]


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,204 files``: the count and the word, in the plural
    unless the count is one."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def format_duration(seconds: float) -> str:
    """``0:07``, ``12:31``, ``3:04:05``: hours only when needed."""
    whole = max(0, int(seconds + 0.5))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Progress over ``total`` inputs (None when unknown), drawn on ``stream`` when enabled.

    ``enabled=None`` means "when ``stream`` is a terminal". ``clock`` is injectable for tests.
    """

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        unit: str = "file",
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.unit = unit
        self.done = 0
        self.failed = 0
        self._clock = clock
        self._interval = interval
        self._started = clock()
        self._drawn_at: float | None = None
        self._shown = False

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return self._clock() - self._started

    def advance(self, *, failed: bool = False) -> None:
        """One more input done (``failed`` when it failed); redraws when due."""
        self.done += 1
        if failed:
            self.failed += 1
        if not self.enabled:
            return
        now = self._clock()
        last = self.total is not None and self.done >= self.total
        if self._drawn_at is None or now - self._drawn_at >= self._interval or last:
            self._drawn_at = now
            self._draw(now)

    def line(self, width: int | None = None) -> str:
        """The bar as text, fitted to ``width`` columns (the terminal's by default): it never
        reaches the last column (where a terminal would wrap), and what does not fit is left
        out whole (the bar, then the rate), never cut in the middle."""
        width = width or shutil.get_terminal_size((80, 24)).columns
        usable = max(0, width - 1)
        elapsed = self.elapsed
        rate = self.done / elapsed if elapsed > 0 else 0.0
        counted = self.total or self.done
        parts = []
        if self.total:
            fraction = min(1.0, self.done / self.total)
            parts.append(f"{self.done:,}/{plural(self.total, self.unit)}")
            parts.append(f"{fraction:4.0%}")
        else:
            parts.append(plural(counted, self.unit))
        rate_part = f"{rate:,.1f}/s"
        parts.append(rate_part)
        if self.total and rate > 0:
            parts.append(f"ETA {format_duration((self.total - self.done) / rate)}")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        text = "  ".join(parts)
        if len(text) > usable:
            text = "  ".join(p for p in parts if p is not rate_part)
        room = usable - len(text) - 4  # "[", "]" and two spaces
        if self.total and room >= 10:
            cells = min(room, 40)
            filled = int(cells * min(1.0, self.done / self.total))
            text = f"[{'#' * filled}{'.' * (cells - filled)}]  {text}"
        return text[:usable]

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Take the bar off the screen (before printing something else, or at the end)."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
            self._drawn_at = None

    def note(self, message: str) -> None:
        """Print ``message`` on its own line on the bar's stream, keeping the bar below it."""
        self.clear()
        print(message, file=self.stream, flush=True)
