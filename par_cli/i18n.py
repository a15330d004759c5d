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
    "due.bad_days": {"vi": "--days phải là số ngày ≥ 0, không phải {value}", "en": "--days must be a number of days ≥ 0, not {value}"},
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
    "source.seed": {"vi": "theo kế hoạch", "en": "from the plan"},
    "source.assumed": {"vi": "giả định", "en": "assumed"},
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
    "report.bad_days": {"vi": "--days phải là số ngày ≥ 0, không phải {value}", "en": "--days must be a number of days ≥ 0, not {value}"},
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
    shown = {name: _show(value, lang) for name, value in params.items()}
    return MESSAGES[key][lang].format(**shown)


def _show(value: object, lang: Lang) -> object:
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
