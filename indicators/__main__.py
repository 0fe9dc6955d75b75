from indicators.cli import cli

cli()
