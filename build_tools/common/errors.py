"""One error type for bad input, so every tool reports it the same way: ``file:line: message``."""

from __future__ import annotations

from pathlib import Path


class EditionError(Exception):
    """Bad input that a person must fix; the message names the file and line to look at."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        # One line, whatever the input quoted in it holds (a name with a line break in it).
        self.message = message.replace("\r", "\\r").replace("\n", "\\n")
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"
