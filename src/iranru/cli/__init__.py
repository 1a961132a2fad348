"""The command line: parse options, call one core function, render. Nothing heavy at import."""

from iranru.cli.app import app

__all__ = ["app"]
