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
