"""The command line: ``python -m routes build|parse|route …``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from routes.model import LoadResult, Settings

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
        help="write map.html, map.png/.svg/.pdf, route.geojson, route.kml, route.gpx, places.csv",
        description="Build the annotated map and every export for the reports into --out.",
    )
    _add_report_args(build)
    build.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    _add_timing_args(build)
    build.add_argument("--title", default="", help="map title (default: the report headline)")
    build.add_argument(
        "--basemap",
        choices=("osm", "light", "offline"),
        default="osm",
        help="tiles of the HTML map (default: osm); the offline outline layer is always there",
    )
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
    route.set_defaults(run=_run_route)
    return parser


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
    defaults = Settings()
    parser.add_argument(
        "--speed",
        type=_positive_float,
        default=defaults.speed_kmh,
        metavar="KMH",
        help=f"average train speed in km/h (default: {defaults.speed_kmh:g})",
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
    for problem in result.problems:
        print(f"error: {problem}", file=sys.stderr)
    return result


def _run_build(args: argparse.Namespace) -> int:
    """``build``: every export for the reports into ``--out``."""
    from routes.pipeline import build
    from routes.publish.export import write_all
    from routes.publish.web.render import map_html

    started = time.perf_counter()
    loaded = _load(args.reports)
    if not loaded.reports:
        print("error: no report could be read; nothing to map", file=sys.stderr)
        return EXIT_BAD_INPUT
    settings = Settings(speed_kmh=args.speed, depart=args.depart, title=args.title)
    journey = build(loaded.reports, settings, problems=loaded.problems, progress=_progress)
    for warning in journey.route.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    _progress("drawing the map")
    html = map_html(journey, basemap=args.basemap)
    written = write_all(journey, args.out, progress=_progress, html=html)
    for path in written.values():
        print(path)
    elapsed = time.perf_counter() - started
    _progress(
        f"done in {elapsed:.1f} s: {len(journey.route.stops)} stops, "
        f"{journey.route.rail_km:,.0f} rail km, {len(journey.places)} places"
    )
    return EXIT_BAD_INPUT if loaded.problems else EXIT_OK


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
    from routes.rail.network import load_network
    from routes.rail.route import RouteError, route_by_names
    from routes.read.gazetteer import load_gazetteer

    settings = Settings(speed_kmh=args.speed, depart=args.depart)
    try:
        result = route_by_names(args.places, settings, load_gazetteer(), load_network())
    except RouteError as error:
        print(f"error: {error}", file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main())
