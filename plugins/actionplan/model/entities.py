"""The plan model: plain typed objects, the single source of truth for every output."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from collections.abc import Iterator

from actionplan.model.dates import FuzzyDate
from actionplan.model.plan_names import menu_label, plan_name
from actionplan.model.vocabulary import RAG_RATINGS, STATUSES, rag_words

Number = int | float  # as the plan file writes it: 45 stays 45, 47.5 stays 47.5


@dataclass(frozen=True)
class Note:
    kind: str
    text: str
    field: str | None = None
    public: bool = False


@dataclass(frozen=True)
class Status:
    code: str
    text: str | None = None
    basis: str = "stated"

    @property
    def label(self) -> str:
        return STATUSES[self.code].label


@dataclass(frozen=True)
class Lead:
    text: str
    organisation: str | None = None
    directorate: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class MeasurePoint:
    """A measure's baseline or target: a figure and, if known, the date it applies to."""

    value: Number
    date: FuzzyDate | None = None


@dataclass(frozen=True)
class MeasureValue:
    """One dated figure reported for a measure."""

    date: FuzzyDate
    value: Number
    note: str | None = None


@dataclass(frozen=True)
class Measure:
    text: str  # the measure's name, as the plan writes it
    id: str | None = None
    activity: str | None = None
    placeholder: bool = False
    unit: str | None = None
    baseline: MeasurePoint | None = None
    target: MeasurePoint | None = None
    values: tuple[MeasureValue, ...] = ()  # oldest first

    @property
    def has_figures(self) -> bool:
        return bool(self.baseline or self.target or self.values)


@dataclass(frozen=True)
class Budget:
    amount: Number
    currency: str = "GBP"
    period: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class OfficerRating:
    """The lead officer's own RAG rating: never used by the site's judgement of timing."""

    code: str
    update: Update | None = None  # the update that gives it; None: the action's own rating

    @property
    def label(self) -> str:
        return RAG_RATINGS[self.code].label

    @property
    def words(self) -> str:
        """The rating in words, as every page and download shows it: "Amber (at risk)"."""
        return rag_words(self.code)


@dataclass(frozen=True)
class Activity:
    id: str
    text: str
    due: tuple[FuzzyDate, ...] = ()
    leads: tuple[Lead, ...] = ()


@dataclass(frozen=True)
class PsedAim:
    aim: str
    phrase: str | None = None
    basis: str = "stated"


@dataclass(frozen=True)
class Strands:
    codes: tuple[str, ...]
    text: str | None = None


@dataclass(frozen=True)
class EqualityGroups:
    """The equality groups a group's heading names; they apply to every action under it."""

    codes: tuple[str, ...]
    words: str | None = None


@dataclass(frozen=True)
class UpdateItem:
    text: str
    activity: str | None = None
    measure: str | None = None
    status: Status | None = None


@dataclass(frozen=True)
class Update:
    id: str
    date: FuzzyDate | None = None
    date_is_default: bool = False  # True when the date is the plan's progress_as_at
    label: str | None = None
    status: Status | None = None
    revised_due: FuzzyDate | None = None
    rag: str | None = None  # the officer's rating at this date (RAG_RATINGS code)
    percent_complete: Number | None = None
    text: str | None = None
    items: tuple[UpdateItem, ...] = ()
    next_steps: str | None = None
    impact: str | None = None
    reason: str | None = None
    footnotes: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Withdrawal:
    date: datetime.date  # qualified: the field's own name would shadow a bare `date`
    reason: str


@dataclass(frozen=True)
class Action:
    id: str
    number: str | None = None
    title: str | None = None
    description: str | None = None
    activities: tuple[Activity, ...] = ()
    outcome: str | None = None
    psed: tuple[PsedAim, ...] = ()
    measures: tuple[Measure, ...] = ()
    leads: tuple[Lead, ...] = ()
    monitored_by: tuple[str, ...] = ()
    due: tuple[FuzzyDate, ...] = ()
    strands: Strands | None = None
    related_documents: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    progress: tuple[Update, ...] = ()
    withdrawn: Withdrawal | None = None
    source_lines: tuple[int, int] | None = None
    notes: tuple[Note, ...] = ()
    source: Source | None = None  # where it was transcribed from (source_lines is its lines)
    previous_ids: tuple[str, ...] = ()  # ids it had before, oldest first
    rag: str | None = None  # the officer's own rating (RAG_RATINGS code), undated
    budget: Budget | None = None

    @property
    def latest_update(self) -> Update | None:
        return self.progress[-1] if self.progress else None

    @property
    def officer_rating(self) -> OfficerRating | None:
        """The latest update's rating that gives one, else the action's own, else None."""
        for update in reversed(self.progress):
            if update.rag:
                return OfficerRating(update.rag, update)
        return OfficerRating(self.rag) if self.rag else None

    @property
    def percent_update(self) -> Update | None:
        """The latest update that reports a percent complete."""
        return next((u for u in reversed(self.progress) if u.percent_complete is not None),
                    None)

    @property
    def status(self) -> Status:
        """Current status: withdrawn, else the latest update's, else "no update yet"."""
        if self.withdrawn:
            return Status("withdrawn", self.withdrawn.reason)
        latest = self.latest_update
        if latest is None:
            return Status("no_update")
        return latest.status or Status("unknown")

    @property
    def current_due(self) -> tuple[FuzzyDate, ...]:
        """Target dates after any revision made in a progress update."""
        for update in reversed(self.progress):
            if update.revised_due:
                return (update.revised_due,)
        return self.due


@dataclass(frozen=True)
class Level:
    kind: str
    label: str
    label_long: str | None = None
    plural: str | None = None


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    level: Level
    number: str | None = None
    theme: str | None = None
    description: str | None = None
    summary: str | None = None  # plain English for residents, shown first
    equality_groups: EqualityGroups | None = None
    notes: tuple[Note, ...] = ()
    groups: tuple[Group, ...] = ()
    actions: tuple[Action, ...] = ()
    source_lines: tuple[int, int] | None = None
    source: Source | None = None  # where it was transcribed from (source_lines is its lines)
    previous_ids: tuple[str, ...] = ()  # ids it had before, oldest first

    def all_actions(self) -> Iterator[Action]:
        yield from self.actions
        for group in self.groups:
            yield from group.all_actions()


@dataclass(frozen=True)
class Footnote:
    mark: str
    text: str


@dataclass(frozen=True)
class Abbreviation:
    term: str
    meaning: str
    basis: str = "stated"


@dataclass(frozen=True)
class StrandCode:
    code: str
    label: str
    maps_to: tuple[str, ...]


@dataclass(frozen=True)
class StrandScheme:
    label: str
    codes: tuple[StrandCode, ...]
    title: str | None = None
    key_text: str | None = None

    def code(self, code: str) -> StrandCode:
        return next(c for c in self.codes if c.code == code)


@dataclass(frozen=True)
class Organisation:
    name: str | None
    kind: str
    basis: str
    as_written: str | None = None
    evidence: str | None = None
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    file: str | None = None
    format: str | None = None
    lines: tuple[int, int] | None = None


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    organisation: Organisation
    levels: tuple[Level, ...]  # empty for a plan with no groups
    groups: tuple[Group, ...]
    # A plan with no groups (one flat list) holds its actions here; a plan with groups, none.
    actions: tuple[Action, ...] = ()
    short_title: str | None = None
    title_as_printed: str | None = None
    label: str | None = None
    document_status: Status | None = None
    period: FuzzyDate | None = None
    document_date: FuzzyDate | None = None
    progress_as_at: FuzzyDate | None = None
    parent_strategy: str | None = None
    introduction: str | None = None
    summary: str | None = None  # plain English for residents, shown first
    update_cadence: str | None = None
    footnotes: tuple[Footnote, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()
    strand_scheme: StrandScheme | None = None
    labels: dict[str, str] = field(default_factory=dict)
    source: Source | None = None
    notes: tuple[Note, ...] = ()
    data_file: str = ""
    # Action fields that at least one action fills: a column the plan does not have at all
    # is left off its pages rather than shown empty on every action.
    fields_present: frozenset[str] = frozenset()
    previous_ids: tuple[str, ...] = ()  # ids it had before, oldest first

    def __hash__(self) -> int:  # labels is a dict; plans are identified by id
        return hash(self.id)

    @property
    def name(self) -> str:
        """The short name that tells plans apart: "Merton: Equality Strategy Action Plan"."""
        return plan_name(self.title, self.short_title, self.organisation.name)

    @property
    def full_name(self) -> str:
        """The whole title with the organisation's name when it does not say it."""
        return plan_name(self.title, None, self.organisation.name)

    @property
    def menu_title(self) -> str:
        """The name as menus and breadcrumbs show it: at most 80 characters."""
        return menu_label(self.name)

    def all_groups(self) -> Iterator[tuple[Group, tuple[Group, ...]]]:
        """Every group with its ancestors (outermost first), in plan order."""
        def walk(groups, ancestors):
            for group in groups:
                yield group, ancestors
                yield from walk(group.groups, ancestors + (group,))
        yield from walk(self.groups, ())

    @property
    def is_flat(self) -> bool:
        """Whether the plan has no groups: its actions are one list under the plan itself."""
        return not self.groups

    def all_actions(self) -> Iterator[tuple[Action, tuple[Group, ...]]]:
        """Every action with its groups (outermost first; none in a flat plan), in plan order."""
        for action in self.actions:
            yield action, ()
        for group, ancestors in self.all_groups():
            for action in group.actions:
                yield action, ancestors + (group,)

    def has_field(self, field_name: str) -> bool:
        return field_name in self.fields_present

    def label_for(self, field_name: str, default: str) -> str:
        return self.labels.get(field_name, default)


@dataclass(frozen=True)
class Site:
    plans: tuple[Plan, ...]

    def plan(self, plan_id: str) -> Plan:
        return next(p for p in self.plans if p.id == plan_id)
