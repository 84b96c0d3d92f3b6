"""The command line: ``python -m routes build|parse|route …``."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from routes.model import (
    AREA_SHADING,
    DEFAULT_SPEED_KMH,
    MAP_SIZES,
    NO_PLACES_MESSAGE,
    Corrections,
    LoadResult,
    Route,
    Settings,
)
from routes.publish.outputs import OUTPUT_FILES

if TYPE_CHECKING:
    from routes.publish.drawer import Drawer

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_DESCRIPTION = """\
Reported Routes: map the journey that news reports describe along the real railway,
every point carrying the exact sentences that mention it.

With no REPORT, the bundled sample report (Kim Jong Un's train to Russia, 2023) is used.
Reports may be .txt, .md (with --- front matter ---), .json or .jsonl files, or folders of them.
"""

_EPILOG = """\
examples:
  python -m routes build                      # the bundled report -> ./out/
  python -m routes build my-reports/ --out maps --speed 45 --depart 2023-09-10T21:00
  python -m routes parse report.md --geojson  # the places found, as GeoJSON
  python -m routes route Pyongyang Khasan Vladivostok --geojson
  python -m routes network import poland.osm.pbf --out poland.npz   # full-detail track
  python -m routes build --network poland.npz
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: the process arguments); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    """The argument parser with its three sub-commands."""
    parser = argparse.ArgumentParser(
        prog="python -m routes",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="write " + ", ".join(OUTPUT_FILES),
        description="Build the annotated map and every export for the reports into --out.",
    )
    _add_report_args(build)
    build.add_argument(
        "--project",
        type=Path,
        metavar="FILE",
        help="rebuild a project.json (its reports, corrections and settings, which take the "
        "place of REPORT and the timing and title options)",
    )
    build.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    _add_timing_args(build)
    build.add_argument("--title", default="", help="map title (default: the report headline)")
    build.add_argument(
        "--basemap",
        choices=("osm", "light", "offline"),
        default="osm",
        help="tiles of the HTML map (default: osm); the offline outline layer is always there",
    )
    _add_static_map_args(build)
    _add_network_arg(build)
    build.set_defaults(run=_run_build)

    parse = commands.add_parser(
        "parse",
        help="list the places the reports mention, with who said it and when",
        description="Geoparse the reports and print the places found.",
    )
    _add_report_args(parse)
    parse.add_argument("--geojson", action="store_true", help="print a GeoJSON FeatureCollection")
    parse.set_defaults(run=_run_parse)

    route = commands.add_parser(
        "route",
        help="route between named places along the rail network",
        description="Route between PLACE names (in travel order) along the rail network.",
    )
    route.add_argument("places", nargs="+", metavar="PLACE", help="place names, e.g. Khasan")
    route.add_argument("--geojson", action="store_true", help="print legs and stops as GeoJSON")
    _add_timing_args(route)
    _add_network_arg(route)
    route.set_defaults(run=_run_route)
    _add_batch_parser(commands)
    _add_network_parser(commands)
    return parser


def _add_static_map_args(build: argparse.ArgumentParser) -> None:
    """--size, --byline and --areas: the shape and credits of map.png/svg/pdf."""
    defaults = Settings()
    build.add_argument(
        "--size",
        choices=MAP_SIZES,
        default=defaults.map_size,
        help="shape of map.png/svg/pdf: tall follows the route, or a fixed ratio "
        f"(default: {defaults.map_size})",
    )
    build.add_argument(
        "--byline", default="", metavar="TEXT", help='a "Graphic: TEXT" credit on the static map'
    )
    build.add_argument(
        "--areas",
        choices=AREA_SHADING,
        default=defaults.shade_areas,
        help="areas shaded on the static map: those named as a stop (journey), every area "
        f"a report names (all) or none (default: {defaults.shade_areas})",
    )


def _add_network_arg(parser: argparse.ArgumentParser) -> None:
    """``--network FILE``: route on a network file from ``network import``."""
    parser.add_argument(
        "--network",
        type=Path,
        default=None,
        metavar="FILE",
        help="rail network file written by `network import` (default: the world graph)",
    )


def _add_network_parser(commands: argparse._SubParsersAction) -> None:
    """``network import``: an OpenStreetMap extract merged over the world rail graph."""
    network = commands.add_parser(
        "network",
        help="import an OpenStreetMap extract as full-detail rail network",
        description="Rail network tools.",
    )
    actions = network.add_subparsers(dest="action", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import",
        help="read railway=rail ways of REGION.osm.pbf and merge them over the world graph",
        description="Read the railway=rail ways of an OpenStreetMap extract (pyosmium) and "
        "write a network file: the world graph with the extract's track laid over it. "
        "Use it with --network on build and route.",
    )
    imported.add_argument("extract", type=Path, metavar="REGION.osm.pbf")
    imported.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="network file to write (default: REGION.npz beside the extract)",
    )
    imported.set_defaults(run=_run_network_import)


def _run_network_import(args: argparse.Namespace) -> int:
    """``network import``: write the merged network file and say what it holds."""
    from routes.rail.osm import ExtractError, import_extract
    from routes.rail.world import WorldNetworkError, load_world

    name = args.extract.name.removesuffix(".pbf").removesuffix(".osm")
    out = args.out or args.extract.with_name(f"{name}.npz")
    try:
        summary = import_extract(args.extract, out, load_world())
    except (ExtractError, WorldNetworkError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _progress(
        f"{summary.ways:,} railway ways, {summary.nodes:,} nodes, {summary.km:,.0f} km of "
        f"track, {summary.joins} joins to the world graph"
    )
    print(summary.path)
    return EXIT_OK


def _network(args: argparse.Namespace):
    """The network ``--network`` names (the world graph when none); None after a message."""
    from routes.rail.network import NetworkError, load_network

    try:
        return load_network(getattr(args, "network", None))
    except NetworkError as error:
        print(f"error: --network: {error}", file=sys.stderr)
        return None


def _add_batch_parser(commands: argparse._SubParsersAction) -> None:
    """``batch``: whole archives into GeoParquet, on every core or a Dask cluster."""
    batch = commands.add_parser(
        "batch",
        help="parse whole archives in parallel into mentions/places/reports.parquet",
        description="Stream files, folders and .jsonl(.gz) archives, parse them in parallel "
        "and write GeoParquet tables into --out.",
    )
    batch.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    batch.add_argument("--out", type=Path, required=True, help="output folder")
    batch.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the core count)",
    )
    batch.add_argument(
        "--dask",
        default=None,
        metavar="ADDRESS",
        help="'local' for a Dask LocalCluster, or a scheduler address such as tcp://host:8786",
    )
    batch.add_argument(
        "--journeys",
        action="store_true",
        help="also write route.geojson and map.html per journey (traveller and time window)",
    )
    batch.set_defaults(run=_run_batch)


def _positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        msg = f"expected a whole number of at least 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _run_batch(args: argparse.Namespace) -> int:
    """``batch``: the Parquet tables (and journeys) of whole archives."""
    from routes.batch.run import run_batch

    summary = run_batch(args.sources, args.out, workers=args.workers, dask=args.dask)
    paths = list(summary.written.values())
    if args.journeys:
        from routes.batch.journeys import write_journeys

        paths += write_journeys(args.sources, args.out, progress=_progress)
    for path in paths:
        print(path)
    _progress(f"batch: {summary.line()}")
    return EXIT_BAD_INPUT if summary.skipped and not summary.reports else EXIT_OK


def _add_report_args(parser: argparse.ArgumentParser) -> None:
    """The REPORT arguments shared by build and parse."""
    parser.add_argument(
        "reports",
        nargs="*",
        type=Path,
        metavar="REPORT",
        help="report files or folders (default: the bundled sample report)",
    )


def _add_timing_args(parser: argparse.ArgumentParser) -> None:
    """--speed and --depart, shared by build and route."""
    parser.add_argument(
        "--speed",
        type=_positive_float,
        default=None,
        metavar="KMH",
        help="average train speed in km/h (default: a speed the reports state, else that of "
        f"the kind of train they describe, else {DEFAULT_SPEED_KMH:g})",
    )
    parser.add_argument(
        "--depart",
        type=_iso_datetime,
        default=None,
        metavar="ISO",
        help="departure from the first stop, e.g. 2023-09-10T21:00 (default: from the reports)",
    )


def _positive_float(text: str) -> float:
    """argparse type: a number above zero."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 1000:
        msg = f"expected a speed in km/h between 0 and 1000, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _iso_datetime(text: str) -> datetime:
    """argparse type: an ISO 8601 date or date-time."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO 8601 date-time such as 2023-09-10T21:00, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _progress(message: str) -> None:
    """Progress on stderr, so stdout stays clean for data."""
    print(f"[routes] {message}", file=sys.stderr, flush=True)


def _load(paths: Sequence[Path]) -> LoadResult:
    """Load the given reports, or the bundled one; report every problem on stderr."""
    from routes.read.reports import bundled_report_paths, load_paths

    result = load_paths(list(paths) or bundled_report_paths())
    for skipped in result.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    for problem in result.problems:
        print(f"error: {problem}", file=sys.stderr)
    return result


def _run_build(args: argparse.Namespace) -> int:
    """``build``: every export for the reports into ``--out``.

    The static map is drawn in a second process where one can be forked
    (:mod:`routes.publish.drawer`), started first so that it imports matplotlib while
    this one reads the reports.
    """
    from routes.publish import drawer

    out_problem = _out_problem(args.out)
    if out_problem:
        print(f"error: --out {args.out}: {out_problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    draw = drawer.start(_progress)
    try:
        return _build(args, draw)
    finally:
        if draw is not None:
            draw.close()


def _build(args: argparse.Namespace, draw: Drawer | None) -> int:
    """Read, route and write every export; ``draw`` (if any) writes the static map."""
    from routes.pipeline import build
    from routes.publish.outputs import write_all
    from routes.publish.web.render import map_html

    started = time.perf_counter()
    project = args.project or _single_project(args.reports)
    if project is not None:
        restored = _read_project(project)
        if restored is None:
            return EXIT_BAD_INPUT
        reports, corrections, settings = restored
        loaded = LoadResult(reports=reports)
    else:
        loaded = _load(args.reports)
        corrections = Corrections()
        settings = Settings(speed_kmh=args.speed, depart=args.depart, title=args.title)
    settings = replace(settings, map_size=args.size, byline=args.byline, shade_areas=args.areas)
    if not loaded.reports:
        print("error: no report could be read; nothing to map", file=sys.stderr)
        return EXIT_BAD_INPUT
    network = _network(args)
    if network is None:
        return EXIT_BAD_INPUT
    journey = build(
        loaded.reports,
        settings,
        corrections,
        problems=loaded.problems,
        network=network,
        progress=_progress,
    )
    for warning in journey.route.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not journey.places and not journey.route.stops:
        print(f"warning: {NO_PLACES_MESSAGE}; every file is written, empty", file=sys.stderr)
    _progress("drawing the map")
    try:
        written = write_all(
            journey,
            args.out,
            progress=_progress,
            html=lambda: map_html(journey, basemap=args.basemap),
            drawer=draw,
        )
    except OSError as error:
        print(f"error: --out {args.out}: cannot write ({error.strerror or error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path in written.values():
        print(path)
    elapsed = time.perf_counter() - started
    _progress(
        f"done in {elapsed:.1f} s: {len(journey.route.stops)} stops, "
        f"{journey.route.rail_km:,.0f} rail km, {len(journey.places)} places"
    )
    return EXIT_BAD_INPUT if loaded.problems else EXIT_OK


def _out_problem(out: Path) -> str | None:
    """Why ``--out`` cannot take the outputs (None when it can): a file, or not writable."""
    if out.exists() and not out.is_dir():
        return "is a file, not a folder; name a folder to write the map and exports into"
    existing = next((p for p in (out, *out.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        return f"{existing} is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"cannot write into {existing} (permission denied)"
    return None


def _single_project(paths: Sequence[Path]) -> Path | None:
    """The one REPORT path when it is a project file (``build project.json`` restores it)."""
    from routes.publish.export import is_project_file

    if len(paths) == 1 and paths[0].is_file() and is_project_file(paths[0]):
        _progress(f"{paths[0]} is a project file: restoring its reports, corrections, settings")
        return paths[0]
    return None


def _read_project(path: Path) -> tuple | None:
    """The reports, corrections and settings of a project file, or None after one message."""
    from routes.publish.export import read_project_file

    try:
        return read_project_file(path)
    except ValueError as error:
        print(f"error: {path}: {error}", file=sys.stderr)
        return None


def _run_parse(args: argparse.Namespace) -> int:
    """``parse``: the places found, as a table or GeoJSON."""
    from routes.publish.export import places_geojson
    from routes.read.gazetteer import load_gazetteer
    from routes.read.geoparse import parse

    loaded = _load(args.reports)
    if not loaded.reports:
        print("error: no report could be read", file=sys.stderr)
        return EXIT_BAD_INPUT
    parsed = parse(loaded.reports, load_gazetteer())
    if args.geojson:
        collection = places_geojson(parsed.places)
        print(json.dumps(collection, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for located in parsed.places:
            sources = sorted({m.source for m in located.mentions})
            print(
                f"{located.place.name:<28} {located.role:<12} {len(located.mentions):>3} mention(s)"
                f"  {', '.join(sources)}"
            )
    return EXIT_BAD_INPUT if loaded.problems else EXIT_OK


def _run_route(args: argparse.Namespace) -> int:
    """``route``: legs and stops between named places."""
    from routes.publish.export import route_geojson
    from routes.rail.route import RouteError, route_by_names
    from routes.read.gazetteer import load_gazetteer

    settings = Settings(speed_kmh=args.speed, depart=args.depart)
    network = _network(args)
    if network is None:
        return EXIT_BAD_INPUT
    try:
        result = route_by_names(args.places, settings, load_gazetteer(), network)
    except RouteError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    repeated = _repeated_stop(result)
    if repeated:
        print(f"error: {repeated}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.geojson:
        print(json.dumps(route_geojson(result), ensure_ascii=False, indent=2, sort_keys=True))
        return EXIT_OK
    for stop in result.stops:
        eta = stop.eta.isoformat(timespec="minutes") if stop.eta else "-"
        print(f"{stop.order:>2}. {stop.place.name:<24} {stop.km:>8,.1f} km  {eta}")
    print(f"total: {result.total_km:,.1f} km ({result.rail_km:,.1f} km by rail)")
    return EXIT_OK


def _repeated_stop(result: Route) -> str | None:
    """Why a route names the same place twice in a row (a 0 km leg), or None."""
    for before, after in itertools.pairwise(result.stops):
        if before.place.id == after.place.id:
            return (
                f"stops {before.order} and {after.order} are both {before.place.name}: "
                "name two different places in a row to route between them"
            )
    return None


if __name__ == "__main__":
    sys.exit(main())
