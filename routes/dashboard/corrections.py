"""The user's corrections: the places table, role changes, exclusions, added stops, order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from routes.model import ROLES, STOP_ROLES, Corrections, Journey, Kind, Mention, Place, Role

#: Columns of the places table the user edits, in display order.
TABLE_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "role",
    "exclude",
    "order",
    "km",
    "mentions",
    "sources",
)
#: Columns the user may change; the others are shown read-only.
EDITABLE_COLUMNS: tuple[str, ...] = ("role", "exclude", "order")


# --- the places table and corrections ------------------------------------------


def places_table(
    journey: Journey, *, lookup: Mapping[str, Place] | None = None
) -> list[dict[str, Any]]:
    """One row per place for the editable places table, stops first in route order.

    Excluded places stay in the table (``exclude`` ticked) so a user can bring
    them back; their name comes from ``lookup`` (e.g. the gazetteer) when given.

    Parameters
    ----------
    journey
        The current result of the pipeline.
    lookup
        Place by id for the places the corrections excluded.

    Returns
    -------
    list of dict
        Rows with the keys :data:`TABLE_COLUMNS`.
    """
    stops = journey.route.first_visits
    excluded = journey.corrections.excluded
    rows: list[dict[str, Any]] = []
    for located in journey.places:
        if located.place.id in excluded:
            continue
        stop = stops.get(located.place.id)
        rows.append(
            {
                "id": located.place.id,
                "name": located.place.name,
                "kind": located.place.kind,
                "role": located.role,
                "exclude": False,
                "order": stop.order if stop else None,
                "km": round(stop.km, 1) if stop else None,
                "mentions": len(located.mentions),
                "sources": ", ".join(_sources(located.mentions)),
            }
        )
    shown = {p.place.id: p.place for p in journey.places}
    for place_id in excluded:
        place = (lookup or {}).get(place_id) or shown.get(place_id)
        rows.append(
            {
                "id": place_id,
                "name": place.name if place else place_id,
                "kind": place.kind if place else "",
                "role": journey.corrections.role_of(place_id) or Role.CONTEXT,
                "exclude": True,
                "order": None,
                "km": None,
                "mentions": 0,
                "sources": "",
            }
        )
    big = len(rows) + 1
    rows.sort(key=lambda row: (row["order"] if row["order"] is not None else big, row["name"]))
    return rows


def apply_edits(
    rows: Sequence[Mapping[str, Any]], edits: Mapping[str, Any], corrections: Corrections
) -> Corrections:
    """Corrections after the user's edits of the places table.

    Parameters
    ----------
    rows
        The table as shown (:func:`places_table`).
    edits
        ``st.data_editor`` state: ``{"edited_rows": {row_index: {column: value}}}``;
        row indexes may be ints or strings.
    corrections
        The corrections the table was built with.

    Returns
    -------
    Corrections
        With role changes, exclusions (or un-exclusions) and a new stop order
        when an ``order`` cell changed.
    """
    changed = {int(i): dict(v) for i, v in (edits.get("edited_rows") or {}).items()}
    result = corrections
    for index, change in sorted(changed.items()):
        if not 0 <= index < len(rows):
            continue
        row = rows[index]
        role = change.get("role")
        if role in ROLES and role != row["role"]:
            result = set_role(result, row["id"], role)
        if "exclude" in change and bool(change["exclude"]) != bool(row["exclude"]):
            result = (
                remove_stop(result, row["id"]) if change["exclude"] else restore(result, row["id"])
            )
    if any("order" in change for change in changed.values()):
        result = replace(result, order=_new_order(rows, changed, result))
    return result


def set_role(corrections: Corrections, place_id: str, role: str) -> Corrections:
    """Corrections with ``place_id`` given the role ``role``."""
    if role not in ROLES:
        msg = f"unknown role {role!r}; expected one of {', '.join(ROLES)}"
        raise ValueError(msg)
    roles = tuple((pid, r) for pid, r in corrections.roles if pid != place_id)
    return replace(corrections, roles=(*roles, (place_id, role)))


def add_stop(
    corrections: Corrections, place_id: str, *, present: Mapping[str, str] | None = None
) -> Corrections:
    """Corrections with ``place_id`` (a gazetteer id) on the route as a stop.

    Parameters
    ----------
    corrections
        The current corrections.
    place_id
        The place to add.
    present
        Role by place id of the places the reports already mention: such a
        place is turned into a ``via`` stop rather than added twice.

    Returns
    -------
    Corrections
    """
    result = restore(corrections, place_id)
    role = (present or {}).get(place_id)
    if role is not None:
        return result if role in STOP_ROLES else set_role(result, place_id, Role.VIA)
    if place_id in result.added:
        return result
    return replace(result, added=(*result.added, place_id))


def remove_stop(corrections: Corrections, place_id: str) -> Corrections:
    """Corrections without ``place_id`` on the map: an added stop is dropped, others excluded."""
    order = tuple(pid for pid in corrections.order if pid != place_id)
    if place_id in corrections.added:
        added = tuple(pid for pid in corrections.added if pid != place_id)
        roles = tuple((pid, r) for pid, r in corrections.roles if pid != place_id)
        return replace(corrections, added=added, roles=roles, order=order)
    if place_id in corrections.excluded:
        return replace(corrections, order=order)
    return replace(corrections, excluded=(*corrections.excluded, place_id), order=order)


def restore(corrections: Corrections, place_id: str) -> Corrections:
    """Corrections with ``place_id`` no longer excluded."""
    excluded = tuple(pid for pid in corrections.excluded if pid != place_id)
    return replace(corrections, excluded=excluded)


def reset_order(corrections: Corrections) -> Corrections:
    """Corrections that let the stops follow the rail again (no explicit order)."""
    return replace(corrections, order=())


def _new_order(
    rows: Sequence[Mapping[str, Any]],
    changed: Mapping[int, Mapping[str, Any]],
    corrections: Corrections,
) -> tuple[str, ...]:
    """Stop ids sorted by the edited ``order`` values; ties keep the old order."""
    excluded = set(corrections.excluded)
    keyed: list[tuple[float, int, str]] = []
    for index, row in enumerate(rows):
        change = changed.get(index, {})
        role = change.get("role", row["role"])
        value = change.get("order", row["order"])
        if role not in STOP_ROLES or row["id"] in excluded or change.get("exclude"):
            continue
        rank = float(value) if value is not None else float("inf")
        old = row["order"] if row["order"] is not None else len(rows)
        keyed.append((rank, old, row["id"]))
    return tuple(pid for _rank, _old, pid in sorted(keyed))


def _sources(mentions: Sequence[Mention]) -> list[str]:
    """The distinct sources of ``mentions``, in first-seen order."""
    return list(dict.fromkeys(m.source for m in mentions if m.source))


# --- moving stops, step-by-step undo and redo --------------------------------------------

#: Most correction steps kept for undo (older ones are dropped).
MAX_UNDO_STEPS = 200


def move_stop(
    corrections: Corrections, stops: Sequence[str], place_id: str, step: int
) -> Corrections:
    """Corrections with ``place_id`` moved ``step`` places along the stop order.

    Parameters
    ----------
    corrections
        The current corrections.
    stops
        The stop ids in the order the map shows them now.
    place_id
        The stop to move.
    step
        -1 to move it one stop earlier, +1 one stop later (clipped at the ends).

    Returns
    -------
    Corrections
        With an explicit ``order`` of every stop; unchanged when ``place_id`` is no stop.
    """
    order = list(stops)
    if place_id not in order:
        return corrections
    index = order.index(place_id)
    target = min(max(index + step, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    return replace(corrections, order=tuple(order))


@dataclass(frozen=True)
class History:
    """The user's corrections with the steps before them (undo) and after them (redo)."""

    current: Corrections = field(default_factory=Corrections)
    past: tuple[Corrections, ...] = ()
    future: tuple[Corrections, ...] = ()

    def apply(self, new: Corrections) -> History:
        """One correction step: ``new`` becomes current, redo is cleared."""
        if new == self.current:
            return self
        past = (*self.past, self.current)[-MAX_UNDO_STEPS:]
        return History(current=new, past=past, future=())

    def undo(self) -> History:
        """Back one step (unchanged when there is none)."""
        if not self.past:
            return self
        return History(self.past[-1], self.past[:-1], (self.current, *self.future))

    def redo(self) -> History:
        """Forward one undone step (unchanged when there is none)."""
        if not self.future:
            return self
        return History(self.future[0], (*self.past, self.current), self.future[1:])


# --- the "add a stop" search -------------------------------------------------------------

#: Kinds a train stops at, best first; any other kind (regions, rivers …) comes after them.
_STOP_KINDS: tuple[Kind, ...] = (
    Kind.STATION,
    Kind.CITY,
    Kind.TOWN,
    Kind.BORDER_CROSSING,
    Kind.BRIDGE,
    Kind.FACILITY,
)


def stop_matches(places: Sequence[Place], query: str, *, limit: int) -> list[Place]:
    """Gazetteer matches for "add a stop": stations and settlements first, each name once.

    Parameters
    ----------
    places
        What the gazetteer's search found for ``query``.
    query
        What the user typed (an exact name match ranks first within its kind).
    limit
        Most places returned.

    Returns
    -------
    list of Place
        One place per name and country (the most populous), stations and settlements
        before regions, areas, rivers and countries; then exact names, then population.
    """
    best: dict[tuple[str, str], Place] = {}
    for place in places:
        key = (place.name.casefold(), place.country)
        if key not in best or place.population > best[key].population:
            best[key] = place
    wanted = query.strip().casefold()

    def rank(place: Place) -> tuple[int, int, int]:
        kind = _STOP_KINDS.index(place.kind) if place.kind in _STOP_KINDS else len(_STOP_KINDS)
        return (kind, place.name.casefold() != wanted, -place.population)

    return sorted(best.values(), key=rank)[:limit]


def match_label(place: Place) -> str:
    """A search match as the user reads it: "Tumen — town, China"."""
    from routes.publish.web.text import country_name

    kind = str(place.kind).replace("-", " ")
    country = country_name(place.country) if place.country else "no country"
    return f"{place.name} — {kind}, {country}"
