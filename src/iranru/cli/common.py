"""Option bundles turned into the core's frozen settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a command runs, not for --help
    from iranru.settings import NormalizeOptions, ReadOptions, RunOptions, TokenOptions

BYTES_PER_MB = 1_000_000


class LazyApi:
    """iranru.api, imported when a command body first calls it: a replayed run never does,
    and so never imports the pipeline, the model or the readers."""

    def __getattr__(self, name: str) -> object:
        import iranru.api

        return getattr(iranru.api, name)


api = LazyApi()


def read_options(encoding: str | None, max_file_size: float, where: list[str] | None = None,
                 ) -> ReadOptions:
    from iranru.settings import ReadOptions

    return ReadOptions(encoding=encoding, max_file_size=int(max_file_size * BYTES_PER_MB),
                       where=tuple(where or ()))


def token_options(stopwords: list[Path] | None, keep_stopwords: bool) -> TokenOptions:
    from iranru.settings import TokenOptions

    return TokenOptions(extra_stopwords=tuple(stopwords or ()), keep_stopwords=keep_stopwords)


def normalize_options(no_zwnj_repair: bool, digits: str = "auto") -> NormalizeOptions:
    from iranru.settings import NormalizeOptions

    return NormalizeOptions(repair_zwnj=not no_zwnj_repair, digits=digits)


def run_options(
    jobs: int | None, cache_dir: Path | None, no_cache: bool, scheduler: str | None, quiet: bool
) -> RunOptions:
    import sys

    from iranru.render.progress import progress_bar
    from iranru.settings import RunOptions

    return RunOptions(jobs=jobs, cache_dir=cache_dir, use_cache=not no_cache, scheduler=scheduler,
                      on_progress=progress_bar(sys.stderr.isatty(), quiet))
