"""The commented skeleton `par init` writes: every field a plan can hold, filled with
placeholders that validate, so a department with no plan yet starts from a file that
`par validate` accepts and edits it into its own."""

from __future__ import annotations

SKELETON = """\
# Kế hoạch nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm {year}: khung do `par init` lập.
# Thay mọi chỗ ghi CẦN ĐIỀN, xóa những gì không dùng, rồi chạy `par validate`.
# Nhanh hơn: `par import BẢNG.docx --output plans/{year}.yaml` lập bản nháp từ bảng khung chỉ số.

# Văn bản của kế hoạch này (số, ký hiệu; ngày; cơ quan ban hành), và văn bản nó thực hiện.
plan: {{number: "CẦN ĐIỀN/KH-...", date: {year}-01-01, issuer: "CẦN ĐIỀN: tên sở, ban, ngành"}}
implements: {{number: "CẦN ĐIỀN/KH-UBND", date: {year}-01-01, issuer: "UBND tỉnh"}}
issuer: "CẦN ĐIỀN: tên sở, ban, ngành"
title: "Nâng cao chỉ số cải cách hành chính năm {year}"
year: {year}
# Điểm tối đa của chỉ số: tổng điểm tối đa của các lĩnh vực cộng phần ngoài bảng (outside_table).
index_max: 10
# Kết quả năm trước đã công bố: điểm, tỷ lệ (điểm / điểm tối đa × 100), hạng / số đơn vị, số bậc tăng (+) hoặc giảm (−).
previous: {{points: 8, percent: 80, rank: 5, of: 20, rank_change: 1}}
# Mục tiêu: hạng muốn đạt, và số điểm ước tính cần có (kèm lý do: đó là ước tính).
target: {{rank: 3, of: 20, score: 9, assumption: "CẦN ĐIỀN: vì sao cần khoảng 9 điểm để đạt hạng 3."}}
# Tỷ lệ điểm dự kiến cho tiêu chí chưa có tiến độ và chưa biết kết quả năm trước; bỏ trống: không dự kiến.
assumptions:
  unknown_share: 0.5
  why: "CẦN ĐIỀN: vì sao dự kiến đạt một nửa số điểm ở các tiêu chí chưa biết kết quả."

# Các phòng, đơn vị: id tự đặt (không dấu cách), tên như văn bản ghi. kind: unit (mặc định),
# all ("Các phòng, đơn vị"), assigned ("… được giao chủ trì"), concerned ("… có liên quan").
units:
  - {{id: van-phong, name: "Văn phòng Sở"}}
  - {{id: thanh-tra, name: "Thanh tra Sở"}}
  - {{id: phap-che, name: "Cán bộ pháp chế (Thanh tra Sở)", part_of: thanh-tra}}
  - {{id: cac-phong, name: "Các phòng, đơn vị", kind: all}}
  - {{id: phong-chu-tri, name: "Các phòng, đơn vị được giao chủ trì", kind: assigned}}
  - {{id: phong-lien-quan, name: "Các phòng, đơn vị có liên quan", kind: concerned}}

domains:
  - id: "1"
    title: "CẦN ĐIỀN: TÊN LĨNH VỰC"
    criteria:
      - id: "1.1"
        title: "CẦN ĐIỀN: tên tiêu chí, như bảng ghi"
        max: 2
        lead: van-phong
        support: cac-phong
        requirement: "Nội dung yêu cầu, như bảng ghi"
        note: "Ghi chú, như bảng ghi (ví dụ: Ban hành trước ngày 05/01/{year})"
        # Cách chấm: manual (tự đánh giá), deadline, tiers, all_of, per_item, quality,
        # deductions, proportional (xem README). Cách chấm là cách hiểu: nêu lý do ở assumption.
        rule: {{kind: deadline, on_time: 1.0, late: 0.5, missing: 0.0, assumption: "CẦN ĐIỀN: bảng không nêu cách chấm; vì sao chấm như vậy."}}
        # Kết quả năm trước: points (hoặc unknown) và các số đo đã biết.
        baseline: {{points: unknown}}
        deadlines:
          # before: "trước ngày D" (hạn cuối là D − 1); by: đến hết ngày D. Một ngày, hoặc lặp lại:
          # {{every: month|quarter|year, day: N, month: M}} hay {{rrule: "FREQ=…"}}.
          - {{id: ke-hoach, what: "Ban hành kế hoạch", before: {year}-01-05}}
          - {{id: bao-cao-quy, what: "Báo cáo hàng quý", before: {{every: quarter, day: 12}}, assumption: "CẦN ĐIỀN: nếu thời hạn là cách hiểu, nói vì sao."}}
        # Tiến độ trong năm: `par set`, `par done`, `par evidence` ghi vào đây.
        progress:
          measurements: []
          done: []
          evidence: []
          # Điểm theo từng giai đoạn: self_assessment, appraisal_1, explanation, appraisal_2, final.
          stages: []
        # Trường nào là cách hiểu chứ không phải lời văn của bảng (ví dụ đơn vị lấy từ ô gộp).
        assumptions: {{}}
      - id: "1.2"
        title: "CẦN ĐIỀN: tiêu chí có các tiêu chí thành phần (điểm tối đa bằng tổng của chúng)"
        max: 3
        children:
          - id: "1.2.1"
            title: "CẦN ĐIỀN: tiêu chí thành phần chấm theo số lượng"
            max: 2
            lead: phong-chu-tri
            support: phong-lien-quan
            measures:
              initiatives: {{kind: count, label: "Số sáng kiến"}}
            rule: {{kind: tiers, measure: initiatives, tiers: [{{at_least: 2, points: 2}}, {{at_least: 1, points: 1}}], otherwise: 0}}
            baseline: {{points: 1, observed: [{{measure: initiatives, value: 1}}], assumption: "CẦN ĐIỀN: nguồn của kết quả năm trước."}}
          - id: "1.2.2"
            title: "CẦN ĐIỀN: tiêu chí thành phần chấm theo tỷ lệ"
            max: 1
            lead: phap-che
            measures:
              on_time_pct: {{kind: percent, label: "Tỷ lệ đúng hạn"}}
            rule: {{kind: proportional, measure: on_time_pct, assumption: "CẦN ĐIỀN: vì sao chấm tỷ lệ thuận."}}
            # Dự kiến điểm khi chưa có tiến độ, kèm lý do.
            projection: {{points: 0.5, assumption: "CẦN ĐIỀN: vì sao dự kiến 0,5 điểm."}}

# Phần điểm của chỉ số mà bảng không chia ra (điều tra xã hội học, thẩm định): để tổng khớp index_max.
outside_table:
  id: ngoai-bang
  title: "Phần điểm ngoài bảng (điều tra xã hội học, thẩm định)"
  max: 5
  baseline: {{points: unknown}}
  projection: {{points: 4, assumption: "CẦN ĐIỀN: vì sao dự kiến 4 điểm."}}
"""


def skeleton(year: int) -> str:
    return SKELETON.format(year=year)
