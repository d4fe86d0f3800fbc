"""The Typer application and what every command shares: exit codes and error lines.

The CLI is thin on purpose: commands parse options, call the library, pick a renderer
and map ``NumcheckError`` and input ``Problem``s to one stderr line each.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from enum import IntEnum
from typing import TYPE_CHECKING, Any, BinaryIO

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError

if TYPE_CHECKING:
    from numcheck.model import Problem  # the records are not needed for `--help`
    from numcheck.render.words import Words


class Exit(IntEnum):
    """Fixed exit codes, defined once for every command."""

    OK = 0
    PROBLEMS = 1  # flags at or above the failing level
    USAGE = 2  # usage, configuration or input error


REPORT_HINT = "this is a bug in numcheck; please report it with the command you ran"


class _Guarded(TyperGroup):
    """Every command runs inside one guard: an exception nobody expected becomes one
    stderr line and exit 2 (input/usage error), never a traceback and never exit 1,
    which CI reads as "flags found"."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # exits and usage errors keep their own handling
        except NumcheckError as err:
            raise fail(err) from None
        except BrokenPipeError:  # `numcheck report … | head`: typer would exit 1 ("flags")
            _stdout_to_devnull()
            typer.echo("numcheck: error: output closed before it was all written", err=True)
            raise typer.Exit(Exit.USAGE) from None
        except Exception as err:  # the last line of defence, by design
            typer.echo(
                f"numcheck: internal error: {type(err).__name__}: {err} ({REPORT_HINT})", err=True
            )
            raise typer.Exit(Exit.USAGE) from None


def _stdout_to_devnull() -> None:
    """After a broken pipe, Python's own flush at exit would fail again; point it at
    /dev/null instead (as the Python documentation advises for SIGPIPE)."""
    try:
        target = sys.stdout.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return  # not a real file (a test runner's buffer): nothing will flush to a pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, target)
    except OSError:
        pass
    finally:
        os.close(devnull)


app = typer.Typer(
    name="numcheck",
    cls=_Guarded,
    help="Cross-check the numeric claims of news articles and flag where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich's help formatter alone costs ~0.2 s of start-up.
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from numcheck import __version__

        typer.echo(f"numcheck {__version__}")
        raise typer.Exit(Exit.OK)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.",
        callback=_print_version, is_eager=True,  # before the check for a command
    ),
) -> None:
    """Cross-check the numeric claims of news articles and flag where sources disagree."""


def say(level: str, text: str) -> None:
    """One stderr line: ``numcheck: LEVEL: text``. The level tags (``error``,
    ``warning``) stay as they are in every language, for scripts and CI logs to match."""
    typer.echo(f"numcheck: {level}: {text}", err=True)


def say_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        say("error" if problem.fatal else "warning", str(problem))


def fail(error: NumcheckError) -> typer.Exit:
    typer.echo(f"numcheck: error: {error}", err=True)
    return typer.Exit(Exit.USAGE)


def read_stdin_if(paths: list[str]) -> BinaryIO | None:
    """stdin as a stream: a JSONL corpus on it is read row by row, never whole."""
    return sys.stdin.buffer if "-" in paths else None


def finish(
    data: str | bytes, output: str | None, problems: Iterable[Problem],
    stale: Iterable[str] = (), words: Words | None = None,
) -> None:
    """The end every reading command shares: output first (nothing is lost), then one line
    per input problem and per stale ledger entry (in the report's ``words``), and exit 2
    if any input had a problem."""
    write_output(data, output)
    problems = list(problems)
    say_problems(problems)
    for fp in stale:
        assert words is not None, "a command with a ledger says so in the report's language"
        say("warning", words("cli.stale", stale=words("check.stale", fingerprint=fp)))
    if problems:
        raise typer.Exit(Exit.USAGE)


def write_output(data: str | bytes, output: str | None) -> None:
    """Write to ``output`` or stdout; bytes (parquet) need a file."""
    if output:
        write_atomic(output, data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
