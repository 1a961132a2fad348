"""Every command has help text and a README entry with an example."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from iranru.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    [command.name or command.callback.__name__ for command in app.registered_commands]
    + [f"{group.name} {command.name or command.callback.__name__}"
       for group in app.registered_groups for command in group.typer_instance.registered_commands]
)


def test_the_readme_starts_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    assert [line.split("#")[0].strip() for line in first_block.group(1).splitlines()] == [
        "make run", "make test",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_and_a_readme_section(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"### `iranru {command}" in README
    assert f"iranru {command} " in README.split(f"### `iranru {command}", 1)[1]


def test_the_commands_are_the_expected_ones() -> None:
    assert COMMANDS == [
        "cache clear", "cache info", "collocations", "compare", "dates", "freq", "kwic", "ngrams",
        "normalize", "places", "stats", "tokens",
    ]
