"""The ``hornbill`` command line: each command parses its options, calls the library, formats.

Run ``hornbill COMMAND --help`` for the options of each command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TextIO

import click
from tqdm import tqdm

from hornbill import __version__
from hornbill.errors import HornbillError
from hornbill.model import Skipped
from hornbill.pipeline import BuildReport, build
from hornbill.store import KnowledgeBase, open_kb
from hornbill.views import actors as actor_views
from hornbill.views import conflicts, stats, tables, timeline
from hornbill.views.query import EventQuery, select_events

DEFAULT_DB = os.environ.get("HORNBILL_DB", "hornbill.duckdb")
db_option = click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="Knowledge base file (or set HORNBILL_DB).")


def fail(message: str) -> NoReturn:
    click.echo(f"hornbill: error: {' '.join(message.split())}", err=True)
    sys.exit(2)


limit_option = click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N (1 or more).")


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--actor``, ``--type``, ``--since`` and ``--until``, shared by ``timeline`` and ``export``."""
    options = [
        click.option("--actor", help="Only events whose doer or target is this actor (name, alias, id or "
                                     "a misspelling; a part of a name matches every actor it is part of)."),
        click.option("--type", "event_type", help="Only this PLOVER event type (e.g. RETREAT)."),
        click.option("--since", metavar="DATE", help="Only events whose date may fall on or after DATE "
                                                     "(YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out."),
        click.option("--until", metavar="DATE", help="Only events whose date may fall on or before DATE."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def check_actor_file(actors: str | None) -> None:
    """Read the user's actor file before the KB is touched: a bad file is one line naming file and entry."""
    if actors:
        from hornbill.actors.dictionary import ActorDictionary

        try:
            ActorDictionary.load(Path(actors))
        except HornbillError as exc:
            fail(str(exc))


def open_for_reading(db: str) -> KnowledgeBase:
    try:
        return open_kb(db, read_only=True)
    except HornbillError as exc:
        fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hornbill")
def main() -> None:
    """hornbill: news articles in, an evidence-backed knowledge base of PLOVER events out."""


def run_build(paths: tuple[str, ...], db: str, actors: str | None, batch_size: int, engine: EngineChoice) -> None:
    """Shared by ``build`` and ``add``: progress bar, one line per skipped file, summary at the end."""
    if (engine.ray_address or engine.ray_results) and engine.name != "ray":
        fail("--ray-address and --ray-results need --engine ray")
    check_actor_file(actors)
    try:
        kb = open_kb(db)
    except HornbillError as exc:
        fail(str(exc))
    bar = tqdm(unit="doc", desc="building", file=sys.stderr, disable=None, dynamic_ncols=True)

    def on_skip(item: Skipped) -> None:
        tqdm.write(f"hornbill: skipped {item.source}: {item.reason}", file=sys.stderr)

    def advance(documents: int) -> None:
        bar.update(documents)

    def on_warning(source: str, warning: str) -> None:
        tqdm.write(f"hornbill: warning: {source}: {warning}", file=sys.stderr)

    try:
        report = build(paths, kb, extra_actors=actors, batch_size=batch_size, workers=engine.workers,
                       engine=engine.name, ray_address=engine.ray_address, ray_results=engine.ray_results,
                       on_skip=on_skip, on_warning=on_warning, progress=advance)
    except HornbillError as exc:
        bar.close()
        fail(str(exc))
    finally:
        kb.close()
    bar.close()
    click.echo(summary_line(report, db), err=True)
    if report.placeable:
        click.echo(f"hornbill: note: {report.placeable} article(s) stored earlier without a day could now be "
                   "dated by the reports of their story; build the folders again into a new KB to date them",
                   err=True)
    if report.read == 0:
        click.echo("hornbill: error: no document could be read", err=True)
        sys.exit(1)


@dataclass(frozen=True)
class EngineChoice:
    """Where ``build`` and ``add`` run the per-document stages."""

    name: str = "local"
    workers: int = 1
    ray_address: str | None = None
    ray_results: str | None = None


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--workers``, ``--engine``, ``--ray-address`` and ``--ray-results``, shared by ``build`` and ``add``."""
    options = [
        click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
                     help="Local processes parsing articles (each loads the pipeline, ~0.6 GB); "
                          "reading, linking and storing stay in the main process."),
        click.option("--engine", default="local", show_default=True, type=click.Choice(["local", "ray"]),
                     help="local: this machine (see --workers); ray: Ray Data, on a local Ray or on --ray-address."),
        click.option("--ray-address", metavar="ADDR",
                     help="Ray cluster to join with --engine ray (HOST:6379, run on a cluster node, or 'auto'); "
                          "default: start a local one."),
        click.option("--ray-results", metavar="DIR",
                     help="Folder (shared storage or s3://...) for the per-document Parquet results; "
                          "needed on a cluster of several machines."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def summary_line(report: BuildReport, db: str) -> str:
    placed = f", {report.story_dated} dated to the day by their story" if report.story_dated else ""
    return (f"hornbill: {report.read} documents read ({report.added} new, {report.already_stored} already "
            f"stored{placed}), {len(report.skipped)} files skipped; {report.new_events} new events, "
            f"{report.merged_mentions} mentions merged into existing events -> {db}")


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="Knowledge base file to create or extend.")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Your own actor dictionary (YAML).")
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch and transaction.")
@engine_options
def build_cmd(paths: tuple[str, ...], db: str, actors: str | None, batch_size: int, workers: int, engine: str,
              ray_address: str | None, ray_results: str | None) -> None:
    """Build (or extend) a knowledge base from files and folders of articles.

    Reads .txt, .html, .jsonl and .csv files. Articles already stored are recognised
    by their content and skipped, so building the same folder twice changes nothing.

    Example: hornbill build ~/articles/ -o mali.duckdb --workers 2
    """
    run_build(paths, db, actors, batch_size, EngineChoice(engine, workers, ray_address, ray_results))


@main.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option("--actors", type=click.Path(exists=True, dir_okay=False), help="Your own actor dictionary (YAML).")
@engine_options
def add_cmd(paths: tuple[str, ...], db: str, actors: str | None, workers: int, engine: str,
            ray_address: str | None, ray_results: str | None) -> None:
    """Link new articles into an existing knowledge base without reprocessing it.

    Example: hornbill add new-article.txt --db mali.duckdb
    """
    if not Path(db).exists():
        fail(f"{db}: no such knowledge base (create one with `hornbill build`)")
    run_build(paths, db, actors, 16, EngineChoice(engine, workers, ray_address, ray_results))


@main.command("timeline")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
@filter_options
@limit_option
def timeline_cmd(db: str, fmt: str, actor: str | None, event_type: str | None, since: str | None,
                 until: str | None, limit: int | None) -> None:
    """Print the de-duplicated events in date order, with their evidence and sources.

    Example: hornbill timeline --db mali.duckdb --actor Wagner --since 2023
    """
    kb = open_for_reading(db)
    notes: list[str] = []
    try:
        events = select_events(kb, EventQuery(actor, event_type, since, until, limit), notes)
    except HornbillError as exc:
        fail(str(exc))
    finally:
        kb.close()
    for note in notes:
        click.echo(f"hornbill: note: {note}", err=True)
    click.echo(timeline.render(events, fmt) if events else "(no events)")


@main.command("export")
@click.argument("kind", type=click.Choice(tables.KINDS))
@db_option
@click.option("--format", "fmt", type=click.Choice(tables.FORMATS), default="jsonl", show_default=True,
              help="jsonl: the JSON export contract; csv, tsv, parquet: flat tables, one row a record; "
                   "plover: events in PLOVER's JSON field names.")
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write this file instead of standard output (needed for parquet).")
@click.option("--bom", is_flag=True, help="Start a CSV or TSV with a UTF-8 byte-order mark, so that Excel "
                                          "reads accented names right when the file is opened by double-click.")
def export_cmd(kind: str, db: str, fmt: str, actor: str | None, event_type: str | None, since: str | None,
               until: str | None, output: str, bom: bool) -> None:
    """Export events, mentions, documents, entities, quotes or claims.

    Every column and field is described in docs/exports.md, in hornbill's source tree. Events
    and mentions take the filters of `timeline`.

    \b
    Examples:
      hornbill export events --db mali.duckdb > events.jsonl
      hornbill export events --db mali.duckdb --format csv --since 2023 -o events.csv
      hornbill export mentions --db mali.duckdb --format parquet --actor Wagner -o wagner.parquet
    """
    query, notes = EventQuery(actor, event_type, since, until), list[str]()
    kb = open_for_reading(db)
    try:
        tables.check_request(kind, fmt, query, to_file=output != "-", bom=bom)
        if fmt == "parquet":
            n = tables.write(kb, kind, fmt, query, path=output, notes=notes)
        else:
            with click.open_file(output, "w", encoding="utf-8") as out:
                n = tables.write(kb, kind, fmt, query, out=out, notes=notes, bom=bom)
    except HornbillError as exc:
        fail(str(exc))
    finally:
        kb.close()
    for note in notes:
        click.echo(f"hornbill: note: {note}", err=True)
    click.echo(f"hornbill: exported {n} {kind}" + (f" to {output}" if output != "-" else ""), err=True)


@main.command("show")
@click.argument("doc")
@db_option
@click.option("--kept-only", is_flag=True, help="Print only the text that was kept.")
def show_cmd(doc: str, db: str, kept_only: bool) -> None:
    """Show what the cleaner kept and dropped of one document (by id, id prefix or file name).

    Example: hornbill show 2023-06-30-minusma.txt --db mali.duckdb
    """
    kb = open_for_reading(db)
    try:
        row = stats.find_document(kb, doc)
    except HornbillError as exc:
        fail(str(exc))
    finally:
        kb.close()
    click.echo(stats.render_document(row, kept_only=kept_only))


@main.command("conflicts")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def conflicts_cmd(db: str, fmt: str) -> None:
    """List numeric claims where sources disagree, with each value, qualifier, outlet and date.

    Claims are compared when they measure the same thing (e.g. troops) of the same actor;
    hedges count ("over 15,000" and "13,000" disagree, "about 13,000" and "13,200" do not).

    Example: hornbill conflicts --db mali.duckdb
    """
    kb = open_for_reading(db)
    try:
        records = conflicts.conflicts(kb)
    finally:
        kb.close()
    click.echo(conflicts.render(records, fmt) if records else "(no disagreements found)")


@main.command("actors")
@db_option
@click.option("--type", "actor_type", help="Only this actor type (COUNTRY, GOV, MIL, IGO, PERSON, REB, PMC, ORG).")
@limit_option
def actors_cmd(db: str, actor_type: str | None, limit: int | None) -> None:
    """List the canonical actors: mentions, type, country and the aliases seen.

    Example: hornbill actors --db mali.duckdb --type PERSON
    """
    kb = open_for_reading(db)
    try:
        rows = actor_views.actor_list(kb, actor_type)
    except HornbillError as exc:
        fail(str(exc))
    finally:
        kb.close()
    click.echo(actor_views.render_list(rows[:limit] if limit else rows) if rows else "(no actors)")


@main.command("actor")
@click.argument("name")
@db_option
def actor_cmd(name: str, db: str) -> None:
    """Show one actor (by id, name, alias or misspelling): aliases, events, quotes and relations.

    Example: hornbill actor MINUSMA --db mali.duckdb
    """
    kb = open_for_reading(db)
    try:
        row, candidates = actor_views.find_actor(kb, name)
        page = actor_views.actor_page(kb, row["actor_key"]) if row is not None else None
    finally:
        kb.close()
    if page is None:
        names = ", ".join(f"{c['name']} [{c['actor_key']}]" for c in candidates[:10])
        fail(f"{name!r} is ambiguous: {names}" if candidates else f"no actor matches {name!r}")
    click.echo(actor_views.render_page(page))


@main.command("stats")
@db_option
def stats_cmd(db: str) -> None:
    """Counts of documents, events, actors, quotes and claims, and events per PLOVER type.

    Example: hornbill stats --db mali.duckdb
    """
    kb = open_for_reading(db)
    try:
        click.echo(stats.render_stats(kb))
    finally:
        kb.close()


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; one other machines can reach needs --public.")
@click.option("--public", is_flag=True,
              help="Allow a --host other machines can reach (it has no login: they can read the whole KB).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Server processes, forked once the knowledge base is loaded, so they share it "
                   "[default: one per CPU, at most 4].")
def serve_cmd(db: str, host: str, public: bool, port: int, workers: int | None) -> None:
    """Serve the web workspace and the JSON API (/api, documented at /docs) over a knowledge base.

    The server answers from a snapshot of the knowledge base and never keeps the file open, so
    `hornbill add` can write while it serves; it picks up new articles within a few seconds.

    It listens on this machine only unless --host names an address others reach (0.0.0.0: every
    interface) and --public is given: there is no login; whoever reaches it reads the whole KB.

    Example: hornbill serve --db mali.duckdb --port 8080
    """
    from hornbill.web import server
    from hornbill.web.app import create_app

    check_exposure(db, host, port, public)
    count = workers or server.default_workers()
    open_for_reading(db).close()  # a missing or unreadable file, and a port in use, fail before the long load
    try:
        listeners = server.sockets(host, port, count)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    try:
        app = create_app(db)
    except HornbillError as exc:
        for listener in listeners:
            listener.close()
        fail(str(exc))
    click.echo(f"hornbill: serving {db} on http://{host}:{listeners[0].getsockname()[1]}/ with {count} "
               f"worker{'s' if count > 1 else ''} (Ctrl-C stops)", err=True)
    server.run(app, listeners)


def check_exposure(db: str, host: str, port: int, public: bool) -> None:
    """Serve other machines only when told to with --public, and say what that gives away."""
    from hornbill.web import server

    if server.is_loopback(host):
        return
    if not public:
        fail(f"refusing to listen on {host} without --public: {server.exposure(db, host, port)} "
             "Add --public if that is what you want, or leave --host out to serve this machine only.")
    click.echo(f"hornbill: warning: --public: {server.exposure(db, host, port)}", err=True)


@main.command("report")
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="report.html", show_default=True,
              help="HTML file to write ('-' for standard output).")
def report_cmd(db: str, output: TextIO) -> None:
    """Write the story as one self-contained HTML file: summary, timeline, network, contradictions, sources.

    Example: hornbill report --db mali.duckdb -o mali.html
    """
    from hornbill.web.report import render_report

    kb = open_for_reading(db)
    try:
        output.write(render_report(kb))
    finally:
        kb.close()
    click.echo(f"hornbill: wrote {output.name}", err=True)


if __name__ == "__main__":
    main()
