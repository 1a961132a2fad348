"""Character-for-character replacement that is fast when few characters change.

`str.translate` with a dict looks up every character (about 4 MB/s); normalisation tables touch
only rare characters (Arabic ي, diacritics, bidi marks), so a regular expression that finds
just those runs ten times faster on typical text, with the same result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping


def compile_table(table: Mapping[int, str | int | None]) -> Callable[[str], str]:
    """A function equal to `text.translate(table)`, but scanning with a regex."""
    replacements = {
        chr(code): chr(target) if isinstance(target, int) else target or ""
        for code, target in table.items()
    }
    if not replacements:
        return lambda text: text
    keys = "".join(re.escape(char) for char in sorted(replacements))
    pattern = re.compile(f"[{keys}]+")

    def replace_run(match: re.Match[str]) -> str:
        return "".join(replacements[char] for char in match.group())

    return lambda text: pattern.sub(replace_run, text)
