"""Vietnamese first, English on request: the message catalogue and number/date formats.

Users read Vietnamese; `--lang en` (or ``PAR_LANG=en``) switches labels and messages.
Numbers and dates follow Vietnamese habit on output: 80,36 and 05/01/2024.
Every message lives here under a stable key, so the core returns keys and parameters
(problems are values) and only the output layer picks the language.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    "file.not_regular": {
        "vi": "không phải tệp thường (FIFO, socket hay thiết bị); par chỉ đọc tệp kế hoạch thường",
        "en": "not a regular file (a FIFO, a socket or a device); par reads only regular plan files",
    },
    "file.too_large": {"vi": "tệp quá lớn ({size} MB, tối đa {limit} MB)", "en": "the file is too large ({size} MB, at most {limit} MB)"},
    "yaml.syntax": {"vi": "lỗi cú pháp YAML: {detail}", "en": "YAML syntax error: {detail}"},
    "yaml.tab": {
        "vi": "ký tự Tab không được dùng để thụt lề trong YAML; hãy dùng dấu cách",
        "en": "a tab cannot indent YAML; use spaces",
    },
    "text.control": {
        "vi": "văn bản chứa ký tự điều khiển {char}, không được phép trong kế hoạch (chỉ cho phép Tab và xuống dòng)",
        "en": "the text holds the control character {char}, which a plan may not hold (only tab and line feed are allowed)",
    },
    "text.blank": {
        "vi": "'{field}' trống hoặc chỉ có khoảng trắng, xuống dòng: hãy ghi nội dung (hoặc bỏ trường nếu không bắt buộc)",
        "en": "'{field}' is empty or only spaces and line breaks: write what it says (or leave it out where it is optional)",
    },
    "text.blank_name": {
        "vi": "một tên trong '{field}' trống hoặc chỉ có khoảng trắng, xuống dòng: hãy đặt tên",
        "en": "a name in '{field}' is empty or only spaces and line breaks: give it a name",
    },
    "edit.number_too_long": {
        "vi": "số {value} quá dài (tối đa {digits} ký tự)",
        "en": "the number {value} is too long (at most {digits} characters)",
    },
    "check.number_too_large": {
        "vi": "số quá lớn (tối đa {largest})",
        "en": "the number is too large (at most {largest})",
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
    "schema.date_day_first": {
        "vi": "ngày {value} viết theo kiểu Việt Nam; trong tệp kế hoạch hãy viết dạng ISO: {iso}",
        "en": "the date {value} is written day first; in the plan file write it in ISO form: {iso}",
    },
    "schema.date": {"vi": "ngày {value} không hợp lệ (dạng YYYY-MM-DD)", "en": "invalid date {value} (YYYY-MM-DD)"},
    "schema.other": {"vi": "{detail}", "en": "{detail}"},
    # --- model-level shape errors (raised by model validators under these keys)
    "model.levels_needed": {"vi": "chỉ số đo kiểu 'level' cần danh sách levels", "en": "a measure of kind 'level' needs its list of levels"},
    "model.levels_only": {"vi": "chỉ chỉ số đo kiểu 'level' mới có levels", "en": "only a measure of kind 'level' has levels"},
    "model.scale_only": {"vi": "chỉ chỉ số đo kiểu 'number' mới có scale (giá trị ứng với 100%)", "en": "only a measure of kind 'number' has a scale (the value that is 100 %)"},
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
    "model.evidence_empty": {
        "vi": "tài liệu kiểm chứng cần ít nhất một trong text, number (số, ký hiệu), file hoặc link",
        "en": "evidence needs at least one of text, number (số, ký hiệu), file or link",
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
    "check.rule_measure_kind": {
        "vi": "quy tắc '{rule}' không chấm được chỉ số đo '{measure}' kiểu '{kind}': cần kiểu {accepted}",
        "en": "a '{rule}' rule cannot score the measure '{measure}' of kind '{kind}': it needs {accepted}",
    },
    "check.rrule": {"vi": "không đọc được quy tắc lặp: {detail}", "en": "cannot read the recurrence rule: {detail}"},
    "rrule.finer_than_a_day": {"vi": "{part}: hạn là một ngày, hãy dùng FREQ=DAILY hoặc thưa hơn", "en": "{part}: a deadline is a day, use FREQ=DAILY or coarser"},
    "rrule.too_many": {"vi": "hơn {limit} thời điểm trước hết năm {year}", "en": "more than {limit} moments before the end of {year}"},
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
    "usage.bad_date": {
        "vi": "ngày '{value}' không hợp lệ: dùng dạng YYYY-MM-DD, DD/MM/YYYY hoặc D/M/YYYY (ngày trước tháng)",
        "en": "invalid date '{value}': use YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (day first)",
    },
    "stage.self_assessment": {"vi": "tự đánh giá", "en": "self-assessment"},
    "stage.appraisal_1": {"vi": "thẩm định lần 1", "en": "appraisal, round 1"},
    "stage.explanation": {"vi": "giải trình", "en": "explanation"},
    "stage.appraisal_2": {"vi": "thẩm định lần 2", "en": "appraisal, round 2"},
    "stage.final": {"vi": "kết quả chính thức", "en": "final result"},
    "edit.what_stage": {"vi": "{stage} {points} điểm ngày {date}", "en": "{stage} {points} points on {date}"},
    "usage.bad_days": {"vi": "--days phải là số ngày từ 0 đến {most}, không phải {value}", "en": "--days must be a number of days from 0 to {most}, not {value}"},
    "usage.date_range": {"vi": "ngày '{value}' nằm ngoài khoảng {first} – {last}", "en": "the date '{value}' is outside {first} – {last}"},
    "usage.output_is_plan": {
        "vi": "--output {path} là tệp kế hoạch đang đọc; hãy chọn tệp khác",
        "en": "--output {path} is the plan being read; choose another file",
    },
    "usage.output_not_a_file": {
        "vi": "--output {path} không phải là tệp thường (là thư mục, FIFO hay thiết bị); hãy chọn tệp khác",
        "en": "--output {path} is not a regular file (a folder, a FIFO or a device); choose another file",
    },
    "usage.bad_lang": {"vi": "ngôn ngữ '{value}' không hỗ trợ: dùng vi hoặc en", "en": "unsupported language '{value}': use vi or en"},
    "internal.error": {
        "vi": "lỗi nội bộ của par ({kind}: {detail}); xin báo lại kèm tệp kế hoạch",
        "en": "internal error in par ({kind}: {detail}); please report it with the plan file",
    },
    # --- due: `par due` and its calendar export
    "due.title": {"vi": "Việc đến hạn từ {start} đến {end}, và việc quá hạn", "en": "Due from {start} to {end}, and overdue work"},
    "due.title_all": {"vi": "Mọi lần đến hạn năm {year}", "en": "Every deadline of {year}"},
    "due.title_unit": {"vi": "{title}: {unit}", "en": "{title}: {unit}"},
    "due.summary": {
        "vi": "Hôm nay {today}: {due} việc đến hạn, {overdue} việc quá hạn.",
        "en": "Today {today}: {due} due, {overdue} overdue.",
    },
    "due.summary_all": {
        "vi": "Hôm nay {today}: {count} lần đến hạn, {done} đã xong, {overdue} quá hạn.",
        "en": "Today {today}: {count} deadlines, {done} done, {overdue} overdue.",
    },
    "due.explain": {
        "vi": "Hạn cuối là ngày cuối cùng còn đúng hạn: “trước ngày D” thì hạn cuối là ngày D − 1.",
        "en": "Last day = the last day on time: for “trước ngày D” (before day D) it is D − 1.",
    },
    "due.col.id": {"vi": "Mã", "en": "Id"},
    "due.col.title": {"vi": "Tiêu chí", "en": "Criterion"},
    "due.col.what": {"vi": "Việc phải làm", "en": "What is due"},
    "due.col.due": {"vi": "Hạn cuối", "en": "Last day"},
    "due.col.days_left": {"vi": "Còn lại", "en": "Days left"},
    "due.col.done": {"vi": "Đã xong", "en": "Done"},
    "due.col.lead": {"vi": "Chủ trì", "en": "Lead"},
    "due.col.support": {"vi": "Phối hợp", "en": "Support"},
    "due.col.max": {"vi": "Điểm tối đa", "en": "Max"},
    "due.today": {"vi": "hôm nay", "en": "today"},
    "due.day_left": {"vi": "còn 1 ngày", "en": "1 day left"},
    "due.days_left": {"vi": "còn {n} ngày", "en": "{n} days left"},
    "due.day_late": {"vi": "trễ 1 ngày", "en": "1 day late"},
    "due.days_late": {"vi": "trễ {n} ngày", "en": "{n} days late"},
    "due.cannot_write": {"vi": "không ghi được tệp {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "due.written": {"vi": "đã ghi {count} mục vào {path}", "en": "wrote {count} items to {path}"},
    "ics.name": {"vi": "Hạn CCHC {year} ({plan})", "en": "PAR deadlines {year} ({plan})"},
    "ics.criterion": {"vi": "Tiêu chí {id}: {title}", "en": "Criterion {id}: {title}"},
    "ics.before": {"vi": "Hạn: trước ngày {stated}, hạn cuối {due}", "en": "Deadline: before {stated}, last day {due}"},
    "ics.by": {"vi": "Hạn cuối: {due}", "en": "Last day: {due}"},
    "ics.lead": {"vi": "Chủ trì: {units}", "en": "Lead: {units}"},
    "ics.support": {"vi": "Phối hợp: {units}", "en": "Support: {units}"},
    "ics.max": {"vi": "Điểm tối đa: {points}", "en": "Maximum points: {points}"},
    "ics.done": {"vi": "Đã xong ngày {date}", "en": "Done on {date}"},
    "ics.evidence": {"vi": "Tài liệu kiểm chứng: {evidence}", "en": "Evidence: {evidence}"},
    "ics.plan": {"vi": "Kế hoạch số {number}", "en": "Plan no. {number}"},
    # --- scoring: rules, par score, par gap (issue 3)
    "rule.yes": {"vi": "có", "en": "yes"},
    "rule.no": {"vi": "không", "en": "no"},
    "rule.undecided": {"vi": "chưa xác định", "en": "not decided yet"},
    "rule.tiers": {
        "vi": "theo bậc, bậc đầu tiên đạt được tính: {steps}; còn lại → {otherwise}",
        "en": "tiers, the first that holds counts: {steps}; otherwise → {otherwise}",
    },
    "rule.all_of": {
        "vi": "đạt tất cả điều kiện ({conditions}) → {max}; còn lại → {otherwise}",
        "en": "every condition ({conditions}) → {max}; otherwise → {otherwise}",
    },
    "rule.per_item": {"vi": "{each} điểm cho mỗi {measure}, tối đa {max}", "en": "{each} points per {measure}, at most {max}"},
    "rule.quality": {"vi": "theo mức {measure}: {shares} của {max} điểm", "en": "by level of {measure}: {shares} of {max} points"},
    "rule.deductions": {"vi": "trừ điểm theo {measure}: {deductions} của {max} điểm", "en": "deductions by {measure}: {deductions} of {max} points"},
    "rule.proportional": {"vi": "tỷ lệ thuận: {measure} % × {max}", "en": "proportional: {measure} % × {max}"},
    "rule.deadline": {
        "vi": "theo hạn: mọi lần đúng hạn → {on_time} %, có lần trễ hạn → {late} %, có lần không thực hiện → {missing} % của {max} điểm",
        "en": "by deadline: every occurrence on time → {on_time} %, any late → {late} %, any not done → {missing} % of {max} points",
    },
    "rule.manual": {"vi": "không có công thức: lấy điểm tự đánh giá", "en": "no formula: the self-assessed score"},
    "rule.manual_arithmetic": {"vi": "điểm tự đánh giá → {result}", "en": "self-assessed score → {result}"},
    "rule.deadline_counts": {
        "vi": "{total} lần hạn: {on_time} đúng hạn, {late} trễ hạn, {open} chưa đến hạn, {overdue} quá hạn chưa thực hiện",
        "en": "{total} occurrence(s): {on_time} on time, {late} late, {open} not yet due, {overdue} overdue and not done",
    },
    "rule.occurrence.on_time": {"vi": "{what}: hạn {last_day}, xong ngày {done} (đúng hạn)", "en": "{what}: due {last_day}, done {done} (on time)"},
    "rule.occurrence.late": {"vi": "{what}: hạn {last_day}, xong ngày {done} (trễ hạn)", "en": "{what}: due {last_day}, done {done} (late)"},
    "rule.occurrence.open": {"vi": "{what}: hạn {last_day}, chưa đến hạn", "en": "{what}: due {last_day}, not yet due"},
    "rule.occurrence.overdue": {"vi": "{what}: hạn {last_day}, quá hạn, chưa thực hiện", "en": "{what}: due {last_day}, overdue and not done"},
    "status.appraised": {"vi": "thẩm định", "en": "appraised"},
    "status.recorded": {"vi": "đã ghi nhận", "en": "recorded"},
    "status.provisional": {"vi": "tạm tính", "en": "provisional"},
    "status.self_assessed": {"vi": "tự đánh giá", "en": "self-assessed"},
    "status.overdue": {"vi": "quá hạn", "en": "overdue"},
    "status.in_progress": {"vi": "đang thực hiện", "en": "in progress"},
    "status.estimated": {"vi": "ước tính ({year})", "en": "estimated ({year})"},
    "status.assumed": {"vi": "giả định", "en": "assumed"},
    "status.unknown": {"vi": "chưa rõ", "en": "unknown"},
    "status.mixed": {"vi": "nhiều nguồn", "en": "mixed"},
    "basis.appraised": {"vi": "điểm thẩm định", "en": "appraised score"},
    "basis.recorded": {"vi": "tính từ số liệu ghi nhận", "en": "computed from recorded progress"},
    "basis.self_assessed": {"vi": "điểm tự đánh giá", "en": "self-assessed score"},
    "basis.projection": {"vi": "dự kiến khai báo (giả định)", "en": "declared projection (assumed)"},
    "basis.baseline": {"vi": "điểm năm trước (giả định)", "en": "previous year's points (assumed)"},
    "basis.plan_assumption": {"vi": "giả định chung của kế hoạch", "en": "the plan's general assumption"},
    "basis.unknown": {"vi": "chưa rõ (tính 0)", "en": "unknown (counts 0)"},
    "basis.children": {"vi": "tổng các mục con", "en": "sum of its parts"},
    "source.recorded": {"vi": "ghi nhận ngày {date}", "en": "recorded on {date}"},
    "source.recorded_undated": {"vi": "đã ghi nhận", "en": "recorded"},
    "source.missing": {"vi": "chưa ghi nhận", "en": "not recorded"},
    "source.plan": {"vi": "theo kế hoạch", "en": "from the plan"},
    "source.assumption": {"vi": "giả định", "en": "assumed"},
    "source.derived": {"vi": "suy ra từ số liệu năm trước", "en": "derived from the previous year's reading"},
    "explain.sum_rule": {"vi": "tổng điểm các mục con", "en": "the sum of its parts"},
    "explain.projection.appraised": {
        "vi": "điểm thẩm định {points} là điểm được tính (tính từ số liệu: {computed}; tự đánh giá: {self_assessed})",
        "en": "the appraised {points} is the score that counts (computed: {computed}; self-assessed: {self_assessed})",
    },
    "explain.projection.recorded": {"vi": "tính từ số liệu đã ghi nhận: {points}", "en": "computed from recorded progress: {points}"},
    "explain.projection.self_assessed": {"vi": "điểm tự đánh giá: {points}", "en": "the self-assessed score: {points}"},
    "explain.projection.projection": {"vi": "dự kiến đã khai báo trong kế hoạch: {points} (giả định)", "en": "the projection declared in the plan: {points} (assumed)"},
    "explain.projection.baseline": {
        "vi": "số liệu ghi nhận chưa đủ để tính: dự kiến bằng điểm năm trước, {points} (giả định)",
        "en": "the progress recorded does not decide it yet: expected to equal the previous year's {points} (assumed)",
    },
    "explain.projection.plan_assumption": {
        "vi": "số liệu ghi nhận chưa đủ để tính, không rõ điểm năm trước: dự kiến {share} × {max} = {points} theo giả định chung của kế hoạch",
        "en": "the progress recorded does not decide it yet and the previous result is unknown: expected {share} × {max} = {points} by the plan's general assumption",
    },
    "explain.projection.unknown": {
        "vi": "số liệu ghi nhận chưa đủ để tính, không có điểm năm trước hay giả định nào: không dự kiến được (tính 0 điểm)",
        "en": "the progress recorded does not decide it yet, and there is no previous result or assumption: cannot be projected (counts 0)",
    },
    "explain.projection.children": {"vi": "tổng các mục con: {points}", "en": "the sum of its parts: {points}"},
    "explain.clamped": {
        "vi": "; giới hạn trong khoảng sàn {floor} – trần {ceiling}: {points}",
        "en": "; brought within floor {floor} – ceiling {ceiling}: {points}",
    },
    "explain.header": {"vi": "{id} — {title} (tối đa {max} điểm)", "en": "{id} — {title} (max {max})"},
    "explain.rule": {"vi": "Quy tắc: {rule}", "en": "Rule: {rule}"},
    "explain.inputs": {"vi": "Dữ liệu sử dụng:", "en": "Inputs:"},
    "explain.input.measure": {"vi": "{name} ({label}) = {value}: {source}", "en": "{name} ({label}) = {value}: {source}"},
    "explain.input.evidence": {"vi": "tài liệu: {evidence}", "en": "evidence: {evidence}"},
    "explain.input.note": {"vi": "ghi chú: {note}", "en": "note: {note}"},
    "explain.input.score.self_assessed": {"vi": "Tự đánh giá: {value} ({source})", "en": "Self-assessed: {value} ({source})"},
    "explain.input.score.appraised": {"vi": "Thẩm định: {value} ({source})", "en": "Appraised: {value} ({source})"},
    "explain.input.score.self_assessment": {"vi": "Tự đánh giá: {value} ({source})", "en": "Self-assessment: {value} ({source})"},
    "explain.input.score.appraisal_1": {"vi": "Thẩm định lần 1: {value} ({source})", "en": "Appraisal, round 1: {value} ({source})"},
    "explain.input.score.explanation": {"vi": "Giải trình: {value} ({source})", "en": "Explanation: {value} ({source})"},
    "explain.input.score.appraisal_2": {"vi": "Thẩm định lần 2: {value} ({source})", "en": "Appraisal, round 2: {value} ({source})"},
    "explain.input.score.final": {"vi": "Kết quả chính thức: {value} ({source})", "en": "Final result: {value} ({source})"},
    "explain.derived_baseline": {
        "vi": "điểm năm {year} ({points}) suy ra từ số liệu năm {year} kế hoạch nêu, chấm theo quy tắc của tiêu chí",
        "en": "the {year} points ({points}) are derived from the {year} reading the plan states, scored by the criterion's rule",
    },
    "explain.provisional": {
        "vi": " (tạm tính: số liệu còn thay đổi đến khi kỳ đo khép lại; sàn {floor} – trần {ceiling})",
        "en": " (provisional: the reading can move until its period closes; floor {floor} – ceiling {ceiling})",
    },
    "explain.input.baseline": {"vi": "Điểm năm trước: {value} ({source})", "en": "Previous year's points: {value} ({source})"},
    "explain.input.projection": {"vi": "Dự kiến khai báo: {value} ({source})", "en": "Declared projection: {value} ({source})"},
    "explain.input.plan_assumption": {"vi": "Tỷ lệ giả định chung: {value} ({source})", "en": "General assumed share: {value} ({source})"},
    "explain.input.child": {"vi": "{id}: {value} ({basis})", "en": "{id}: {value} ({basis})"},
    "explain.arithmetic": {"vi": "Phép tính: {text}", "en": "Arithmetic: {text}"},
    "explain.floor": {"vi": "Sàn (thiếu số liệu = không đạt): {text}", "en": "Floor (missing = fails): {text}"},
    "explain.ceiling": {"vi": "Trần (thiếu số liệu = đạt): {text}", "en": "Ceiling (missing = passes): {text}"},
    "explain.projection": {"vi": "Dự kiến: {text}", "en": "Expected: {text}"},
    "explain.result": {
        "vi": "Kết quả: dự kiến {projected} ({status}); sàn {floor}; trần {ceiling}",
        "en": "Result: expected {projected} ({status}); floor {floor}; ceiling {ceiling}",
    },
    "explain.evidence_count": {"vi": "Tài liệu kiểm chứng: {count}", "en": "Evidence documents: {count}"},
    "explain.no_evidence": {
        "vi": "Cảnh báo: điểm chưa có tài liệu kiểm chứng; khi thẩm định sẽ bị mất điểm",
        "en": "Warning: points claimed without evidence; they would be lost at appraisal",
    },
    "explain.assumptions": {"vi": "Giả định:", "en": "Assumptions:"},
    "score.unknown_id": {"vi": "không có tiêu chí '{id}' trong kế hoạch", "en": "no criterion '{id}' in the plan"},
    "score.unknown_unit": {"vi": "không có đơn vị '{unit}'; các đơn vị: {units}", "en": "no unit '{unit}'; units: {units}"},
    "score.title": {"vi": "Điểm Chỉ số CCHC năm {year}: {plan}", "en": "PAR index score {year}: {plan}"},
    "score.title_unit": {"vi": "Điểm Chỉ số CCHC năm {year}: {plan} — {unit}", "en": "PAR index score {year}: {plan} — {unit}"},
    "score.col.id": {"vi": "Mã", "en": "ID"},
    "score.col.issuer": {"vi": "Cơ quan", "en": "Department"},
    "score.col.year": {"vi": "Năm", "en": "Year"},
    "score.col.number": {"vi": "Kế hoạch", "en": "Plan"},
    "score.col.previous": {"vi": "Năm trước", "en": "Previous"},
    "score.folder_title": {"vi": "Tổng điểm {count} kế hoạch trong {folder}", "en": "Totals of {count} plans in {folder}"},
    "score.path_and_plan": {"vi": "chỉ dùng một trong PATH hoặc --plan", "en": "give either PATH or --plan, not both"},
    "score.folder_options": {
        "vi": "--explain và --unit chỉ dùng cho một kế hoạch, không dùng cho thư mục",
        "en": "--explain and --unit take one plan, not a folder",
    },
    "score.col.title": {"vi": "Tiêu chí", "en": "Criterion"},
    "score.col.max": {"vi": "Tối đa", "en": "Max"},
    "score.col.baseline": {"vi": "{year}", "en": "{year}"},
    "score.col.projected": {"vi": "Dự kiến", "en": "Expected"},
    "score.col.floor": {"vi": "Sàn", "en": "Floor"},
    "score.col.ceiling": {"vi": "Trần", "en": "Ceiling"},
    "score.col.status": {"vi": "Trạng thái", "en": "Status"},
    "score.col.self_assessed": {"vi": "Tự ĐG", "en": "Self-ass."},
    "score.col.appraised": {"vi": "Thẩm định", "en": "Appraised"},
    "score.col.lead": {"vi": "Chủ trì", "en": "Lead"},
    "score.as_of": {"vi": "Tính theo số liệu ghi nhận đến ngày {date}.", "en": "Scored on progress recorded up to {date}."},
    "score.total": {"vi": "Tổng dự kiến: {projected}/{max} điểm ({percent})", "en": "Expected total: {projected}/{max} points ({percent})"},
    "score.change": {"vi": "So với năm {year} ({baseline} điểm): {change} điểm", "en": "Against {year} ({baseline} points): {change} points"},
    "score.range": {"vi": "Sàn – trần: {floor} – {ceiling} điểm", "en": "Floor – ceiling: {floor} – {ceiling} points"},
    "score.accounts": {
        "vi": "Tổng dự kiến gồm: {recorded} điểm từ số liệu ghi nhận, {derived} điểm suy ra từ kết quả năm {year}, {assumed} điểm dựa trên giả định",
        "en": "The expected total: {recorded} points from recorded figures, {derived} derived from {year}'s results, {assumed} resting on assumptions",
    },
    "score.assumed": {"vi": "Dựa trên giả định: {assumed} điểm của tổng dự kiến", "en": "Resting on assumptions: {assumed} points of the expected total"},
    "score.assumed_outside": {
        "vi": "Dựa trên giả định: {assumed} điểm của tổng dự kiến, trong đó phần ngoài bảng: {outside} điểm",
        "en": "Resting on assumptions: {assumed} points of the expected total, of which outside the table: {outside} points",
    },
    "score.provisional": {
        "vi": "Tạm tính (số liệu còn thay đổi đến hết kỳ đo): {ids}",
        "en": "Provisional (the reading can move until its period closes): {ids}",
    },
    "score.shared": {
        "vi": "Giao chung cho các phòng, đơn vị (liệt kê riêng, không cộng vào điểm của đơn vị): {ids}",
        "en": "Given to every unit together (listed apart, not added to the unit's points): {ids}",
    },
    "score.no_evidence": {"vi": "⚠ điểm chưa có tài liệu kiểm chứng: {ids}", "en": "⚠ points without evidence: {ids}"},
    "score.overdue": {"vi": "Quá hạn chưa thực hiện: {ids}", "en": "Overdue and not done: {ids}"},
    "score.unknown": {"vi": "Chưa rõ, tính 0 điểm: {ids}", "en": "Unknown, counted 0: {ids}"},
    "gap.title": {"vi": "Khoảng cách tới điểm tối đa: {plan}", "en": "Gap to the maximum: {plan}"},
    "gap.col.lost": {"vi": "Mất {year}", "en": "Lost {year}"},
    "gap.col.change": {"vi": "Thay đổi", "en": "Change"},
    "gap.col.gap": {"vi": "Còn thiếu", "en": "Gap"},
    "gap.col.winnable": {"vi": "Còn giành được", "en": "Winnable"},
    "gap.col.note": {"vi": "Ghi chú", "en": "Note"},
    "gap.total": {
        "vi": "Các tiêu chí trên: tối đa {max}, dự kiến {projected}, còn thiếu {gap} điểm",
        "en": "The criteria above: max {max}, expected {projected}, {gap} points still open",
    },
    "gap.reconcile": {
        "vi": "Năm {year} mất {lost} điểm ({max} − {points}): kết quả từng tiêu chí giải thích {explained} điểm; {unexplained} điểm chưa giải thích (ngoài bảng hoặc không ghi nhận)",
        "en": "In {year}, {lost} points were lost ({max} − {points}): the itemised results explain {explained}; {unexplained} are unexplained (outside the table or not recorded)",
    },
    "gap.outside": {
        "vi": "Phần ngoài bảng: dự kiến {projected}/{max}, còn thiếu {gap} điểm (giả định)",
        "en": "Outside the table: expected {projected}/{max}, {gap} points open (assumed)",
    },
    "gap.target": {
        "vi": "Mục tiêu nhóm {rank}/{of}: cần khoảng {score} điểm (giả định); tổng dự kiến {projected}: còn thiếu {distance} điểm",
        "en": "Target top {rank} of {of}: about {score} points (assumed); expected total {projected}: {distance} points short",
    },
    "gap.target_reached": {
        "vi": "Mục tiêu nhóm {rank}/{of}: cần khoảng {score} điểm (giả định); tổng dự kiến {projected} đã vượt {surplus} điểm",
        "en": "Target top {rank} of {of}: about {score} points (assumed); the expected total {projected} exceeds it by {surplus} points",
    },
    "gap.to_close": {
        "vi": "Để đạt mục tiêu, ưu tiên: {ids} (cộng lại còn giành được {covered} điểm)",
        "en": "To reach the target, work on: {ids} ({covered} points still winnable between them)",
    },
    "gap.not_closable": {
        "vi": "Cả bảng chỉ còn giành được {covered} điểm: chưa đủ để đạt mục tiêu",
        "en": "The whole table has only {covered} points left to win: not enough for the target",
    },
    # --- report: `par report` (the briefing page) and `par units` (issue 7)
    # --- par history: the plan through its git history, and the trail of what was recorded
    "history.not_a_repository": {
        "vi": "{path}: tệp không nằm trong kho git; lịch sử điểm đọc từ git (git init, git add, git commit)",
        "en": "{path}: the file is not in a git repository; the history is read from git (git init, git add, git commit)",
    },
    "history.shallow": {
        "vi": "{path}: kho git là bản sao nông (shallow clone), lịch sử bị cắt ngắn; chạy git fetch --unshallow rồi thử lại",
        "en": "{path}: the repository is a shallow clone, its history cut short; run git fetch --unshallow and try again",
    },
    "history.no_history": {"vi": "{path}: git chưa có phiên bản nào của tệp này (chưa git add, git commit)", "en": "{path}: git holds no version of this file (not yet added and committed)"},
    "history.no_file": {"vi": "{path}: không tìm thấy thư mục chứa tệp", "en": "{path}: the file's folder does not exist"},
    "history.no_git": {"vi": "không tìm thấy lệnh git trên máy", "en": "the git command is not installed"},
    "history.git_failed": {"vi": "git báo lỗi: {detail}", "en": "git failed: {detail}"},
    "history.since_after_until": {"vi": "--since {since} ở sau --until {until}", "en": "--since {since} is after --until {until}"},
    "history.title": {"vi": "Lịch sử điểm: {plan} ({year}), {count} phiên bản", "en": "Score history: {plan} ({year}), {count} versions"},
    "history.col.day": {"vi": "Ngày", "en": "Day"},
    "history.col.commit": {"vi": "Commit", "en": "Commit"},
    "history.col.author": {"vi": "Người ghi", "en": "Author"},
    "history.col.change": {"vi": "Thay đổi", "en": "Change"},
    "history.col.moved": {"vi": "Tiêu chí đổi điểm", "en": "Criteria moved"},
    "history.col.records": {"vi": "Ghi nhận", "en": "Records"},
    "history.col.message": {"vi": "Nội dung commit", "en": "Message"},
    "history.invalid": {"vi": "không hợp lệ ({problems} lỗi)", "en": "invalid ({problems} problems)"},
    "history.none": {"vi": "Không có phiên bản nào trong khoảng đã chọn.", "en": "No version in the chosen range."},
    "history.footer": {
        "vi": "Từ {first} đến {last}: dự kiến {start} → {end} điểm ({change}); sàn {floor}, trần {ceiling}",
        "en": "From {first} to {last}: expected {start} → {end} points ({change}); floor {floor}, ceiling {ceiling}",
    },
    "history.footer_days": {"vi": "Mỗi phiên bản tính điểm theo ngày commit (giờ Việt Nam), như par score --as-of NGÀY.", "en": "Each version is scored as of its commit day (Asia/Ho_Chi_Minh), as par score --as-of DAY."},
    "trail.title": {"vi": "Nhật ký ghi nhận (lịch sử thao tác): {plan} ({year}), {count} thao tác", "en": "Audit trail: {plan} ({year}), {count} actions"},
    "trail.col.day": {"vi": "Ngày commit", "en": "Committed"},
    "trail.col.author": {"vi": "Người thực hiện", "en": "By"},
    "trail.col.action": {"vi": "Thao tác", "en": "Action"},
    "trail.col.criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "trail.col.kind": {"vi": "Loại", "en": "Kind"},
    "trail.col.date": {"vi": "Ngày ghi nhận", "en": "Recorded for"},
    "trail.col.detail": {"vi": "Nội dung", "en": "What"},
    "trail.col.flag": {"vi": "Lưu ý", "en": "Note"},
    "trail.action.added": {"vi": "thêm", "en": "added"},
    "trail.action.changed": {"vi": "sửa", "en": "changed"},
    "trail.action.removed": {"vi": "xóa", "en": "removed"},
    "trail.kind.measurement": {"vi": "số liệu đo", "en": "measurement"},
    "trail.kind.completion": {"vi": "hoàn thành", "en": "completion"},
    "trail.kind.evidence": {"vi": "tài liệu kiểm chứng", "en": "evidence"},
    "trail.kind.stage": {"vi": "điểm theo vòng", "en": "score stage"},
    "trail.kind.self_assessed": {"vi": "tự đánh giá", "en": "self-assessed"},
    "trail.kind.appraised": {"vi": "thẩm định", "en": "appraised"},
    "trail.stage.self_assessment": {"vi": "tự đánh giá", "en": "self-assessment"},
    "trail.stage.appraisal_1": {"vi": "thẩm định lần 1", "en": "appraisal 1"},
    "trail.stage.explanation": {"vi": "giải trình", "en": "explanation"},
    "trail.stage.appraisal_2": {"vi": "thẩm định lần 2", "en": "appraisal 2"},
    "trail.stage.final": {"vi": "kết quả chính thức", "en": "final result"},
    "trail.points": {"vi": "{points} điểm", "en": "{points} points"},
    "trail.deadline": {"vi": "hạn '{deadline}'", "en": "deadline '{deadline}'"},
    "trail.occurrence": {"vi": "lần {date}", "en": "occurrence {date}"},
    "trail.evidence": {"vi": "TLKC: {text}", "en": "evidence: {text}"},
    "trail.before": {"vi": "trước: {text}", "en": "before: {text}"},
    "trail.date_changed": {"vi": "⚠ ngày ghi nhận bị sửa sau khi đã ghi: {before} → {after}", "en": "⚠ date changed after the fact: {before} → {after}"},
    "trail.flagged": {"vi": "{count} ghi nhận bị sửa ngày sau khi đã ghi: {ids}", "en": "{count} records had their date changed after the fact: {ids}"},
    "trail.none": {"vi": "Chưa có ghi nhận nào trong lịch sử đã chọn.", "en": "Nothing recorded in the chosen history."},
    "usage.bad_day": {"vi": "ngày '{value}' không hợp lệ: dùng dạng YYYY-MM-DD hoặc DD/MM/YYYY", "en": "invalid date '{value}': use YYYY-MM-DD or DD/MM/YYYY"},
    # --- the briefing's line through the year, and what moved since the last briefing
    "report.trajectory": {"vi": "Điểm dự kiến trong năm, theo lịch sử kế hoạch", "en": "The expected total through the year, from the plan's history"},
    "report.trajectory_missing": {"vi": "Không có đường điểm trong năm: {reason}.", "en": "No line through the year: {reason}."},
    "report.trajectory_empty": {"vi": "Chưa có phiên bản hợp lệ nào của kế hoạch trong git đến ngày {date}.", "en": "No valid version of the plan in git up to {date}."},
    "report.trajectory_label": {
        "vi": "Điểm dự kiến từ {start} đến {end}: {first} → {last} điểm, {count} phiên bản",
        "en": "Expected points from {start} to {end}: {first} → {last}, {count} versions",
    },
    "report.trajectory_note": {
        "vi": "Mỗi điểm là phiên bản cuối của một ngày commit, tính theo ngày đó; điểm cuối là hôm nay.",
        "en": "Each point is the last version of a commit day, scored as of that day; the last point is today.",
    },
    "report.since": {"vi": "Từ lần giao ban trước ({date})", "en": "Since the last briefing ({date})"},
    "report.since_total": {"vi": "Dự kiến {before} → {after} điểm ({change})", "en": "Expected {before} → {after} points ({change})"},
    "report.since_no_before": {"vi": "Ngày {date} kế hoạch chưa có trong git: không so sánh được điểm.", "en": "The plan was not in git on {date}: no points to compare."},
    "report.since_nothing": {"vi": "Không có tiêu chí nào đổi điểm.", "en": "No criterion's points moved."},
    "report.since_records": {"vi": "Ghi nhận mới: {count}; người ghi: {authors}", "en": "Recorded meanwhile: {count}; by {authors}"},
    "report.since_more": {"vi": "… và {count} ghi nhận khác: par history --records --since NGÀY", "en": "… and {count} more: par history --records --since DAY"},
    "report.since_no_records": {"vi": "Không có ghi nhận mới trong git.", "en": "Nothing new recorded in git."},
    "report.col.before": {"vi": "Trước", "en": "Before"},
    "report.col.after": {"vi": "Nay", "en": "Now"},
    "report.col.who": {"vi": "Người ghi", "en": "Recorded by"},
    "report.page_title": {"vi": "Báo cáo giao ban CCHC: {plan}, ngày {date}", "en": "PAR briefing: {plan}, {date}"},
    "report.kicker": {"vi": "{issuer} · Kế hoạch số {number} ngày {date}", "en": "{issuer} · Plan no. {number} of {date}"},
    "report.status_on": {"vi": "Tình hình đến ngày {date}", "en": "Status on {date}"},
    "report.unit_heading": {"vi": "Phần việc của {unit}", "en": "Tasks of {unit}"},
    "report.expected": {"vi": "Tổng điểm dự kiến", "en": "Expected total"},
    "report.expected_unit": {"vi": "Dự kiến, các tiêu chí của đơn vị", "en": "Expected, the unit's criteria"},
    "report.range": {"vi": "sàn {floor} · trần {ceiling}", "en": "floor {floor} · ceiling {ceiling}"},
    "report.legend.expected": {"vi": "dự kiến", "en": "expected"},
    "report.legend.range": {"vi": "sàn – trần", "en": "floor – ceiling"},
    "report.legend.previous": {"vi": "năm {year}", "en": "{year}"},
    "report.legend.target": {"vi": "mục tiêu", "en": "target"},
    "report.change": {"vi": "So với năm {year}", "en": "Against {year}"},
    "report.points": {"vi": "điểm", "en": "points"},
    "report.previous_note": {
        "vi": "Năm {year}: {points} điểm ({percent}), xếp hạng {rank}/{of}",
        "en": "{year}: {points} points ({percent}), ranked {rank} of {of}",
    },
    "report.target": {"vi": "Mục tiêu nhóm {rank}/{of}", "en": "Target: top {rank} of {of}"},
    "report.target_short": {"vi": "còn thiếu", "en": "short by"},
    "report.target_reached": {"vi": "đã vượt", "en": "above by"},
    "report.target_note": {"vi": "Cần khoảng {score} điểm (ước tính)", "en": "About {score} points needed (an estimate)"},
    "report.deadlines_card": {"vi": "Hạn công việc", "en": "Deadlines"},
    "report.overdue": {"vi": "quá hạn", "en": "overdue"},
    "report.due_note": {"vi": "{count} việc đến hạn trong {days} ngày tới", "en": "{count} due in the next {days} days"},
    "report.whole": {"vi": "Toàn Sở", "en": "The whole department"},
    "report.whole_note": {"vi": "dự kiến {projected}/{max} điểm ({percent})", "en": "expected {projected}/{max} points ({percent})"},
    "report.assumed_callout": {
        "vi": "{assumed} trong {projected} điểm dự kiến dựa trên giả định; {recorded} điểm từ số liệu ghi nhận, {derived} điểm suy ra từ kết quả năm trước (xem mục cuối).",
        "en": "{assumed} of the {projected} expected points rest on assumptions; {recorded} come from recorded figures, {derived} are derived from the previous year's results (see the last section).",
    },
    "report.responsibility": {
        "vi": "Chủ trì: {leads} ({max} điểm, dự kiến {projected}). Phối hợp: {supports}. Báo cáo gồm cả các tiêu chí giao chung cho mọi phòng, đơn vị.",
        "en": "Leads: {leads} ({max} points, {projected} expected). Supports: {supports}. The report includes the criteria given to every unit together.",
    },
    "report.none": {"vi": "không có", "en": "none"},
    "report.domains": {"vi": "Điểm theo lĩnh vực", "en": "Points by domain"},
    "report.col.domain": {"vi": "Lĩnh vực", "en": "Domain"},
    "report.col.winnable": {"vi": "Gỡ được", "en": "To win"},
    "report.legend.max": {"vi": "điểm tối đa", "en": "maximum"},
    "report.legend.recorded": {"vi": "dự kiến: đã ghi nhận", "en": "expected: recorded"},
    "report.legend.assumed": {"vi": "dự kiến: giả định", "en": "expected: assumed"},
    "report.legend.baseline": {"vi": "điểm năm {year} (khi kế hoạch nêu đủ cả lĩnh vực)", "en": "{year} points (where the plan gives the whole domain)"},
    "report.bar_label": {"vi": "{title}: dự kiến {projected} trên {max} điểm", "en": "{title}: {projected} expected of {max} points"},
    "report.outside": {
        "vi": "Ngoài bảng phân công: {title}: dự kiến {projected}/{max} điểm (giả định).",
        "en": "Outside the table: {title}: {projected}/{max} points expected (assumed).",
    },
    "report.top": {"vi": "Tiêu chí gỡ được nhiều điểm nhất", "en": "Criteria that give the most points back"},
    "report.top_none": {"vi": "Không còn tiêu chí nào giành thêm được điểm.", "en": "No criterion can win more points."},
    "report.top_target": {
        "vi": "Để vào nhóm {rank}/{of} cần thêm {distance} điểm: ưu tiên {ids}.",
        "en": "Reaching the top {rank} of {of} takes {distance} more points: work on {ids} first.",
    },
    "report.top_target_short": {
        "vi": "Để vào nhóm {rank}/{of} cần thêm {distance} điểm, nhưng cả bảng chỉ còn giành được {covered} điểm.",
        "en": "Reaching the top {rank} of {of} takes {distance} more points, but the whole table has only {covered} left to win.",
    },
    "report.deadlines": {"vi": "Quá hạn và đến hạn trong {days} ngày tới", "en": "Overdue, and due in the next {days} days"},
    "report.deadlines_none": {"vi": "Không có việc quá hạn hay đến hạn trong {days} ngày tới.", "en": "Nothing overdue or due in the next {days} days."},
    "report.no_lead": {"vi": "Chưa rõ đơn vị chủ trì", "en": "No lead unit"},
    "report.no_evidence": {"vi": "Điểm chưa có tài liệu kiểm chứng", "en": "Points claimed without evidence"},
    "report.no_evidence_none": {"vi": "Mọi điểm đã ghi nhận đều có tài liệu kiểm chứng.", "en": "Every recorded point has evidence behind it."},
    "report.no_evidence_hint": {
        "vi": "Điểm không có tài liệu kiểm chứng thường bị mất khi thẩm định.",
        "en": "Points without evidence are usually lost at appraisal.",
    },
    "report.claim": {"vi": "{points} điểm, {basis}", "en": "{points} points, {basis}"},
    "report.assumptions": {"vi": "Số liệu dựa trên giả định", "en": "Figures resting on assumptions"},
    "report.assumption.outside": {"vi": "Phần ngoài bảng: {points} điểm", "en": "Outside the table: {points} points"},
    "report.assumption.plan_assumption": {
        "vi": "{count} tiêu chí chưa có số liệu, dự kiến theo giả định chung của kế hoạch: {points} điểm",
        "en": "{count} criteria with nothing recorded, expected by the plan's general assumption: {points} points",
    },
    "report.assumption.baseline": {
        "vi": "{count} tiêu chí dự kiến bằng điểm năm {year}: {points} điểm",
        "en": "{count} criteria expected to repeat {year}: {points} points",
    },
    "report.assumption.projection": {"vi": "{count} tiêu chí theo mức dự kiến khai báo: {points} điểm", "en": "{count} criteria at their declared projection: {points} points"},
    "report.assumption.rule": {
        "vi": "{count} tiêu chí chấm theo cách chấm là giả định (kế hoạch không nêu): {points} điểm",
        "en": "{count} criteria scored by a rule that is our reading (the plan gives none): {points} points",
    },
    "report.assumption.unknown": {"vi": "{count} tiêu chí chưa rõ, tính 0 điểm", "en": "{count} criteria unknown, counted 0"},
    "report.assumption.target": {"vi": "Mục tiêu {points} điểm", "en": "The {points}-point target"},
    "report.footer": {
        "vi": "Lập bằng par từ {path}. Số liệu ghi nhận đến hết ngày {date} (như par score --as-of {iso}); hạn cuối là ngày cuối cùng còn đúng hạn.",
        "en": "Made with par from {path}. Progress recorded up to {date} (as par score --as-of {iso}); the last day is the last day on time.",
    },
    "report.written": {"vi": "đã ghi báo cáo vào {path}", "en": "wrote the report to {path}"},
    "report.cannot_write": {"vi": "không ghi được tệp {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "units.title": {"vi": "Phân công theo đơn vị: {plan}, ngày {date}", "en": "Tasks by unit: {plan}, on {date}"},
    "units.col.id": {"vi": "Mã", "en": "ID"},
    "units.col.name": {"vi": "Đơn vị", "en": "Unit"},
    "units.col.leads": {"vi": "Chủ trì", "en": "Leads"},
    "units.col.supports": {"vi": "Phối hợp", "en": "Supports"},
    "units.col.lead_max": {"vi": "Điểm chủ trì", "en": "Lead pts"},
    "units.col.projected": {"vi": "Dự kiến", "en": "Expected"},
    "units.col.open": {"vi": "Chưa đến hạn", "en": "Open"},
    "units.col.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "units.col.next_due": {"vi": "Hạn gần nhất", "en": "Next due"},
    "units.footer.all": {
        "vi": "“{name}”: tiêu chí giao chung cho mọi phòng, đơn vị; tính một lần ở dòng này, không cộng vào từng đơn vị.",
        "en": "“{name}”: criteria given to every unit together; counted once on this row, not added to each unit.",
    },
    "units.footer.assigned": {
        "vi": "“{name}”: đơn vị nào được giao nhiệm vụ cụ thể thì chủ trì; kế hoạch không nêu tên đơn vị.",
        "en": "“{name}”: whichever unit a task is assigned to leads it; the plan names none.",
    },
    "units.footer.concerned": {
        "vi": "“{name}”: các đơn vị có liên quan đến nhiệm vụ cùng phối hợp.",
        "en": "“{name}”: the units a task concerns support it.",
    },
    "units.footer.part_of": {
        "vi": "{outer} gồm cả {inner}: dòng {outer} tính cả các tiêu chí của {inner}.",
        "en": "{outer} includes {inner}: the {outer} row counts {inner}'s criteria too.",
    },
    "units.footer.total": {
        "vi": "Điểm chủ trì cộng lại (đơn vị trực thuộc không tính hai lần): {counted} trên {table} điểm của bảng phân công.",
        "en": "Lead points added up (units within another counted once): {counted} of the table's {table} points.",
    },
    "units.footer.deadlines": {
        "vi": "Hạn tính cho đơn vị chủ trì, các lần chưa xong: quá hạn là đã qua hạn cuối trước ngày {date}. Báo cáo riêng một đơn vị: par report --unit MÃ.",
        "en": "Deadlines count for the lead unit, occurrences not done: overdue means past the last day before {date}. One unit's report: par report --unit ID.",
    },
    # --- the unit workbook (par workbook / par collect) and reminders (issue 16)
    "workbook.sheet.instructions": {"vi": "Hướng dẫn", "en": "Instructions"},
    "workbook.sheet.lead": {"vi": "Chủ trì", "en": "Leads"},
    "workbook.sheet.support": {"vi": "Phối hợp", "en": "Supports"},
    "workbook.sheet.shared": {"vi": "Việc chung", "en": "Shared"},
    "workbook.col.key": {"vi": "Khóa", "en": "Key"},
    "workbook.col.id": {"vi": "Mã", "en": "Id"},
    "workbook.col.content": {"vi": "Tiêu chí / số đo / việc phải làm", "en": "Criterion / measure / task"},
    "workbook.col.detail": {"vi": "Yêu cầu", "en": "Requirement"},
    "workbook.col.max": {"vi": "Điểm tối đa", "en": "Max"},
    "workbook.col.last_day": {"vi": "Hạn cuối", "en": "Last day"},
    "workbook.col.current": {"vi": "Đã ghi nhận", "en": "Recorded so far"},
    "workbook.col.done": {"vi": "Đã xong?", "en": "Done?"},
    "workbook.col.value": {"vi": "Giá trị mới / điểm tự đánh giá", "en": "New value / self-assessed score"},
    "workbook.col.date": {"vi": "Ngày", "en": "Date"},
    "workbook.col.number": {"vi": "Số, ký hiệu văn bản", "en": "Document number"},
    "workbook.col.issued": {"vi": "Ngày ban hành", "en": "Date issued"},
    "workbook.col.issuer": {"vi": "Cơ quan ban hành", "en": "Issuing body"},
    "workbook.col.summary": {"vi": "Trích yếu", "en": "Summary"},
    "workbook.col.section": {"vi": "Phần, mục", "en": "Section"},
    "workbook.col.page": {"vi": "Trang", "en": "Page"},
    "workbook.col.note": {"vi": "Ghi chú", "en": "Note"},
    "workbook.yes": {"vi": "Có", "en": "Yes"},
    "workbook.no": {"vi": "Không", "en": "No"},
    "workbook.current_score": {"vi": "Tự đánh giá {points} điểm ({date})", "en": "Self-assessed {points} points ({date})"},
    "workbook.current_evidence": {"vi": "{count} tài liệu kiểm chứng", "en": "{count} evidence documents"},
    "workbook.current_value": {"vi": "{value} (ngày {date})", "en": "{value} (on {date})"},
    "workbook.not_done": {"vi": "Chưa xong", "en": "Not done"},
    "workbook.done_on": {"vi": "Đã xong ngày {date}, {timing}", "en": "Done on {date}, {timing}"},
    "workbook.before": {"vi": "Trước ngày {stated}", "en": "Before {stated}"},
    "workbook.by": {"vi": "Đến hết ngày {stated}", "en": "By {stated}"},
    "workbook.hint.yes_no": {"vi": "Chọn Có / Không", "en": "Choose Yes / No"},
    "workbook.hint.level": {"vi": "Chọn một mức: {levels}", "en": "Choose a level: {levels}"},
    "workbook.hint.percent": {"vi": "Tỷ lệ %, từ 0 đến 100", "en": "A percentage, 0 to 100"},
    "workbook.hint.count": {"vi": "Số nguyên ≥ 0", "en": "A whole number ≥ 0"},
    "workbook.hint.number": {"vi": "Số ≥ 0", "en": "A number ≥ 0"},
    "workbook.valid.title": {"vi": "Giá trị không hợp lệ", "en": "Invalid value"},
    "workbook.valid.list": {"vi": "Chọn một giá trị trong danh sách.", "en": "Choose a value from the list."},
    "workbook.valid.between": {"vi": "Nhập một số từ {low} đến {high}.", "en": "Enter a number from {low} to {high}."},
    "workbook.valid.whole": {"vi": "Nhập một số nguyên ≥ 0.", "en": "Enter a whole number ≥ 0."},
    "workbook.valid.at_least_zero": {"vi": "Nhập một số ≥ 0.", "en": "Enter a number ≥ 0."},
    "workbook.valid.date": {"vi": "Nhập ngày từ {low} đến {high} (ngày/tháng/năm).", "en": "Enter a date from {low} to {high} (day/month/year)."},
    "workbook.title": {"vi": "Sổ theo dõi cải cách hành chính năm {year}: {unit}", "en": "Administrative reform workbook {year}: {unit}"},
    "workbook.made_from": {"vi": "Lập từ Kế hoạch số {number}, ngày {date}.", "en": "Made from plan no. {number} on {date}."},
    "workbook.about.lead": {"vi": "Trang \"{sheet}\": các tiêu chí đơn vị chủ trì.", "en": "Sheet \"{sheet}\": the criteria the unit leads."},
    "workbook.about.support": {"vi": "Trang \"{sheet}\": các tiêu chí đơn vị được giao phối hợp.", "en": "Sheet \"{sheet}\": the criteria the unit is named to support."},
    "workbook.about.shared": {
        "vi": "Trang \"{sheet}\": các tiêu chí giao chung cho các phòng, đơn vị (chủ trì hoặc phối hợp chung).",
        "en": "Sheet \"{sheet}\": the criteria given to every unit together (led or supported together).",
    },
    "workbook.step.1": {"vi": "1. Chỉ nhập vào các ô màu vàng; các ô khác đã được khóa, không sửa.", "en": "1. Fill only the yellow cells; the others are locked, do not change them."},
    "workbook.step.2": {
        "vi": "2. Dòng số đo: nhập giá trị mới ở cột \"Giá trị mới\" và ngày số liệu ở cột \"Ngày\". Tỷ lệ nhập số từ 0 đến 100 (ví dụ 96,5).",
        "en": "2. A measure row: enter the new value and the day of the figure. Percentages are numbers from 0 to 100 (e.g. 96.5).",
    },
    "workbook.step.3": {
        "vi": "3. Dòng hạn: khi đã hoàn thành, chọn \"Có\" ở cột \"Đã xong?\" và nhập ngày hoàn thành ở cột \"Ngày\".",
        "en": "3. A deadline row: when it is done, choose \"Yes\" under \"Done?\" and enter the day it was done under \"Date\".",
    },
    "workbook.step.4": {
        "vi": "4. Tài liệu kiểm chứng: nhập số, ký hiệu văn bản (bắt buộc), ngày ban hành, cơ quan ban hành, trích yếu, và phần, trang khi chỉ một phần văn bản liên quan.",
        "en": "4. Evidence: the document's number (required), date issued, issuing body, summary, and the section and page where only part of it applies.",
    },
    "workbook.step.5": {
        "vi": "5. Dòng tiêu chí (chủ trì): nhập điểm tự đánh giá (không quá điểm tối đa) và ghi chú nếu cần.",
        "en": "5. A criterion row (as lead): enter the self-assessed score (at most the maximum) and a note if needed.",
    },
    "workbook.step.6": {
        "vi": "6. Không nhập ngày thì ngày ghi nhận là ngày Văn phòng Sở tổng hợp sổ này.",
        "en": "6. Where no date is entered, the value is dated the day the Office collects this workbook.",
    },
    "workbook.step.7": {"vi": "7. Không thêm, xóa hay đổi tên trang, dòng, cột.", "en": "7. Do not add, delete or rename sheets, rows or columns."},
    "workbook.step.8": {
        "vi": "8. Lưu tệp (định dạng .xlsx) và gửi lại cho Văn phòng Sở qua thư điện tử hoặc Zalo.",
        "en": "8. Save the file (as .xlsx) and send it back to the Department Office by e-mail or Zalo.",
    },
    "workbook.written": {"vi": "đã ghi sổ của {unit} ({rows} dòng) vào {path}", "en": "wrote the workbook of {unit} ({rows} rows) to {path}"},
    "workbook.unit_or_all": {"vi": "cần --unit MÃ hoặc --all-units", "en": "give --unit ID or --all-units"},
    "workbook.cannot_write": {"vi": "không ghi được {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "collect.not_xlsx": {"vi": "không đọc được tệp Excel: {reason}", "en": "cannot read the Excel file: {reason}"},
    "collect.not_ours": {
        "vi": "không phải sổ do `par workbook` lập (thiếu trang ẩn _par)",
        "en": "not a workbook made by `par workbook` (no hidden _par sheet)",
    },
    "collect.other_plan": {
        "vi": "sổ lập từ Kế hoạch số {theirs} năm {their_year}, không phải kế hoạch này ({ours} năm {our_year})",
        "en": "the workbook was made from plan {theirs} of {their_year}, not this plan ({ours} of {our_year})",
    },
    "collect.unknown_unit": {"vi": "đơn vị '{unit}' của sổ không còn trong kế hoạch", "en": "the workbook's unit '{unit}' is no longer in the plan"},
    "collect.locked_changed": {
        "vi": "ô bị khóa đã bị sửa: lúc lập là '{written}', nay là '{found}'",
        "en": "a locked cell was changed: '{written}' when made, now '{found}'",
    },
    "collect.not_a_date": {"vi": "'{value}' không phải ngày (ngày/tháng/năm)", "en": "'{value}' is not a date (day/month/year)"},
    "collect.not_yes_no": {"vi": "'{value}' không phải Có / Không", "en": "'{value}' is not Yes / No"},
    "collect.note_without_score": {"vi": "ghi chú đi kèm điểm tự đánh giá: hãy nhập điểm", "en": "a note goes with a self-assessed score: enter the score"},
    "collect.evidence_without_number": {
        "vi": "tài liệu kiểm chứng cần số, ký hiệu văn bản (cột {column})",
        "en": "evidence needs the document's number (column {column})",
    },
    "collect.date_without_value": {"vi": "có ngày nhưng không có giá trị nào để ghi", "en": "a date with nothing to record"},
    "collect.no_longer_matches": {
        "vi": "{ref}: dòng '{key}' không còn khớp với kế hoạch (sổ lập từ phiên bản khác); không ghi",
        "en": "{ref}: row '{key}' no longer matches the plan (the workbook was made from another version); not recorded",
    },
    "collect.older_version": {
        "vi": "{path}: sổ lập từ phiên bản khác của kế hoạch ({theirs}…, nay {ours}…); ghi các dòng còn khớp",
        "en": "{path}: made from another version of the plan ({theirs}…, now {ours}…); recording the rows that still match",
    },
    "collect.refused": {
        "vi": "{path}: {count} ô bị từ chối; không ghi gì từ sổ này, kế hoạch không thay đổi",
        "en": "{path}: {count} cells refused; nothing from this workbook written, the plan is unchanged",
    },
    "collect.recorded": {
        "vi": "{path}: đã ghi {count} giá trị vào {plan} ({skipped} giá trị đã có từ trước)",
        "en": "{path}: recorded {count} values in {plan} ({skipped} already there)",
    },
    "collect.would_record": {
        "vi": "{path}: chạy thử, chưa ghi gì: sẽ ghi {count} giá trị vào {plan} ({skipped} giá trị đã có từ trước)",
        "en": "{path}: dry run, nothing written: would record {count} values in {plan} ({skipped} already there)",
    },
    "collect.nothing_new": {"vi": "{path}: không có gì mới để ghi ({skipped} giá trị đã có từ trước)", "en": "{path}: nothing new to record ({skipped} already there)"},
    "due.remind_bad": {
        "vi": "--remind phải là các số ngày ≥ 0 cách nhau bởi dấu phẩy (ví dụ 7,1), hoặc 'none', không phải '{value}'",
        "en": "--remind must be days ≥ 0 separated by commas (e.g. 7,1), or 'none', not '{value}'",
    },
    "ics.alarm": {"vi": "Còn {days} ngày: {summary}", "en": "{days} days left: {summary}"},
    "ics.alarm_today": {"vi": "Hôm nay là hạn cuối: {summary}", "en": "Last day today: {summary}"},
    "due.msg.title": {"vi": "*{unit}*: việc CCHC, ngày {today}", "en": "*{unit}*: reform work, {today}"},
    "due.msg.overdue": {"vi": "Quá hạn ({count}):", "en": "Overdue ({count}):"},
    "due.msg.coming": {"vi": "Đến hạn trong {days} ngày tới ({count}):", "en": "Due in the next {days} days ({count}):"},
    "due.msg.item": {"vi": "- {id} {what}: hạn {due}, {left} ({points} đ)", "en": "- {id} {what}: last day {due}, {left} ({points} pts)"},
    "due.msg.nothing": {"vi": "Không có việc đến hạn hay quá hạn.", "en": "Nothing due or overdue."},
    "due.msg.stake": {"vi": "Điểm liên quan: {points} điểm ({count} tiêu chí).", "en": "Points at stake: {points} ({count} criteria)."},
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
    "edit.date_window.measurement": {
        "vi": "ngày {date} không ghi được cho số liệu đo: số liệu là của năm kế hoạch, từ {start} đến {end}; dùng --date với một ngày trong khoảng đó (YYYY-MM-DD hoặc DD/MM/YYYY)",
        "en": "date {date} cannot carry a reading: readings belong to the plan year, {start} to {end}; pass --date with a day in it (YYYY-MM-DD or DD/MM/YYYY)",
    },
    "edit.date_window.completion": {
        "vi": "ngày {date} không ghi được cho việc hoàn thành: từ {start} đến {end}; dùng --date với một ngày trong khoảng đó (YYYY-MM-DD hoặc DD/MM/YYYY)",
        "en": "date {date} cannot carry a completion: {start} to {end}; pass --date with a day in it (YYYY-MM-DD or DD/MM/YYYY)",
    },
    "edit.date_window.evidence": {
        "vi": "ngày {date} không ghi được cho tài liệu kiểm chứng: từ {start} đến {end} (năm kế hoạch và năm sau, khi thẩm định); dùng --date với một ngày trong khoảng đó",
        "en": "date {date} cannot carry evidence: {start} to {end} (the plan year and the next, for the appraisal); pass --date with a day in it",
    },
    "edit.date_window.stage": {
        "vi": "ngày {date} không ghi được cho điểm các bước chấm: từ {start} đến {end} (năm kế hoạch và năm sau, khi thẩm định); dùng --date với một ngày trong khoảng đó",
        "en": "date {date} cannot carry a score stage: {start} to {end} (the plan year and the next, for the appraisal); pass --date with a day in it",
    },
    "edit.date_window.explanation": {
        "vi": "ngày {date} không ghi được cho giải trình: từ {start} đến {end} (năm kế hoạch và năm sau, khi thẩm định); dùng --date với một ngày trong khoảng đó",
        "en": "date {date} cannot carry an explanation: {start} to {end} (the plan year and the next, for the appraisal); pass --date with a day in it",
    },
    "edit.date_future": {
        "vi": "ngày {date} chưa đến (hôm nay là {today}): chỉ ghi được điều đã xảy ra",
        "en": "date {date} is still to come (today is {today}): only what has happened can be recorded",
    },
    "edit.final_needs_reading": {
        "vi": "--final đánh dấu một số liệu đo là kết quả cuối của kỳ: hãy ghi kèm số liệu",
        "en": "--final marks a reading as the period's final figure: give a reading with it",
    },
    "edit.note_needs_stage": {
        "vi": "--note là ghi chú cho điểm một bước chấm (self_assessment=…, appraisal_1=…): hãy ghi kèm điểm",
        "en": "--note annotates a score stage (self_assessment=…, appraisal_1=…): give one with it",
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
    # --- why a splice cannot keep the file's other lines (inside edit.layout_detail)
    "splice.one_line": {"vi": "mục ghi không vừa trên một dòng", "en": "the entry does not fit on one line"},
    "splice.not_mapping": {"vi": "tại '{key}' không phải một bảng khóa (mapping)", "en": "not a mapping at '{key}'"},
    "splice.not_scalar": {"vi": "giá trị cần thay không được viết ra trong tệp", "en": "the value to replace is not a written scalar"},
    "splice.not_list": {"vi": "không phải một danh sách", "en": "not a list"},
    "splice.closer": {"vi": "thiếu '{closer}' ở vị trí {offset}", "en": "expected '{closer}' at offset {offset}"},
    "splice.alias_end": {"vi": "danh sách kết thúc bằng một bí danh (- *tên)", "en": "a list ending in an alias (- *name)"},
    "splice.no_item": {"vi": "không có mục {index}", "en": "no item {index}"},
    "splice.no_key": {"vi": "không có khóa '{key}'", "en": "no key '{key}'"},
    "splice.merge_key": {"vi": "khóa gộp (<<) không được sửa", "en": "merge keys (<<) are not edited"},
    "edit.changed_while_reading": {"vi": "tệp kế hoạch thay đổi trong lúc đọc; hãy chạy lại lệnh", "en": "the plan changed while it was read; run the command again"},
    "edit.changed_while_writing": {
        "vi": "tệp kế hoạch vừa được lưu từ nơi khác (trình soạn thảo?) trong lúc ghi; không ghi gì, hãy chạy lại lệnh",
        "en": "the plan was saved from elsewhere (an editor?) while par was writing; nothing written, run the command again",
    },
    "edit.busy": {
        "vi": "một lệnh par khác đang ghi kế hoạch này (khóa {lock}); không ghi gì, hãy thử lại sau giây lát",
        "en": "another par is writing this plan (lock {lock}); nothing written, try again in a moment",
    },
    "edit.hard_links": {
        "vi": "tệp kế hoạch có {links} tên (liên kết cứng, hard link): ghi vào một tên sẽ tách kế hoạch làm hai; par chỉ ghi tệp có một tên, không ghi gì",
        "en": "the plan has {links} hard links: writing one name would split the plan in two; par writes only a plan with one, nothing written",
    },
    "edit.cannot_write": {"vi": "không ghi được tệp: {reason}; tệp kế hoạch không thay đổi", "en": "cannot write the file: {reason}; the plan is unchanged"},
    "edit.lock_symlink": {
        "vi": "tệp khóa {lock} là một liên kết tượng trưng (symlink); par không bao giờ ghi theo liên kết này",
        "en": "the lock {lock} is a symbolic link, which par never follows",
    },
    "edit.lock_not_a_file": {"vi": "tệp khóa {lock} không phải tệp thường", "en": "the lock {lock} is not a regular file"},
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
    "help.common.plan_argument": {"vi": "Tệp kế hoạch (như --plan); mặc định: biến PAR_PLAN, rồi plans/NĂM.yaml mới nhất.", "en": "The plan file (as --plan); default: PAR_PLAN, then the newest plans/YEAR.yaml."},
    "help.common.unit": {"vi": "Chỉ các tiêu chí đơn vị này chủ trì hoặc phối hợp.", "en": "Only the criteria this unit leads or supports."},
    "help.common.as-of": {"vi": "Chỉ tính số liệu ghi nhận đến ngày này.", "en": "Score only the progress recorded up to this day."},
    "help.common.today": {"vi": "Ngày tính là hôm nay: điểm theo số liệu ghi nhận đến ngày này, hạn tính từ ngày này; mặc định: hôm nay theo giờ Việt Nam.", "en": "The day taken as today: scores use the progress recorded up to it, deadlines count from it; default: today in Asia/Ho_Chi_Minh."},
    "help.common.days": {"vi": "Số ngày tới cần xem hạn (mặc định 14).", "en": "How many days ahead to list deadlines (default 14)."},
    "help.common.output": {"vi": "Ghi ra tệp thay vì màn hình.", "en": "Write to this file instead of standard output."},
    "help.common.format": {"vi": "Định dạng đầu ra.", "en": "Output format."},
    "help.common.format_auto": {"vi": "Định dạng đầu ra; auto: bảng trên màn hình, văn bản khi chuyển tiếp.", "en": "Output format; auto: a table on a terminal, plain text when piped."},
    "help.sheet.format": {"vi": "Định dạng đầu ra; docx và xlsx chỉ ghi ra tệp (--output).", "en": "Output format; docx and xlsx are written to a file only (--output)."},
    "help.justify.format": {"vi": "Định dạng đầu ra; auto: bảng trên màn hình, văn bản khi chuyển tiếp. Khi ghi một giải trình (có ID): auto, text hoặc json.", "en": "Output format; auto: a table on a terminal, plain text when piped. Recording an explanation (with an ID): auto, text or json."},
    # --- usage errors: ours, and typer's (click's) own, reworded (see cli.py)
    "table.dropped": {"vi": "Màn hình hẹp: ẩn cột {columns} (mở rộng cửa sổ, hoặc dùng --format text).", "en": "Narrow terminal: columns {columns} hidden (widen the window, or use --format text)."},
    "usage.format": {"vi": "lệnh này không có định dạng '{format}'; chọn một trong: {formats}", "en": "this command has no '{format}' format; choose one of: {formats}"},
    "usage.cannot_write": {"vi": "không ghi được tệp {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "usage.written": {"vi": "đã ghi vào {path}", "en": "wrote {path}"},
    "usage.no_such_option": {"vi": "không có tùy chọn {option}", "en": "no such option: {option}"},
    "usage.did_you_mean": {"vi": "có phải ý bạn là {choices}?", "en": "did you mean {choices}?"},
    "usage.no_such_command": {"vi": "không có lệnh '{command}'", "en": "no such command '{command}'"},
    "usage.missing": {"vi": "thiếu {param}", "en": "missing {param}"},
    "usage.needs_value": {"vi": "tùy chọn {option} cần một giá trị", "en": "option {option} needs a value"},
    "usage.bad_value": {"vi": "giá trị không hợp lệ cho {param}: {detail}", "en": "invalid value for {param}: {detail}"},
    "usage.not_a_choice": {"vi": "'{value}' không phải một trong {choices}", "en": "'{value}' is not one of {choices}"},
    "usage.not_an_integer": {"vi": "'{value}' không phải số nguyên", "en": "'{value}' is not a whole number"},
    # --- terms used inside other messages (i18n.Term)
    "expected.number": {"vi": "số", "en": "number"},
    "expected.integer": {"vi": "số nguyên", "en": "integer"},
    "expected.text": {"vi": "văn bản", "en": "text"},
    "expected.bool": {"vi": "true/false", "en": "true/false"},
    "expected.mapping": {"vi": "bảng khóa: giá trị", "en": "mapping"},
    "expected.list": {"vi": "danh sách", "en": "list"},
    "expected.criterion_id": {"vi": "mã tiêu chí (1.2.3)", "en": "criterion id (1.2.3)"},
    "expected.whole_number": {"vi": "số nguyên ≥ 0", "en": "whole number ≥ 0"},
    "usage.integer_needed": {"vi": "cần một số nguyên", "en": "a whole number is needed"},
    "usage.at_most": {"vi": "cần nhỏ hơn hoặc bằng {limit}", "en": "must be at most {limit}"},
    "usage.at_least": {"vi": "cần lớn hơn hoặc bằng {limit}", "en": "must be at least {limit}"},
    "usage.out_of_range": {"vi": "{value} nằm ngoài khoảng {range}", "en": "{value} is outside {range}"},
    "usage.extra_arguments": {"vi": "thừa đối số: {args}", "en": "unexpected extra arguments: {args}"},
    "usage.other": {"vi": "{detail}", "en": "{detail}"},
    "usage.try_help": {"vi": "Xem '{command} --help'.", "en": "Try '{command} --help'."},
    "report.html_on_terminal": {
        "vi": "trang HTML không in ra màn hình: thêm --output giao-ban.html để ghi tệp, hoặc --format md để đọc ngay",
        "en": "an HTML page is not for the terminal: add --output briefing.html to write the file, or --format md to read it here",
    },
    "usage.nothing_to_set": {"vi": "cần ít nhất một KHÓA=GIÁ_TRỊ", "en": "give at least one KEY=VALUE"},
    # --- help texts of the command line (localised when `par` starts, see cli.py)
    "help.common.plan": {"vi": "Tệp kế hoạch; mặc định: biến PAR_PLAN, rồi plans/NĂM.yaml mới nhất.", "en": "Plan file; default: PAR_PLAN, then the newest plans/YEAR.yaml."},
    "help.common.lang": {"vi": "Ngôn ngữ: vi (mặc định) hoặc en.", "en": "Language: vi (default) or en."},
    "help.due.days": {"vi": "Số ngày tới cần xem (mặc định 14).", "en": "How many days ahead to look (default 14)."},
    "help.due.unit": {"vi": "Chỉ các tiêu chí đơn vị này chủ trì hoặc phối hợp.", "en": "Only criteria this unit leads or supports."},
    "help.due.all": {"vi": "Mọi lần đến hạn trong năm, kể cả việc đã xong.", "en": "Every deadline of the year, done ones included."},
    "help.due.format": {"vi": "Định dạng đầu ra; auto: bảng trên màn hình, văn bản khi chuyển tiếp. Lịch ics gồm cả năm (việc chưa xong), không chỉ các ngày tới.", "en": "Output format; auto: a table on a terminal, plain text when piped. The ics calendar holds the whole year (work not done), not only the coming days."},
    "help.due.remind": {"vi": "Lịch ics: nhắc lúc 8 giờ, trước hạn cuối bấy nhiêu ngày (mặc định 7,1); 'none': không nhắc.", "en": "ics: alarms at 08:00 this many days before the last day (default 7,1); 'none': no alarms."},
    "help.due.fail-on-overdue": {"vi": "Thoát với mã 1 khi có việc quá hạn.", "en": "Exit 1 when anything is overdue."},
    "help.edit.id": {"vi": "Mã tiêu chí, ví dụ 1.4 hoặc 3.4.1.", "en": "Criterion id, e.g. 1.4 or 3.4.1."},
    "help.edit.date": {
        "vi": "Ngày ghi nhận (YYYY-MM-DD, DD/MM/YYYY hoặc D/M/YYYY); mặc định: hôm nay theo giờ Việt Nam.",
        "en": "Date (YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY, day first); default: today in Vietnam.",
    },
    "help.edit.note": {"vi": "Ghi chú cho điểm bước chấm (ví dụ lý do trừ điểm).", "en": "A note on the score stage (why points were taken off, say)."},
    "help.edit.final": {"vi": "Số liệu này là kết quả cuối của kỳ đo (không còn tạm tính).", "en": "This reading is the period's final figure (no longer provisional)."},
    "help.edit.evidence": {"vi": "Tài liệu kiểm chứng: số, ngày văn bản, đường dẫn hoặc liên kết.", "en": "Evidence: a document number and date, a path or a link."},
    "help.edit.dry-run": {"vi": "Chỉ in ra phần thay đổi (diff), không ghi vào tệp.", "en": "Print the diff only; write nothing."},
    "help.edit.key_value": {
        "vi": "Chỉ số đo của tiêu chí (initiatives=2, on_time_pct=96,5), hoặc điểm một bước chấm: self_assessment (= self_assessed), appraisal_1 (= appraised), explanation, appraisal_2, final, ví dụ appraisal_1=1,5.",
        "en": "The criterion's measures (initiatives=2, on_time_pct=96.5), or a score stage: self_assessment (= self_assessed), appraisal_1 (= appraised), explanation, appraisal_2, final, e.g. appraisal_1=1.5.",
    },
    "help.edit.deadline": {"vi": "Mã hạn, khi tiêu chí có nhiều hạn.", "en": "Deadline id, when the criterion has several."},
    "help.edit.occurrence": {"vi": "Lần của hạn lặp (ngày ghi trong kế hoạch hoặc hạn cuối); mặc định: lần sớm nhất chưa ghi.", "en": "Which occurrence of a recurring deadline (its stated date or its last day); default: the earliest not yet done."},
    "help.edit.text": {"vi": "Tài liệu kiểm chứng, ví dụ \"Báo cáo số 12/BC-SGTVT ngày 10/3/2024\".", "en": "Evidence, e.g. \"Báo cáo số 12/BC-SGTVT ngày 10/3/2024\"."},
    "help.score.depth": {"vi": "1: lĩnh vực; 2: thêm tiêu chí; 3: thêm tiêu chí thành phần.", "en": "1: domains; 2: and criteria; 3: and sub-criteria."},
    "help.score.path": {"vi": "Tệp kế hoạch, hoặc thư mục: bảng tổng điểm mọi kế hoạch trong đó (theo sở và năm).", "en": "A plan file, or a folder: one table of the totals of every plan in it (by department and year)."},
    "help.score.explain": {"vi": "Giải thích cách tính điểm một tiêu chí.", "en": "Explain how one criterion is scored."},
    "help.validate.path": {"vi": "Tệp hoặc thư mục kế hoạch; mặc định: kế hoạch tìm thấy như --plan.", "en": "Plan files or folders; default: the plan found as for --plan."},
    "help.app": {"vi": "par: kế hoạch nâng cao Chỉ số cải cách hành chính (PAR INDEX) dưới dạng YAML.", "en": "par: a yearly PAR-index improvement plan as version-controlled YAML."},
    "help.cmd.due": {"vi": "Việc đến hạn và quá hạn; lịch ics để đăng ký.", "en": "What falls due, what is overdue, and a calendar to subscribe to."},
    "help.cmd.set": {"vi": "Ghi số liệu đo của một tiêu chí, kèm ngày.", "en": "Record a dated measurement or a score of a criterion."},
    "help.cmd.done": {"vi": "Ghi một nhiệm vụ (hoặc một lần của nhiệm vụ định kỳ) đã hoàn thành.", "en": "Record a task (or one occurrence of a recurring task) as done."},
    "help.cmd.evidence": {"vi": "Thêm tài liệu kiểm chứng cho một tiêu chí.", "en": "Add a piece of evidence to a criterion."},
    "help.cmd.gap": {"vi": "Điểm bị mất năm trước và điểm còn có thể giành.", "en": "Where last year's points were lost and which criteria give the most back."},
    "help.cmd.report": {"vi": "Báo cáo giao ban: một trang cho lãnh đạo.", "en": "The briefing report: one page for the director."},
    "help.cmd.score": {"vi": "Chấm điểm dự kiến theo tiến độ đã ghi nhận.", "en": "Score the plan from the progress recorded."},
    "help.cmd.units": {"vi": "Phân công theo đơn vị: chủ trì, phối hợp, điểm, hạn.", "en": "Each unit: what it leads and supports, its points, its deadlines."},
    "help.cmd.validate": {"vi": "Kiểm tra kế hoạch: mỗi lỗi một dòng PATH:LINE:COL.", "en": "Check plans: one PATH:LINE:COL line per problem."},
    "help.report.since": {"vi": "Ngày giao ban trước (YYYY-MM-DD hoặc DD/MM/YYYY): điểm thay đổi và ai ghi nhận từ đó, theo git; mặc định: 7 ngày trước --today.", "en": "The last briefing's day (YYYY-MM-DD or DD/MM/YYYY): what moved since and who recorded it, from git; default: 7 days before --today."},
    "help.cmd.schema": {"vi": "In JSON Schema của tệp kế hoạch.", "en": "Print the JSON Schema of a plan file."},
    # --- help of the year-end and framework commands (history, diff, sheet, workbook, import, new-year, init)
    "help.cmd.history": {"vi": "Lịch sử điểm và nhật ký ghi nhận theo git.", "en": "The score through the plan's git history, and the trail of what was recorded."},
    "help.cmd.sheet": {"vi": "Bảng tự đánh giá, chấm điểm cuối năm: Word, Excel, Markdown, HTML.", "en": "The year-end score sheet: Word, Excel, Markdown, HTML."},
    "help.cmd.import": {"vi": "Lập bản nháp kế hoạch từ bảng khung chỉ số Word/Excel.", "en": "Make a draft plan from a framework table (Word or Excel)."},
    "help.cmd.new-year": {"vi": "Lập kế hoạch năm sau từ kế hoạch năm nay.", "en": "Make next year's plan from this year's."},
    "help.cmd.diff": {"vi": "So sánh hai kế hoạch: tiêu chí thêm, bỏ, đổi số, đổi điểm, cách chấm, thời hạn.", "en": "Compare two plans: criteria added, removed, renumbered, re-pointed, rules, deadlines."},
    "help.cmd.init": {"vi": "Lập khung kế hoạch có chú thích.", "en": "Make a commented plan skeleton."},
    "help.cmd.workbook": {"vi": "Lập sổ Excel cho đơn vị điền số liệu.", "en": "Make a workbook for a unit to fill in."},
    "help.cmd.collect": {"vi": "Ghi các sổ đơn vị đã điền vào kế hoạch.", "en": "Record filled unit workbooks in the plan."},
    "help.common.previous": {"vi": "Kết quả (điểm) năm trước đã công bố, ví dụ 83,2.", "en": "The previous year's published points, e.g. 83.2."},
    "help.common.rank": {"vi": "Xếp hạng năm trước, HẠNG/TỔNG, ví dụ 9/21.", "en": "The previous year's rank, RANK/OF, e.g. 9/21."},
    "help.diff.old": {"vi": "Kế hoạch cũ.", "en": "The old plan."},
    "help.diff.new": {"vi": "Kế hoạch mới.", "en": "The new plan."},
    "help.diff.carry": {"vi": "Chuyển tiến độ đã ghi trong kế hoạch cũ sang kế hoạch mới.", "en": "Move the progress recorded in OLD into NEW."},
    "help.diff.mapping": {"vi": "Tệp YAML ánh xạ CŨ: MỚI cho các tiêu chí không tự khớp.", "en": "A YAML file OLD: NEW for criteria that do not match by themselves."},
    "help.evidence.number": {"vi": "Số, ký hiệu văn bản, ví dụ 01/KH-SGTVT.", "en": "The document's number and symbol, e.g. 01/KH-SGTVT."},
    "help.evidence.issued": {"vi": "Ngày ban hành văn bản (YYYY-MM-DD).", "en": "The document's date (YYYY-MM-DD)."},
    "help.evidence.issuer": {"vi": "Cơ quan ban hành.", "en": "The issuing body."},
    "help.evidence.summary": {"vi": "Trích yếu nội dung.", "en": "The document's summary (trích yếu)."},
    "help.evidence.section": {"vi": "Mục áp dụng, khi chỉ một phần văn bản liên quan.", "en": "The section that applies, where only part does."},
    "help.evidence.page": {"vi": "Trang áp dụng.", "en": "The page(s) that apply."},
    "help.evidence.file": {"vi": "Đường dẫn tệp, tính từ thư mục của kế hoạch.", "en": "A file path, relative to the plan's folder."},
    "help.evidence.link": {"vi": "Liên kết tới văn bản.", "en": "A link to the document."},
    "help.evidence.deadline": {"vi": "Mã hạn mà tài liệu chứng minh.", "en": "Id of the deadline this proves."},
    "help.evidence.occurrence": {"vi": "Lần của hạn lặp mà tài liệu chứng minh (ngày ghi trong kế hoạch).", "en": "Which occurrence of that deadline (its stated date)."},
    "help.evidence.text": {"vi": "Tài liệu kiểm chứng dạng văn bản tự do, ví dụ \"Báo cáo số 12/BC-SGTVT ngày 10/3/2024\" (hoặc dùng các tùy chọn bên dưới).", "en": "Evidence as free text, e.g. \"Báo cáo số 12/BC-SGTVT ngày 10/3/2024\" (or use the options below)."},
    "help.evidence.incomplete": {"vi": "Tài liệu chưa đầy đủ (cần giải trình).", "en": "The evidence is incomplete (needs an explanation)."},
    "help.justify.criterion-id": {"vi": "Mã tiêu chí; bỏ trống: liệt kê các tiêu chí cần giải trình.", "en": "Criterion id; none: list the criteria that need an explanation."},
    "help.justify.text": {"vi": "Nội dung giải trình.", "en": "The explanation."},
    "help.justify.as-of": {"vi": "Khi liệt kê: tính đến ngày này.", "en": "When listing: as of this day."},
    "help.history.since": {"vi": "Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY), theo ngày commit.", "en": "From this commit day (YYYY-MM-DD or DD/MM/YYYY)."},
    "help.history.until": {"vi": "Đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY), theo ngày commit.", "en": "Up to this commit day (YYYY-MM-DD or DD/MM/YYYY)."},
    "help.history.path": {"vi": "Tệp kế hoạch trong một kho git.", "en": "A plan file kept in git."},
    "help.history.by": {"vi": "Mỗi ngày, tuần hoặc tháng một dòng: phiên bản cuối của kỳ.", "en": "One row per day, week or month: its last version."},
    "help.history.records": {"vi": "Nhật ký ghi nhận: mỗi số liệu, hoàn thành, điểm, tài liệu kiểm chứng với commit, người và ngày.", "en": "The audit trail: every recorded fact with its commit, author and date."},
    "help.import.source": {"vi": "Bảng khung chỉ số: .docx hoặc .xlsx.", "en": "The framework table: .docx or .xlsx."},
    "help.import.output": {"vi": "Tệp kế hoạch sẽ ghi (không ghi đè).", "en": "The plan file to write (never overwritten)."},
    "help.import.year": {"vi": "Năm của kế hoạch.", "en": "The plan's year."},
    "help.import.index-max": {"vi": "Điểm tối đa của chỉ số (cả phần ngoài bảng).", "en": "The index maximum (with the part outside the table)."},
    "help.import.issuer": {"vi": "Cơ quan ban hành kế hoạch.", "en": "The body that issues the plan."},
    "help.import.number": {"vi": "Số, ký hiệu kế hoạch.", "en": "The plan's number."},
    "help.import.date": {"vi": "Ngày kế hoạch, YYYY-MM-DD.", "en": "The plan's date, YYYY-MM-DD."},
    "help.import.title": {"vi": "Tên kế hoạch.", "en": "The plan's title."},
    "help.init.year": {"vi": "Năm của kế hoạch; mặc định: năm nay.", "en": "The plan's year; default: this year."},
    "help.init.output": {"vi": "Tệp sẽ ghi; mặc định plans/NĂM.yaml.", "en": "File to write; default plans/YEAR.yaml."},
    "help.new_year.plan-path": {"vi": "Kế hoạch năm nay.", "en": "This year's plan."},
    "help.new_year.output": {"vi": "Tệp sẽ ghi; mặc định NĂM.yaml cạnh kế hoạch cũ.", "en": "File to write; default YEAR.yaml beside the old plan."},
    "help.sheet.path": {"vi": "Tệp kế hoạch (hoặc dùng --plan).", "en": "The plan file (or use --plan)."},
    "help.sheet.stage": {"vi": "Vòng chấm: self_assessment | appraisal_1 | explanation | appraisal_2 | final.", "en": "Scoring stage: self_assessment | appraisal_1 | explanation | appraisal_2 | final."},
    "help.sheet.compare": {"vi": "Các vòng chấm cạnh nhau, với điểm bị trừ và lý do.", "en": "The stages side by side, with what each cut and why."},
    "help.sheet.output": {"vi": "Ghi ra tệp (bắt buộc với docx, xlsx).", "en": "Write to FILE (required for docx and xlsx)."},
    "help.sheet.template": {"vi": "Mẫu Word của cơ quan (docxtpl); xem README.", "en": "The office's own Word form (docxtpl); see the README."},
    "help.workbook.output": {"vi": "Tệp .xlsx cần ghi; với --all-units: thư mục chứa một tệp cho mỗi đơn vị.", "en": "The .xlsx to write; with --all-units, a folder for one file per unit."},
    "help.workbook.unit": {"vi": "Đơn vị nhận sổ.", "en": "The unit the workbook is for."},
    "help.workbook.all-units": {"vi": "Một sổ cho mỗi đơn vị (MÃ.xlsx trong thư mục --output).", "en": "One workbook per unit (ID.xlsx in the --output folder)."},
    "help.collect.files": {"vi": "Các sổ đã điền.", "en": "The filled workbooks."},
    "help.collect.date": {"vi": "Ngày ghi cho ô không có ngày (YYYY-MM-DD); mặc định: hôm nay theo giờ Việt Nam.", "en": "Date for values with none (YYYY-MM-DD); default: today in Vietnam."},
    "help.collect.dry-run": {"vi": "Chỉ in ra phần thay đổi (diff), không ghi vào tệp.", "en": "Print the diff only; write nothing."},
    "help.cmd.justify": {"vi": "Giải trình cho tiêu chí có điểm mà thiếu tài liệu kiểm chứng.", "en": "Record, or list, explanations for points that lack evidence."},
    # --- the year-end self-assessment (issue 14): warnings of `par validate`
    "warn.evidence_file_missing": {
        "vi": "tệp tài liệu kiểm chứng '{file}' không tồn tại (đường dẫn tính từ thư mục của kế hoạch)",
        "en": "evidence file '{file}' does not exist (paths are relative to the plan's folder)",
    },
    "warn.evidence_after_deadline": {
        "vi": "tài liệu kiểm chứng ngày {date} muộn hơn hạn cuối {last_day} của hạn '{deadline}' mà nó chứng minh",
        "en": "evidence dated {date} is later than the last day {last_day} of deadline '{deadline}' it proves",
    },
    "why.no_evidence": {"vi": "chưa có tài liệu kiểm chứng", "en": "has no evidence"},
    "why.incomplete": {"vi": "tài liệu kiểm chứng chưa đầy đủ", "en": "its evidence is incomplete"},
    "validate.warnings": {"vi": "{warnings} cảnh báo (không phải lỗi)", "en": "{warnings} warning(s) (not errors)"},
    "severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "score.adjusted": {
        "vi": "Sau điều chỉnh: {points} + thưởng {bonus} − trừ {penalty} = {total} trên {max} điểm áp dụng ({percent})",
        "en": "Adjusted: {points} + bonus {bonus} − penalty {penalty} = {total} of {max} applicable points ({percent})",
    },
    "check.duplicate_adjustment": {"vi": "mã điểm thưởng/điểm trừ '{id}' bị lặp lại", "en": "bonus/penalty id '{id}' appears twice"},
    # --- recording
    "edit.empty_note": {"vi": "ghi chú (--note) không được để trống", "en": "the note (--note) must not be empty"},
    "edit.empty_explanation": {"vi": "nội dung giải trình trống", "en": "the explanation is empty"},
    "edit.what_explanation": {"vi": "giải trình ngày {date}: {text}", "en": "explanation dated {date}: {text}"},
    "edit.what_evidence_parts": {"vi": "tài liệu kiểm chứng ngày {date}: {text}", "en": "evidence dated {date}: {text}"},
    "justify.none": {"vi": "Không có tiêu chí nào cần giải trình.", "en": "No criterion needs an explanation."},
    "justify.title": {"vi": "Tiêu chí cần giải trình", "en": "Criteria that need an explanation"},
    "justify.col.id": {"vi": "Tiêu chí", "en": "Criterion"},
    "justify.col.points": {"vi": "Điểm", "en": "Points"},
    "justify.col.why": {"vi": "Lý do", "en": "Why"},
    "justify.col.explained": {"vi": "Ngày giải trình", "en": "Explained on"},
    "justify.col.explanation": {"vi": "Giải trình đã ghi", "en": "Explanation recorded"},
    "usage.occurrence_needs_deadline": {"vi": "--occurrence cần --deadline", "en": "--occurrence needs --deadline"},
    "usage.blank_option": {
        "vi": "{option} trống hoặc chỉ có khoảng trắng: hãy ghi nội dung, hoặc bỏ tùy chọn này",
        "en": "{option} is empty or only spaces: give its text, or leave the option out",
    },
    "usage.justify_text": {"vi": "cần nội dung giải trình sau mã tiêu chí", "en": "give the explanation after the criterion id"},
    # --- the sheet
    "sheet.stage.self_assessment": {"vi": "Tự đánh giá", "en": "Self-assessment"},
    "sheet.stage.appraisal_1": {"vi": "Thẩm định lần 1", "en": "Appraisal 1"},
    "sheet.stage.explanation": {"vi": "Giải trình", "en": "Explanation"},
    "sheet.stage.appraisal_2": {"vi": "Thẩm định lần 2", "en": "Appraisal 2"},
    "sheet.stage.final": {"vi": "Kết quả chính thức", "en": "Final"},
    "sheet.col.stt": {"vi": "STT", "en": "No."},
    "sheet.col.title": {"vi": "Lĩnh vực / Tiêu chí / Tiêu chí thành phần", "en": "Domain / criterion / sub-criterion"},
    "sheet.col.max": {"vi": "Điểm tối đa", "en": "Max"},
    "sheet.col.points": {"vi": "Điểm tự đánh giá", "en": "Self-assessed points"},
    "sheet.col.stage_points": {"vi": "Điểm {stage}", "en": "{stage} points"},
    "sheet.col.evidence": {
        "vi": "Tài liệu kiểm chứng (số, ngày, cơ quan, trích yếu, mục/trang)",
        "en": "Evidence (number, date, issuer, summary, section/page)",
    },
    "sheet.col.explanation": {"vi": "Giải trình", "en": "Explanation"},
    "sheet.col.note": {"vi": "Ghi chú", "en": "Note"},
    "sheet.col.cut": {"vi": "Chênh lệch", "en": "Cut"},
    "sheet.col.why": {"vi": "Lý do", "en": "Why"},
    "sheet.outside_note": {"vi": "Không tự đánh giá (điều tra xã hội học)", "en": "Not self-assessed (survey)"},
    "sheet.not_applicable": {"vi": "Không áp dụng: {why}", "en": "Not applicable: {why}"},
    "sheet.bonus": {"vi": "Điểm thưởng", "en": "Bonus points"},
    "sheet.penalty": {"vi": "Điểm trừ", "en": "Penalty points"},
    "sheet.points": {"vi": "Cộng các lĩnh vực và phần ngoài bảng", "en": "Sum of the domains and the part outside the table"},
    "sheet.total": {"vi": "Tổng điểm", "en": "Total"},
    "sheet.index": {"vi": "Chỉ số (% trên điểm tối đa áp dụng {max})", "en": "Index (% of the applicable maximum {max})"},
    "sheet.projected_mark": {"vi": "dự kiến", "en": "projected"},
    "sheet.title": {"vi": "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}", "en": "PAR INDEX SELF-ASSESSMENT SCORE SHEET {year}"},
    "sheet.subtitle": {"vi": "{issuer} — {stage}, số liệu đến ngày {date}", "en": "{issuer} — {stage}, as of {date}"},
    "sheet.subtitle_all": {"vi": "{issuer} — {stage}, mọi số liệu đã ghi nhận", "en": "{issuer} — {stage}, everything recorded"},
    "sheet.compare_title": {"vi": "SO SÁNH ĐIỂM CÁC VÒNG CHẤM NĂM {year}", "en": "SCORES BY STAGE {year}"},
    "sheet.explanations": {"vi": "Giải trình", "en": "Explanations"},
    "sheet.needs_explanation": {"vi": "cần giải trình: {why}", "en": "needs an explanation: {why}"},
    "sheet.sheet_table": {"vi": "Bảng điểm", "en": "Scores"},
    "sheet.sheet_evidence": {"vi": "Tài liệu kiểm chứng", "en": "Evidence"},
    "sheet.sheet_explanations": {"vi": "Giải trình", "en": "Explanations"},
    "sheet.ev.criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "sheet.ev.number": {"vi": "Số, ký hiệu", "en": "Number"},
    "sheet.ev.issued": {"vi": "Ngày ban hành", "en": "Issued"},
    "sheet.ev.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "sheet.ev.summary": {"vi": "Trích yếu", "en": "Summary"},
    "sheet.ev.section": {"vi": "Mục", "en": "Section"},
    "sheet.ev.page": {"vi": "Trang", "en": "Page"},
    "sheet.ev.file": {"vi": "Tệp / liên kết", "en": "File / link"},
    "sheet.ev.complete": {"vi": "Đầy đủ", "en": "Complete"},
    "sheet.ev.recorded": {"vi": "Ngày ghi nhận", "en": "Recorded"},
    "sheet.ev.text": {"vi": "Ghi chú", "en": "Text"},
    "sheet.incomplete": {"vi": "chưa đầy đủ", "en": "incomplete"},
    "sheet.section": {"vi": "mục {section}", "en": "section {section}"},
    "sheet.page": {"vi": "tr. {page}", "en": "p. {page}"},
    "sheet.dated": {"vi": "ngày {date}", "en": "of {date}"},
    "sheet.output_needed": {"vi": "định dạng {format} cần --output TỆP", "en": "format {format} needs --output FILE"},
    "sheet.template_docx_only": {"vi": "--template chỉ dùng với --format docx", "en": "--template goes with --format docx only"},
    "sheet.template_error": {"vi": "không dựng được mẫu {template}: {detail}", "en": "cannot render template {template}: {detail}"},
    "sheet.written": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
    "sheet.compare_formats": {"vi": "--compare dùng với md, html hoặc xlsx", "en": "--compare goes with md, html or xlsx"},
    # --- par import, par new-year, par diff, par init (issue 15)
    "import.not_found": {"vi": "không tìm thấy tệp {path}", "en": "file not found: {path}"},
    "import.unknown_format": {
        "vi": "{path}: chỉ đọc được bảng Word (.docx) hoặc Excel (.xlsx), không đọc được '{suffix}'",
        "en": "{path}: reads Word (.docx) or Excel (.xlsx) tables, not '{suffix}'",
    },
    "import.unreadable": {"vi": "không mở được {path}: {reason}", "en": "cannot open {path}: {reason}"},
    "import.no_table": {
        "vi": "không tìm thấy bảng tiêu chí: cần một dòng tiêu đề có TT (hoặc STT), Nhiệm vụ (hoặc Tiêu chí) và Điểm tối đa",
        "en": "no criteria table found: a header row needs TT (or STT), Nhiệm vụ (or Tiêu chí) and Điểm tối đa",
    },
    "import.no_rows": {"vi": "bảng tiêu chí không có dòng nào đánh số (1, 1.1, …)", "en": "the criteria table has no numbered rows (1, 1.1, …)"},
    "import.no_year": {
        "vi": "không biết kế hoạch của năm nào: bảng không nêu; dùng --year NĂM",
        "en": "cannot tell the plan's year from the table; pass --year YEAR",
    },
    "import.no_number": {"vi": "dòng không có số thứ tự và không có dòng nào phía trên để nối vào: “{text}”", "en": "a row without a number and no row above to join: “{text}”"},
    "import.bad_number": {"vi": "không đọc được số thứ tự “{text}” (cần dạng 1, 1.1, 2.2.1)", "en": "cannot read the number “{text}” (expected 1, 1.1, 2.2.1)"},
    "import.duplicate_number": {"vi": "số thứ tự {id} lặp lại; bỏ qua dòng này", "en": "number {id} appears again; row skipped"},
    "import.no_parent": {"vi": "tiêu chí {id} không có mục {parent} phía trên; bỏ qua", "en": "criterion {id} has no {parent} above it; skipped"},
    "import.no_unit": {"vi": "tiêu chí {id}: ô {column} để trống", "en": "criterion {id}: the {column} cell is empty"},
    "import.bad_max": {"vi": "tiêu chí {id}: không đọc được điểm tối đa “{text}”", "en": "criterion {id}: cannot read the maximum “{text}”"},
    "import.baseline_above_max": {"vi": "tiêu chí {id}: điểm năm trước lớn hơn điểm tối đa: “{text}”", "en": "criterion {id}: the previous year's points exceed the maximum: “{text}”"},
    "import.unread_deadline": {"vi": "tiêu chí {id}: có vẻ là thời hạn nhưng không đọc được: “{text}”", "en": "criterion {id}: looks like a deadline but cannot be read: “{text}”"},
    "import.empty_domain": {"vi": "lĩnh vực {id} không có tiêu chí nào; bỏ qua", "en": "domain {id} has no criteria; skipped"},
    "import.written": {
        "vi": "Đã ghi bản nháp {path}: {criteria} tiêu chí, {units} đơn vị, {deadlines} thời hạn, {baselines} kết quả năm trước đọc từ Ghi chú",
        "en": "Draft written to {path}: {criteria} criteria, {units} units, {deadlines} deadlines, {baselines} previous-year results read from the notes",
    },
    "import.unread_title": {"vi": "Chỗ không đọc được trong bảng khung: {count}", "en": "Places of the framework table that could not be read: {count}"},
    "import.col.where": {"vi": "Chỗ", "en": "Where"},
    "import.place_table": {"vi": "{file}: bảng {table}", "en": "{file}: table {table}"},
    "import.place_cell": {"vi": "{file}: bảng {table}, dòng {row}, cột {column}", "en": "{file}: table {table}, row {row}, column {column}"},
    "import.col.message": {"vi": "Vì sao", "en": "Why"},
    "import.valid": {"vi": "Bản nháp hợp lệ (par validate).", "en": "The draft validates (par validate)."},
    "import.invalid": {
        "vi": "Bản nháp có {count} lỗi, mỗi lỗi một dòng {path}:DÒNG:CỘT trên stderr (par validate {path} liệt kê lại); hãy sửa trong tệp.",
        "en": "The draft has {count} problem(s), one {path}:LINE:COLUMN line each on stderr (par validate {path} lists them again); fix them in the file.",
    },
    "import.unread_summary": {"vi": "{count} chỗ không đọc được (bảng trên).", "en": "{count} place(s) could not be read (the table above)."},
    "import.missing": {"vi": "Bảng không có, cần điền trong tệp hoặc qua tùy chọn: {facts}", "en": "Not in the table; fill in the file or pass options: {facts}"},
    "fact.year": {"vi": "năm (--year)", "en": "the year (--year)"},
    "fact.number": {"vi": "số kế hoạch (--number)", "en": "the plan number (--number)"},
    "fact.date": {"vi": "ngày kế hoạch (--date)", "en": "the plan date (--date)"},
    "fact.issuer": {"vi": "cơ quan ban hành (--issuer)", "en": "the issuer (--issuer)"},
    "fact.title": {"vi": "tên kế hoạch (--title)", "en": "the title (--title)"},
    "fact.index_max": {"vi": "điểm tối đa của chỉ số (--index-max; tạm lấy tổng của bảng)", "en": "the index maximum (--index-max; the table's total meanwhile)"},
    "fact.previous": {"vi": "kết quả năm trước (--previous)", "en": "the previous year's result (--previous)"},
    "fact.rank": {"vi": "xếp hạng năm trước (--rank 13/21)", "en": "the previous year's rank (--rank 13/21)"},
    "output.exists": {"vi": "{path} đã có; không ghi đè (chọn --output khác)", "en": "{path} exists; not overwriting it (choose another --output)"},
    "usage.bad_points": {"vi": "'{value}' không phải số điểm (ví dụ 83,2)", "en": "'{value}' is not a number of points (e.g. 83.2)"},
    "usage.bad_rank": {"vi": "'{value}' không có dạng HẠNG/TỔNG (ví dụ 9/21)", "en": "'{value}' is not RANK/OF (e.g. 9/21)"},
    "new_year.written": {
        "vi": "Đã ghi kế hoạch năm {year}: {path} ({baselines} tiêu chí có điểm năm {previous_year} làm kết quả năm trước, {moved} thời hạn dời sang năm {year}, {review} giả định cần xem lại)",
        "en": "Plan for {year} written: {path} ({baselines} criteria take their {previous_year} score as baseline, {moved} deadlines moved to {year}, {review} assumptions to review)",
    },
    "new_year.invalid": {"vi": "kế hoạch năm mới sẽ có {count} lỗi (ở trên); không ghi gì", "en": "the new plan would have {count} problem(s) (above); nothing written"},
    "new_year.no_previous": {
        "vi": "Chưa có kết quả công bố năm {year}: thêm --previous ĐIỂM --rank HẠNG/TỔNG, hoặc điền previous trong tệp.",
        "en": "No published result for {year}: pass --previous POINTS --rank RANK/OF, or fill in previous in the file.",
    },
    "diff.added": {"vi": "thêm", "en": "added"},
    "diff.removed": {"vi": "bỏ", "en": "removed"},
    "diff.renumbered": {"vi": "đổi số", "en": "renumbered"},
    "diff.max": {"vi": "đổi điểm tối đa", "en": "maximum changed"},
    "diff.rule": {"vi": "đổi cách chấm", "en": "rule changed"},
    "diff.deadlines": {"vi": "đổi thời hạn", "en": "deadlines changed"},
    "diff.title": {"vi": "đổi tên", "en": "title changed"},
    "diff.deadline_before": {"vi": "trước {date}", "en": "before {date}"},
    "diff.deadline_by": {"vi": "hạn {date}", "en": "by {date}"},
    "diff.col.change": {"vi": "Thay đổi", "en": "Change"},
    "diff.col.old": {"vi": "Cũ", "en": "Old"},
    "diff.col.new": {"vi": "Mới", "en": "New"},
    "diff.col.title": {"vi": "Tiêu chí", "en": "Criterion"},
    "diff.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "diff.heading": {"vi": "Khác nhau giữa {old} và {new}", "en": "Differences between {old} and {new}"},
    "diff.none": {"vi": "Hai kế hoạch có cùng các tiêu chí, điểm tối đa, cách chấm và thời hạn.", "en": "Both plans have the same criteria, maxima, rules and deadlines."},
    "diff.carried": {"vi": "Đã chuyển tiến độ của {count} tiêu chí sang {path}.", "en": "Progress of {count} criteria carried into {path}."},
    "diff.not_placed": {"vi": "Không chuyển được: tiêu chí {id}: {what}", "en": "Not carried: criterion {id}: {what}"},
    "diff.bad_mapping": {"vi": "tệp ánh xạ {path}: {detail}", "en": "mapping file {path}: {detail}"},
    "carry.no_match": {"vi": "không có tiêu chí tương ứng trong kế hoạch mới (thêm vào tệp ánh xạ CŨ: MỚI)", "en": "no matching criterion in the new plan (add OLD: NEW to the mapping file)"},
    "carry.unknown_deadline": {"vi": "hạn '{deadline}' không có ở tiêu chí {target}", "en": "deadline '{deadline}' does not exist on criterion {target}"},
    "carry.unknown_measure": {"vi": "chỉ số đo '{measure}' không có ở tiêu chí {target}", "en": "measure '{measure}' does not exist on criterion {target}"},
    "carry.refused": {"vi": "{target}: {reason}", "en": "{target}: {reason}"},
    "carry.refused_problems": {"vi": "{target}: {reason} {problems}", "en": "{target}: {reason} {problems}"},
    "problem.of_criterion": {"vi": "tiêu chí {id}: {text}", "en": "criterion {id}: {text}"},
    # --- help pages and the command line (issue 12): click's and typer's own words, ours
    "help.heading.usage": {"vi": "Cách dùng", "en": "Usage"},
    "help.heading.arguments": {"vi": "Đối số", "en": "Arguments"},
    "help.heading.options": {"vi": "Tùy chọn", "en": "Options"},
    "help.heading.commands": {"vi": "Lệnh", "en": "Commands"},
    "help.word.options": {"vi": "[TÙY_CHỌN]", "en": "[OPTIONS]"},
    "help.word.command": {"vi": "LỆNH [ĐỐI_SỐ]...", "en": "COMMAND [ARGS]..."},
    "help.help_option": {"vi": "Hiện trợ giúp này rồi thoát.", "en": "Show this message and exit."},
    "help.extra.default": {"vi": "mặc định: {default}", "en": "default: {default}"},
    "help.extra.required": {"vi": "bắt buộc", "en": "required"},
    "help.extra.envvar": {"vi": "biến môi trường: {var}", "en": "env var: {var}"},
    "help.type.text": {"vi": "chuỗi", "en": "text"},
    "help.type.path": {"vi": "đường dẫn", "en": "path"},
    "help.type.integer": {"vi": "số nguyên", "en": "integer"},
    "help.type.number": {"vi": "số", "en": "number"},
    "help.type.yes_no": {"vi": "có/không", "en": "yes/no"},
    "usage.number_needed": {"vi": "cần một số", "en": "a number is needed"},
    "usage.error": {"vi": "lỗi: {detail}", "en": "error: {detail}"},
    "usage.plan_first": {
        "vi": "'{word}' đứng trước mã tiêu chí nên được hiểu là kế hoạch, nhưng tên tệp kế hoạch phải kết thúc bằng .yaml hoặc .yml; nếu không, hãy dùng --plan",
        "en": "'{word}' comes before the criterion id, so it would be the plan, but a plan named this way must end in .yaml or .yml; otherwise pass --plan",
    },
    "help.common.plan_first": {
        "vi": "Tệp kế hoạch, đứng đầu và kết thúc bằng .yaml hoặc .yml (như --plan); mặc định: biến PAR_PLAN, rồi plans/NĂM.yaml mới nhất.",
        "en": "The plan file, first and ending in .yaml or .yml (as --plan); default: PAR_PLAN, then the newest plans/YEAR.yaml.",
    },
    # --- end of issue 12's help block
    "init.written": {"vi": "Đã ghi khung kế hoạch {path}; hãy điền các chỗ ghi CẦN ĐIỀN rồi chạy par validate.", "en": "Plan skeleton written to {path}; fill in what says CẦN ĐIỀN, then run par validate."},
}

def resolve_lang(option: str | None) -> Lang:
    """`--lang` wins, then ``PAR_LANG``, then Vietnamese. Unknown values fall back to Vietnamese
    at this level; the CLI refuses them as usage errors before they reach here."""
    value = (option or os.environ.get("PAR_LANG") or "vi").strip().lower()
    return "en" if value.startswith("en") else "vi"


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message for ``key`` in ``lang``, with parameters filled in; numbers in the
    language's habit (1,5 in Vietnamese)."""
    shown = {name: _show(value, lang) for name, value in params.items()}
    return MESSAGES[key][lang].format(**shown)


class Term(str):
    """A catalogue key passed as a message parameter ("expected": Term("expected.number")):
    the core names the thing, the words come when the message is rendered."""


@dataclass(frozen=True)
class Message:
    """A catalogue key with its parameters, passed as a parameter of another message (why a
    change was refused, inside the line that says what was not carried): the core says what
    happened, the words come when the outer message is rendered. A tuple of them is shown
    joined by "; "."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)


def _show(value: object, lang: Lang) -> object:
    if isinstance(value, Term):
        return MESSAGES[value][lang]
    if isinstance(value, Message):
        return t(value.code, lang, **value.params)
    if isinstance(value, tuple) and value and all(isinstance(item, Message) for item in value):
        return "; ".join(t(item.code, lang, **item.params) for item in value)
    if isinstance(value, tuple) and value and all(isinstance(item, dt.date) for item in value):
        return ", ".join(fmt_date(item, lang) for item in value)  # dates to choose from
    if isinstance(value, float):
        return fmt_number(value, lang)
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    return value


@functools.lru_cache(maxsize=4096)
def fmt_number(value: float | None, lang: Lang, digits: int = 2) -> str:
    """80.36 → "80,36" in Vietnamese; trailing zeros dropped (2.00 → "2", 1.50 → "1,5").

    Remembered: a table of 10,000 criteria formats the same few points 40,000 times."""
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


def fmt_signed(value: float | None, lang: Lang) -> str:
    """A change with its sign: +0,8 / -1,5 / 0; "—" when there is none."""
    text = fmt_number(value, lang)
    return text if value is None or text.startswith("-") or text == "0" else f"+{text}"


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
