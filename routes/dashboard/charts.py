"""The timeline chart of dated events per source (Altair), dates a source changed ringed."""

from __future__ import annotations

import altair as alt
import pandas as pd

from routes.dashboard.timeline import timeline_points, timeline_rows
from routes.model import Journey
from routes.publish import style

#: Widest source name on the chart's axis, in pixels (a phone keeps room for the days).
LABEL_LIMIT_PX = 120


def sources_chart(journey: Journey) -> tuple[alt.LayerChart | None, list[tuple[str, str]]]:
    """The chart of ``journey``'s dated events, one row per source, coloured by status.

    Returns
    -------
    tuple
        The chart (None when no event is dated to the day) and, per source that changed a
        date, ``(source, "Tue 12 Sep (superseded: …); …")`` for the caption under it.
    """
    points = timeline_points(timeline_rows(journey))
    if not points:
        return None, []
    frame = pd.DataFrame(points)
    frame["day"] = pd.to_datetime(frame["day"], format="ISO8601")
    frame["label"] = frame["what"].where(
        frame["what"].str.len() <= 36, frame["what"].str.slice(0, 35) + "…"
    )
    statuses = [s for s in style.STATUS_COLOURS if s in set(frame["status"])]
    days = frame["day"].dt.normalize()
    pad = pd.Timedelta(hours=18)
    domain = [(days.min() - pad).isoformat(), (days.max() + pad).isoformat()]
    base = alt.Chart(frame).encode(
        x=alt.X(
            "day:T", title=None,
            scale=alt.Scale(domain=domain),
            axis=alt.Axis(format="%a %d %b", tickCount="day", grid=True),
        ),
        y=alt.Y("source:N", title=None, sort=list(dict.fromkeys(frame["source"])),
                axis=alt.Axis(labelLimit=LABEL_LIMIT_PX, grid=True)),
        yOffset=alt.YOffset("status:N", sort=statuses, scale=alt.Scale(paddingOuter=0.6)),
        tooltip=[alt.Tooltip("source:N"), alt.Tooltip("day:T", format="%A %d %B %Y"),
                 alt.Tooltip("status:N"), alt.Tooltip("what:N", title="about"),
                 alt.Tooltip("quote:N", title="first sentence")],
    )  # fmt: skip
    points_layer = base.mark_circle(size=170, opacity=0.95).encode(
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=statuses, range=[style.STATUS_COLOURS[s] for s in statuses]),
            legend=alt.Legend(title="status", orient="bottom"),
        )
    )
    labels = base.mark_text(align="left", dx=11, fontSize=12, color="#333").encode(text="label:N")
    layers = [points_layer, labels]
    conflicts = frame[frame["conflict"]]
    if not conflicts.empty:
        rings = (
            alt.Chart(conflicts)
            .mark_point(size=520, strokeWidth=2.5, color="#CC3311", filled=False)
            .encode(
                x="day:T",
                y=alt.Y("source:N", sort=list(dict.fromkeys(frame["source"]))),
                yOffset=alt.YOffset("status:N", sort=statuses, scale=alt.Scale(paddingOuter=0.6)),
            )
        )
        layers.insert(0, rings)
    height = max(160, 30 * len(frame[["source", "status"]].drop_duplicates()) + 30)
    changes = [
        (
            str(source),
            "; ".join(f"{r.day:%a %d %b} ({r.status}: {r.what})" for r in rows.itertuples()),
        )
        for source, rows in conflicts.groupby("source", sort=False)
    ]
    return alt.layer(*layers).properties(height=height), changes
