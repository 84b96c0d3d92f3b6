"""Plain, frozen data passed from one pipeline stage to the next.

Every stage (reports -> geoparse -> places -> route -> render/export) takes and
returns these dataclasses only, so any stage can be tested, cached and reused by
the CLI and the dashboard alike.  Coordinates are always WGS84 ``(lon, lat)``
in tuples and ``lat``/``lon`` in named fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Role(StrEnum):
    """The part a place plays in a reported journey (GeoJSON ``role``), in display order."""

    ORIGIN = "origin"
    VIA = "via"
    BORDER = "border"
    DESTINATION = "destination"
    CONTEXT = "context"
    HISTORICAL = "historical"
    RULED_OUT = "ruled-out"
    ACTOR = "actor"
    DATELINE = "dateline"


class Status(StrEnum):
    """How sure a report is of what it says about a place (a mention's ``status``)."""

    REPORTED = "reported"
    EXPECTED = "expected"
    SPECULATIVE = "speculative"
    DENIED = "denied"
    RULED_OUT = "ruled-out"
    SUPERSEDED = "superseded"


class Kind(StrEnum):
    """What sort of place a gazetteer entry is (GeoJSON ``kind``)."""

    CITY = "city"
    TOWN = "town"
    STATION = "station"
    BORDER_CROSSING = "border-crossing"
    BRIDGE = "bridge"
    FACILITY = "facility"
    #: A mountain pass: the point where a line crosses a range ("climbed over the X Pass").
    PASS = "pass"
    REGION = "region"
    AREA = "area"
    COUNTRY = "country"
    RIVER = "river"


class LegKind(StrEnum):
    """How a leg between two stops was travelled, or that no track joins them."""

    RAIL = "rail"
    AIR = "air"
    ROAD = "road"
    NO_RAIL = "no-rail"


#: Journey roles a place can play, in display order.
ROLES: tuple[Role, ...] = tuple(Role)
#: Roles that put a place on the travelled route, strongest first: when one place's
#: mentions (or two entries for one stop) disagree, the earlier role here wins.
STOP_PRIORITY: tuple[Role, ...] = (Role.BORDER, Role.DESTINATION, Role.ORIGIN, Role.VIA)
#: Roles that put a place on the travelled route, in travel order.
STOP_ROLES: tuple[Role, ...] = (Role.ORIGIN, Role.VIA, Role.BORDER, Role.DESTINATION)
#: Roles of places that are not drawn as stops and are hidden from the map by default.
HIDDEN_ROLES: tuple[Role, ...] = (Role.HISTORICAL, Role.RULED_OUT, Role.ACTOR, Role.DATELINE)
#: Roles of mentions that are not places on the map (a capital standing for its government,
#: a dateline): GeoJSON Features with ``geometry: null``, never drawn.
UNDRAWN_ROLES: tuple[Role, ...] = (Role.ACTOR, Role.DATELINE)
#: Statuses a report can give a mention.
STATUSES: tuple[Status, ...] = tuple(Status)
#: Statuses that take a mention out of the current plan (no time, no stop from them).
NOT_CURRENT: tuple[Status, ...] = (Status.SUPERSEDED, Status.DENIED, Status.RULED_OUT)
#: Statuses that show sources disagreeing, highlighted for the user.
CONFLICT_STATUSES: tuple[Status, ...] = (Status.SUPERSEDED, Status.DENIED)
#: A reported time farther than this from the estimate (hours) is flagged, never hidden: the
#: assumed speed or the report is wrong, and a reader should know which to doubt.
ESTIMATE_TOLERANCE_HOURS = 3.0
#: Place kinds.
KINDS: tuple[Kind, ...] = tuple(Kind)
#: Kinds that are a point on the ground (a stop can be one).
POINT_KINDS: tuple[Kind, ...] = (
    Kind.CITY,
    Kind.TOWN,
    Kind.STATION,
    Kind.BORDER_CROSSING,
    Kind.BRIDGE,
    Kind.FACILITY,
    Kind.PASS,
)
#: Kinds drawn as polygons when an outline is known.
AREA_KINDS: tuple[Kind, ...] = (Kind.REGION, Kind.AREA, Kind.COUNTRY)

#: Shapes of the static map: "tall" follows the route's shape; the others are fixed ratios.
MAP_SIZES: tuple[str, ...] = ("tall", "16:9", "1:1", "4:5")
#: Which areas the static map shades: those named as a stop of the journey, every area a
#: report names, or none.
AREA_SHADING: tuple[str, ...] = ("journey", "all", "none")

#: The format tag of a project file (routes.publish.export writes and reads it).
PROJECT_FORMAT = "reported-routes-project"
#: What every view says when the reports name no place (the outputs are still written).
NO_PLACES_MESSAGE = "No places found in these reports"

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Report:
    """One news report: untrusted text plus what we know about it."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    published: date | None = None
    url: str | None = None
    language: str = "en"
    filename: str = ""


@dataclass(frozen=True)
class LoadProblem:
    """A file (or pasted text) that could not be read, and why, for the user."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class LoadResult:
    """Reports that loaded and the problems of those that did not."""

    reports: tuple[Report, ...] = ()
    problems: tuple[LoadProblem, ...] = ()
    #: Files of a folder passed over (hidden, or not a report type): not errors.
    skipped: tuple[LoadProblem, ...] = ()


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a named real-world place with its coordinates."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str = ""  # ISO 3166-1 alpha-2, "" when none (e.g. a river)
    population: int = 0
    aliases: tuple[str, ...] = ()
    curated: bool = True
    source: str = ""
    #: Polygon rings (lon, lat) for areas; empty for points.
    outline: tuple[Ring, ...] = ()


@dataclass(frozen=True)
class TimeRef:
    """A time expression in a report, resolved against its published date."""

    report_id: str
    start: int
    end: int
    text: str
    date: str  # ISO 8601 date or datetime
    status: str = Status.REPORTED
    source: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    #: The part of the day said ("evening" for "late on Sunday"), "" when none was said or
    #: a clock time was: then the clock of ``date`` is a convention, not what was reported.
    part: str = ""


@dataclass(frozen=True)
class Mention:
    """One occurrence of a place in a report, with who said it and when.

    ``report.text[start:end]`` is exactly the place wording; ``quote`` is the
    whole sentence it stands in, ``report.text[sentence_start:sentence_end]``.
    """

    report_id: str
    place_id: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    quote: str
    source: str
    date: str | None = None
    status: str = Status.REPORTED
    role: str = Role.CONTEXT
    #: The part of the day its date was said with (see :attr:`TimeRef.part`).
    part: str = ""


@dataclass(frozen=True)
class LocatedPlace:
    """A place with every mention of it and the journey role they add up to."""

    place: Place
    role: str
    mentions: tuple[Mention, ...]
    #: Mentions found but not kept (beyond the per-report bound of routes.read.geoparse).
    omitted_mentions: int = 0

    @property
    def mention_count(self) -> int:
        """Every mention found, kept or not."""
        return len(self.mentions) + self.omitted_mentions


@dataclass(frozen=True)
class Parsed:
    """What geoparsing found in a batch of reports."""

    places: tuple[LocatedPlace, ...] = ()
    timerefs: tuple[TimeRef, ...] = ()


#: The average speed of a long-distance passenger train with its stops (sources in
#: geodata/README.md, "trains.toml"), used when neither the user nor the reports give one.
DEFAULT_SPEED_KMH = 60.0
#: What a speed the user set rests on (:attr:`Settings.speed_basis`).
SPEED_SET_BY_USER = "set by you"


@dataclass(frozen=True)
class Settings:
    """User-adjustable settings of routing and timing."""

    #: Average speed set by the user; None takes the speed the reports give
    #: (routes/read/speeds.py), else :data:`DEFAULT_SPEED_KMH`.
    speed_kmh: float | None = None
    #: Departure from the origin; None derives it from the origin's mentions.
    depart: datetime | None = None
    #: Minutes stopped at each intermediate stop.
    dwell_min: float = 15.0
    #: Minutes stopped at a border: passport and customs checks.
    border_dwell_min: float = 60.0
    #: Minutes more on a leg where the track gauge changes (bogies changed, 2-3 hours).
    gauge_change_min: float = 180.0
    #: A stop farther than this from the network is flagged, not snapped.
    max_snap_km: float = 10.0
    title: str = ""
    #: What the speed used rests on, set by the pipeline: :data:`SPEED_SET_BY_USER`, or one
    #: of routes/read/speeds.py (stated in the reports, a kind of train, the default).
    speed_basis: str = ""
    #: The static map's shape: one of routes.model.MAP_SIZES.
    map_size: str = "tall"
    #: The static map's "Graphic: ..." credit, empty for none.
    byline: str = ""
    #: Which areas the static map shades: one of routes.model.AREA_SHADING.
    shade_areas: str = "journey"

    @property
    def running_speed_kmh(self) -> float:
        """The speed the train is timed at: the one set, else :data:`DEFAULT_SPEED_KMH`."""
        return self.speed_kmh if self.speed_kmh is not None else DEFAULT_SPEED_KMH


@dataclass(frozen=True)
class Corrections:
    """A user's fixes to what the machine found, replayed on every build."""

    roles: tuple[tuple[str, str], ...] = ()  # (place_id, role)
    excluded: tuple[str, ...] = ()  # place ids dropped from the map
    added: tuple[str, ...] = ()  # gazetteer place ids added as stops
    order: tuple[str, ...] = ()  # explicit stop order, place ids

    def role_of(self, place_id: str) -> str | None:
        """The role the user set for ``place_id``, if any."""
        return dict(self.roles).get(place_id)


@dataclass(frozen=True)
class Stop:
    """A place the train is reported to pass, snapped to the network."""

    place: Place
    role: str
    order: int
    km: float = 0.0  # cumulative rail km from the origin
    eta: datetime | None = None
    node: str | None = None  # station node id, None when not snapped
    snap_km: float = 0.0
    off_network: bool = False  # farther than Settings.max_snap_km from rail
    reported: datetime | None = None  # time a report gives for this stop
    #: The part of the day ``reported`` was said with ("evening" for "late on Sunday"; its
    #: clock is only a convention for timing), "" when a clock time was given.
    reported_part: str = ""
    #: The day a report gives for this stop when it gives no time of day ("on Tuesday").
    reported_day: date | None = None

    @property
    def estimate_disagrees(self) -> bool:
        """Whether the reported time and the estimate differ by more than the tolerance."""
        return self.delta_hours is not None and abs(self.delta_hours) > ESTIMATE_TOLERANCE_HOURS

    #: eta - reported in hours, when both are known; with only a reported day, how far the
    #: ETA falls outside that day (0 within it).
    delta_hours: float | None = None


@dataclass(frozen=True)
class Leg:
    """The path between two consecutive stops."""

    from_id: str
    to_id: str
    kind: str  # a LegKind: rail, air, road or no-rail
    coords: tuple[tuple[float, float], ...]
    km: float
    countries: tuple[str, ...] = ()
    border_point: tuple[float, float] | None = None
    gauges: tuple[int, ...] = ()  # track gauges in mm in travel order, where known


@dataclass(frozen=True)
class Route:
    """Stops in travel order and the legs between them.

    A stop is one visit: a place passed on the way out and again on the way back is two
    stops of the same place (:meth:`visits_of`), its first visit standing for it where a
    place is shown once (:attr:`first_visits`).
    """

    stops: tuple[Stop, ...] = ()
    legs: tuple[Leg, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def first_visits(self) -> dict[str, Stop]:
        """The first visit of each place on the route, by place id, in travel order."""
        firsts: dict[str, Stop] = {}
        for stop in self.stops:
            firsts.setdefault(stop.place.id, stop)
        return firsts

    def visits_of(self, place_id: str) -> tuple[Stop, ...]:
        """Every visit of the place ``place_id``, in travel order (a place passed out and
        back is visited twice); empty when it is no stop."""
        return tuple(stop for stop in self.stops if stop.place.id == place_id)

    @property
    def total_km(self) -> float:
        """Length of all legs, rail and no-rail."""
        return sum(leg.km for leg in self.legs)

    @property
    def rail_km(self) -> float:
        """Length of the legs that follow track."""
        return sum(leg.km for leg in self.legs if leg.kind == LegKind.RAIL)


@dataclass(frozen=True)
class Journey:
    """Everything the map and the exports draw: the pipeline's final result."""

    title: str
    reports: tuple[Report, ...]
    places: tuple[LocatedPlace, ...]
    route: Route
    timerefs: tuple[TimeRef, ...] = ()
    problems: tuple[LoadProblem, ...] = ()
    settings: Settings = field(default_factory=Settings)
    corrections: Corrections = field(default_factory=Corrections)

    def report(self, report_id: str) -> Report | None:
        """The report with id ``report_id``, if loaded."""
        return next((r for r in self.reports if r.id == report_id), None)
