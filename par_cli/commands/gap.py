"""`par gap`: where the previous year's points were lost and which criteria give the most back."""

from par_cli.commands.common import (
    AsOfOption,
    LangOption,
    PlanArgument,
    PlanOption,
    UnitOption,
    check_unit,
    format_option,
    lang_of,
    load_or_exit,
    parse_day,
    plan_path,
    show,
    today_in_vietnam,
)
from par_cli.render.formats import TABLE_FORMATS, Format, Output

OFFERED = TABLE_FORMATS  # auto, table, text, json, csv, md
FormatOption = format_option(OFFERED)


def gap(
    path: PlanArgument = None,
    plan: PlanOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    from par_cli.render.json import gap_payload
    from par_cli.render.views import gap_view
    from par_cli.scoring.gap import gap_report

    language = lang_of(lang)
    day = parse_day(as_of, language)
    loaded = load_or_exit(plan_path(path, plan, language), language, fmt)
    the_plan = loaded.plan
    unit_id = check_unit(the_plan, unit, language)
    report = gap_report(the_plan, today=today_in_vietnam(), as_of=day, unit=unit_id)
    output = Output(
        json=lambda: gap_payload(loaded.path, the_plan, report),
        table=lambda lang, machine: gap_view(the_plan, report, lang, machine),
    )
    show(output, fmt, language)
