"""The README's library examples, run as doctests: one per report function."""

from __future__ import annotations

import doctest
import inspect
import re

import pytest

import iranru
from tests.conftest import ROOT, corpus_exists

README = ROOT / "README.md"


def library_examples() -> str:
    section = README.read_text(encoding="utf-8").split("## Library use", 1)[1].split("\n## ", 1)[0]
    return "\n".join(re.findall(r"```pycon\n(.*?)```", section, re.DOTALL))


@pytest.mark.skipif(not corpus_exists(), reason="needs the shipped corpus")
def test_the_readme_library_examples_run_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(library_examples(), {}, "README library use", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_every_report_function_has_an_example_and_takes_keywords_only() -> None:
    examples = library_examples()
    for name in iranru.REPORTS:
        if name in ("Report", "cache_clear"):
            continue
        assert f"iranru.{name}(" in examples, name
        function = getattr(iranru, name)
        positional = [parameter.name for parameter in inspect.signature(function).parameters.values()
                      if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
        assert len(positional) <= 3, (name, positional)  # paths (compare: a, b, paths)


def test_settings_are_keywords_and_unknown_ones_are_type_errors() -> None:
    with pytest.raises(TypeError, match="freq\\(\\) got an unexpected keyword argument 'langs'"):
        iranru.freq(["corpus"], langs="fa")
    with pytest.raises(iranru.UsageError, match="unknown language 'de': use one of fa, en"):
        iranru.freq(["corpus"], lang="de")
    assert iranru.TermOptions(lang="fa").lang is iranru.Language.FA
    assert iranru.NormalizeOptions(digits="latin").digits is iranru.DigitMode.LATIN
