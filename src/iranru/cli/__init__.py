"""The command line: parse options, call one core function, render. Nothing heavy at import."""

from iranru.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """The `iranru` command. Typer builds the options of every command it holds on each run
    (a fifth of a replayed run), so when the first argument names a command, only that one is
    held; anything else (--help, a typo) goes to the whole app, which answers as ever."""
    import copy
    import sys

    from typer.main import get_command_name, get_group

    asked = sys.argv[1] if len(sys.argv) > 1 else None
    commands = [command for command in app.registered_commands
                if (command.name or get_command_name(command.callback.__name__)) == asked]
    groups = [group for group in app.registered_groups if group.name == asked]
    if not commands and not groups:
        app(prog_name="iranru")
        return
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = commands, groups
    get_group(one)(prog_name="iranru")  # a group still, as the whole app is: `iranru freq …`
