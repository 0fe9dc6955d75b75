"""The `zhibiao` command: extract, build, add, serve, charts. The only module that wires everything."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zhibiao")
def cli() -> None:
    """zhibiao (指标): indicator facts from Chinese economic documents."""
