"""The plan as data: pydantic models for a yearly PAR-index improvement plan.

A plan (kế hoạch) is a tree: domains (lĩnh vực) hold criteria (tiêu chí), which may hold
sub-criteria (tiêu chí thành phần). Each node carries its maximum points (điểm tối đa), the
unit that leads it (chủ trì) and the units that support it (phối hợp), the previous year's
result (baseline), its scoring rule, its deadlines and the progress recorded through the year.

Everything here is declarative: rules, deadlines and assumptions live in the YAML, never as
per-criterion code. Wherever a value is our reading rather than the plan's own words, the
object carries an ``assumption`` text, so reports can say which figures rest on guesses.

Every model forbids unknown keys: a typo in a hand-edited plan must not pass silently.
"""

import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic_core import PydanticCustomError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from par_cli.plan.text import NOT_BLANK, nfc


def invalid(key: str) -> PydanticCustomError:
    """A model-level error under a catalogue key (its type; ``model.*``), so the reporter
    words it in the reader's language. The model says no words of its own: the key is also
    the error's text."""
    return PydanticCustomError(key, key)


# The empty defaults are made by Python functions rather than by the builtins `list` and
# `dict`: pydantic reads each default factory's signature while it builds a model (to learn
# whether it takes the validated data), and a builtin's signature is parsed from its text
# each time: on the 20 fields here, 2 % of what `par validate` does on the bundled plan.
def no_items() -> list[Any]:
    """A new empty list: the default of a list field."""
    return []


def no_names() -> dict[Any, Any]:
    """A new empty mapping: the default of a mapping field."""
    return {}


Points = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
# Text a person reads (a title, a unit's name, a label, a note, evidence): at least one
# character that is not blank (par_cli.plan.text.BLANK), so `title: "   "` or `name: "\n"`
# is a problem where it stands rather than an empty cell in every table. Surrounding
# spaces are kept: plan text stays as written.
Text = Annotated[str, Field(pattern=NOT_BLANK)]


def names_not_blank(schema: dict[str, object]) -> None:
    """The JSON Schema of a mapping whose names are `Text`: pydantic writes a key pattern as
    ``patternProperties``, which lets a name that does not match it (a blank one) through
    with any value; said as meant, every name matches and every value is one of these."""
    patterns = schema.pop("patternProperties")
    assert isinstance(patterns, dict) and list(patterns) == [NOT_BLANK]
    schema["propertyNames"] = {"pattern": NOT_BLANK}
    schema["additionalProperties"] = patterns[NOT_BLANK]


Assumption = Annotated[
    Text | None,
    Field(
        default=None,
        description="Set when this value is our assumption rather than the plan's words: why.",
    ),
]

# Ids are typed by people with different Vietnamese keyboards; they are compared after NFC
# normalisation (see loading.py), so the pattern only guards against stray whitespace.
# A unit id is a word: letters, digits, dots, hyphens, underscores, never starting with a
# sign a spreadsheet reads as a formula ("=1+cmd|calc!A0" is refused).
UnitId = Annotated[str, Field(pattern=r"^[^\W_][\w.-]*$", min_length=1), AfterValidator(nfc)]
CriterionId = Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)*$"), AfterValidator(nfc)]


class Strict(BaseModel):
    """Base for every plan model: unknown keys are errors, values are not coerced silently."""

    # strict: YAML already gives every value its type, so a value of another type is a
    # mistake to report, never to convert: `self_assessed: true` is not 1 point, `max: "2"`
    # is not 2, `date: 0` is not 1 January 1970 (issue 13).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# --- Units -------------------------------------------------------------------------------


class Unit(Strict):
    """A unit (phòng, đơn vị) that can lead (chủ trì) or support (phối hợp) a criterion.

    ``kind`` tells a real unit from the plan's collective phrases: "Các phòng, đơn vị"
    (every unit) and "… được giao chủ trì" / "… có liên quan" (whichever units the task is
    assigned to or concerns), which ``par units`` and ``par due --unit`` must resolve.
    """

    id: UnitId
    name: Text
    kind: Literal["unit", "all", "assigned", "concerned"] = "unit"
    part_of: UnitId | None = Field(
        default=None, description="Id of the unit this one belongs to (the legal officer sits in the inspectorate)."
    )


# --- Measures: what progress can record for a criterion ----------------------------------


class Measure(Strict):
    """A quantity recorded for a criterion (``par set 1.4 initiatives=2``).

    Declaring the measure lets ``par set`` and ``par validate`` refuse a percentage of 140 or
    a negative count before it reaches the plan.
    """

    kind: Literal["count", "percent", "number", "yes_no", "level"]
    label: Text
    levels: list[Text] | None = Field(
        default=None, description="Allowed values for a measure of kind 'level', best first."
    )
    scale: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = Field(
        default=None,
        description="For a measure of kind 'number' read as a share: the value that is 100 % (1 for 0,975).",
    )
    closes: dt.date | None = Field(
        default=None,
        description=(
            "The last day of the period this measure reads. Until it has passed a reading is "
            "provisional; default: the end of the plan year."
        ),
    )

    @model_validator(mode="after")
    def _levels_only_for_level(self) -> "Measure":
        if self.kind == "level" and not self.levels:
            raise invalid("model.levels_needed")
        if self.kind != "level" and self.levels is not None:
            raise invalid("model.levels_only")
        if self.scale is not None and self.kind != "number":
            raise invalid("model.scale_only")
        return self


# --- Rules: how points are computed --------------------------------------------------------


class Threshold(Strict):
    """A comparison on one measure. Exactly one of the comparison keys is given.

    ``at_least``/``at_most`` include the bound ("từ 70%"), ``above``/``below`` exclude it
    ("trên 90%"), ``equals`` matches a yes/no or a level.
    """

    measure: Text | None = Field(default=None, description="Defaults to the rule's measure.")
    at_least: float | None = Field(default=None, allow_inf_nan=False)
    above: float | None = Field(default=None, allow_inf_nan=False)
    at_most: float | None = Field(default=None, allow_inf_nan=False)
    below: float | None = Field(default=None, allow_inf_nan=False)
    equals: bool | str | None = None

    @model_validator(mode="after")
    def _exactly_one_comparison(self) -> "Threshold":
        given = [k for k in ("at_least", "above", "at_most", "below", "equals") if getattr(self, k) is not None]
        if len(given) != 1:
            raise invalid("model.one_comparison")
        return self


class Tier(Threshold):
    """One step of a tiered rule: when the comparison holds, the criterion scores ``points``."""

    points: Points
    assumption: Assumption


class TiersRule(Strict):
    """Tiers on a count or a percentage; the first tier that holds gives the points, else 0.

    Covers both "≥ 2 initiatives → 2, 1 → 1" and percentage bands ("over 90 % → 2,
    70–90 % → 1, under 70 % → 0"): list the tiers best first.
    """

    kind: Literal["tiers"]
    measure: Text
    tiers: list[Tier] = Field(min_length=1)
    otherwise: Points = 0
    assumption: Assumption


class DeadlineRule(Strict):
    """The on-time ladder: every occurrence done on time → full, done late → ``late`` share,
    anything not done → ``missing`` share of the maximum."""

    kind: Literal["deadline"]
    on_time: Annotated[float, Field(ge=0, le=1)] = 1.0
    late: Annotated[float, Field(ge=0, le=1)] = 0.5
    missing: Annotated[float, Field(ge=0, le=1)] = 0.0
    assumption: Assumption


class AllOfRule(Strict):
    """Several conditions, all required: the maximum when every one holds, else ``otherwise``."""

    kind: Literal["all_of"]
    conditions: list[Threshold] = Field(min_length=1)
    otherwise: Points = 0
    assumption: Assumption


class PerItemRule(Strict):
    """Points per item (0.5 per compliant regulation), capped at the criterion's maximum."""

    kind: Literal["per_item"]
    measure: Text
    points_each: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    assumption: Assumption


class QualityRule(Strict):
    """Quality levels as a share of the maximum (excellent 100 %, good 75 %, done 50 %)."""

    kind: Literal["quality"]
    measure: Text
    shares: dict[Text, Annotated[float, Field(ge=0, le=1)]] = Field(min_length=1, json_schema_extra=names_not_blank)
    assumption: Assumption


class Deduction(Strict):
    """A breach and the share of the maximum it costs."""

    level: Text
    share: Annotated[float, Field(ge=0, le=1)]


class DeductionRule(Strict):
    """Deductions from the maximum: a minor breach −50 %, a serious one −100 %."""

    kind: Literal["deductions"]
    measure: Text
    deductions: list[Deduction] = Field(min_length=1)
    assumption: Assumption


class ProportionalRule(Strict):
    """Proportional: the measured percentage × the maximum (share on time × max)."""

    kind: Literal["proportional"]
    measure: Text
    assumption: Assumption


class ManualRule(Strict):
    """No formula: the score is the one the department self-assesses (tự đánh giá)."""

    kind: Literal["manual"]
    assumption: Assumption


Rule = Annotated[
    Union[TiersRule, DeadlineRule, AllOfRule, PerItemRule, QualityRule, DeductionRule, ProportionalRule, ManualRule],
    Field(discriminator="kind"),
]


# --- Deadlines ------------------------------------------------------------------------------


class Recurrence(Strict):
    """A recurring deadline: a short readable form, or an RFC 5545 rule for anything else.

    ``every: quarter, day: 12`` is the 12th of each quarter's last month; ``every: year,
    month: 6, day: 30`` is 30 June; ``every: month, day: 20`` the 20th of each month;
    ``rrule: "FREQ=…"`` hands the rule to python-dateutil as written.
    """

    every: Literal["month", "quarter", "year"] | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    rrule: Text | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "Recurrence":
        if (self.rrule is None) == (self.every is None):
            raise invalid("model.recurrence_form")
        if self.every is not None and self.day is None:
            raise invalid("model.recurrence_form")
        if self.every == "year" and self.month is None:
            raise invalid("model.recurrence_year_month")
        if self.every in ("month", "quarter") and self.month is not None:
            raise invalid("model.recurrence_no_month")
        return self


class Deadline(Strict):
    """A deadline as the document states it.

    ``before`` is the plan's "trước ngày D": the last day on time is D − 1. ``by`` is
    inclusive: D itself is the last day on time. Either holds a date (one-off) or a
    recurrence.
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    what: Text
    before: dt.date | Recurrence | None = None
    by: dt.date | Recurrence | None = None
    assumption: Assumption

    @model_validator(mode="after")
    def _before_or_by(self) -> "Deadline":
        if (self.before is None) == (self.by is None):
            raise invalid("model.before_or_by")
        return self

    @property
    def when(self) -> dt.date | Recurrence:
        return self.before if self.before is not None else self.by  # type: ignore[return-value]

    @property
    def exclusive(self) -> bool:
        return self.before is not None


# --- The previous year's results ----------------------------------------------------------


class Observation(Strict):
    """A figure of the previous year as the plan states it: exact, about (khoảng), below or
    above a bound."""

    measure: Text
    value: float | bool | str | None = Field(default=None)
    about: float | None = Field(default=None, allow_inf_nan=False)
    below: float | None = Field(default=None, allow_inf_nan=False)
    above: float | None = Field(default=None, allow_inf_nan=False)

    @model_validator(mode="after")
    def _one_form(self) -> "Observation":
        given = [k for k in ("value", "about", "below", "above") if getattr(self, k) is not None]
        if len(given) != 1:
            raise invalid("model.one_observation")
        return self


class Baseline(Strict):
    """The previous year's result. ``points: unknown`` where the plan gives no figure:
    a missing result is not full marks."""

    points: Points | Literal["unknown"] = "unknown"
    observed: list[Observation] = Field(default_factory=no_items)
    assumption: Assumption

    @property
    def known(self) -> float | None:
        return None if self.points == "unknown" else float(self.points)


# --- Progress recorded through the year -----------------------------------------------------


class Measurement(Strict):
    """One dated reading, written as a one-line flow mapping so a diff shows exactly it:
    ``- {date: 2024-03-10, initiatives: 1}``. Keys other than date/evidence are measures."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True)

    date: dt.date
    evidence: Text | None = None
    final: bool = Field(
        default=False,
        description="True when this reading is the period's final figure: it no longer moves, even before the period closes.",
    )

    @property
    def values(self) -> dict[str, object]:
        return dict(self.model_extra or {})


class Completion(Strict):
    """A deadline occurrence recorded as done, with its evidence (tài liệu kiểm chứng)."""

    deadline: Text
    occurrence: dt.date | None = Field(
        default=None, description="The stated date of the occurrence, for a recurring deadline."
    )
    date: dt.date
    evidence: Text | None = None


class Evidence(Strict):
    """A piece of evidence (tài liệu kiểm chứng) for a criterion, or for one deadline
    occurrence of it.

    ``date`` is the day it was recorded: from that day on it counts. Older plans hold only
    free ``text`` ("Công văn 12/SGTVT-VP ngày 03/01/2024"), which stays valid and is shown as
    written; the register's fields say the same in parts an appraiser can check: the
    document's number and symbol (số, ký hiệu), its date, the body that issued it, its
    summary (trích yếu), and the section and page where only part of it applies.
    """

    date: dt.date
    text: Text | None = None
    number: Text | None = Field(default=None, description="Số, ký hiệu of the document, e.g. 01/KH-SGTVT.")
    issued: dt.date | None = Field(default=None, description="The document's own date (ngày ban hành).")
    issuer: Text | None = Field(default=None, description="The body that issued the document.")
    summary: Text | None = Field(default=None, description="Trích yếu: what the document is about.")
    section: Text | None = Field(default=None, description="The part that applies, where only part does.")
    page: Text | None = Field(default=None, description="The page or pages that apply.")
    file: Text | None = Field(default=None, description="A path to the document, relative to the plan file.")
    link: Text | None = Field(default=None, description="A link to the document.")
    deadline: Text | None = Field(default=None, description="Id of the deadline this proves, if it proves one.")
    occurrence: dt.date | None = Field(default=None, description="The stated date of that deadline's occurrence.")
    complete: bool = Field(default=True, description="False where the evidence is known to be incomplete.")

    @model_validator(mode="after")
    def _says_something(self) -> "Evidence":
        if not any((self.text, self.number, self.file, self.link)):
            raise invalid("model.evidence_empty")
        return self


StageName = Literal["self_assessment", "appraisal_1", "explanation", "appraisal_2", "final"]
"""The score stages of the provinces' scoring systems, in order: self-assessment (tự đánh
giá), appraisal round 1 (thẩm định lần 1), the department's explanation (giải trình),
appraisal round 2 (thẩm định lần 2) and the final result (kết quả chính thức)."""

STAGES: tuple[StageName, ...] = ("self_assessment", "appraisal_1", "explanation", "appraisal_2", "final")


class StageScore(Strict):
    """One dated score of one stage: ``- {stage: appraisal_1, date: 2025-02-20, points: 1.5}``.

    Stages may be dated in the year after the plan year: appraisals come after it ends.
    """

    stage: StageName
    date: dt.date
    points: Points
    note: Text | None = None
    evidence: Text | None = None


class Explanation(Strict):
    """The department's explanation (giải trình) for a criterion whose claimed points lack
    evidence or rest on incomplete evidence: ``- {date: 2025-01-10, text: "…"}``. The latest
    one recorded by a day is the one shown."""

    date: dt.date
    text: Text


class Progress(Strict):
    """What has been recorded for a criterion during the year."""

    measurements: list[Measurement] = Field(default_factory=no_items)
    done: list[Completion] = Field(default_factory=no_items)
    evidence: list[Evidence] = Field(default_factory=no_items)
    stages: list[StageScore] = Field(
        default_factory=no_items, description="Dated scores of each stage; the latest stage recorded by a day counts."
    )
    self_assessed: Points | None = Field(default=None, description="Tự đánh giá: the department's own score.")
    appraised: Points | None = Field(default=None, description="Thẩm định: the appraised score, which counts once recorded.")
    explanations: list[Explanation] = Field(
        default_factory=no_items, description="Giải trình: why claimed points lack (complete) evidence; the latest by a day is shown."
    )


class Projection(Strict):
    """An explicit expectation for a criterion with no progress yet."""

    points: Points
    assumption: Text


# --- The tree --------------------------------------------------------------------------------


class Criterion(Strict):
    """A criterion (tiêu chí) or sub-criterion (tiêu chí thành phần).

    A criterion with ``children`` scores the sum of them and its ``max`` must equal theirs.
    ``assumptions`` names fields of this criterion that are our reading, not the seed's
    (e.g. a lead unit taken from a merged cell of the Word table).
    """

    id: CriterionId
    title: Text
    max: Points
    lead: list[UnitId] = Field(default_factory=no_items)
    support: list[UnitId] = Field(default_factory=no_items)
    requirement: Text | None = None
    note: Text | None = None
    measures: dict[Text, Measure] = Field(default_factory=no_names, json_schema_extra=names_not_blank)
    rule: Rule | None = None
    baseline: Baseline = Field(default_factory=Baseline)
    projection: Projection | None = None
    deadlines: list[Deadline] = Field(default_factory=no_items)
    progress: Progress = Field(default_factory=Progress)
    assumptions: dict[Text, Text] = Field(default_factory=no_names, json_schema_extra=names_not_blank)
    not_applicable: Text | None = Field(
        default=None,
        description="Không áp dụng: why this criterion does not apply to the department; the index is then taken over the applicable maximum.",
    )
    children: list["Criterion"] = Field(default_factory=no_items)

    @field_validator("lead", "support", mode="before", json_schema_input_type=Union[UnitId, list[UnitId]])
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Domain(Strict):
    """A domain (lĩnh vực) of the index; its maximum is the sum of its criteria."""

    id: Annotated[str, Field(pattern=r"^[0-9]+$")]
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class OutsideTable(Strict):
    """The part of the index the plan's table does not itemise (survey and appraisal
    components). Kept as one explicit node so totals reconcile to the index maximum."""

    id: Text
    title: Text
    max: Points
    baseline: Baseline = Field(default_factory=Baseline)
    projection: Projection


class Result(Strict):
    """The department's published result for a year."""

    points: Points
    percent: Percent
    rank: Annotated[int, Field(ge=1)]
    of: Annotated[int, Field(ge=1)]
    rank_change: int | None = Field(default=None, description="Places gained (+) or lost (−) on the year before.")


class Target(Strict):
    """What the plan aims for, and the score the department believes that takes."""

    rank: Annotated[int, Field(ge=1)]
    of: Annotated[int, Field(ge=1)]
    score: Points | None = None
    assumption: Assumption


class DocumentRef(Strict):
    number: Text
    date: dt.date
    issuer: Text


class Assumptions(Strict):
    """Plan-wide declared assumptions for the projection."""

    unknown_share: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None,
        description=(
            "Share of the maximum expected for a criterion with neither progress nor a known "
            "result for the previous year. Unset: such a criterion's expectation is unknown and counts 0."
        ),
    )
    why: Text | None = None


class Adjustment(Strict):
    """One bonus (điểm thưởng) or penalty (điểm trừ) item: what it is for, its points, its
    own cap, and the evidence and note behind it. ``date`` is when it was granted or
    imposed: before that day it does not count."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    points: Points
    max: Points | None = Field(default=None, description="The most this item can give or take.")
    date: dt.date | None = None
    evidence: list[Evidence] = Field(default_factory=no_items)
    note: Text | None = None


class Adjustments(Strict):
    """Bonus and penalty points and how the total is bounded: total = points + bonus −
    penalty, each side capped, the result clamped to [``floor``, ``ceiling``] (ceiling
    defaults to the index maximum)."""

    bonus: list[Adjustment] = Field(default_factory=no_items)
    penalty: list[Adjustment] = Field(default_factory=no_items)
    bonus_max: Points | None = Field(default=None, description="Cap on the bonus points taken together.")
    penalty_max: Points | None = Field(default=None, description="Cap on the penalty points taken together.")
    floor: Points = 0
    ceiling: Points | None = Field(default=None, description="The most the total can be; default: the index maximum.")


class SelfAssessmentReport(Strict):
    """What the year-end self-assessment report (báo cáo tự đánh giá) says beyond the scores:
    its heading, its third part (difficulties and recommendations), who signs it and whom
    it goes to. Everything is optional: the sheet leaves a blank to fill in by hand."""

    parent: Text | None = Field(default=None, description="The body above the issuer, first line of the top-left heading (e.g. UBND TỈNH …).")
    symbol: Text | None = Field(default=None, description="The report's symbol after the number, e.g. BC-SGTVT.")
    number: Text | None = Field(default=None, description="The report's number, when it is known.")
    place: Text | None = Field(default=None, description="The place of the place-and-date line.")
    date: dt.date | None = None
    difficulties: list[Text] = Field(default_factory=no_items)
    recommendations: list[Text] = Field(default_factory=no_items)
    signer: Text | None = None
    signer_title: Text | None = Field(default=None, description="e.g. GIÁM ĐỐC, or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC.")
    recipients: list[Text] = Field(default_factory=no_items, description="Nơi nhận.")


class Plan(Strict):
    """A whole plan file."""

    plan: DocumentRef
    implements: DocumentRef | None = None
    issuer: Text
    title: Text
    year: Annotated[int, Field(ge=2000, le=2100, description="The year the plan scores.")]
    index_max: Points = Field(
        description="The index maximum: the most points the index can give, the table's criteria plus the part outside the table."
    )
    previous: Result | None = Field(default=None, description="The result of the year before the plan year.")
    target: Target | None = None
    assumptions: Assumptions = Field(default_factory=Assumptions)
    units: list[Unit] = Field(min_length=1)
    domains: list[Domain] = Field(min_length=1)
    outside_table: OutsideTable | None = None
    adjustments: Adjustments = Field(default_factory=Adjustments)
    report: SelfAssessmentReport = Field(default_factory=SelfAssessmentReport)
