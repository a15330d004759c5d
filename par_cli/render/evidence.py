"""Evidence and explanations in words: one way to say a register entry, for the confirmation
of `par evidence`, the sheet in every format and the report."""

from __future__ import annotations

from typing import Any

from par_cli.i18n import Lang, fmt_date, t


def evidence_line(item: Any, lang: Lang) -> str:
    """A register entry (an `EvidenceItem`, an `Evidence`, or the dict `par evidence`
    writes) as one line: "01/KH-SGTVT ngày 04/01/2024, Sở Giao thông vận tải: Kế hoạch CCHC
    năm 2024 (mục II, tr. 3); docs/kh.pdf". Free text is shown as written, after the parts."""

    def get(name: str) -> Any:
        return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

    head = " ".join(part for part in (get("number"), t("sheet.dated", lang, date=fmt_date(get("issued"), lang)) if get("issued") else None) if part)
    if get("issuer"):
        head = f"{head}, {get('issuer')}" if head else str(get("issuer"))
    if get("summary"):
        head = f"{head}: {get('summary')}" if head else str(get("summary"))
    where = ", ".join(
        part
        for part in (
            t("sheet.section", lang, section=get("section")) if get("section") else None,
            t("sheet.page", lang, page=get("page")) if get("page") else None,
        )
        if part
    )
    if where:
        head = f"{head} ({where})" if head else where
    parts = [part for part in (head, get("text"), get("file"), get("link")) if part]
    line = "; ".join(parts)
    if get("complete") is False:
        line += f" [{t('sheet.incomplete', lang)}]"
    return line
