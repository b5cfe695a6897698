"""The command line: a thin Typer app that turns troopledger errors into one-line messages."""

from troopledger._cli._app import app, main

__all__ = ["app", "main"]
