"""`par units`: each unit with what it leads, supports and answers for ("rõ người, rõ việc")."""

from par_cli.commands.common import (
    LangOption,
    PlanArgument,
    PlanOption,
    TodayOption,
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


def units(
    path: PlanArgument = None,
    today: TodayOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
    plan: PlanOption = None,
) -> None:
    from par_cli.render.json import units_payload
    from par_cli.render.views import units_view
    from par_cli.scoring.responsibilities import units_table
    from par_cli.scoring.scorer import score_plan

    language = lang_of(lang)
    day = parse_day(today, language) or today_in_vietnam()
    loaded = load_or_exit(plan_path(path, plan, language), language, fmt)
    the_plan = loaded.plan
    table = units_table(the_plan, score_plan(the_plan, today=day, as_of=day), day)
    output = Output(
        json=lambda: units_payload(loaded.path, the_plan, table, day),
        table=lambda lang, machine: units_view(the_plan, table, day, machine, lang),
    )
    show(output, fmt, language)
