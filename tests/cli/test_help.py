"""Docs are executable: every command documents an example; the CLI starts without Kiwi."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app

COMMANDS = ["init", "ingest", "timeline", "org", "orgs", "person", "people", "show", "build", "validate",
            "schema", "export", "merge", "split"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_an_example(command: str) -> None:
    res = CliRunner().invoke(app, [command, "--help"])
    assert res.exit_code == 0, res.output
    assert "Example: biohub " + command.split()[0] in res.stdout.replace("\n", " ").replace("  ", " ")


def test_help_does_not_load_heavy_libraries() -> None:
    code = ("import sys; from biohub_cli.cli.app import main; sys.argv=['biohub','--help'];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = ('kiwipiepy', 'jinja2', 'pypdfium2', 'trafilatura', 'htmldate')\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_usage_error_exits_2() -> None:
    proc = subprocess.run([sys.executable, "-m", "biohub_cli", "export", "--format", "xml"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
