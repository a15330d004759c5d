"""The score sheet as one self-contained HTML page (print it from a browser, or paste it)."""

from __future__ import annotations

from par_cli.i18n import Lang, t
from par_cli.render import sheet_cells as c
from par_cli.render.safe import html_text as escape
from par_cli.scoring.sheet import Sheet

STYLE = """
body { font-family: "Times New Roman", serif; font-size: 13pt; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
tr.domain td { font-weight: bold; }
tr.outside td { font-style: italic; }
tr.closing td { font-weight: bold; }
@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
"""


def _cell(value: str, numeric: bool) -> str:
    # A line break within a cell (several pieces of evidence) is a <br>; nothing else of the
    # text is markup (`render.safe.html_text`).
    body = "<br>".join(escape(part) for part in value.split("\n"))
    return f'<td class="n">{body}</td>' if numeric else f"<td>{body}</td>"


def render_html(sheet: Sheet, lang: Lang) -> str:
    head = c.compare_headings(sheet, lang) if sheet.compared else c.headings(sheet, lang)
    numeric = c.numeric_columns(sheet)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(c.title(sheet, lang))}</title><style>{STYLE}</style></head><body>',
        f"<h1>{escape(c.title(sheet, lang))}</h1>",
        f"<p>{escape(c.subtitle(sheet, lang))}</p>",
        "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead><tbody>",
    ]
    for row in sheet.rows:
        values = c.compare_cells(sheet, row, lang) if sheet.compared else c.cells(row, lang)
        out.append(f'<tr class="{row.level}">' + "".join(_cell(v, i in numeric) for i, v in enumerate(values)) + "</tr>")
    if sheet.compared:
        for closing in c.compare_closing(sheet, lang):
            out.append('<tr class="closing">' + "".join(_cell(v, i in numeric) for i, v in enumerate(closing)) + "</tr>")
    else:
        for closing in c.closing_rows(sheet, lang):
            out.append(
                '<tr class="closing"><td></td>'
                + _cell(closing.label, False)
                + _cell(closing.max, True)
                + _cell(closing.points, True)
                + f'<td colspan="3">{escape(closing.note)}</td></tr>'
            )
    out.append("</tbody></table>")
    explained = [row for row in sheet.rows if row.explanation or row.missing]
    if explained:
        out.append(f"<h2>{escape(t('sheet.explanations', lang))}</h2><ul>")
        out += [f"<li><b>{escape(row.id)}</b> {escape(row.title)}: {escape(c.explanation_text(row, lang))}</li>" for row in explained]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
