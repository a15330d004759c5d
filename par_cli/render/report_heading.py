"""The parts of an administrative report's heading that Nghị định 30/2020/NĐ-CP fixes, as
text: shared by the Word sheet and the docxtpl template context, so both say them alike."""

from __future__ import annotations

import datetime as dt

from par_cli.plan.model import Plan

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK = "……"


def report_symbol(plan: Plan) -> str:
    """BC-SGTVT: the plan's own symbol with the kind of document changed to a report (báo
    cáo), unless the plan declares it."""
    if plan.report.symbol:
        return plan.report.symbol
    symbol = plan.plan.number.partition("/")[2] or plan.plan.number
    kind, dash, issuer = symbol.partition("-")
    return f"BC-{issuer}" if dash else f"BC-{symbol}"


def number_line(plan: Plan) -> str:
    """"Số: 15/BC-SGTVT", or "Số:      /BC-SGTVT" with the number left to the clerk."""
    number = plan.report.number or "\u00a0" * 6
    return f"Số: {number}/{report_symbol(plan)}"


def vietnamese_date(day: dt.date | None) -> str:
    """"ngày 05 tháng 01 năm 2025": the decree writes a day below 10 and the months 1 and 2
    with a leading zero; blanks when the date is not yet known."""
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day_text} tháng {month_text} năm {day.year}"


def place_date_line(plan: Plan) -> str:
    return f"{plan.report.place or BLANK}, {vietnamese_date(plan.report.date)}"


STAGE_WORDS = {
    "self_assessment": "Kết quả tự đánh giá, chấm điểm",
    "appraisal_1": "Kết quả thẩm định lần 1",
    "explanation": "Kết quả giải trình",
    "appraisal_2": "Kết quả thẩm định lần 2",
    "final": "Kết quả chính thức",
}


def summary_line(plan: Plan, stage: str = "self_assessment") -> str:
    return f"{STAGE_WORDS[stage]} Chỉ số cải cách hành chính năm {plan.year}"
