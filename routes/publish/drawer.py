"""The static map drawn in a second process, beside the rest of a build.

A cold ``python -m routes build`` spends about as long on the PNG/SVG/PDF drawing
(importing matplotlib, drawing, saving three formats) as on everything else after
reading (folium and the map page, GDAL's KML and GPX). The two halves share nothing but
the journey, so on a machine with a second core the CLI starts a :class:`Drawer` first:
a forked process that imports matplotlib while the parent reads the reports, then draws
the journey it is sent and writes the static map files itself. :func:`start` gives None
where ``fork`` is missing (macOS's and Windows' default start methods re-import the whole
program) or where there is one core, and the build draws in its own process as before.
The files are byte-identical either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from routes.model import Journey
from routes.publish.outputs import OUTPUTS, Output, Progress, render_all, write_files

#: The outputs the drawer makes: the formats of the one static map drawing.
DRAWN: tuple[Output, ...] = tuple(output for output in OUTPUTS if output.static_map)


@dataclass
class Drawer:
    """A running drawing process and the parent's end of its pipe."""

    process: BaseProcess
    conn: Connection

    def draw(self, journey: Journey, out_dir: Path) -> None:
        """Send ``journey``: the drawer writes :data:`DRAWN` into ``out_dir``."""
        self.conn.send((journey, str(out_dir)))

    def wait(self) -> dict[str, Path]:
        """The files the drawer wrote, by name; re-raises the error it met, if any."""
        try:
            result = self.conn.recv()
        except EOFError:
            self.process.join()
            msg = f"the static map process ended without a result (exit {self.process.exitcode})"
            raise RuntimeError(msg) from None
        finally:
            self.process.join(timeout=5)
        if isinstance(result, BaseException):
            raise result
        return {name: Path(path) for name, path in result.items()}

    def close(self) -> None:
        """Stop the drawer if it was never sent a journey (a build that ends early)."""
        if self.process.is_alive():
            with contextlib.suppress(OSError):  # it died already
                self.conn.send(None)
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()
        self.conn.close()


def start(progress: Progress | None = None) -> Drawer | None:
    """Fork a drawer (it starts importing matplotlib at once), or None where it cannot help."""
    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, progress), daemon=True)
    process.start()
    child.close()
    return Drawer(process, parent)


def _serve(conn: Connection, progress: Progress | None) -> None:
    """The drawer's body: warm up, wait for one journey, draw it, answer, exit."""
    import routes.publish.png.draw  # noqa: F401  (the import is the warm-up)

    job = conn.recv()
    if job is None:
        return
    journey, out_dir = job
    try:
        conn.send(write_drawn(journey, Path(out_dir), progress=progress))
    except Exception as error:  # every failure goes back to the parent
        conn.send(_sendable(error))


def write_drawn(
    journey: Journey, out_dir: Path, *, progress: Progress | None = None
) -> dict[str, str]:
    """Draw ``journey`` once and write every :data:`DRAWN` format into ``out_dir``."""
    files = render_all(journey, "", progress=progress, outputs=DRAWN)
    return {name: str(path) for name, path in write_files(out_dir, files).items()}


def _sendable(error: Exception) -> BaseException:
    """``error`` itself when it pickles (an OSError keeps its errno), else its message."""
    import pickle

    try:
        pickle.dumps(error)
    except Exception:  # an error holding something unpicklable
        return RuntimeError(f"drawing the static map failed: {error}")
    return error
