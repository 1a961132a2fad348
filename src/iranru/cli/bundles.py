"""Options several commands share, declared once and handed to each command as one object.

A bundle is a few command-line options and the frozen settings they make. `with_bundles`
adds a bundle's options to a command's signature (Typer reads it as if they were written
there) and calls the command with the settings built once, so no command re-lists them
(csvkit parses its shared arguments once in a base class; sqlite-utils keeps output options
as one bundle).
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iranru.cli.options import (
    BidiOption,
    ByOption,
    CacheDirOption,
    EncodingOption,
    ExcelOption,
    FormatOption,
    GroupByOption,
    JobsOption,
    KeepStopwordsOption,
    LangOption,
    MaxFileSizeOption,
    MinCountOption,
    NoCacheOption,
    NoZwnjOption,
    OutputOption,
    QuietOption,
    SchedulerOption,
    StopwordsOption,
    TopOption,
    WhereOption,
    WrapOption,
)

BYTES_PER_MB = 1_000_000


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Where and how a report is written (see render.emit)."""

    format: str | None = None
    output: Path | None = None
    excel: bool = False
    bidi: bool = False
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Bundle:
    """Options (name, annotation, default) and what builds one settings object of them,
    passed to the command as its parameter `name`."""

    name: str
    options: tuple[tuple[str, Any, Any], ...]
    build: Callable[..., Any]

    def parameters(self) -> list[inspect.Parameter]:
        keyword = inspect.Parameter.KEYWORD_ONLY
        return [inspect.Parameter(option, keyword, annotation=annotation, default=default)
                for option, annotation, default in self.options]


def with_bundles(*bundles: Bundle) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The command with the bundles' options in its signature, called with their settings."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command)
        own = [parameter for parameter in signature.parameters.values()
               if parameter.name not in {bundle.name for bundle in bundles}]
        shared = [parameter for bundle in bundles for parameter in bundle.parameters()]

        @functools.wraps(command)
        def with_settings(**params: Any) -> None:
            for bundle in bundles:
                params[bundle.name] = bundle.build(**{option: params.pop(option)
                                                      for option, _, _ in bundle.options})
            command(**params)

        with_settings.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY) for parameter in own]
            + shared)
        with_settings.__annotations__ = {parameter.name: parameter.annotation
                                         for parameter in [*own, *shared]}
        return with_settings

    return decorate


def build_output(format: str | None, output: Path | None, excel: bool, bidi: bool = False,
                 wrap: bool = False) -> OutputOptions:
    return OutputOptions(format, output, excel, bidi, wrap)


def build_corpus(
    encoding: str | None, max_file_size: float, where: list[str] | None, no_zwnj_repair: bool,
    jobs: int | None = None, scheduler: str | None = None, quiet: bool = True,
    stopwords: list[Path] | None = None, keep_stopwords: bool = False, cache_dir: Path | None = None,
    no_cache: bool = False,
) -> Any:
    import sys

    from iranru.render.progress import progress_bar
    from iranru.settings import CorpusOptions, NormalizeOptions, ReadOptions, RunOptions, TokenOptions

    return CorpusOptions(
        ReadOptions(encoding=encoding, max_file_size=int(max_file_size * BYTES_PER_MB),
                    where=tuple(where or ())),
        NormalizeOptions(repair_zwnj=not no_zwnj_repair),
        TokenOptions(extra_stopwords=tuple(stopwords or ()), keep_stopwords=keep_stopwords),
        RunOptions(jobs=jobs, cache_dir=cache_dir, use_cache=not no_cache, scheduler=scheduler,
                   on_progress=progress_bar(sys.stderr.isatty(), quiet)),
    )


def build_terms(lang: str | None, by: str, top: int | None, group_by: str | None, min_count: int = 1) -> Any:
    from iranru.settings import TermOptions

    return TermOptions(lang, by, min_count, top, group_by)


OUTPUT = Bundle("output", (("format", FormatOption, None), ("output", OutputOption, None),
                           ("excel", ExcelOption, False), ("bidi", BidiOption, False),
                           ("wrap", WrapOption, False)), build_output)
READING = (("encoding", EncodingOption, None), ("max_file_size", MaxFileSizeOption, 200),
           ("where", WhereOption, None), ("no_zwnj_repair", NoZwnjOption, False))
STOPWORDS = (("stopwords", StopwordsOption, None), ("keep_stopwords", KeepStopwordsOption, False))
SPEED = (("jobs", JobsOption, None), ("scheduler", SchedulerOption, None), ("quiet", QuietOption, False))
CACHE = (("cache_dir", CacheDirOption, None), ("no_cache", NoCacheOption, False))
CORPUS = Bundle("corpus", (*READING, *STOPWORDS, *SPEED, *CACHE), build_corpus)
CORPUS_NO_STOPWORDS = Bundle("corpus", (*READING, *SPEED, *CACHE), build_corpus)  # kwic finds any word
CORPUS_UNCACHED = Bundle("corpus", (*READING, *SPEED), build_corpus)  # dates, places: never cached
TERM_CHOICE = (("lang", LangOption, None), ("by", ByOption, "lemma"), ("top", TopOption, None),
               ("group_by", GroupByOption, None))
TERMS = Bundle("terms", (*TERM_CHOICE, ("min_count", MinCountOption, 1)), build_terms)
TERMS_LISTED = Bundle("terms", TERM_CHOICE, build_terms)  # kwic lists every hit
