"""The output registry: every file a build writes, defined once.

The CLI's help, :func:`write_all`, the dashboard's download buttons and the tests all
read :data:`OUTPUTS`, the way ``geopandas.io.file`` keeps one table from a format to its
driver. A new export is one :class:`Output` here, and every surface offers it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from routes.model import Journey

if TYPE_CHECKING:  # matplotlib loads when a static map is first asked for
    from routes.publish.drawer import Drawer
    from routes.publish.png.draw import MapDrawing

#: A progress callback: called with a short message before each file.
Progress = Callable[[str], None]
#: Makes one file's content: the journey and the already rendered map page in, text or bytes out.
Maker = Callable[[Journey, str], "str | bytes"]


@dataclass(frozen=True)
class Output:
    """One file a build writes.

    Attributes
    ----------
    file
        The file name written into the output folder (``route.kml``).
    label
        The dashboard's download button label.
    mime
        The MIME type the dashboard serves it with.
    description
        What it is, for the CLI help and the README's table.
    make
        ``make(journey, map_page) -> str | bytes``; ``map_page`` is the rendered map.html.
    quick
        True when it is cheap enough to make on every dashboard rerun; else made on click.
    static_map
        True for the formats of the one static map drawing (matplotlib), which a build may
        make in a second process (:mod:`routes.publish.drawer`).
    """

    file: str
    label: str
    mime: str
    description: str
    make: Maker
    quick: bool = False
    static_map: bool = False


def _map_page(_journey: Journey, page: str) -> str:
    """The interactive map, already rendered by the caller."""
    return page


def _static(fmt: str) -> Maker:
    """A maker of the static map saved as ``fmt`` (png, svg or pdf): the formats of one
    journey share one drawing (:func:`_drawing`)."""

    def make(journey: Journey, _page: str) -> bytes:
        return _drawing(journey).save(fmt)

    return make


#: The last journey drawn and its drawing: the PNG, SVG and PDF of a build are one drawing.
_LAST_DRAWING: list[tuple[Journey, MapDrawing]] = []


def _drawing(journey: Journey) -> MapDrawing:
    """The static map drawing of ``journey`` (this very object), drawn on first use."""
    from routes.publish.png.draw import MapDrawing

    last = _LAST_DRAWING[:1]
    if last and last[0][0] is journey:
        return last[0][1]
    drawing = MapDrawing(journey)
    _LAST_DRAWING[:] = [(journey, drawing)]
    return drawing


def _geojson(journey: Journey, _page: str) -> bytes:
    """The GeoJSON contract file."""
    from routes.publish.geojson import geojson_bytes

    return geojson_bytes(journey)


def _kml(journey: Journey, _page: str) -> bytes:
    """KML through GDAL."""
    from routes.publish.kml_gpx import kml_bytes

    return kml_bytes(journey)


def _gpx(journey: Journey, _page: str) -> bytes:
    """GPX through GDAL."""
    from routes.publish.kml_gpx import gpx_bytes

    return gpx_bytes(journey)


def _csv(journey: Journey, _page: str) -> str:
    """One row per place."""
    from routes.publish.csv_table import places_csv

    return places_csv(journey)


def _project(journey: Journey, _page: str) -> str:
    """The reports, corrections and settings, to carry on later."""
    from routes.publish.project import project_json

    return project_json(journey.reports, journey.corrections, journey.settings)


#: Every output, in writing order.
OUTPUTS: tuple[Output, ...] = (
    Output("map.html", "Map (HTML)", "text/html", "the interactive map; opens from disk",
           _map_page),
    Output("map.png", "Map (PNG)", "image/png", "a print and social image", _static("png"),
           static_map=True),
    Output("map.svg", "Map (SVG)", "image/svg+xml", "the same drawing, text kept as text",
           _static("svg"), static_map=True),
    Output("map.pdf", "Map (PDF)", "application/pdf", "the same drawing for print",
           _static("pdf"), static_map=True),
    Output("route.geojson", "GeoJSON", "application/geo+json",
           "places, legs and areas (the GeoJSON contract)", _geojson, quick=True),
    Output("route.kml", "KML", "application/vnd.google-earth.kml+xml",
           "for Google Earth and QGIS, quotes as descriptions", _kml),
    Output("route.gpx", "GPX", "application/gpx+xml", "stops as waypoints, the route as a track",
           _gpx),
    Output("places.csv", "Places (CSV)", "text/csv",
           "one row per place: role, order, km, arrival, first source", _csv, quick=True),
    Output("project.json", "Project file", "application/json",
           "reports, corrections and settings: open it again to carry on", _project, quick=True),
)  # fmt: skip
#: Output by file name.
BY_FILE: dict[str, Output] = {output.file: output for output in OUTPUTS}
#: The file names, in writing order.
OUTPUT_FILES: tuple[str, ...] = tuple(BY_FILE)


def to_bytes(content: str | bytes) -> bytes:
    """``content`` as the bytes written to disk (text as UTF-8, newlines kept)."""
    return content.encode("utf-8") if isinstance(content, str) else content


def render_all(
    journey: Journey,
    page: str,
    *,
    progress: Progress | None = None,
    outputs: Sequence[Output] = OUTPUTS,
) -> dict[str, bytes]:
    """Every output of ``journey`` (or those given) as bytes, by file name, in order.

    Parameters
    ----------
    journey
        The pipeline's result.
    page
        The rendered map page (``routes.publish.web.render.map_html``).
    progress
        Called with "writing <file>" before each output.
    outputs
        Which outputs to make; all of :data:`OUTPUTS` by default.
    """
    say = progress or (lambda _message: None)
    files: dict[str, bytes] = {}
    for output in outputs:
        say(f"writing {output.file}")
        files[output.file] = to_bytes(output.make(journey, page))
    return files


def write_all(
    journey: Journey,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    html: str | Callable[[], str] | None = None,
    drawer: Drawer | None = None,
) -> dict[str, Path]:
    """Write every output of ``journey`` into ``out_dir`` (created if needed).

    Parameters
    ----------
    journey
        The pipeline's result.
    out_dir
        The output folder.
    progress
        Called with a short message before each file.
    html
        The map page, or a function that renders it, when the caller chooses how; else it
        is rendered here with the defaults.
    drawer
        A drawing process (:func:`routes.publish.drawer.start`): it is sent the journey
        first and writes the static map formats while this process makes the rest.

    Returns
    -------
    dict[str, Path]
        File name (:data:`OUTPUT_FILES`) → path written, in :data:`OUTPUTS` order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if drawer is not None:
        drawer.draw(journey, out)
    here = [o for o in OUTPUTS if drawer is None or not o.static_map]
    written = write_files(
        out, render_all(journey, _page(journey, html), progress=progress, outputs=here)
    )
    if drawer is not None:
        written.update(drawer.wait())
    return {name: written[name] for name in OUTPUT_FILES}


def write_files(out_dir: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Write each ``files`` entry into ``out_dir`` under its name; the paths, by name."""
    written: dict[str, Path] = {}
    for name, data in files.items():
        (out_dir / name).write_bytes(data)
        written[name] = out_dir / name
    return written


def _page(journey: Journey, html: str | Callable[[], str] | None) -> str:
    """The map page: given, rendered by the given function, or rendered with the defaults."""
    if isinstance(html, str):
        return html
    if html is not None:
        return html()
    from routes.publish.web.render import map_html

    return map_html(journey)
