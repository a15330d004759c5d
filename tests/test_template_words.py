"""A broken `par sheet --template FORM.docx` in the user's words: jinja2's common error kinds
(a syntax error, a name par does not give the form, a template not found or included) worded
from the catalogue with the form's PATH:LINE where jinja2 names a line; any other error keeps
jinja2's own words, labelled as its words. Each form is a real .docx made with python-docx,
rendered for real through CliRunner in both languages and once through the installed `par`.

The lines are jinja2's: docxtpl puts each paragraph of the form on a line of its own after
the body's opening line, so the form's paragraph N is jinja2's line N + 1 (a syntax error in
the third paragraph is line 4)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import BUNDLED, par_executable, subprocess_env


def form(folder: Path, name: str, *paragraphs: str) -> Path:
    path = folder / name
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def sheet(template: Path, out: Path, lang: str):
    return CliRunner().invoke(app, ["sheet", str(BUNDLED), "-f", "docx", "--template", str(template), "-o", str(out), "--lang", lang])


# (paragraphs, line jinja2 gives (paragraph + 1), the Vietnamese and the English after "PATH:LINE: ")
CASES = {
    "syntax": (
        ("Kính gửi", "Sở Nội vụ", "{{ rows[ }}"),
        4,
        "lỗi cú pháp của mẫu: gặp '}' ở chỗ cần ']'",
        "a syntax error in the template: '}' where ']' is needed",
    ),
    "unclosed": (
        ("{% for row in rows %}", "{{ row.id }}"),
        3,  # where the form ends: its last paragraph
        "lỗi cú pháp của mẫu: khối 'for' chưa được đóng: mẫu hết mà chưa gặp 'endfor' / 'else'",
        "a syntax error in the template: the 'for' block is not closed: the template ends before 'endfor' / 'else'",
    ),
    "unknown_tag": (
        ("{% lap row in rows %}",),
        2,
        "lỗi cú pháp của mẫu: không có thẻ 'lap' (thẻ dùng được: for, if, set, …)",
        "a syntax error in the template: there is no tag 'lap' (the tags are for, if, set, …)",
    ),
    "filter": (
        ("{{ plan.title | hoa }}",),
        2,
        "lỗi cú pháp của mẫu: không có bộ lọc 'hoa'",
        "a syntax error in the template: there is no filter 'hoa'",
    ),
    "undefined": (
        ("Tổng", "{{ tong.diem }}"),
        3,
        "không có 'tong' trong dữ liệu par đưa vào mẫu (xem README, “An office's own form”)",
        "there is no 'tong' in what par gives a form (see the README, “An office's own form”)",
    ),
    "undefined_attribute": (
        ("{{ plan.so.ky_hieu }}",),
        2,
        "không có 'so' trong dữ liệu par đưa vào mẫu (xem README, “An office's own form”)",
        "there is no 'so' in what par gives a form (see the README, “An office's own form”)",
    ),
    "include": (
        ("{% include 'dau-trang.xml' %}",),
        2,
        "mẫu Word không thể {% include %}, {% import %} hay {% extends %} mẫu khác: hãy chép phần đó vào mẫu",
        "a Word form cannot {% include %}, {% import %} or {% extends %} another template: copy that part into the form",
    ),
    # Not one of the kinds par words: jinja2's own text, said to be its.
    "other": (
        ("{{ rows + 1 }}",),
        2,
        'can only concatenate list (not "int") to list (lời của jinja2)',
        'can only concatenate list (not "int") to list (jinja2\'s words)',
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_form_is_worded_with_its_line(tmp_path: Path, name: str):
    paragraphs, line, vi, en = CASES[name]
    template = form(tmp_path, f"{name}.docx", *paragraphs)
    out = tmp_path / "bao-cao.docx"
    said_vi, said_en = sheet(template, out, "vi"), sheet(template, out, "en")
    assert said_vi.exit_code == said_en.exit_code == 2, said_vi.output
    assert said_vi.stderr == f"par: không dựng được mẫu {template}:{line}: {vi}\n"
    assert said_en.stderr == f"par: cannot render template {template}:{line}: {en}\n"
    assert not out.exists()


def test_a_form_that_is_no_word_file_is_worded_as_an_office_file(tmp_path: Path):
    template = tmp_path / "mau.docx"
    template.write_text("không phải Word\n", encoding="utf-8")
    said = sheet(template, tmp_path / "x.docx", "en")
    assert said.exit_code == 2
    assert said.stderr == (
        f"par: cannot render template {template}: Word (.docx) expected, but Word and Excel files are zip archives "
        "and this is not one (damaged, cut short, or an old .doc/.xls?)\n"
    )


def test_the_console_script_words_a_syntax_error_with_its_line(tmp_path: Path):
    template = form(tmp_path, "mau.docx", "Kính gửi", "{{ rows[ }}")
    out = tmp_path / "bao-cao.docx"
    real = subprocess.run(
        [par_executable(), "sheet", str(BUNDLED), "-f", "docx", "--template", str(template), "-o", str(out)],
        capture_output=True, text=True, env=subprocess_env(), timeout=60,
    )
    assert real.returncode == 2
    assert real.stderr == f"par: không dựng được mẫu {template}:3: lỗi cú pháp của mẫu: gặp '}}' ở chỗ cần ']'\n"
    assert "Traceback" not in real.stderr and not out.exists()


def test_the_sample_form_still_renders(tmp_path: Path):
    sample = Path(__file__).resolve().parent.parent / "templates" / "sheet-form.docx"
    out = tmp_path / "bao-cao.docx"
    said = sheet(sample, out, "vi")
    assert said.exit_code == 0, said.output
    assert "Tổng điểm: 75,84/95 điểm, đạt 79,83 %." in "\n".join(p.text for p in Document(str(out)).paragraphs)
