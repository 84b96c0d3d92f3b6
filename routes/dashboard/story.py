"""Story mode: stepping through the journey stop by stop (Previous / Next)."""

from __future__ import annotations

from collections.abc import Sequence

from routes.model import Journey


def story_stops(journey: Journey) -> list[str]:
    """The ids of the journey's stops in travel order, the steps of the story: each place
    once, at its first visit (a step is a selected place; a place passed out and back
    would otherwise send Next back to its first visit, round and round)."""
    return list(journey.route.first_visits)


def story_step(stops: Sequence[str], current: str | None, step: int) -> str | None:
    """The stop ``step`` steps (+1 next, -1 previous) from ``current``, kept within the stops.

    From a place that is not a stop (or none), Next starts at the first stop and
    Previous at the last.  None when the journey has no stop.
    """
    if not stops:
        return None
    if current not in stops:
        return stops[0] if step > 0 else stops[-1]
    at = min(max(stops.index(current) + step, 0), len(stops) - 1)
    return stops[at]


def story_position(stops: Sequence[str], current: str | None) -> str:
    """Where the story stands, for the line between the buttons ("Stop 2 of 5")."""
    if current in stops:
        return f"Stop {stops.index(current) + 1} of {len(stops)}"
    return f"{len(stops)} stop{'s' if len(stops) != 1 else ''}: step through them"
