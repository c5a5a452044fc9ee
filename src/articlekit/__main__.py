"""``python -m articlekit``: the same as the ``articlekit`` command, for environments where the
console script is not on PATH (a virtual environment that is not activated, a plugin's tests)."""

from articlekit.cli import run

if __name__ == "__main__":
    run()
