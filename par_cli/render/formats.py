"""The output formats a table-shaped command offers (``--format``).

Apart from the renderers in output.py because every command declares its options when `par`
starts, whichever command runs; the renderers (and the csv module) load only when a table is
shown.
"""

from enum import Enum


class Format(str, Enum):
    auto = "auto"
    table = "table"
    text = "text"
    json = "json"
    csv = "csv"
    md = "md"
