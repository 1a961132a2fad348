"""Finding, decoding and reading input documents."""

from iranru.ingest.read import WaveReader, read_documents

__all__ = ["WaveReader", "read_documents"]
