"""The diff a write shows (`par set --dry-run`, `--format json`, the workbook's account):
the lines both texts begin and end with are set aside before difflib compares the rest, so a
plan of 10,000 criteria no longer takes 20 s to show one line added. Held here against the
plain meaning of a unified diff: applied to the text before, it gives the text after, with
every context and removed line as it stands and every hunk numbered as in the whole file.
"""

from __future__ import annotations

import codecs
import difflib
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.editing.record import unified_diff
from tests.edit_support import BUNDLED

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")


def applied(diff: str, old: list[str]) -> list[str]:
    """``old`` with ``diff`` applied, each context and removed line checked where it stands,
    each hunk's numbers checked against the lines before it and after it."""
    lines = diff.split("\n")
    assert lines.pop() == ""  # every line of the diff ends with a line break
    if not lines:
        return list(old)
    assert lines[0] == "--- a/plans/2024.yaml" and lines[1] == "+++ b/plans/2024.yaml"
    result: list[str] = []
    at = 0
    index = 2
    while index < len(lines):
        found = _HUNK.match(lines[index])
        assert found, lines[index]
        old_start, old_length, new_start, new_length = (int(value) if value is not None else 1 for value in found.groups())
        # A range of no lines names the line before it; one of some lines, its first (1-based).
        begin = old_start if old_length == 0 else old_start - 1
        assert begin >= at
        result += old[at:begin]
        at = begin
        assert (new_start if new_length == 0 else new_start - 1) == len(result)
        taken = given_lines = 0
        index += 1
        while index < len(lines) and not lines[index].startswith("@@ "):
            tag, body = lines[index][0], lines[index][1:]
            if tag in " -":
                assert old[at] == body
                at += 1
                taken += 1
            if tag in " +":
                result.append(body)
                given_lines += 1
            assert tag in " -+"
            index += 1
        assert (taken, given_lines) == (old_length, new_length)
    return result + old[at:]


line_text = st.text(alphabet="ab -:{}\u0085\u2028đ", max_size=4)


@st.composite
def edits(draw):
    """A text's lines, and the same lines with a few places removed and others inserted."""
    before = draw(st.lists(line_text, max_size=40))
    after = list(before)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(after)))
        removed = draw(st.integers(min_value=0, max_value=min(3, len(after) - at)))
        after[at : at + removed] = draw(st.lists(line_text, max_size=3))
    return before, after


def _bytes(lines: list[str], newline: str, final: bool, bom: bool) -> bytes:
    text = newline.join(lines) + (newline if final and lines else "")
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(change=edits(), newline=st.sampled_from(["\n", "\r\n"]), final=st.booleans(), bom=st.booleans())
def test_the_diff_applied_to_the_text_before_gives_the_text_after(change, newline: str, final: bool, bom: bool):
    before, after = change
    if not final and before and after and before[-1] == after[-1] == "":
        # Without a final line break a last empty line is no line at all: the texts are
        # the lines before it.
        before, after = before[:-1], after[:-1]
    diff = unified_diff(Path("/plans/2024.yaml"), _bytes(before, newline, final, bom), _bytes(after, newline, final, bom))

    assert applied(diff, _lines(before, final)) == _lines(after, final)
    if before == after:
        assert diff == ""


def _lines(lines: list[str], final: bool) -> list[str]:
    """The lines git sees in ``lines`` joined (with a final line break when ``final``)."""
    if not lines:
        return []
    return lines if final or lines[-1] != "" else lines[:-1]


def test_one_line_added_to_a_long_plan_is_shown_as_difflib_shows_it_over_the_whole():
    text = BUNDLED.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = len(lines) - 5
    edited = "\n".join([*lines[:at], "      # một dòng thêm", *lines[at:]])
    whole = difflib.unified_diff(lines, edited.split("\n"), fromfile="a/plans/2024.yaml", tofile="b/plans/2024.yaml", lineterm="")
    expected = "".join(line + "\n" for line in whole)

    diff = unified_diff(Path("plans/2024.yaml"), text.encode("utf-8"), edited.encode("utf-8"))

    assert diff == expected
    # the hunk starts three lines above the line added: line at - 3 + 1 (1-based) of the file
    assert f"@@ -{at - 2},6 +{at - 2},7 @@" in diff
