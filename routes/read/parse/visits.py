"""Visits in the order they happened: event time first, then the order along the track.

Reports tell a journey out of order ("Earlier, the train had pulled in to X"), so text order
says little. Each stop carries the earliest event time its current mentions give (the date
the sentence puts on the mention, with its precision); :func:`order_by_event_time` sorts stops
already ordered along the rail (``routes.rail.route.order_stops``) by those times, a stop with
no time keeping its place right after the stop before it on the track.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from routes.model import NOT_CURRENT, STOP_ROLES, LocatedPlace, Place, Role

#: Characters of an ISO date-time compared: the day, or the day and the hour and minute.
_DAY, _MINUTE = 10, 16

T = TypeVar("T", bound=tuple)


def event_times(places: Sequence[LocatedPlace]) -> dict[str, str]:
    """The earliest event time of each stop place, by place id (ISO, as precise as said).

    Only current stop mentions count (not superseded, denied or ruled out); a year alone
    is too vague to order visits and is left out.
    """
    times: dict[str, str] = {}
    for located in places:
        for mention in located.mentions:
            if mention.role not in STOP_ROLES or mention.status in NOT_CURRENT:
                continue
            when = mention.date
            if not when or len(when) < _DAY:
                continue
            when = when[:_MINUTE]
            held = times.get(located.place.id)
            if held is None or when < held:
                times[located.place.id] = when
    return times


def order_by_event_time(stops: Sequence[T], times: dict[str, str]) -> list[T]:
    """``(place, role, …)`` stops sorted by event time, the track order breaking ties.

    Parameters
    ----------
    stops
        Stops in order along the track, each a tuple whose first item is a :class:`Place`.
    times
        Event times by place id (:func:`event_times`).

    Returns
    -------
    list
        The stops by event time; a stop without one takes the time of the stop before it,
        so the track order stands wherever the reports give no time. Two dated stops out of
        track order swap only when their days differ (times within a day are often when
        something was said, not when the train was there).
    """
    keyed = []
    current = ""
    for index, stop in enumerate(stops):
        place: Place = stop[0]
        when = times.get(place.id)
        if index == 0 and stop[1] == Role.ORIGIN:
            key = ""  # where the journey began comes first whatever was said when
        elif stop[1] == Role.DESTINATION:
            key = _LAST  # destinations stay at the end, in track order
        elif when is not None:
            key = current = when[:_DAY]
        else:
            key = current
        keyed.append((key, index, stop))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [stop for _, _, stop in keyed]


#: Sorts after every ISO date.
_LAST = "~"


def track_order(stops: Sequence[T], order: Callable[[Sequence[T]], list[T]]) -> list[T]:
    """``stops`` along the track by ``order`` (``routes.rail.route.order_stops`` on a network).

    ``order`` runs from the origin. A report that names where the train is going but not
    where it came from ("the train reached Chita on its way to Moscow") is ordered from the
    destination backwards instead: the stop farthest from it first.
    """
    if any(stop[1] == Role.ORIGIN for stop in stops):
        return order(stops)
    destinations = [stop for stop in stops if stop[1] == Role.DESTINATION]
    if len({stop[0].id for stop in destinations}) != 1:
        return order(stops)
    end = destinations[0]
    flipped = [
        (stop[0], Role.ORIGIN, *stop[2:]) if stop[0].id == end[0].id else stop for stop in stops
    ]
    backwards = order(flipped)[::-1]
    return [end if stop[0].id == end[0].id else stop for stop in backwards]
