"""Rendering: tables for people, CSV/TSV/JSON/JSONL/xlsx for programs. The only writer."""
