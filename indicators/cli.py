"""The `zhibiao` command: extract, build, add, serve, charts. The only module that wires everything."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click
from tqdm import tqdm

from indicators import shards

if TYPE_CHECKING:
    from indicators import build

# build and store (sqlite-utils, pandas) are imported where a command writes a database: `extract`
# and `--help` start without them.


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zhibiao")
def cli() -> None:
    """zhibiao (指标): indicator facts from Chinese economic documents."""


# build, add (issue 3) ---------------------------------------------------------------------------

DEFAULT_DB = "data/zhibiao.db"

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The SQLite database file.",
)


def _documents(paths: tuple[Path, ...], published: str | None) -> Iterator:
    """Documents (and the errors of unreadable files) from paths, with a progress bar on stderr."""
    from extractors.sources import bundled_corpus, read_paths

    items = read_paths(list(paths) or [bundled_corpus()], published=published)
    return tqdm(items, desc="documents", unit=" doc", file=sys.stderr, disable=None, leave=False)


def _extracted(paths: tuple[Path, ...], published: str | None, cluster: str | None) -> Iterator:
    """PartitionResults (rows and errors) of the documents in paths, extracted here or on the cluster,
    in input order; a file that cannot be read comes as its SourceError. Progress in MB on stderr."""
    from extractors.partitions import extract_partition, partitions
    from extractors.sources import bundled_corpus, source_files
    from indicators import cluster as dask_cluster

    files = list(paths) or [bundled_corpus()]
    total = sum(f.stat().st_size for f in source_files(files) if f.is_file())
    bar = tqdm(total=total, desc="extracting", unit="B", unit_scale=True, file=sys.stderr, disable=None)
    try:
        with bar:
            for result in dask_cluster.run(partitions(files, published), extract_partition, cluster):
                bar.update(getattr(result, "size", 0))
                yield result
    except (dask_cluster.ClusterSpecError, dask_cluster.ClusterUnreachable) as error:
        raise click.ClickException(str(error)) from error


def _rows(results: Iterable) -> Iterator:
    """Records, and the errors as strings, of a stream of PartitionResults."""
    for result in results:
        if isinstance(result, Exception):
            yield str(result)
            continue
        yield from result.errors
        yield from result.records


class Terminated(KeyboardInterrupt):
    """SIGTERM (a timeout, systemd, docker stop): stops a build or add as Ctrl-C does."""


def _terminate(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def _interruptible(what: Callable[[], str]) -> Iterator[None]:
    """SIGTERM as Ctrl-C inside; either ends the command with `what()` (what became of its output)
    and the usual exit status, 143 or 130, after the temporary files were removed on the way out."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    except KeyboardInterrupt as interrupt:
        terminated = isinstance(interrupt, Terminated)
        click.echo(f"{'Terminated' if terminated else 'Interrupted'}: {what()}.", err=True)
        sys.exit(143 if terminated else 130)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write(db_path: Path, action: Callable[[], build.Summary]) -> None:
    """Run a build or an add; report, or fail saying truthfully whether the database file was
    replaced (it is replaced by a rename, as a whole, or not at all)."""
    from indicators import build

    before = build.file_identity(db_path)

    def outcome() -> str:
        if build.file_identity(db_path) == before:
            return f"{db_path} was left unchanged" if before else f"{db_path} was not created"
        return f"{db_path} had already been replaced by the new database"

    with _interruptible(outcome):
        summary = _run(db_path, action, outcome)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"{db_path}: {summary}", err=True)


def _run(db_path: Path, action: Callable[[], build.Summary], outcome: Callable[[], str]) -> build.Summary:
    from indicators import build, store

    try:
        return action()
    except (
        build.BuildFailed,
        build.NoDatabase,
        build.ExtractionFailed,
        build.ForeignFile,
        shards.ShardError,
    ) as error:
        raise click.ClickException(str(error)) from error
    except store.UnknownIndicator as error:
        raise click.ClickException(f"{error} {outcome()}.") from error
    except (sqlite3.Error, OSError) as error:  # a full disk, a locked or corrupt file, no permission
        raise click.ClickException(f"{db_path}: {error}; {outcome()}.") from error


published_option = click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=lambda ctx, param, value: _valid_date(ctx, param, value),  # the extract command's check
    help="Publication date of plain-text files that state none.",
)


def _valid_cluster(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from indicators.cluster import ClusterSpecError, parse

    try:
        if value is not None:
            parse(value)
    except ClusterSpecError as error:
        raise click.BadParameter(str(error)) from None
    return value


cluster_option = click.option(
    "--cluster",
    callback=_valid_cluster,
    metavar="local[:N]|tcp://HOST:PORT",
    help="Extract on a Dask cluster: N worker processes here, or a running scheduler. "
    "Default: in this process.",
)


def _build(
    db_path: Path, paths: tuple[Path, ...], published: str | None, cluster: str | None, force: bool
) -> None:
    from indicators.catalogue import load_catalogue

    rows = _rows(_extracted(paths, published, cluster))
    from indicators import build

    _write(db_path, lambda: build.load_database(db_path, rows, load_catalogue(), force=force))


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@cluster_option
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=1),
    help="Extract in N local worker processes: short for --cluster local:N.",
)
@click.option(
    "--facts",
    "shard_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Load the shards `zhibiao extract --shards DIR` wrote instead of reading documents (repeatable).",
)
@published_option
@click.option("--force", is_flag=True, help="Replace the --db file even if it is not a zhibiao database.")
def build_command(
    paths: tuple[Path, ...],
    db_path: Path,
    cluster: str | None,
    workers: int | None,
    shard_dirs: tuple[Path, ...],
    published: str | None,
    force: bool,
) -> None:
    """Build the database from documents (default: the bundled corpus), or from extracted shards.

    The new database is written beside the old one and renamed into place: if anything fails
    (an unreadable file, a full disk, Ctrl-C, SIGTERM), the old database is left as it was. A file
    at --db that is not a zhibiao database is refused unless --force. Whatever the cluster, the
    database is the one a build in this process writes, row for row.

    \b
    Examples:
        zhibiao build
        zhibiao build articles/ export.json --db data/zhibiao.db --cluster local:2
        zhibiao build corpus/ --cluster tcp://scheduler:8786
        zhibiao build --facts shards/ --db data/zhibiao.db
    """
    if workers and cluster:
        raise click.UsageError("--workers N is short for --cluster local:N: give one of them.")
    if shard_dirs:
        if paths or cluster or workers:
            raise click.UsageError(
                "--facts loads shards already extracted: give no PATH, --cluster or --workers."
            )
        _build_from_shards(db_path, shard_dirs, force)
        return
    _build(db_path, paths, published, f"local:{workers}" if workers and workers > 1 else cluster, force)


def _build_from_shards(db_path: Path, shard_dirs: tuple[Path, ...], force: bool) -> None:
    from indicators import build
    from indicators.catalogue import load_catalogue

    try:
        manifests = [shards.read_manifest(d) for d in shard_dirs]
    except shards.ShardError as error:
        raise click.ClickException(str(error)) from error
    for directory, manifest in zip(shard_dirs, manifests, strict=True):
        for error in manifest["errors"]:
            click.echo(f"not in the shards of {directory}: {error}", err=True)
    _write(
        db_path, lambda: build.load_database(db_path, shards.read(shard_dirs), load_catalogue(), force=force)
    )


@cli.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@published_option
def add_command(files: tuple[Path, ...], db_path: Path, published: str | None) -> None:
    """Add documents to an existing database: all of them, or none.

    A document already there with the same text is left alone; a changed one has its facts
    replaced. The new database is written beside the old one and renamed into place, so a site
    serving the file is never disturbed. If any file cannot be read, nothing is added.

    \b
    Example:
        zhibiao add new-bulletin.txt --db data/zhibiao.db
    """
    import extractors
    from indicators import build
    from indicators.catalogue import load_catalogue

    documents = _documents(files, published)
    version = extractors.EXTRACTOR_VERSION
    _write(
        db_path,
        lambda: build.add_documents(db_path, documents, extractors.extract, load_catalogue(), version),
    )


# extract (issue 2) ------------------------------------------------------------------------------

OUTPUT_FIELDS = (
    "doc", "indicator", "indicator_id", "entity", "period_start", "period_end", "kind", "measure",
    "value", "unit", "unit_text", "qualifier", "quantity_text", "evidence", "evidence_start",
    "evidence_end", "quantity_start", "quantity_end", "title", "url", "published", "id",
)  # fmt: skip


def _valid_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


@cli.command("extract")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout."
)
@click.option(
    "--shards",
    "shard_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write documents and facts as shards in DIR, for `zhibiao build --facts DIR`.",
)
@cluster_option
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=_valid_date,
    help="Publication date of plain-text files that state none.",
)
def extract_command(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    shard_dir: Path | None,
    cluster: str | None,
    published: str | None,
) -> None:
    """Extract indicator facts from documents (default: the bundled corpus), one fact per line.

    Files are recognised by their content: bulletins, newspaper pages, plain text, JSON exports of
    WeChat articles. A file or document that cannot be read is reported on stderr with the reason,
    the others are still processed, and the exit status is 1. A document with no date of its own
    (and, for plain text, no --published) is named in a warning: 今年 and 去年 cannot be placed.

    \b
    Examples:
        zhibiao extract
        zhibiao extract bulletin.txt articles.json --format csv -o facts.csv
        zhibiao extract notes.txt --published 2026-01-21
        zhibiao extract corpus/ --cluster local:2 --shards shards/
    """
    from indicators import factfile

    if shard_dir and output:
        raise click.UsageError("--shards DIR writes shards, -o FILE writes facts: give one of them.")
    errors: list[str] = []

    def report(error: str) -> None:
        errors.append(error)
        click.echo(f"error: {error}", err=True)

    def facts() -> Iterator[dict]:
        for item in shards.unique_documents(_rows(results)):
            if isinstance(item, str):
                report(item)
                continue
            document, rows = item
            if not document["published"]:
                click.echo(f"warning: {_undated(document)}", err=True)
            for row in rows:
                yield factfile.output_row(document, row, OUTPUT_FIELDS)

    results = _extracted(paths, published, cluster)
    if shard_dir:
        stopped = f"{shard_dir} holds no manifest: the shards are unfinished, `build --facts` refuses them"
    else:
        stopped = f"{output} was not written" if output else "the output stops here"
    with _interruptible(lambda: stopped):
        _extract_to(shard_dir, output, fmt, results, facts, report)
    if errors:
        click.echo(f"{len(errors)} file(s) or document(s) could not be read; see the errors above.", err=True)
        sys.exit(1)


def _undated(document: dict) -> str:
    """What a document with no date of its own means for its facts, naming its file (and article)."""
    where = document["source"]
    if document["source_kind"] == "wechat":
        return (
            f"{where}: article {document['id']} has no date (时间time); 今年, 去年 and months without "
            "a year in it are read from the years it states, or left undated"
        )
    return (
        f"{where}: no date in the text and no --published YYYY-MM-DD; 今年, 去年 and months without "
        "a year are read from the years it states, or left undated"
    )


def _extract_to(shard_dir, output, fmt, results, facts, report) -> None:
    from indicators import factfile

    try:
        if shard_dir:
            written = _write_shards(shard_dir, results, report)
            click.echo(f"{written.documents} documents, {written.facts} facts in {shard_dir}", err=True)
        else:
            count = factfile.write(facts(), fmt, output, OUTPUT_FIELDS)
            click.echo(f"{count} facts" + (f" written to {output}" if output else ""), err=True)
    except shards.ShardError as error:
        raise click.ClickException(str(error)) from error
    except OSError as exc:
        raise click.ClickException(f"{output or shard_dir}: cannot write: {exc.strerror or exc}") from None


def _write_shards(directory: Path, results: Iterable, report: Callable[[str], None]) -> shards.ShardWriter:
    """One part per partition, in order, then the manifest with every error."""
    writer = shards.ShardWriter(directory)
    errors: list[str] = []
    for result in results:
        failed = [str(result)] if isinstance(result, Exception) else result.errors
        for error in failed:
            report(error)
        errors += failed
        if not isinstance(result, Exception):
            writer.write(result.index, result.records)
    writer.close(errors)
    return writer


# serve (issue 4) --------------------------------------------------------------------------------


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
def serve_command(db_path: Path, host: str, port: int) -> None:
    """Serve the database with Datasette, read-only, as /zhibiao; build it first when missing.

    A missing database is built from the bundled corpus. The site uses datasette/metadata.yaml,
    datasette/plugins/ and datasette/templates/, and opens the file immutable: nothing can write to it.

    \b
    Examples:
        zhibiao serve
        zhibiao serve --db data/zhibiao.db --host 127.0.0.1 --port 8080
    """
    from indicators import publish

    if not db_path.exists():
        click.echo(f"{db_path} not found: building it from the bundled corpus.", err=True)
        _build(db_path, (), None, None, force=False)
    try:
        publish.check_database(db_path)
        publish.site_dir()
        sock = publish.listen(host, port)
    except (publish.NotAZhibiaoDatabase, publish.SiteConfigMissing, publish.PortInUse) as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Serving {db_path} read-only at http://{host}:{sock.getsockname()[1]}/ (Ctrl-C to stop)", err=True
    )
    publish.run(db_path, sock)


# charts (issue 5) -------------------------------------------------------------------------------


@cli.command("charts")
@db_option
@click.option(
    "--out",
    "out_dir",
    default="data/charts",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to write the chart files to.",
)
@click.option(
    "--indicator",
    "indicator_ids",
    multiple=True,
    metavar="ID",
    help="Only this indicator (repeat for several); default: every indicator with dated values.",
)
@click.option(
    "--format",
    "formats",
    default="html,svg,png",
    show_default=True,
    help="Comma-separated file formats: html (self-contained), svg, png, vl.json.",
)
def charts_command(db_path: Path, out_dir: Path, indicator_ids: tuple[str, ...], formats: str) -> None:
    """Write charts as files: each indicator's targets versus actuals, the targets overview and
    the year's growth rates. HTML files carry Vega inline (no CDN); SVG and PNG come from vl-convert.

    \b
    Examples:
        zhibiao charts
        zhibiao charts --indicator gdp --indicator software_revenue --format png --out report/
    """
    from charts.files import ChartsError, open_database, parse_formats, write_charts

    try:
        wanted = parse_formats(formats)
        conn = open_database(db_path)
        try:
            for path in write_charts(conn, out_dir, wanted, indicator_ids):
                click.echo(path)
        finally:
            conn.close()
    except ChartsError as error:
        raise click.ClickException(str(error)) from error
