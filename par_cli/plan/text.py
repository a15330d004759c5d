"""Small text helpers shared by the model and the reports."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """Unicode NFC form: Vietnamese typed with different keyboards (composed "ế" or "e" plus
    combining marks) must compare equal."""
    return unicodedata.normalize("NFC", text)
