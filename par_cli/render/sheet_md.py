"""The score sheet as Markdown: one table, the closing rows, then the explanations."""

from __future__ import annotations

from par_cli.i18n import Lang, t
from par_cli.render import sheet_cells as c
from par_cli.render.safe import md_text
from par_cli.scoring.sheet import Sheet


def escape(text: str) -> str:
    """Plan text as text (`render.safe.md_text`): no heading, bold figure, image or raw HTML
    can be forged from a title; line breaks become spaces (no raw ``<br>``)."""
    return md_text(text)


def render_md(sheet: Sheet, lang: Lang) -> str:
    lines = [f"# {escape(c.title(sheet, lang))}", "", escape(c.subtitle(sheet, lang)), ""]
    head = c.compare_headings(sheet, lang) if sheet.compared else c.headings(sheet, lang)
    lines.append("| " + " | ".join(escape(h) for h in head) + " |")
    lines.append("|" + "|".join("---:" if i == 2 or (i >= 3 and not sheet.compared and i == 3) else "---" for i in range(len(head))) + "|")
    for row in sheet.rows:
        values = c.compare_cells(sheet, row, lang) if sheet.compared else c.cells(row, lang)
        shown = [escape(value) for value in values]
        if row.level == "domain":
            shown = [f"**{value}**" if value else value for value in shown]
        elif row.level == "outside":
            shown = [f"*{value}*" if value else value for value in shown]
        lines.append("| " + " | ".join(shown) + " |")
    if sheet.compared:
        for closing in c.compare_closing(sheet, lang):
            lines.append("| " + " | ".join(f"**{escape(value)}**" if value else "" for value in closing) + " |")
    else:
        for closing in c.closing_rows(sheet, lang):
            filler = [""] * (len(head) - 4)
            cells = ["", f"**{escape(closing.label)}**", closing.max, f"**{closing.points}**", *filler]
            cells[-1] = escape(closing.note)
            lines.append("| " + " | ".join(cells) + " |")
    missing = [row for row in sheet.rows if row.explanation or row.missing]
    if missing:
        lines += ["", f"## {escape(t('sheet.explanations', lang))}", ""]
        for row in missing:
            lines.append(f"- **{escape(row.id)}** {escape(row.title)}: {escape(c.explanation_text(row, lang))}")
    return "\n".join(lines) + "\n"
