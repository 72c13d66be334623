"""The typer command line: wiring only, one file per verb group."""
