"""The data model: what `data/states.yaml` and `data/instruments.yaml` may say.

These pydantic models are the single definition of the data format: the loader validates
against them, and the JSON Schema in `schema/` is generated from them (`coopfinder schema`).
Every fact that can be wrong carries a `source`; unknown is written as unknown, never "no".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from . import dates, vocab


def _check_date(text: str) -> str:
    dates.parse_partial(text)  # raises BadDate (a ValueError) with a readable message
    return text


def _literal(names: dict[str, str]):  # a Literal type whose values are a vocabulary's ids
    return Literal[tuple(names)]  # type: ignore[valid-type]


PartialDate = Annotated[
    str,
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date at the source's precision: YYYY, YYYY-MM or YYYY-MM-DD"),
    AfterValidator(_check_date),
]
StateCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code (customary code where none: XK)")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="stable lower-case id, never renumbered")]
Url = Annotated[str, Field(min_length=3, description="where the fact comes from: an official page or a citation")]
Measure = _literal(vocab.MEASURES)
Crime = _literal(vocab.CRIMES)
Channel = _literal(vocab.CHANNELS)
Kind = _literal(vocab.KINDS)


class Record(BaseModel):
    """Base of every record: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Record):
    source: Url | None = Field(None, description="official page or citation the fact comes from")
    seen_in: str | None = Field(None, description="where the value was actually read, if not the source itself (a stored copy, a gazette)")
    checked: PartialDate | None = Field(None, description="date a person last compared the value with its source")
    note: str | None = Field(None, description="free text for maintainers; not used by the engine")


# --- states and groups -------------------------------------------------------------


class Membership(Sourced):
    state: StateCode = Field(description="member state")
    since: PartialDate | None = Field(None, description="date membership began")
    until: PartialDate | None = Field(None, description="first day the state is no longer a member (withdrawal, expulsion); absent while a member")


class Group(Sourced):
    id: Slug = Field(description="group slug used by --group and by instruments' participation rules")
    name: str = Field(description="the group's name")
    members: list[Membership] = Field(default_factory=list, description="dated memberships")
    members_complete: bool = Field(True, description="false when the list is known to be partial: a state absent from it is "
                                   "'not recorded', never 'not a member'")


class NationalsPolicy(Sourced):
    value: _literal(vocab.NATIONALS_POLICIES) = Field(description="whether the state extradites its own nationals")  # type: ignore[valid-type]
    condition: str | None = Field(None, description="the condition, for 'conditional' (e.g. reciprocity, return to serve sentence)")
    citation: str | None = Field(None, description="the constitutional or statutory provision")
    to_groups: list[Slug] = Field(default_factory=list, description="groups whose members it surrenders nationals to (e.g. eu)")
    under_instruments: list[Slug] = Field(default_factory=list, description="instruments under which it surrenders nationals")


class TreatyNeed(Sourced):
    value: _literal(vocab.TREATY_NEEDS) = Field(description="whether the state needs a treaty to act")  # type: ignore[valid-type]
    law: str | None = Field(None, description="the law that allows or forbids acting without a treaty")
    citation: str | None = Field(None, description="citation of that law")


class DeathPenalty(Sourced):
    value: _literal(vocab.DEATH_PENALTY) = Field(description="Amnesty International's category")  # type: ignore[valid-type]


class Authority(Sourced):
    name: str = Field(description="the authority's name")
    citation: str | None = Field(None, description="the act or declaration designating it")


class LawRef(Sourced):
    name: str = Field(description="the law's name")
    citation: str | None = Field(None, description="its official citation")


class State(Sourced):
    code: StateCode = Field(description="ISO 3166-1 alpha-2 (or customary) code")
    name: str = Field(description="common English name")
    aliases: list[str] = Field(default_factory=list, description="other names users type (Czechia, UK, Türkiye)")
    parent: StateCode | None = Field(None, description="for a territory with treaty relations of its own: its parent state")
    since: PartialDate | None = Field(None, description="date the state came into being, where after 1945")
    extradites_nationals: NationalsPolicy | None = Field(None, description="whether it extradites its own nationals")
    needs_treaty_for_extradition: TreatyNeed | None = Field(None, description="whether it extradites only under a treaty")
    needs_treaty_for_mla: TreatyNeed | None = Field(None, description="whether it gives mutual legal assistance only under a treaty")
    death_penalty: DeathPenalty | None = Field(None, description="its death-penalty status")
    domestic_law: LawRef | None = Field(None, description="its law on international cooperation in criminal matters")
    central_authority_mla: Authority | None = Field(None, description="central authority for mutual legal assistance")
    central_authority_extradition: Authority | None = Field(None, description="central authority for extradition")


class Assertions(Record):
    """Minimum counts the dataset promises to keep (a drop means data was lost by accident)."""

    min_states: int | None = Field(None, ge=0, description="at least this many states")
    min_instruments: int | None = Field(None, ge=0, description="at least this many instruments")
    min_members: dict[Slug, int] = Field(default_factory=dict, description="group id -> at least this many members")
    min_parties: dict[Slug, int] = Field(default_factory=dict, description="instrument id -> at least this many party records")


class StatesFile(Record):
    """`data/states.yaml`."""

    as_of: PartialDate = Field(description="date the dataset was last brought up to date")
    assertions: Assertions | None = Field(None, description="minimum counts `validate` enforces")
    groups: list[Group] = Field(default_factory=list, description="groups and their dated memberships")
    states: list[State] = Field(description="every state and territory with treaty relations of its own")


# --- instruments -------------------------------------------------------------------


class Reservation(Sourced):
    kind: _literal(vocab.RESERVATION_KINDS) = Field(description="what the reservation or declaration does")  # type: ignore[valid-type]
    measures: list[Measure] = Field(default_factory=list, description="measures it touches; empty means all")  # type: ignore[valid-type]
    towards: list[StateCode] = Field(default_factory=list, description="only towards these requesting states; empty means all")
    text: str = Field(description="what it says, short")
    articles: list[str] = Field(default_factory=list, description="articles it is made under")
    languages: list[str] = Field(default_factory=list, description="for kind 'language': the languages accepted")


class Party(Sourced):
    state: StateCode = Field(description="the party")
    signed: PartialDate | None = Field(None, description="date of signature")
    ratified: PartialDate | None = Field(None, description="date of ratification, acceptance or approval (deposit)")
    acceded: PartialDate | None = Field(None, description="date of accession (deposit)")
    succeeded: PartialDate | None = Field(None, description="date of succession")
    in_force: PartialDate | None = Field(None, description="date the instrument entered into force for this party")
    not_ratified_as_of: PartialDate | None = Field(None, description="a signatory that a source shows had not ratified (or acceded) as of this date: 'not bound' up to it, 'not recorded' after")
    bound_by: PartialDate | None = Field(None, description="where the exact date is not recorded: a date by which a source shows the party bound (e.g. a depositary notification listing contracting states)")
    withdrawn: PartialDate | None = Field(None, description="first day it no longer applies to this party (denunciation, withdrawal, end of a transition period)")
    suspended: PartialDate | None = Field(None, description="date from which this party suspended it")
    suspended_towards: list[StateCode] = Field(default_factory=list, description="the suspension applies only towards these parties; empty: towards all")
    status_unknown_from: PartialDate | None = Field(None, description="from this date a source leaves open whether it still binds the party (a notice of termination later reported withdrawn, a denunciation law whose list was not read): 'not recorded' from then on, never 'no'")
    reservations: list[Reservation] = Field(default_factory=list, description="reservations and declarations that change answers")


class OptOut(Sourced):
    state: StateCode = Field(description="member of the group that is not bound")


class Participation(Sourced):
    """An EU-style rule: every member of a group on the date, minus named opt-outs."""

    group: Slug = Field(description="the group whose members are bound")
    from_: PartialDate | None = Field(None, alias="from", description="date from which members are bound (e.g. a transposition deadline)")
    certain_from: PartialDate | None = Field(None, description="date by which every member without a party record of its own is known to apply it; before it such a member's status is 'not recorded'")
    not_bound: list[OptOut] = Field(default_factory=list, description="members that are not bound")
    not_recorded: list[OptOut] = Field(default_factory=list, description="members whose participation (opt-in or opt-out) is not recorded: answered 'not recorded'")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Side(Record):
    group: Slug | None = Field(None, description="every member of this group (as bound by the instrument)")
    states: list[StateCode] = Field(default_factory=list, description="these states")


class Ground(Sourced):
    """A ground on which the requested state may (or must) refuse, or a rule that limits use."""

    code: Literal["political_offence", "fiscal_offence", "military_offence", "ne_bis_in_idem", "speciality",
                  "minimum_penalty", "death_penalty", "nationality", "dual_criminality"] = Field(
        description="the warning code it raises (see vocab.WARNING_CODES)")
    article: str | None = Field(None, description="the article that says so")
    text: str = Field(description="what it says, short")
    crimes: list[Crime] = Field(default_factory=list, description="raised only for these crimes (and for 'any'); empty: always")  # type: ignore[valid-type]


class Deadline(Sourced):
    what: str = Field(description="what must happen (decision on recognition, formal request after provisional arrest)")
    days: int = Field(ge=0, description="within how many days")
    hours: int | None = Field(None, ge=0, description="within how many hours, where counted in hours")
    article: str | None = Field(None, description="the article fixing it")
    after: Literal["start", "previous"] = Field("start", description="counted from the step's start (receipt, arrest) or from the previous deadline")
    step: Literal["request", "provisional_arrest"] = Field("request", description="the step it belongs to: the request itself, or the provisional arrest that precedes it (the formal request is due within it)")

    @property
    def span(self) -> str:
        """"48 hours" or "45 days", as the instrument counts it."""
        if self.hours is not None:
            return f"{self.hours + 24 * self.days} hours"
        return f"{self.days} days"

    @property
    def calendar_days(self) -> int:
        """Days to add to a start date for the last day the deadline can fall on: hours round up,
        because the start is a day and not an hour."""
        return self.days + -(-(self.hours or 0) // 24)


class Stage(Sourced):
    """One stage of a measure inside one instrument (freezing, then confiscation, then return)."""

    role: Literal["freezing", "confiscation", "return", "preservation", "production", "request"] = Field(
        description="what the stage does")
    articles: list[str] = Field(default_factory=list, description="articles that govern it")
    typical_days: int | None = Field(None, ge=0, description="typical time for this stage, in days")
    deadlines: list[Deadline] = Field(default_factory=list, description="deadlines of this stage")


class MeasureSpec(Sourced):
    measure: Measure = Field(description="the measure this instrument gives a basis for")  # type: ignore[valid-type]
    articles: list[str] = Field(default_factory=list, description="articles that govern it")
    channel: Channel = Field(description="how requests travel")  # type: ignore[valid-type]
    crimes: list[Crime] | None = Field(None, description="crime scope for this measure; absent: the instrument's scope")  # type: ignore[valid-type]
    condition: str | None = Field(None, description="a condition on the offence or the request, shown as a warning")
    dual_criminality: Literal["required", "not_required", "waived_for_list", "may_be_required", "unknown"] | None = Field(
        None, description="whether dual criminality is required under this measure")
    typical_days: int | None = Field(None, ge=0, description="typical time to an answer, in days")
    typical_days_source: Url | None = Field(None, description="where the typical time comes from")
    deadlines: list[Deadline] = Field(default_factory=list, description="deadlines the instrument fixes")
    grounds: list[Ground] = Field(default_factory=list, description="refusal grounds and limits on use that stand in the way")
    aut_dedere: str | None = Field(None, description="article obliging a state that does not extradite to prosecute instead")
    provisional_arrest: str | None = Field(None, description="for extradition: the article providing for provisional arrest pending the formal request")
    notice_first: bool = Field(True, description="for extradition: whether a police notice (INTERPOL) is shown as the first step; false where the warrant itself circulates (the EAW through SIS)")
    stages: list[Stage] = Field(default_factory=list, description="where practice has an order inside the instrument: its stages, in order")
    support: bool = Field(False, description="supports a measure taken under another instrument (Eurojust for a JIT): added as a step after the legal basis, never a basis on its own")
    notices: bool = Field(False, description="for a police channel: it circulates notices or diffusions asking for a person to be located and arrested (INTERPOL), shown as the first step of an extradition")


class EntryIntoForceRule(Sourced):
    kind: Literal["days_after_deposit", "first_of_month_after_months", "on_deposit"] = Field(
        description="how a later party's entry into force follows from its deposit")
    n: int = Field(0, ge=0, description="the number of days or months")
    article: str = Field(description="the article that says so")


class Replacement(Sourced):
    instrument: Slug = Field(description="the older instrument replaced between the states bound by both")
    measures: list[Measure] = Field(default_factory=list, description="for these measures; empty means all")  # type: ignore[valid-type]
    article: str | None = Field(None, description="the article that says so")


class Instrument(Sourced):
    id: Slug = Field(description="stable id: coe-ets-185, eu-dir-2014-41, us-gb-mla-1994")
    name: str = Field(description="full title")
    short_name: str | None = Field(None, description="the name practitioners use")
    citation: str | None = Field(None, description="official citation (ETS No. 185, Directive 2014/41/EU, TIAS …)")
    kind: Kind = Field(description="what sort of legal basis it is")  # type: ignore[valid-type]
    mutual_recognition: bool = Field(False, description="an EU mutual-recognition instrument (ranked strongest)")
    binding: bool = Field(True, description="false for non-binding schemes")
    addressee: _literal(vocab.ADDRESSEES) = Field("state", description="who receives the request")  # type: ignore[valid-type]
    adopted: PartialDate | None = Field(None, description="date adopted or opened for signature")
    in_force: PartialDate | None = Field(None, description="date the instrument itself entered into force")
    pending: bool = Field(False, description="true while the instrument has not entered into force for anyone (as of the file's as_of): never offered")
    provisional_from: PartialDate | None = Field(None, description="date from which it is applied provisionally, before entry into force")
    ended: PartialDate | None = Field(None, description="first day it no longer exists for anyone (termination)")
    entry_into_force_rule: EntryIntoForceRule | None = Field(None, description="how a later party's entry into force follows from its deposit")
    crimes: list[Crime] = Field(default_factory=lambda: ["any"], description="crimes it covers; 'any' for all")  # type: ignore[valid-type]
    measures: list[MeasureSpec] = Field(description="the measures it gives a basis for")
    parties: list[Party] = Field(default_factory=list, description="parties as the depositary lists them")
    parties_complete: bool = Field(False, description="true only when every party on the depositary's chart is recorded; otherwise an absent state is 'not recorded', not 'not a party'")
    participation: Participation | None = Field(None, description="EU-style participation rule (group minus opt-outs)")
    open_to: list[Slug] = Field(default_factory=list, description="only members of these groups can be parties (a convention between the EU member states): a non-member is 'not a party', not 'not recorded'")
    sides: list[Side] = Field(default_factory=list, description="for agreements between blocs (EU–US): the two sides; a pair must have one state on each")
    replaces: list[Replacement] = Field(default_factory=list, description="older instruments it replaces between states bound by both")
    supplements: list[Slug] = Field(default_factory=list, description="instruments it supplements (both apply together)")
    limits: list[str] = Field(default_factory=list, description="limits on who or what it reaches (shown as warnings)")

    @property
    def label(self) -> str:
        """The name practitioners use: the short name where there is one."""
        return self.short_name or self.name


class InstrumentsFile(Record):
    """`data/instruments.yaml`."""

    as_of: PartialDate = Field(description="date the dataset was last brought up to date")
    assertions: Assertions | None = Field(None, description="minimum counts `validate` enforces")
    instruments: list[Instrument] = Field(description="every instrument, channel and fallback route")


# --- the loaded dataset ------------------------------------------------------------


class Dataset:
    """Both files, validated, with look-ups by id. Built by `load.load_dataset`."""

    def __init__(self, states: StatesFile, instruments: InstrumentsFile, origin: str = "") -> None:
        self.states_file = states
        self.instruments_file = instruments
        self.origin = origin  # the folder it came from, for messages
        self.states: dict[str, State] = {s.code: s for s in states.states}
        self.groups: dict[str, Group] = {g.id: g for g in states.groups}
        self.instruments: dict[str, Instrument] = {i.id: i for i in instruments.instruments}

    @property
    def as_of(self) -> str:
        """The older of the two files' `as_of` dates: the answer is only as fresh as that."""
        return min(self.states_file.as_of, self.instruments_file.as_of)


# --- answers ----------------------------------------------------------------------
# Plain frozen dataclasses: they are built by the engine, never read from files.


@dataclass(frozen=True)
class Query:
    """One question: may `requesting` obtain `measure` from `requested`, for `crime`, on `on`?"""

    requesting: str
    requested: str
    measure: str
    crime: str = "any"
    on: str = ""  # YYYY-MM-DD; empty means today, filled in by find_routes
    nationality: str | None = None  # of the person sought, where known: makes nationality warnings certain or moot
    start: str = ""  # YYYY-MM-DD the request is sent: deadlines get their dates

    def as_dict(self) -> dict:
        out = {"from": self.requesting, "to": self.requested, "measure": self.measure, "crime": self.crime, "on": self.on}
        if self.nationality:
            out["nationality"] = self.nationality
        if self.start:
            out["start"] = self.start
        return out


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    source: str | None = None

    def as_dict(self) -> dict:
        out = {"code": self.code, "message": self.message}
        if self.source:
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Step:
    instrument: Instrument
    channel: str
    articles: tuple[str, ...] = ()
    typical_days: int | None = None
    deadlines: tuple[Deadline, ...] = ()
    # protocols and agreements that apply together with `instrument` between these states
    # (the 2000 EU Convention with the 1959 one; an EU–US agreement with a bilateral MLAT): (instrument, articles)
    supplemented_by: tuple[tuple[Instrument, tuple[str, ...]], ...] = ()
    role: str = "request"  # what the step does in the pathway: request, preservation, notice, provisional_arrest
    note: str = ""
    due: tuple[str, ...] = ()  # with --start: the date each deadline falls on, in the order of `deadlines`

    @property
    def label(self) -> str:
        """"European Convention on Mutual Assistance + EU Mutual Assistance Convention 2000"."""
        return " + ".join(i.label for i in (self.instrument, *(s for s, _ in self.supplemented_by)))

    def as_dict(self) -> dict:
        return {
            "instrument": _instrument_dict(self.instrument),
            "channel": self.channel,
            "articles": list(self.articles),
            "typical_days": self.typical_days,
            "deadlines": [{"what": d.what, "days": d.days, "hours": d.hours, "article": d.article,
                           **({"due": self.due[i]} if i < len(self.due) else {})} for i, d in enumerate(self.deadlines)],
            "role": self.role,
            "note": self.note,
            "supplemented_by": [{"instrument": _instrument_dict(i), "articles": list(arts)} for i, arts in self.supplemented_by],
        }


def _instrument_dict(inst: Instrument) -> dict:
    return {"id": inst.id, "name": inst.name, "short_name": inst.label,
            "citation": inst.citation, "kind": inst.kind}


@dataclass(frozen=True)
class Pathway:
    steps: tuple[Step, ...]
    strength: str  # a key of vocab.STRENGTHS
    fit: int  # 0 the crime asked for is named in the scope, 1 the scope is any offence, 2 it covers only some offences
    warnings: tuple[Warning, ...] = ()
    why: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    rank: int = 0
    score: float = 0.0

    @property
    def main(self) -> Step:
        """The step that carries the request (the last one but a support channel after it)."""
        return next(s for s in reversed(self.steps) if s.role != "support")

    @property
    def typical_days(self) -> int | None:
        """Time to the answer: the main step's, plus other steps' where known (a preservation or
        a notice first is counted when the data gives its time)."""
        if self.main.typical_days is None:
            return None
        return sum(s.typical_days for s in self.steps if s.typical_days is not None)

    def as_dict(self) -> dict:
        return {"rank": self.rank, "score": self.score, "strength": self.strength,
                "steps": [s.as_dict() for s in self.steps],
                "warnings": [w.as_dict() for w in self.warnings],
                "why": list(self.why), "sources": list(self.sources)}


@dataclass(frozen=True)
class Absence:
    """An instrument a user might expect, and why it is not offered (for --explain)."""

    instrument: str
    name: str
    reason: str

    def as_dict(self) -> dict:
        return {"instrument": self.instrument, "name": self.name, "reason": self.reason}


@dataclass(frozen=True)
class RouteResult:
    query: Query
    pathways: tuple[Pathway, ...]
    warnings: tuple[Warning, ...] = ()
    as_of: str = ""
    absent: tuple[Absence, ...] = field(default=())

    def as_dict(self) -> dict:
        """The `--format json` contract of ../shared/DESIGN.md."""
        return {"query": self.query.as_dict(),
                "pathways": [p.as_dict() for p in self.pathways],
                "warnings": [w.as_dict() for w in self.warnings],
                "not_offered": [a.as_dict() for a in self.absent],
                "data": {"as_of": self.as_of}}


class PartyAddition(Party):
    instrument: Slug = Field(description="the instrument of the bundled (or base) data this party joins")


class OverlayFile(Record):
    """`overlay.yaml`: a user's own instruments and parties (an agency's MoUs), merged on top of a dataset."""

    as_of: PartialDate | None = Field(None, description="date the overlay was last brought up to date")
    instruments: list[Instrument] = Field(default_factory=list, description="instruments the base data does not have")
    parties: list[PartyAddition] = Field(default_factory=list, description="parties to add to the base data's instruments")
