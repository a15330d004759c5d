"""Vietnamese first, English on request: the message catalogue and number/date formats.

Users read Vietnamese; `--lang en` (or ``PAR_LANG=en``) switches labels and messages.
Numbers and dates follow Vietnamese habit on output: 80,36 and 05/01/2024.
Every message lives here under a stable key, so the core returns keys and parameters
(problems are values) and only the output layer picks the language.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

MESSAGES: dict[str, dict[Lang, str]] = {
    # --- reading the file
    "file.not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "file.unreadable": {"vi": "không đọc được tệp: {reason}", "en": "cannot read the file: {reason}"},
    "file.is_directory": {"vi": "là một thư mục, không phải tệp kế hoạch", "en": "is a directory, not a plan file"},
    "file.no_plan": {
        "vi": "không tìm thấy kế hoạch: dùng --plan ĐƯỜNG_DẪN, biến PAR_PLAN, hoặc đặt tệp plans/NĂM.yaml trong thư mục hiện tại",
        "en": "no plan found: pass --plan PATH, set PAR_PLAN, or keep a plans/YEAR.yaml under the current directory",
    },
    "file.empty": {"vi": "tệp rỗng: chưa có nội dung kế hoạch", "en": "the file is empty: no plan in it"},
    "file.utf16": {
        "vi": "tệp được lưu bằng mã {encoding}; hãy lưu lại bằng UTF-8",
        "en": "the file is saved as {encoding}; save it as UTF-8",
    },
    "file.binary": {"vi": "tệp chứa byte nhị phân (NUL), không phải văn bản YAML", "en": "the file holds binary bytes (NUL), not YAML text"},
    "file.not_utf8": {
        "vi": "byte {byte} không phải UTF-8; hãy lưu tệp bằng UTF-8",
        "en": "byte {byte} is not UTF-8; save the file as UTF-8",
    },
    "file.too_large": {"vi": "tệp quá lớn ({size} MB, tối đa {limit} MB)", "en": "the file is too large ({size} MB, at most {limit} MB)"},
    "yaml.syntax": {"vi": "lỗi cú pháp YAML: {detail}", "en": "YAML syntax error: {detail}"},
    "yaml.tab": {
        "vi": "ký tự Tab không được dùng để thụt lề trong YAML; hãy dùng dấu cách",
        "en": "a tab cannot indent YAML; use spaces",
    },
    "yaml.duplicate_key": {"vi": "khóa '{key}' bị lặp lại", "en": "key '{key}' appears twice"},
    "yaml.tag": {
        "vi": "thẻ YAML '{tag}' không được phép trong kế hoạch",
        "en": "YAML tag '{tag}' is not allowed in a plan",
    },
    "yaml.alias_bomb": {
        "vi": "tệp dùng quá nhiều bí danh YAML (&/*): khi mở rộng vượt {limit} nút, từ chối để bảo vệ bộ nhớ",
        "en": "the file uses too many YAML aliases (&/*): expanded it exceeds {limit} nodes, refused to protect memory",
    },
    "yaml.too_deep": {"vi": "cấu trúc lồng nhau quá sâu", "en": "the structure is nested too deeply"},
    "yaml.not_mapping": {
        "vi": "kế hoạch phải là một bảng khóa: giá trị (mapping), không phải {found}",
        "en": "a plan must be a mapping of keys to values, not {found}",
    },
    # --- schema (pydantic error types)
    "schema.missing": {"vi": "thiếu trường bắt buộc '{field}'", "en": "required field '{field}' is missing"},
    "schema.extra": {"vi": "khóa không xác định '{field}' (gõ nhầm?)", "en": "unknown key '{field}' (a typo?)"},
    "schema.type": {"vi": "giá trị {value} không hợp lệ: cần {expected}", "en": "invalid value {value}: expected {expected}"},
    "schema.range": {"vi": "giá trị {value} phải {op} {limit}", "en": "value {value} must be {op} {limit}"},
    "schema.choice": {"vi": "giá trị {value} không hợp lệ: chọn một trong {expected}", "en": "invalid value {value}: choose one of {expected}"},
    "schema.pattern": {"vi": "giá trị {value} không đúng dạng {what}", "en": "value {value} is not a valid {what}"},
    "schema.too_short": {"vi": "danh sách hoặc văn bản không được để trống", "en": "must not be empty"},
    "schema.finite": {"vi": "giá trị {value} phải là một số hữu hạn", "en": "value {value} must be a finite number"},
    "schema.date": {"vi": "ngày {value} không hợp lệ (dạng YYYY-MM-DD)", "en": "invalid date {value} (YYYY-MM-DD)"},
    "schema.other": {"vi": "{detail}", "en": "{detail}"},
    # --- model-level shape errors (raised by model validators under these keys)
    "model.levels_needed": {"vi": "chỉ số đo kiểu 'level' cần danh sách levels", "en": "a measure of kind 'level' needs its list of levels"},
    "model.levels_only": {"vi": "chỉ chỉ số đo kiểu 'level' mới có levels", "en": "only a measure of kind 'level' has levels"},
    "model.one_comparison": {
        "vi": "cần đúng một trong at_least, above, at_most, below, equals",
        "en": "give exactly one of at_least, above, at_most, below, equals",
    },
    "model.recurrence_form": {
        "vi": "hạn lặp cần 'every' kèm 'day', hoặc 'rrule'",
        "en": "a recurrence needs 'every' with 'day', or 'rrule'",
    },
    "model.recurrence_year_month": {"vi": "'every: year' cần 'month'", "en": "'every: year' needs 'month'"},
    "model.recurrence_no_month": {"vi": "hạn lặp theo tháng/quý không có 'month'", "en": "a monthly or quarterly recurrence takes no 'month'"},
    "model.before_or_by": {
        "vi": "cần đúng một trong 'before' (trước ngày) hoặc 'by' (hạn cuối)",
        "en": "give exactly one of 'before' (trước ngày) or 'by' (last day)",
    },
    "model.one_observation": {"vi": "cần đúng một trong value, about, below, above", "en": "give exactly one of value, about, below, above"},
    # --- semantic checks
    "check.duplicate_id": {"vi": "mã {id} bị trùng với một mục phía trên", "en": "id {id} is already used above"},
    "check.duplicate_unit": {"vi": "mã đơn vị '{unit}' bị trùng", "en": "unit id '{unit}' is used twice"},
    "check.id_not_under_parent": {
        "vi": "mã {id} không nằm dưới mã cha {parent} (cần dạng {parent}.N)",
        "en": "id {id} is not numbered under its parent {parent} (expected {parent}.N)",
    },
    "check.children_sum": {
        "vi": "tổng điểm tối đa của các tiêu chí con là {sum}, khác điểm tối đa {max} của {id}",
        "en": "the children's maxima add up to {sum}, not the {max} of {id}",
    },
    "check.total": {
        "vi": "tổng điểm tối đa {table} (bảng) + {outside} (ngoài bảng) = {sum}, khác chỉ số tối đa {index_max}",
        "en": "maxima add up to {table} (table) + {outside} (outside the table) = {sum}, not the index maximum {index_max}",
    },
    "check.unknown_unit": {"vi": "đơn vị '{unit}' chưa được khai báo trong units", "en": "unit '{unit}' is not declared under units"},
    "check.baseline_above_max": {"vi": "điểm năm trước {points} vượt điểm tối đa {max}", "en": "the previous year's {points} points exceed the maximum {max}"},
    "check.percent_range": {"vi": "tỷ lệ {value} nằm ngoài 0–100 %", "en": "percentage {value} is outside 0–100 %"},
    "check.tiers_order": {
        "vi": "các mức điểm phải xếp từ cao xuống thấp: mức {index} ({points} điểm) đứng sau mức thấp hơn",
        "en": "tiers must be listed best first: tier {index} ({points} points) follows a lower one",
    },
    "check.points_above_max": {"vi": "{points} điểm vượt điểm tối đa {max}", "en": "{points} points exceed the maximum {max}"},
    "check.unknown_measure": {"vi": "chỉ số đo '{measure}' chưa được khai báo trong measures", "en": "measure '{measure}' is not declared under measures"},
    "check.measure_value": {"vi": "giá trị {value} không hợp lệ cho '{measure}': {why}", "en": "invalid value {value} for '{measure}': {why}"},
    "check.rule_on_parent": {
        "vi": "tiêu chí có tiêu chí con được tính bằng tổng các con; bỏ 'rule' ở đây",
        "en": "a criterion with children scores the sum of them; remove 'rule' here",
    },
    "check.rrule": {"vi": "không đọc được quy tắc lặp: {detail}", "en": "cannot read the recurrence rule: {detail}"},
    "check.date_far": {
        "vi": "ngày {date} nằm xa ngoài năm kế hoạch {year}",
        "en": "date {date} falls far outside the plan year {year}",
    },
    "check.date_outside_year": {
        "vi": "ngày {date} nằm ngoài năm kế hoạch {year}",
        "en": "date {date} is outside the plan year {year}",
    },
    "check.no_occurrence": {"vi": "quy tắc lặp không có lần nào trong năm {year}", "en": "the recurrence has no occurrence in {year}"},
    "check.duplicate_deadline": {"vi": "mã hạn '{deadline}' bị trùng", "en": "deadline id '{deadline}' is used twice"},
    "check.unknown_deadline": {"vi": "không có hạn '{deadline}' ở tiêu chí này", "en": "this criterion has no deadline '{deadline}'"},
    "check.not_an_occurrence": {
        "vi": "ngày {occurrence} không phải một lần của hạn '{deadline}'",
        "en": "{occurrence} is not an occurrence of deadline '{deadline}'",
    },
    "check.occurrence_needed": {
        "vi": "hạn '{deadline}' lặp lại: ghi rõ occurrence (ngày của lần hạn)",
        "en": "deadline '{deadline}' recurs: say which occurrence",
    },
    "check.percent_mismatch": {
        "vi": "tỷ lệ {percent} % không khớp {points}/{index_max} = {computed} %",
        "en": "{percent} % does not match {points}/{index_max} = {computed} %",
    },
    # --- validate command
    "validate.ok": {"vi": "{path}: hợp lệ ({criteria} tiêu chí, tổng {total} điểm)", "en": "{path}: valid ({criteria} criteria, {total} points in all)"},
    "validate.summary": {
        "vi": "{problems} lỗi trong {files} tệp",
        "en": "{problems} problem(s) in {files} file(s)",
    },
    "usage.bad_date": {"vi": "ngày '{value}' không hợp lệ: dùng dạng YYYY-MM-DD", "en": "invalid date '{value}': use YYYY-MM-DD"},
    "usage.bad_lang": {"vi": "ngôn ngữ '{value}' không hỗ trợ: dùng vi hoặc en", "en": "unsupported language '{value}': use vi or en"},
    "internal.error": {
        "vi": "lỗi nội bộ của par ({kind}: {detail}); xin báo lại kèm tệp kế hoạch",
        "en": "internal error in par ({kind}: {detail}); please report it with the plan file",
    },
    # --- recording progress (par set / done / evidence) and the loader's fuzzing fixes
    "yaml.number_too_long": {
        "vi": "số có {digits} chữ số, quá dài để đọc; hãy kiểm tra lại giá trị này",
        "en": "a number of {digits} digits is too long to read; check this value",
    },
    "schema.key_type": {"vi": "khóa {value} không hợp lệ: khóa phải là văn bản", "en": "key {value} is not valid: a key must be text"},
    "edit.unknown_criterion": {"vi": "kế hoạch không có tiêu chí '{id}'", "en": "the plan has no criterion '{id}'"},
    "edit.unknown_key": {
        "vi": "tiêu chí {id} không có chỉ số đo '{key}'; dùng một trong: {accepted}",
        "en": "criterion {id} has no measure '{key}'; use one of: {accepted}",
    },
    "edit.duplicate_key": {"vi": "khóa '{key}' được ghi hai lần trong cùng một lệnh", "en": "key '{key}' is given twice"},
    "edit.not_yes_no": {
        "vi": "giá trị '{value}' không hợp lệ cho '{measure}': dùng có hoặc không",
        "en": "invalid value '{value}' for '{measure}': use yes or no",
    },
    "edit.not_a_number": {
        "vi": "'{value}' không phải là một số cho '{measure}' (viết như 96,5 hoặc 96.5)",
        "en": "'{value}' is not a number for '{measure}' (write it as 96.5 or 96,5)",
    },
    "edit.date_outside_year": {
        "vi": "ngày {date} nằm ngoài năm kế hoạch {year}; dùng --date NĂM-THÁNG-NGÀY để ghi cho một ngày trong năm {year}",
        "en": "date {date} is outside the plan year {year}; pass --date YYYY-MM-DD for a day in {year}",
    },
    "edit.date_far": {
        "vi": "ngày {date} nằm xa ngoài năm kế hoạch {year}; dùng --date NĂM-THÁNG-NGÀY",
        "en": "date {date} falls far outside the plan year {year}; pass --date YYYY-MM-DD",
    },
    "edit.empty_evidence": {"vi": "tài liệu kiểm chứng không được để trống", "en": "the evidence text must not be empty"},
    "edit.no_deadline": {"vi": "tiêu chí {id} không có hạn nào để ghi hoàn thành", "en": "criterion {id} has no deadline to mark done"},
    "edit.which_deadline": {
        "vi": "tiêu chí {id} có nhiều hạn; chọn một bằng --deadline: {choices}",
        "en": "criterion {id} has several deadlines; pick one with --deadline: {choices}",
    },
    "edit.unknown_deadline": {
        "vi": "tiêu chí {id} không có hạn '{deadline}'; các hạn: {choices}",
        "en": "criterion {id} has no deadline '{deadline}'; its deadlines: {choices}",
    },
    "edit.not_an_occurrence": {
        "vi": "ngày {date} không phải một lần của hạn '{deadline}'; các lần: {choices}",
        "en": "{date} is not an occurrence of deadline '{deadline}'; its occurrences: {choices}",
    },
    "edit.all_done": {
        "vi": "mọi lần của hạn '{deadline}' trong năm {year} đều đã được ghi hoàn thành",
        "en": "every occurrence of deadline '{deadline}' in {year} is already recorded as done",
    },
    "edit.already_done": {
        "vi": "hạn '{deadline}' (lần {occurrence}) đã được ghi hoàn thành; không ghi lần thứ hai",
        "en": "deadline '{deadline}' ({occurrence}) is already recorded as done; not recording it twice",
    },
    "edit.invalid_plan": {
        "vi": "kế hoạch đang có {count} lỗi (ở trên); hãy sửa trước khi ghi tiến độ",
        "en": "the plan has {count} problem(s) (above); fix them before recording progress",
    },
    "edit.result_invalid": {
        "vi": "sau khi ghi, kế hoạch sẽ có {count} lỗi (ở trên); không ghi gì",
        "en": "recording this would leave the plan with {count} problem(s) (above); nothing written",
    },
    "edit.layout": {
        "vi": "không chèn được mà giữ nguyên các dòng khác của tệp; không ghi gì, hãy ghi tay vào tệp",
        "en": "cannot insert this while keeping every other line of the file; nothing written, edit the file by hand",
    },
    "edit.layout_detail": {
        "vi": "không chèn được mà giữ nguyên các dòng khác của tệp ({detail}); không ghi gì, hãy ghi tay vào tệp",
        "en": "cannot insert this while keeping every other line of the file ({detail}); nothing written, edit the file by hand",
    },
    "edit.changed_while_reading": {"vi": "tệp kế hoạch thay đổi trong lúc đọc; hãy chạy lại lệnh", "en": "the plan changed while it was read; run the command again"},
    "edit.changed_while_writing": {
        "vi": "tệp kế hoạch vừa được lưu từ nơi khác (trình soạn thảo?) trong lúc ghi; không ghi gì, hãy chạy lại lệnh",
        "en": "the plan was saved from elsewhere (an editor?) while par was writing; nothing written, run the command again",
    },
    "edit.busy": {
        "vi": "một lệnh par khác đang ghi kế hoạch này (khóa {lock}); không ghi gì, hãy thử lại sau giây lát",
        "en": "another par is writing this plan (lock {lock}); nothing written, try again in a moment",
    },
    "edit.cannot_write": {"vi": "không ghi được tệp: {reason}; tệp kế hoạch không thay đổi", "en": "cannot write the file: {reason}; the plan is unchanged"},
    "edit.recorded": {"vi": "Đã ghi cho tiêu chí {id}: {what} ({path})", "en": "Recorded for criterion {id}: {what} ({path})"},
    "edit.would_record": {
        "vi": "Chạy thử, chưa ghi gì: tiêu chí {id}: {what} ({path})",
        "en": "Dry run, nothing written: criterion {id}: {what} ({path})",
    },
    "edit.what_measurement": {"vi": "{values}, ngày {date}", "en": "{values}, on {date}"},
    "edit.what_evidence": {"vi": "tài liệu kiểm chứng ngày {date}: {text}", "en": "evidence dated {date}: {text}"},
    "edit.what_done": {
        "vi": "hạn '{deadline}' lần {occurrence} (hạn cuối {last_day}) hoàn thành ngày {date}, {timing}",
        "en": "deadline '{deadline}' of {occurrence} (last day {last_day}) done on {date}, {timing}",
    },
    "edit.on_time": {"vi": "đúng hạn", "en": "on time"},
    "edit.late": {"vi": "trễ hạn", "en": "late"},
    "usage.assignment": {
        "vi": "'{value}' không có dạng KHÓA=GIÁ_TRỊ (ví dụ: initiatives=2, on_time_pct=96,5)",
        "en": "'{value}' is not KEY=VALUE (e.g. initiatives=2, on_time_pct=96.5)",
    },
    "usage.nothing_to_set": {"vi": "cần ít nhất một KHÓA=GIÁ_TRỊ", "en": "give at least one KEY=VALUE"},
}


def resolve_lang(option: str | None) -> Lang:
    """`--lang` wins, then ``PAR_LANG``, then Vietnamese. Unknown values fall back to Vietnamese
    at this level; the CLI refuses them as usage errors before they reach here."""
    value = (option or os.environ.get("PAR_LANG") or "vi").strip().lower()
    return "en" if value.startswith("en") else "vi"


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message for ``key`` in ``lang``, with parameters filled in; numbers in the
    language's habit (1,5 in Vietnamese)."""
    shown = {name: fmt_number(value, lang) if isinstance(value, float) else value for name, value in params.items()}
    return MESSAGES[key][lang].format(**shown)


def fmt_number(value: float | None, lang: Lang, digits: int = 2) -> str:
    """80.36 → "80,36" in Vietnamese; trailing zeros dropped (2.00 → "2", 1.50 → "1,5")."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_percent(value: float | None, lang: Lang) -> str:
    """84.59 → "84,59 %" (two decimals kept: the index is read to the hundredth)."""
    if value is None:
        return "—"
    text = f"{value:.2f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " %"


def fmt_date(value: dt.date | None, lang: Lang) -> str:
    """05/01/2024 in both languages: the plan's own habit, and unambiguous beside the text."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y")
