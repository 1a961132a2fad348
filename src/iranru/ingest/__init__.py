"""Finding, decoding and reading input documents."""

from iranru.ingest.read import read_documents

__all__ = ["read_documents"]
