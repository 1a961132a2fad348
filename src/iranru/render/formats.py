"""Which output format a run uses, decided in one pure function."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from iranru.errors import UsageError


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    JSONL = "jsonl"
    XLSX = "xlsx"


EXTENSIONS = {".csv": Format.CSV, ".tsv": Format.TSV, ".tab": Format.TSV, ".json": Format.JSON,
              ".jsonl": Format.JSONL, ".ndjson": Format.JSONL, ".xlsx": Format.XLSX,
              ".txt": Format.TABLE}


def choose_format(requested: str | None, output: Path | None, is_tty: bool) -> Format:
    """--format wins; else --output's extension; else a table on a terminal and CSV in a pipe."""
    if requested:
        chosen = Format(requested)
    elif output is not None:
        suffix = output.suffix.lower()
        if suffix not in EXTENSIONS:
            known = ", ".join(sorted(EXTENSIONS))
            raise UsageError(f"{output}: cannot tell the format from '{suffix}'; use {known} "
                             "or pass --format")
        chosen = EXTENSIONS[suffix]
    else:
        chosen = Format.TABLE if is_tty else Format.CSV
    if chosen is Format.XLSX and output is None:
        raise UsageError("xlsx is a file format: pass --output FILE.xlsx")
    return chosen
