"""iranru: bilingual Persian/English text analysis.

The public API is loaded lazily (PEP 562), so `import iranru` and `iranru --help` stay fast:
    >>> import iranru
    >>> iranru.stats(["corpus"]).table
"""

from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"
REPORTS = (
    "Report", "cache_clear", "cache_info", "changes", "collocations", "compare", "dates", "freq",
    "kwic", "load_corpus", "ngrams", "normalize", "places", "stats", "tokens",
)
# option sets and the enumerations of their choices (iranru.settings), and the exit statuses
SETTINGS = (
    "CountBy", "DigitMode", "KwicSort", "Language", "Measure", "MentionOptions", "NormalizeOptions",
    "ReadOptions", "RunOptions", "TermOptions", "TokenOptions",
)
ERRORS = ("ExitStatus", "InputError", "IranruError", "NoInputError", "UsageError")
__all__ = [*REPORTS, *SETTINGS, *ERRORS, "Format"]


def __getattr__(name: str) -> Any:
    if name in REPORTS:
        from iranru import api

        return getattr(api, name)
    if name in SETTINGS:
        from iranru import settings

        return getattr(settings, name)
    if name in ERRORS:
        from iranru import errors

        return getattr(errors, name)
    if name == "Format":
        from iranru.render.formats import Format

        return Format
    raise AttributeError(f"module 'iranru' has no attribute {name!r}")


class _PublicApi(types.ModuleType):
    """`iranru.tokens` and `iranru.normalize` are report functions; importing the submodules
    of the same names (`iranru/tokens.py`, `iranru/normalize/`) must not replace them on the
    package, or `iranru.tokens(paths)` would work or not depending on what ran before."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return  # the submodule stays reachable through sys.modules and `import iranru.x`
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _PublicApi
