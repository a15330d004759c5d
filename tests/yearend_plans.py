"""The plan the year-end tests read: small enough to work every figure out by hand.

Index maximum 10 = 1.1 (2) + 1.2 (2) + 2.1 (3: 2.1.1 of 1 and 2.1.2 of 2) + outside (3).
  1.1  deadline met on 03/01/2024 (before 05/01)        → 2    evidence in the register
  1.2  self-assessed 1.5, no evidence                   → 1.5  needs an explanation
  2.1.1 self-assessed 1, evidence marked incomplete     → 1    needs an explanation
  2.1.2 not applicable                                  → out of the points and the maximum
  outside table, projected                              → 2
Points 2 + 1.5 + 1 + 2 = 6.5 of an applicable maximum 10 − 2 = 8.
Bonus: 1.5 capped by its item to 1, plus 0.5 granted 20/01/2025 → 1.5 (under the cap of 2);
penalty 0.5. Total 6.5 + 1.5 − 0.5 = 7.5; index 7.5 / 8 = 93.75 %.
As of 31/12/2024 the 0.5 bonus is not yet granted: total 7, index 87.5 %.
"""

YEAREND = """\
plan: {number: "1/KH-STN", date: 2024-06-04, issuer: "Sở Thử nghiệm"}
issuer: "Sở Thử nghiệm"
title: "Nâng cao chỉ số cải cách hành chính năm 2024"
year: 2024
index_max: 10
units:
  - id: van-phong
    name: "Văn phòng Sở"
domains:
  - id: "1"
    title: "CHỈ ĐẠO ĐIỀU HÀNH"
    criteria:
      - id: "1.1"
        title: "Kế hoạch CCHC"
        max: 2
        lead: van-phong
        rule: {kind: deadline}
        deadlines:
          - id: ke-hoach
            what: "Ban hành kế hoạch"
            before: 2024-01-05
        progress:
          done:
            - {deadline: ke-hoach, date: 2024-01-03}
          evidence:
            - {date: 2024-01-03, number: "01/KH-STN", issued: 2024-01-03, issuer: "Sở Thử nghiệm", summary: "Kế hoạch CCHC năm 2024", section: "II", page: "3", file: "docs/kh.pdf", deadline: ke-hoach}
      - id: "1.2"
        title: "Sáng kiến"
        max: 2
        lead: van-phong
        rule: {kind: manual}
        progress:
          self_assessed: 1.5
  - id: "2"
    title: "THỦ TỤC HÀNH CHÍNH"
    criteria:
      - id: "2.1"
        title: "Một cửa"
        max: 3
        children:
          - id: "2.1.1"
            title: "Tiếp nhận hồ sơ"
            max: 1
            lead: van-phong
            rule: {kind: manual}
            progress:
              evidence:
                - {date: 2024-11-30, text: "Báo cáo 5/BC-STN ngày 30/11/2024", complete: false}
              self_assessed: 1
          - id: "2.1.2"
            title: "Liên thông"
            max: 2
            lead: van-phong
            rule: {kind: manual}
            not_applicable: "Sở không có thủ tục liên thông"
outside_table:
  id: ngoai-bang
  title: "Phần ngoài bảng (điều tra xã hội học)"
  max: 3
  projection: {points: 2, assumption: "ước tính"}
adjustments:
  bonus:
    - {id: sang-kien, title: "Sáng kiến cấp tỉnh", points: 1.5, max: 1, note: "Quyết định 9/QĐ-UBND"}
    - {id: giai-thuong, title: "Giải thưởng", points: 0.5, date: 2025-01-20}
  penalty:
    - {id: cham-bao-cao, title: "Chậm báo cáo", points: 0.5}
  bonus_max: 2
  penalty_max: 1
report:
  parent: "UBND TỈNH THỬ"
  place: "Thử"
  date: 2025-01-05
  difficulties: ["Thiếu cán bộ chuyên trách"]
  recommendations: ["Tập huấn chấm điểm"]
  signer: "Nguyễn Văn A"
  signer_title: "GIÁM ĐỐC"
  recipients: ["UBND tỉnh", "Sở Nội vụ", "Lưu: VT"]
"""

# Stages for the comparison, put under 1.2's progress: appraisal 1 cut 0.5, and why.
STAGES_1_2 = """\
          stages:
            - {stage: self_assessment, date: 2025-01-05, points: 1.5}
            - {stage: appraisal_1, date: 2025-02-20, points: 1, note: "Thiếu tài liệu kiểm chứng"}
"""

# A year of the Department Office's work on the bundled plan, as it would be typed (README,
# "The year-end self-assessment"); docs/make_sheet_picture.py replays it for docs/sheet.png.
YEAR = [
    ("done", "1.1", "--date", "2024-01-04", "--evidence", "Kế hoạch 01/KH-SGTVT ngày 04/01/2024"),
    ("evidence", "1.1", "--number", "01/KH-SGTVT", "--issued", "2024-01-04", "--issuer", "Sở Giao thông vận tải", "--summary", "Kế hoạch CCHC năm 2024", "--date", "2024-01-04"),
    ("done", "1.2", "--date", "2024-03-08", "--evidence", "Báo cáo 60/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-06-10", "--evidence", "Báo cáo 120/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-09-11", "--evidence", "Báo cáo 180/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-12-09", "--evidence", "Báo cáo 240/BC-SGTVT"),
    ("set", "1.4", "initiatives=2", "--date", "2024-10-15", "--evidence", "Quyết định 9/QĐ-UBND"),
    ("set", "1.5", "self_assessed=2", "--date", "2024-12-20"),
    ("justify", "1.5", "Các nhiệm vụ hoàn thành; văn bản tổng hợp đang trình Giám đốc ký", "--date", "2024-12-28"),
    ("set", "3.4.1", "on_time_pct=98,5", "--date", "2024-12-31", "--evidence", "Trích xuất Hệ thống thông tin giải quyết TTHC"),
]
