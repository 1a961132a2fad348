"""iranru: bilingual Persian/English text analysis.

The public API is loaded lazily (PEP 562), so `import iranru` and `iranru --help` stay fast:
    >>> import iranru
    >>> iranru.stats(["corpus"]).table
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Report", "changes", "load_corpus", "normalize", "stats", "tokens"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from iranru import api

        return getattr(api, name)
    raise AttributeError(f"module 'iranru' has no attribute {name!r}")
