"""Remake the report screenshots in docs/img: the report of the seeds (``seeds/*.txt``) and of
the aeb-dev pages (``$ARTICLEKIT_SHARED/corpora/aeb-dev/html``), each drawn by headless
Chromium. Only the screenshots go into the repository, never the pages.

    python tests/update_report_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import Browser, find_chromium  # noqa: E402
from tests.conftest import shared_dir  # noqa: E402

OUT = ROOT / "docs" / "img"


def shoot(browser: Browser, report: Path, name: str) -> None:
    page = browser.open(report, width=1280, height=900)
    charts = page.evaluate("document.querySelectorAll('.chart').length")
    page.wait_until(f"document.querySelectorAll('.chart[data-drawn]').length == {charts}")
    errors, requests = page.errors(), page.requests()
    if errors or requests:
        raise SystemExit(f"{name}: errors {errors}, requests {requests}")
    # the tables of numbers stay folded: the picture shows the charts
    data = page.screenshot(scale=0.6)
    (OUT / f"{name}.png").write_bytes(data)
    print(f"{OUT / f'{name}.png'}: {len(data):,} bytes")


def main() -> int:
    executable = find_chromium()
    if executable is None:
        print("no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    inputs = {
        "report-seeds": [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))],
        "report-aeb-dev": [str(shared_dir() / "corpora" / "aeb-dev" / "html")],
    }
    browser = Browser(executable)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, args in inputs.items():
                report = Path(folder) / f"{name}.html"
                command = [sys.executable, "-m", "articlekit", "report", *args, "-o", str(report), "-q"]
                command += ["--title", f"articlekit report: {name.removeprefix('report-')}"]
                subprocess.run(command, check=False)
                if not report.exists():
                    print(f"{name}: no report was written", file=sys.stderr)
                    return 1
                shoot(browser, report, name)
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
