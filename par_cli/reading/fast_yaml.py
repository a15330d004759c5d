"""The fast way to read a plan: yaml-rs, a YAML 1.2 parser in Rust, for plain documents.

ruamel.yaml stays the reference reader: it is the one that edits plans, and the one whose
composed nodes give every problem its line and column. But even its C parser hands each of
the half a million scalars of a 10,000-criterion plan to Python code (node objects, tag
resolution), which costs seconds; yaml-rs builds the same dicts, lists and scalars in Rust
about seven times faster. On the bundled plan, not importing ruamel.yaml nor compiling its
regular expressions saves 66 of the 870 million instructions of loading it (8 %).

The two readers must agree on every document this module accepts, or a plan could be valid
for one and not for the other. They agree on the YAML a plan is made of: block mappings and
sequences, one-line flow collections, plain and quoted scalars, YAML 1.2 numbers, booleans,
nulls and dates (tests/test_fast_yaml.py compares them on every fixture, the bundled plan,
synthetic plans and generated documents). Where they are known to differ, or where a plan
has no need to go, the document is left to ruamel.yaml: anchors, aliases and tags (aliases
also need the alias-bomb guard), merge keys, directives and several documents, complex,
empty and collection keys, block scalars, quoted scalars and flow collections over several
lines (yaml-rs accepts implicit keys that span lines, which YAML forbids), times of day
(yaml-rs makes ``10:00:00`` a time, ruamel keeps the text), exponents (``+.5e3``), digit
groups (``1_000``), tabs and control characters. The scan that decides costs 1 ms on the
bundled plan and about 35 ms per megabyte, and errs only towards ruamel.

Anything yaml-rs refuses (broken YAML, duplicate keys, nesting past its limit) is also left
to ruamel.yaml, which says where the problem is; so is every plan the model finds a problem
in (loading.py). That also covers the rare document both readers read but differently in a
way the scan cannot see, such as a flow collection standing as a key with no value inside a
flow mapping (``{a: 1, [b]}``): ruamel refuses it, yaml-rs reads a tuple as the key, which no
field of a plan accepts. Without yaml-rs (no wheel for a platform), or with
``PAR_FAST_YAML=0`` in the environment, every document goes to ruamel.yaml: slower, never
different.
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any

# Quoted scalars and comments: their content is text, whatever characters it holds, so the
# scan replaces each quoted scalar with one neutral character and drops each comment. A quoted
# scalar that runs over several lines is not matched, and its quote is left for the scan to find.
_DOUBLE_QUOTED = re.compile(r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"')
_SINGLE_QUOTED = re.compile(r"'[^'\n]*+(?:''[^'\n]*+)*+'")
_COMMENT = re.compile(r"#.*")
# A flow collection ("[a, b]", "{kind: deadline}", nested up to three deep) still open at the
# end of its line, or used as a key ("{a: 1}: 2", which ruamel refuses and yaml-rs reads).
_UNUSUAL_FLOW = re.compile(
    r"[\[{](?:[^\[\]{}\n]++|[\[{](?:[^\[\]{}\n]++|[\[{][^\[\]{}\n]*+[\]}])*+[\]}])*+(?:\n|\Z|[\[{]|[\]}] *:)"
)
# Characters ruamel.yaml refuses to read anywhere, even quoted, or reads as line breaks.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_UNUSUAL = (
    # anchor, alias, tag, block scalar, complex key, directive, reserved indicator, a quote left
    # open or inside a plain word, a backslash, a tab
    re.compile(r"[&*!|>?%@`\"'\\\t]"),
    # ":x": a plain scalar starting with ':', a time or a sexagesimal ("10:00"), "{a:}"; and
    # ": x" where a key should be, an empty key
    re.compile(r":(?:[^ \n\r]|(?<![^\s\[{,]:))"),
    # digit groups and stray underscores next to a number ("1_000", "_1", "0x_")
    re.compile(r"_(?:[^A-Za-z]|(?<=[^A-Za-z]_))"),
    # an exponent after a bare fraction (".5e3")
    re.compile(r"\.[0-9]+[eE]"),
)
# yaml-rs reads an integer of any length, which Python then refuses to print past 4,300
# digits; ruamel.yaml refuses to read it, with a message that says where it is. A line of
# plain text (quoted scalars already replaced) longer than that may hold one.
_LONGEST_LINE = 4300


def plain_enough(text: str) -> bool:
    """Whether ``text`` uses only the YAML both readers are known to read alike."""
    if "<<" in text or "\n---" in text or "\n..." in text or text.startswith(("---", "...")):
        return False  # a merge key, or several documents
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return False  # a line break YAML reads and editors may not show
    if _UNREADABLE.search(text):
        return False
    scanned = _COMMENT.sub("", _SINGLE_QUOTED.sub("q", _DOUBLE_QUOTED.sub("q", text)))
    if max(map(len, scanned.split("\n"))) > _LONGEST_LINE or _UNUSUAL_FLOW.search(scanned):
        return False
    return not any(pattern.search(scanned) for pattern in _UNUSUAL)


def read(text: str) -> dict[str, Any] | None:
    """The document as plain data, exactly as ruamel.yaml's safe loader would build it; or
    None when the document is not plain enough, yaml-rs is not installed, or yaml-rs refuses
    the text: then ruamel.yaml must read it, and report what is wrong.

    yaml-rs parses in a second thread while this one scans: it lets go of the interpreter
    while it parses, so on two cores the scan costs next to nothing (10,000 criteria: the
    scan and the parse took 225 and 295 ms one after the other, 405 ms side by side). What
    it parsed is dropped when the scan finds the document is not plain enough."""
    if os.environ.get("PAR_FAST_YAML") == "0":
        return None
    try:
        import yaml_rs
    except ImportError:
        return None
    parsed: list[Any] = []
    # The scan leaves aliases to ruamel.yaml and its alias-bomb guard; told to replay none,
    # yaml-rs gives up at the first one instead of expanding up to a million events first.
    no_aliases = yaml_rs.AliasLimits(max_total_replayed_events=0)

    def parse() -> None:
        try:
            parsed.append(yaml_rs.loads(text, alias_limits=no_aliases))
        except Exception:  # noqa: BLE001 - any refusal: the reference reader explains it
            parsed.append(None)

    worker = threading.Thread(target=parse, name="par-yaml-rs", daemon=True)
    worker.start()
    plain = plain_enough(text)
    worker.join()
    data = parsed[0] if parsed else None
    return data if plain and isinstance(data, dict) else None
