"""Small text helpers shared by the model and the reports."""

from __future__ import annotations

import re
import unicodedata


def nfc(text: str) -> str:
    """Unicode NFC form: Vietnamese typed with different keyboards (composed "ế" or "e" plus
    combining marks) must compare equal."""
    return unicodedata.normalize("NFC", text)


# What plan text may not hold (issue 13): control characters other than tab and line feed
# (C0, DEL, C1: terminal escapes, a lone carriage return, a form feed), the line and
# paragraph separators, and the bidirectional embeddings, overrides and isolates, which
# reorder what a reader sees without changing what a program reads. Vietnamese needs none.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# What counts as blank: the characters that show as nothing but space, among those plan
# text may hold (the others, such as a vertical tab, are FORBIDDEN and said so): tab, line
# feed, the spaces of Unicode's White_Space property (the no-break space Word types with
# Ctrl+Shift+Space, the ideographic space of a full-width keyboard, the en, em and thin
# spaces) and the zero-width spaces a copy from Word or a web page carries (U+200B, U+2060,
# U+FEFF). A title made of them alone shows as an empty cell. Written with escapes, so one
# pattern reads the same in Python, in pydantic's Rust regex and in a JSON Schema tool.
BLANK = r"\t\n \u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff"
NOT_BLANK = f"[^{BLANK}]"
"""The model's pattern for text: one character, somewhere, that is not blank."""
_NOT_BLANK = re.compile(NOT_BLANK)


def is_blank(text: str) -> bool:
    """Whether ``text`` is empty or holds only blank characters (`BLANK`)."""
    return _NOT_BLANK.search(text) is None


def forbidden_character(text: str) -> str | None:
    """The first character plan text may not hold, or None."""
    found = FORBIDDEN.search(text)
    return found.group() if found else None


def codepoint(character: str) -> str:
    """``U+001B``: how a message names a character that cannot be shown."""
    return f"U+{ord(character):04X}"


def visible(text: str) -> str:
    """``text`` with every forbidden character replaced by its escape (``\\x1b``, ``\\u202e``):
    shown as text, never acted on by a terminal, a parser or a bidi algorithm."""
    return FORBIDDEN.sub(_escape, text) if FORBIDDEN.search(text) else text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
