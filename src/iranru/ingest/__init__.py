"""Finding, decoding and reading input documents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iranru.ingest.read import WaveReader, read_documents

__all__ = ["WaveReader", "read_documents"]


def __getattr__(name: str) -> Any:
    """The readers, imported when first used: replaying a run only discovers the files."""
    if name in __all__:
        from iranru.ingest import read

        return getattr(read, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
