"""Reading a plan file: bytes → text → YAML → `Plan`, with every problem as a positioned value.

One reader, one truth: every plan is read by ruamel.yaml's C parser. The data of a plain
plan is built straight from the parser's events and validated; positions cost nothing on a
valid plan. Only when something is wrong (or the document uses YAML a plan does not need, or
a value cannot be constructed, such as the date 2025-13-01, which a second pass reads as
text) is the document composed into YAML nodes, which keep the line and column where each
starts, to turn each finding's place in the data into ``PATH:LINE:COL``. A writer asks for
the nodes (``keep_nodes``) and splices by them.

Nothing in a file may crash the loader: encodings, binary bytes, tabs, alias bombs, deep
nesting and Python-specific tags all become problems.
"""

from __future__ import annotations

import codecs
import functools
import gc
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from par_cli.plan.problems import Finding, Loc, PlanFileError, Problem
from par_cli.reading.files import MAX_INPUT_BYTES

# An honest plan has a few thousand nodes; a synthetic one of 50,000 criteria about two
# million. Past this, aliases are being used to multiply the document ("billion laughs").
MAX_EXPANDED_NODES = 20_000_000
# The stated input limit (README, "Bad input"), the one of every file par reads whole: 50,000
# criteria in the bundled plan's style take 35 MB. Past it a plan is refused before a byte
# is read, from its size alone.
MAX_FILE_BYTES = MAX_INPUT_BYTES
# The stated input limit in criteria (README, "Bad input"), sub-criteria included: a
# department's plan has fewer than a hundred, and 50,000 in the bundled plan's style take
# 35 MB. Each criterion is a model of its own whatever its text's size, so this bounds what
# a plan of one-line criteria takes (10^6 of them fit in 52 MB). Past it a plan is refused as
# soon as the reader has counted that many, before it builds or checks the rest.
MAX_CRITERIA = 50_000
# The stated input limit in records (README, "Bad input"): the mappings of a plan, each a
# criterion, a unit, a deadline, a reading, a piece of evidence… Each becomes a model (or a
# mapping) of its own whatever its text's size, and the limit in criteria does not bound the
# others: a plan of 10^6 one-line units (27 MB) took 925 MB to validate, 10^6 readings of
# one criterion (38 MB) 1.4 GB. 50,000 criteria in the bundled plan's style hold 353,000.
MAX_RECORDS = 400_000
_NUMBER_TOO_LONG = "number too long:"
# What the YAML scanner counts as a line break.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# Flow nesting ("[[[…" or "{a: {a: …") deeper than this is refused before the positional pass.
MAX_FLOW_DEPTH = 250
# How much deeper than a plan's own flow nesting a writer may nest without counting it again.
FLOW_MARGIN = 16


@dataclass
class LoadedPlan:
    """The outcome of reading one plan: the model when it is valid, and every problem found.

    ``data`` is the plain Python structure the model was built from (``None`` when the file
    is not YAML, or when the caller did not keep it); writers and reports never need the
    positions, only the loader does.
    """

    path: Path
    plan: Any = None  # par_cli.plan.model.Plan, imported lazily (pydantic is the slow import)
    problems: list[Problem] = field(default_factory=list)
    data: Any = None
    nodes: Any = None  # the composed YAML root, kept only when asked for (a writer splices by it)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(problem.severity == "error" for problem in self.problems)


def read_regular_file(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of the regular plan file at ``path`` (`reading.files.read_regular`):
    a directory, a FIFO, a socket or a device is a `PlanFileError` before a byte is read."""
    from par_cli.reading.files import NotRegular, read_regular

    try:
        return read_regular(path, limit)
    except NotRegular as refused:
        raise PlanFileError(path, "file.is_directory" if refused.directory else "file.not_regular") from None


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """Decode a plan's bytes as UTF-8 (a BOM is fine), or say precisely why not.

    Raises `PlanFileError` when the file cannot be read at all: that is a usage error.
    """
    data, problem = read_plan_bytes(path)
    if data is None:
        return None, problem
    return decode_text(path, data)


def read_plan_bytes(path: Path) -> tuple[bytes | None, Problem | None]:
    """A plan file's bytes, or the problem of a file past the stated input limit (refused
    from its size alone, before a byte is read). Raises `PlanFileError` when the file cannot
    be read at all: that is a usage error."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and path.is_file():
            return None, Problem(path, 1, 1, "file.too_large", {"size": size // 2**20, "limit": MAX_FILE_BYTES // 2**20})
        return read_regular_file(path, MAX_FILE_BYTES + 1), None
    except FileNotFoundError:
        raise PlanFileError(path, "file.not_found") from None
    except PlanFileError:
        raise
    except OSError as error:
        from par_cli.plan.reasons import os_reason

        raise PlanFileError(path, "file.unreadable", reason=os_reason(error)) from None


def decode_text(path: Path, data: bytes) -> tuple[str | None, Problem | None]:
    """A plan's bytes as text, or the problem with them; ``path`` names them in messages."""
    problem = _bytes_problem(path, data)
    if problem is not None:
        return None, problem
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        return None, Problem(path, line, column, "file.not_utf8", {"byte": f"0x{data[error.start]:02X}"})
    if not text.strip():
        return None, Problem(path, 1, 1, "file.empty")
    return text, None


def _bytes_problem(path: Path, data: bytes) -> Problem | None:
    """What is wrong with a plan's bytes before they are decoded: too many, UTF-16 or
    UTF-32, binary (a NUL byte)."""
    if len(data) > MAX_FILE_BYTES:
        return Problem(path, 1, 1, "file.too_large", {"size": len(data) // 2**20, "limit": MAX_FILE_BYTES // 2**20})
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            return Problem(path, 1, 1, "file.utf16", {"encoding": encoding})
    if len(data) >= 2 and (data[0] == 0) != (data[1] == 0):
        # ASCII text saved as UTF-16 without a BOM: every other byte is NUL.
        return Problem(path, 1, 1, "file.utf16", {"encoding": "UTF-16"})
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\0", start)
    if nul >= 0:
        line, column = _byte_position(data[start:], nul - start)
        return Problem(path, line, column, "file.binary")
    return None


# A plan's bytes are decoded this many at a time (to the next line break) when only what the
# text holds is needed, not the text: see `text_facts`.
_PIECE = 1 << 16


def _pieces(data: bytes, start: int) -> Iterable[tuple[int, int]]:
    """``data`` from ``start`` as consecutive spans of about `_PIECE` bytes, each ending just
    after a line feed (or at the end): no UTF-8 sequence, quoted span on one line, comment
    or NFC composition crosses one."""
    size = len(data)
    while start < size:
        end = start + _PIECE
        if end >= size:
            end = size
        else:
            line_feed = data.find(b"\n", end)
            end = size if line_feed < 0 else line_feed + 1
        yield start, end
        start = end


class TextFacts(NamedTuple):
    """What `text_facts` finds of a plan's text."""

    levels: int  # `nesting_bound` of the text
    walk: bool  # it may hold a forbidden character or keys equal after NFC (`needs_text_walk`)
    flow_margin: bool  # its flow nesting is at most MAX_FLOW_DEPTH - FLOW_MARGIN


def text_facts(path: Path, data: bytes) -> tuple[TextFacts | None, Problem | None]:
    """What reading ``data`` as a plan needs of its text, without keeping the text (on a
    Vietnamese plan it takes twice the bytes or more: every accented letter is two bytes of a
    Python string): the problem `decode_text` would give, or a flow nesting past
    MAX_FLOW_DEPTH as `flow_too_deep` finds it; else its `TextFacts`. The bytes are decoded a
    piece at a time, each piece dropped before the next."""
    problem = _bytes_problem(path, data)
    if problem is not None:
        return None, problem
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    empty, walk = True, False
    for begin, end in _pieces(data, start):
        try:
            piece = data[begin:end].decode("utf-8")
        except UnicodeDecodeError as error:
            offset = begin + error.start
            line, column = _byte_position(data[start:], offset - start)
            return None, Problem(path, line, column, "file.not_utf8", {"byte": f"0x{data[offset]:02X}"})
        if empty and piece.strip():
            empty = False
        if not walk and needs_text_walk(piece):
            walk = True
    if empty:
        return None, Problem(path, 1, 1, "file.empty")
    margin = True
    if data.count(b"[") + data.count(b"{") > MAX_FLOW_DEPTH - FLOW_MARGIN:
        if _flow_maybe_too_deep((data[begin:end] for begin, end in _pieces(data, start)), MAX_FLOW_DEPTH - FLOW_MARGIN):
            margin = False
            deep = _flow_too_deep(data[start:].decode("utf-8"), MAX_FLOW_DEPTH)
            if deep is not None:
                return None, Problem(path, *deep, "yaml.too_deep")
    return TextFacts(nesting_bound(data, start), walk, margin), None


def load_plan(path: Path | str, *, keep_data: bool = True, keep_nodes: bool = False) -> LoadedPlan:
    """Read, parse, validate and check one plan file.

    ``keep_data=False`` drops the plain data once the model is built: only a writer needs it
    (to check an edit), and on a large plan it is a third of the memory, which everything
    after loading then runs faster without (scoring 50,000 criteria: about 15 %).
    ``keep_nodes=True`` keeps the composed YAML nodes of a valid plan as ``nodes``: a writer
    finds where to splice from them instead of composing the text a second time.

    The cyclic garbage collector is paused meanwhile: loading builds one large tree of new
    objects, none of them garbage, and the collector would scan the growing tree again and
    again (on 10,000 criteria it took more than half of the loading time) to free nothing.
    """
    return _load_paused(Path(path), None, keep_data, keep_nodes)


def load_plan_bytes(data: bytes, path: Path | str, validate: Any = None, flow: Any = None) -> LoadedPlan:
    """`load_plan` of bytes held in memory (a version of the plan read from git): the same
    decoding, reading and checks; ``path`` only names the plan in messages. The plain data
    is not kept. ``validate`` stands in for `validate_data` (same arguments, same answer):
    `par history` gives one that reuses the models of criteria an earlier version held;
    ``flow`` for `flow_too_deep` (with ``validate`` only): a `FlowGuard`."""
    return _load_paused(Path(path), data, keep_data=False, validate=validate, flow=flow)


def _load_paused(path: Path, data: bytes | None, keep_data: bool, keep_nodes: bool = False, validate: Any = None, flow: Any = None) -> LoadedPlan:
    """`_load` (of the file, or of ``data`` when given) with the cyclic collector paused (see
    `load_plan`), and a nesting deeper than Python's stack as a problem."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        by_criterion = not keep_data and not keep_nodes and validate is None
        loaded = _load(path, data, keep_nodes=keep_nodes, by_criterion=by_criterion, validate=validate, flow=flow)
        if not keep_data:
            loaded.data = None
        return loaded
    except RecursionError:
        # Nesting deeper than Python's stack anywhere in the pipeline: a value, not a crash.
        return LoadedPlan(path, problems=[Problem(path, 1, 1, "yaml.too_deep")])
    finally:
        if collecting:
            gc.enable()


def _load(path: Path, data: bytes | None = None, *, keep_nodes: bool = False, by_criterion: bool = False, validate: Any = None, flow: Any = None) -> LoadedPlan:
    """Read one plan. ``by_criterion`` (the caller keeps neither the data nor the nodes):
    build the model criterion by criterion as the parser reads the bytes, and keep no text
    meanwhile (see `_load_by_criterion`). A caller's own ``validate`` (`par history`'s
    reuse of earlier versions' models) takes the whole-document path, which it replaces."""
    result = LoadedPlan(path)
    if data is None:
        data, problem = read_plan_bytes(path)
        if data is None:
            result.problems.append(problem)  # type: ignore[arg-type]
            return result
    with warnings.catch_warnings():
        # ruamel.yaml warns about YAML 1.1 spellings ("1e999" without a dot); what is wrong
        # with a value is for the checks to say, on one line, not for a warning on stderr.
        # Its import puts a filter of its own first, so ours is set after it.
        import ruamel.yaml.error  # noqa: F401

        warnings.simplefilter("ignore")
        if by_criterion:
            facts, problem = text_facts(path, data)
            if problem is not None:
                result.problems.append(problem)
                return result
            assert facts is not None
            return on_stack_for(facts.levels, _load_by_criterion, result, data, facts.walk)
        text, problem = decode_text(path, data)
        if problem is not None:
            result.problems.append(problem)
            return result
        assert text is not None
        deep = (flow or flow_too_deep)(text)
        if deep is not None:
            result.problems.append(Problem(path, *deep, "yaml.too_deep"))
            return result
        limit = past_the_limit(data)
        if limit is not None:
            result.problems.append(past_the_limit_problem(path, limit))
            return result
        return on_deep_enough_stack(text, _load_with_ruamel, result, text, keep_nodes, validate, flow)


# Nesting is guarded before any recursive parser sees the text. Flow nesting ("[[[…",
# "{a: {a: …") deeper than MAX_FLOW_DEPTH is refused at once: libyaml slows down with the
# square of it (100,000 levels: 16 s) before its composer recurses. Block nesting ("- - - …",
# ever deeper indentation) does not slow libyaml, but its C composer recurses once a level,
# about 280 bytes of C stack each (measured: 30,000 levels overflow the default 8 MB stack
# and the process dies with no message), and Python's recursion limit never sees it. So the
# nesting a text can hold is bounded from its characters, and when the bound does not fit
# the main thread's stack the parse runs on a thread whose stack does; Python's recursion
# (building the data) then stops the document with the nesting message.
_STACK_PER_LEVEL = 768
_MAIN_THREAD_LEVELS = 8_000
_LARGEST_STACK = 8 << 30
# Quoted text a bracket inside may be (whatever YAML makes of the quote), and comments.
_QUOTED_SPAN = re.compile(rb""""[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"|'[^'\n]*+(?:''[^'\n]*+)*+'|#[^\n]*+""")
_NOT_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
_PARENTHESES = bytes.maketrans(b"[]{}", b"()()")
_LONE_QUOTE = re.compile(b"[\"']")


def flow_too_deep(text: str, limit: int = MAX_FLOW_DEPTH) -> tuple[int, int] | None:
    """Line and column of the first ``[`` or ``{`` nested more than ``limit`` deep, or None.

    Fast for any honest plan: brackets inside quoted text or comments are left out, whatever
    YAML makes of the quote, and each opening one among them is counted as never closed, so
    the depth counted from the brackets left is never below the real one. Only when that count
    passes ``limit``, or a quote is left open on its line (a quoted scalar over several
    lines), does the exact scan run, character by character, to confirm and say where.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    # Bytes, a piece at a time (the whole text encoded, then scanned, took ten times its
    # size): a bracket or a quote is never part of a longer UTF-8 sequence.
    if _flow_maybe_too_deep(_encoded_pieces(text), limit):
        return _flow_too_deep(text, limit)
    return None


def _encoded_pieces(text: str) -> Iterable[bytes]:
    """``text`` as UTF-8, in pieces of about `_PIECE` characters, each ending just after a
    line feed (or at the end), as `_flow_maybe_too_deep` takes them."""
    start, size = 0, len(text)
    while start < size:
        line_feed = text.find("\n", start + _PIECE)
        end = size if line_feed < 0 else line_feed + 1
        yield text[start:end].encode("utf-8")
        start = end


def _flow_maybe_too_deep(chunks: Iterable[bytes], limit: int) -> bool:
    """`flow_too_deep`'s fast bound over a text's UTF-8 bytes, given in pieces that each end
    at a line break (no quoted span or comment the bound leaves out crosses one): whether
    the exact scan must run."""
    opening = 0
    parts: list[str] = []
    for chunk in chunks:
        facts = _chunk_brackets(chunk)
        if facts is None:
            return True
        opening += facts[0]
        parts.append(facts[1])
    return _bound_passes(opening, "".join(parts), limit)


def _chunk_brackets(chunk: bytes) -> tuple[int, str] | None:
    """What `_flow_maybe_too_deep` takes of one piece: how many opening brackets are in its
    quoted text and comments, and its other brackets as ``(`` and ``)``; None when a quote
    is left open in it. No quoted span or comment the bound leaves out crosses a line break
    (none of `_QUOTED_SPAN`'s matches holds one), so a text's pieces may be any split of it
    at line breaks, its lines among them, with the same answers."""
    outside = _QUOTED_SPAN.sub(b"", chunk)
    if _LONE_QUOTE.search(outside):
        return None
    # Brackets in quoted text or comments are left out, and every opening one among them
    # is counted as if it were never closed.
    opening = chunk.count(b"[") + chunk.count(b"{") - outside.count(b"[") - outside.count(b"{")
    return opening, outside.translate(_PARENTHESES, _NOT_BRACKETS).decode("ascii")


def _bound_passes(opening: int, brackets: str, limit: int) -> bool:
    """The end of `_flow_maybe_too_deep`: whether the depth counted from the brackets left
    (and the ``opening`` ones in quoted text, never closed) passes ``limit``."""
    # Take away matched pairs, innermost first: each round is one level of depth.
    depth = opening
    while depth <= limit:
        shorter = brackets.replace("()", "")
        if shorter == brackets:
            break
        brackets, depth = shorter, depth + 1
    # What is left is closing brackets before any opening one (brackets in plain text) and
    # opening ones never closed.
    return depth + brackets.count("(") > limit


class FlowGuard:
    """`flow_too_deep` for many versions of one text (`par history`): the same answer, with
    what `_flow_maybe_too_deep` takes of each line kept for the last text read, so a version
    that differs from it by a few lines has only those lines scanned: its lines before and
    after what it changed are that text's own. `may_hold_forbidden` likewise answers for
    `forbidden_text` from what a version does not share with the last one that holds
    nothing it looks for."""

    def __init__(self) -> None:
        # The last text bounded, and of each of its lines: the opening brackets in its quoted
        # text and comments, its other brackets (`_chunk_brackets`), whether a quote is left open.
        self._text = ""
        self._opening: list[int] = [0]
        self._parts: list[str] = [""]
        self._lone: list[bool] = [False]
        self._clean = ""  # the last text read that holds neither a backslash nor a FORBIDDEN character

    def may_hold_forbidden(self, text: str) -> bool:
        """Whether ``text`` holds a backslash or a FORBIDDEN character (`forbidden_text`'s
        question). Its start and end shared with the last text found to hold neither are
        that text's own characters, so only what lies between them is searched."""
        from par_cli.plan.text import FORBIDDEN

        start, end = _unshared(self._clean, text)
        if text.find("\\", start, end) >= 0 or FORBIDDEN.search(text, start, end) is not None:
            return True
        self._clean = text
        return False

    def __call__(self, text: str, limit: int = MAX_FLOW_DEPTH) -> tuple[int, int] | None:
        if text.count("[") + text.count("{") <= limit:
            return None
        start, end = _unshared(self._text, text)
        # The lines wholly before ``start`` and wholly after ``end`` are the last text's first
        # and last lines; those between are scanned.
        before = text.count("\n", 0, start)
        after = text.count("\n", end)
        first = text.rfind("\n", 0, start) + 1
        stop = text.find("\n", end) if after else len(text)
        facts = [_chunk_brackets(line) for line in text[first:stop].encode("utf-8").split(b"\n")]
        kept = len(self._opening) - after
        self._opening = self._opening[:before] + [0 if fact is None else fact[0] for fact in facts] + self._opening[kept:]
        self._parts = self._parts[:before] + ["" if fact is None else fact[1] for fact in facts] + self._parts[kept:]
        self._lone = self._lone[:before] + [fact is None for fact in facts] + self._lone[kept:]
        self._text = text
        if True in self._lone or _bound_passes(sum(self._opening), "".join(self._parts), limit):
            return _flow_too_deep(text, limit)
        return None


def _unshared(old: str, new: str) -> tuple[int, int]:
    """Where ``new`` starts and stops differing from ``old``: ``new[:start]`` begins ``old``
    and ``new[end:]`` ends it, the two not overlapping in either."""
    shortest = min(len(old), len(new))
    start = _shared(old, new, shortest, 1)
    return start, len(new) - _shared(old, new, shortest - start, -1)


def _shared(old: str, new: str, limit: int, way: int) -> int:
    """How many characters (at most ``limit``) ``old`` and ``new`` share at their start
    (``way`` 1) or at their end (-1): compared 4,096 at a time, then 256, 16 and one at a
    time within the block that differs (a slice is a copy: a few large ones, then small ones)."""

    def same(begin: int, end: int) -> bool:  # the characters from ``begin`` to ``end`` on that side
        if way == 1:
            return old[begin:end] == new[begin:end]
        return old[len(old) - end : len(old) - begin] == new[len(new) - end : len(new) - begin]

    done = 0
    for step in (4096, 256, 16, 1):
        while done + step <= limit and same(done, done + step):
            done += step
    return done


def fits_main_stack(text: str | bytes, start: int = 0, levels: int | None = None) -> bool:
    """Whether `nesting_bound(text, start)` is at most ``levels``, by default what the main
    thread's stack holds (`_MAIN_THREAD_LEVELS`), in three scans of the text instead of a dozen: every ``?`` and
    ``-`` counted (at least the opened levels `nesting_bound` counts), and no line break
    followed by more spaces than the levels left (so the deepest indentation it finds, at
    most the deepest there is, is within them)."""
    question, dash, space = ("?", "-", " ") if isinstance(text, str) else (b"?", b"-", b" ")
    room = (_MAIN_THREAD_LEVELS if levels is None else levels) - 2 - MAX_FLOW_DEPTH - text.count(question) - text.count(dash)  # type: ignore[arg-type]
    if room < 0:
        return False
    indent = space * (room + 1)
    return ("\n" if isinstance(text, str) else b"\n") + indent not in text and not text.startswith(indent, start)  # type: ignore[operator,arg-type]


def nesting_bound(text: str | bytes, start: int = 0) -> int:
    """At least the deepest nesting the YAML in ``text`` (from ``start``, past a byte order
    mark) can hold once its flow nesting is known to be at most MAX_FLOW_DEPTH: every other
    level is opened by a block entry ``- ``, an explicit key ``?``, or one more column of
    indentation. A few milliseconds on 7 MB. ``text`` may be the UTF-8 bytes: every
    character counted is ASCII."""
    signs = ("?", "-", "\n", " ", "\t", "\r") if isinstance(text, str) else (b"?", b"-", b"\n", b" ", b"\t", b"\r")
    question, dash, break_, space, tab, carriage = signs  # type: ignore[misc]
    opened = MAX_FLOW_DEPTH + text.count(question)
    opened += sum(text.count(dash + after) for after in (space, break_, tab, carriage))  # type: ignore[operator]
    if opened > _LARGEST_STACK // _STACK_PER_LEVEL:
        return opened
    # The deepest indentation, by halving: a line break followed by k spaces occurs for every
    # k up to the deepest.
    high = 64
    while high < len(text) and break_ + space * high in text:
        high *= 2
    low, high = 0, min(high, len(text))
    while low < high:
        middle = (low + high + 1) // 2
        if break_ + space * middle in text or text.startswith(space * middle, start):
            low = middle
        else:
            high = middle - 1
    return opened + low + 2


def on_deep_enough_stack(text: str, function: Any, *args: Any, levels: int | None = None) -> Any:
    """``function(*args)``, on a thread whose C stack holds as many levels as ``text`` can
    nest (or ``levels``, when the caller knows its bound) when the main thread's may not;
    its exception is raised here."""
    if levels is None and fits_main_stack(text):
        return function(*args)  # as on_stack_for does with nesting_bound(text) levels
    return on_stack_for(nesting_bound(text) if levels is None else levels, function, *args)


def on_stack_for(levels: int, function: Any, *args: Any) -> Any:
    """``function(*args)``, on a thread whose C stack holds ``levels`` levels of nesting (see
    `nesting_bound`) when the main thread's may not; its exception is raised here."""
    import threading

    if levels <= _MAIN_THREAD_LEVELS:
        return function(*args)
    size = levels * _STACK_PER_LEVEL + (4 << 20)
    if size > _LARGEST_STACK:
        raise RecursionError("nesting deeper than any stack par would give it")
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, function(*args)))
        except BaseException as error:  # noqa: BLE001 - raised again on the caller's thread
            outcome.append((False, error))

    size = -(-size // 65536) * 65536
    previous = threading.stack_size(size)
    try:
        worker = threading.Thread(target=run, name="par-yaml")
        worker.start()
    finally:
        threading.stack_size(previous)
    worker.join()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value


def _load_with_ruamel(result: LoadedPlan, text: str, keep_nodes: bool = False, validate: Any = None, flow: Any = None) -> LoadedPlan:
    """The reference reader: every problem, with its position (its callers have refused a
    text past MAX_CRITERIA or MAX_RECORDS: `past_the_limit`). ``flow``: `_load`'s
    `FlowGuard`, if any."""
    path = result.path
    data = None if keep_nodes else _data_from_events(text)
    if data is not None:
        root, problem = None, _check_expansion(path, text, data)
    else:
        data, root, problem = _parse_composed(path, text)
    if problem is not None:
        result.problems.append(problem)
        return result
    if data is None:
        # The C loader could not build a value (a date such as 2025-13-01): build the data
        # again with timestamps as text, so the model reports the value where it stands.
        root, data, problem = _parse_with_positions(path, text)
        if problem is not None:
            result.problems.append(problem)
            return result
    result.data = data
    if not keep_nodes:
        # The composed nodes take seven times the memory of the data (10,000 criteria:
        # 165 MB against 22 MB): they go before the model is built (when the data was not
        # built from the parser's events without them), and a problem is placed from the
        # events again (`locate_by_events`).
        root = None
    result.plan, findings = (validate or validate_data)(data)
    findings = forbidden_text(data, text, flow) + keys_equal_after_nfc(data, text) + findings
    if not findings:
        result.nodes = root
        return result
    # The composed nodes keep every position: only now are they looked at.
    result.problems = locate(path, root, findings) if root is not None else locate_in_text(path, text, findings)
    if result.problems:
        result.plan = None
    return result


def _load_by_criterion(result: LoadedPlan, data: bytes, walk: bool) -> LoadedPlan:
    """`_load_with_ruamel` for a caller that keeps neither the data nor the nodes, in a third
    of the memory at most, as fast.

    The parser reads the bytes (its events give the same text as the decoded string's), and
    each criterion of a domain becomes its model as soon as its last event is read, so the
    plain data of only one criterion exists at a time instead of all of it beside the model
    (on 10,000 criteria: 22 MB of data, the text 14 MB, the model 51 MB). A criterion the
    model refuses stays plain data, and the plan's validation reports it where it stands, as
    before. Anything but a plain document (`_data_from_events` gives None) goes the reference
    way, with the text decoded again; a plan's problems are placed from the bytes' events
    (`locate_in_text`).
    ``walk``: the text may hold forbidden characters or keys equal after NFC (see
    `needs_text_walk`), so each criterion's data is looked through before it is dropped."""
    path = result.path

    def criterion_model(mapping: dict[Any, Any]) -> Any:
        if walk and (_forbidden_in(mapping) or _keys_equal_after_nfc_in(mapping)):
            return mapping  # found again, with the plan's place, by the walk over the data
        return criterion_from_data(mapping)

    try:
        built = _data_from_events(data, on_criterion=criterion_model)
    except PastTheLimit as past:
        result.problems.append(past_the_limit_problem(path, past.code))
        return result
    if built is None:
        limit = past_the_limit(data)  # counted only up to what the events did not read
        if limit is not None:
            result.problems.append(past_the_limit_problem(path, limit))
            return result
        decoded, _ = decode_text(path, data)
        assert decoded is not None  # decoded once already
        return _load_with_ruamel(result, decoded)
    if b"*" in data and _expanded_size(built, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
        result.problems.append(Problem(path, 1, 1, "yaml.alias_bomb", {"limit": float(MAX_EXPANDED_NODES)}))
        return result
    result.data = built
    result.plan, findings = validate_data(built)
    if walk:
        findings = _forbidden_in(built) + _keys_equal_after_nfc_in(built) + findings
    if not findings:
        return result
    result.problems = locate_in_text(path, data, findings)
    if result.problems:
        result.plan = None
    return result


def criterion_from_data(mapping: dict[Any, Any]) -> Any:
    """The `Criterion` model of one criterion's plain data, made compact (see `compact`);
    the data itself when the model refuses it."""
    from pydantic import ValidationError

    from par_cli.plan.model import Criterion

    try:
        criterion = Criterion.model_validate(mapping)
    except (ValidationError, RecursionError):
        return mapping
    compact(criterion)
    return criterion


class _SharedList(list):  # type: ignore[type-arg]
    """A list of texts (or the empty list) that every model holding the same one holds: it
    refuses to change, so that no change to one model's list can reach another's."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("this list is shared by every model that holds the same one: copy it to change it")

    append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


class _EmptyDict(dict):  # type: ignore[type-arg]
    """The one empty mapping every model's empty mapping field holds (see `_SharedList`)."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a model's empty mapping is shared by every model: copy it to change it")

    __setitem__ = __delitem__ = __ior__ = update = setdefault = pop = popitem = clear = _refuse


_EMPTY_LIST = _SharedList()
_EMPTY_DICT = _EmptyDict()
# One list for each list of texts models hold (unit ids: ``lead: van-phong``), by its texts.
_TEXT_LISTS: dict[tuple[str, ...], _SharedList] = {}
# One set of field names for every model that was given the same fields, and one model for
# each kind a criterion holds by default when given nothing: see `compact`.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_GIVEN_NOTHING: dict[type, Any] = {}


def compact(model: Any) -> None:
    """Share, across ``model``'s tree, what pydantic makes anew for every model although it
    is the same value: a third of a plan's model in memory.

    - The set of the names of the fields a model was given (10,000 criteria: 18 MB in 68,000
      sets of about 50 kinds): one set for each kind. The models are frozen, so pydantic never
      adds to it (`model_copy` copies it first), and nothing in par reads it.
    - Empty lists and mappings (4.6 MB in 84,000): one of each, and one list for each list
      of texts (the lead and supporting units: 20,000 lists of a few kinds), which refuse
      to change.
    - The baseline and progress of a criterion given none (a new model each, holding five
      empty lists): one of each.

    Every model keeps the same value; only ``is`` tells the difference."""
    from pydantic import BaseModel

    models, by_default, holders = _model_kinds()
    shared = _FIELD_SETS.setdefault
    given_nothing = _GIVEN_NOTHING.setdefault
    text_lists = _TEXT_LISTS
    set_names = BaseModel.__dict__["__pydantic_fields_set__"].__set__
    stack = [model]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        names = node.__pydantic_fields_set__
        one = shared(frozenset(names), names)
        if one is not names:
            set_names(node, one)
        fields = node.__dict__
        for name in holders[type(node)]:
            value = fields[name]
            kind = type(value)
            # A model's list or mapping holds one kind of value (the schema says which).
            if kind is list:
                if not value:
                    fields[name] = _EMPTY_LIST
                elif type(value[0]) in models:
                    stack += value
                elif type(value[0]) is str:
                    texts = tuple(value)
                    one_list = text_lists.get(texts)
                    if one_list is None:
                        one_list = text_lists[texts] = _SharedList(texts)
                    fields[name] = one_list
            elif kind is dict:
                if not value:
                    fields[name] = _EMPTY_DICT
                elif type(next(iter(value.values()))) in models:
                    stack += value.values()
            elif kind in models:
                if kind in by_default and not value.__pydantic_fields_set__:
                    first = given_nothing(kind, value)
                    if first is not value:
                        fields[name] = first
                        continue
                push(value)
        # What a model keeps beyond its fields (a measurement's readings) is plain data.


@functools.cache
def _model_kinds() -> tuple[frozenset[type], frozenset[type], dict[type, tuple[str, ...]]]:
    """Every model class of a plan (a set: pydantic's classes answer `isinstance` slowly),
    those a criterion holds by default when given none, and for each class the fields that
    may hold a list, a mapping or a model (the others are not looked at by `compact`)."""
    import typing

    from pydantic import BaseModel

    from par_cli.plan.model import Baseline, Progress, Strict

    def holds(annotation: Any) -> bool:
        origin = typing.get_origin(annotation)
        if origin in (list, dict) or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return True
        return any(holds(argument) for argument in typing.get_args(annotation))

    kinds: set[type] = set()
    stack: list[type] = [Strict]
    while stack:
        kind = stack.pop()
        kinds.add(kind)
        stack.extend(kind.__subclasses__())
    holders = {kind: tuple(name for name, info in kind.model_fields.items() if holds(info.annotation)) for kind in kinds}  # type: ignore[attr-defined]
    return frozenset(kinds), frozenset({Baseline, Progress}), holders


def needs_text_walk(text: str) -> bool:
    """Whether ``text`` may hold a forbidden character (`forbidden_text`) or two keys equal
    after NFC (`keys_equal_after_nfc`), so that the data must be looked through for them."""
    import unicodedata

    from par_cli.plan.text import FORBIDDEN

    return "\\" in text or FORBIDDEN.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def forbidden_text(data: Any, text: str, guard: FlowGuard | None = None) -> list[Finding]:
    """A finding for each key or text value holding a character plan text may not hold
    (par_cli.plan.text.FORBIDDEN: terminal escapes, a lone carriage return, bidi overrides).
    Such a character reaches the data only written raw or as a double-quoted escape, so a
    text with neither (nearly every plan) is not walked; ``guard`` (`par history`'s, over
    many versions of one text) says so from what this text changed (`FlowGuard.may_hold_forbidden`)."""
    from par_cli.plan.text import FORBIDDEN

    if guard is not None:
        if not guard.may_hold_forbidden(text):
            return []
    elif "\\" not in text and not FORBIDDEN.search(text):
        return []
    return _forbidden_in(data)


def _forbidden_in(data: Any) -> list[Finding]:
    """`forbidden_text`'s walk over the data (models in it are not looked into)."""
    from par_cli.plan.text import FORBIDDEN, codepoint

    findings: list[Finding] = []
    for loc, node in _data_nodes(data):
        if isinstance(node, dict):
            for key in node:
                if isinstance(key, str) and FORBIDDEN.search(key):
                    findings.append(Finding((*loc, key), "text.control", {"char": codepoint(FORBIDDEN.search(key).group())}, key=True))
        elif isinstance(node, str):
            found = FORBIDDEN.search(node)
            if found:
                findings.append(Finding(loc, "text.control", {"char": codepoint(found.group())}))
    return findings


def _data_nodes(data: Any):
    """Every value of plain data with its place, a mapping before what it holds (a stack,
    not recursion: a plan's nesting is bounded by the reader's guards, not by Python's)."""
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        yield loc, node
        if isinstance(node, dict):
            stack.extend(((*loc, key), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend(((*loc, index), item) for index, item in enumerate(node))


def keys_equal_after_nfc(data: Any, text: str) -> list[Finding]:
    """A finding for each key of a mapping that equals an earlier key of it once both are in
    NFC (two keyboards typing one measure name): the model compares names in NFC, so one
    would silently replace the other. A text already in NFC cannot hold two such keys."""
    import unicodedata

    if unicodedata.is_normalized("NFC", text):
        return []
    return _keys_equal_after_nfc_in(data)


def _keys_equal_after_nfc_in(data: Any) -> list[Finding]:
    """`keys_equal_after_nfc`'s walk over the data (models in it are not looked into)."""
    import unicodedata

    findings: list[Finding] = []
    for loc, node in _data_nodes(data):
        if isinstance(node, dict):
            seen: set[str] = set()
            for key in node:
                if isinstance(key, str):
                    normal = unicodedata.normalize("NFC", key)
                    if normal in seen:
                        findings.append(Finding((*loc, key), "yaml.duplicate_key", {"key": normal}, key=True))
                    seen.add(normal)
    return findings


# Findings about sums and totals, which the criteria left out would make wrong.
_NEEDS_EVERY_CRITERION = frozenset({"check.total", "check.children_sum", "check.percent_mismatch"})


def checks_on_what_could_be_read(data: dict[str, Any], schema_findings: list[Finding]) -> list[Finding]:
    """The semantic checks on the parts of a plan the model could read, so a hand-edited
    file with schema and semantic mistakes shows all of them in one run (issue 12 §5).

    When every schema finding lies inside a criterion, those criteria are left out, the rest
    is validated again, and its checks' findings are given back with the original places
    (sums and totals, which the left-out criteria would change, are not). A schema finding
    outside any criterion (a unit, the plan's header) leaves nothing safe to check."""
    from pydantic import ValidationError

    from par_cli.plan.model import Plan
    from par_cli.reading.checks import check_plan

    dropped: set[Loc] = set()
    for finding in schema_findings:
        loc = finding.loc
        ends = [i for i in range(1, len(loc)) if loc[i - 1] in ("criteria", "children") and isinstance(loc[i], int)]
        if not ends:
            return []
        dropped.add(tuple(loc[: ends[-1] + 1]))  # the innermost criterion only
    places: dict[Loc, Loc] = {}  # a list's place in the pruned data → its place in the file

    def prune(node: Any, here: Loc, there: Loc) -> Any:
        if isinstance(node, dict):
            return {key: prune(value, (*here, key), (*there, key)) for key, value in node.items()}
        if isinstance(node, list):
            kept: list[Any] = []
            for index, item in enumerate(node):
                if (*there, index) in dropped:
                    continue
                places[(*here, len(kept))] = (*there, index)
                kept.append(prune(item, (*here, len(kept)), (*there, index)))
            return kept
        return node

    try:
        plan = Plan.model_validate(prune(data, (), ()))
    except (ValidationError, RecursionError):
        return []

    def original(loc: Loc) -> Loc:
        for end in range(len(loc), 0, -1):
            if loc[:end] in places:
                return (*places[loc[:end]], *loc[end:])
        return loc

    return [replace_loc(finding, original(finding.loc)) for finding in check_plan(plan) if finding.code not in _NEEDS_EVERY_CRITERION]


def replace_loc(finding: Finding, loc: Loc) -> Finding:
    from dataclasses import replace

    return replace(finding, loc=loc)


def validate_data(data: Any) -> tuple[Any, list[Finding]]:
    """Build the model from plain data and run the semantic checks; findings have no positions."""
    from pydantic import ValidationError

    from par_cli.reading.checks import check_plan
    from par_cli.plan.model import Plan
    from par_cli.reading.schema_errors import findings_from_validation_error

    if not isinstance(data, dict):
        return None, [Finding((), "yaml.not_mapping", {"found": _kind_of(data)})]
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        findings = findings_from_validation_error(error)
        return None, findings + checks_on_what_could_be_read(data, findings)
    except RecursionError:
        return None, [Finding((), "yaml.too_deep")]
    return plan, check_plan(plan)


# --- parsing -----------------------------------------------------------------------------


def _parse_composed(path: Path, text: str) -> tuple[Any, Any, Problem | None]:
    """Parse with the C loader. Returns (data, composed root, None); (None, None, problem)
    for a YAML error; or (None, None, None) when a value cannot be built and only the pass
    with timestamps as text can say which."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    loader = _loader_class()(text)
    try:
        root = loader.get_single_node()
        try:
            data = None if root is None else _construct(loader, root)
        except _Unusual:
            data = loader.construct_document(root)
    except MarkedYAMLError as error:
        return None, None, _yaml_problem(path, text, error)
    except YAMLError as error:
        return None, None, _yaml_problem(path, text, error)
    except RecursionError:
        return None, None, _too_deep(path, text)
    except (ValueError, TypeError, OverflowError):
        # e.g. a date that does not exist: the positional pass reads it as text and the
        # model reports it where it stands.
        return None, None, None
    finally:
        loader.dispose()
    if data is None:
        return None, None, Problem(path, 1, 1, "file.empty")
    problem = _check_expansion(path, text, data)
    if problem is not None:
        return None, None, problem
    return data, root, None


_VALUE_TAG = "tag:yaml.org,2002:value"


@functools.cache
def _loader_class() -> type:
    """ruamel.yaml's CSafeLoader (the C parser, YAML 1.2 core schema), remembering how each
    plain scalar resolved. The C parser asks the resolver about every scalar, and a plan
    repeats the same keys and values thousands of times; a quoted scalar is always text.
    Without path resolvers (a safe loader has none) the answer depends on the text and the
    document's YAML version alone, so remembering it changes nothing but the time: a fifth
    of the parse on 10,000 criteria, a third of reading 365 versions of the bundled plan.

    A bare ``=`` is text, as in YAML 1.2's core schema: ruamel.yaml would tag it as YAML 1.1's
    "value" key, which no constructor builds, and refuse ``title: =``."""
    from ruamel.yaml.cyaml import CSafeLoader
    from ruamel.yaml.nodes import ScalarNode

    # The answers by YAML version (a document may say ``%YAML 1.1``), kept for the process:
    # `par history` reads hundreds of versions of one plan, which repeat the same scalars.
    remembered: dict[Any, dict[str, Any]] = {}

    class PlanLoader(CSafeLoader):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.plain_tags: dict[str, Any] | None = None

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not ScalarNode or self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit)
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            if self.plain_tags is None:
                # Asked at the first plain scalar, once the document's directives are read.
                self.plain_tags = remembered.setdefault(self.processing_version, {})
            tag = self.plain_tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if str(tag) == _VALUE_TAG:
                    tag = self.DEFAULT_SCALAR_TAG
                self.plain_tags[value] = tag
            return tag

    return PlanLoader


class _Unusual(Exception):
    """The document uses a YAML feature that `_construct` leaves to ruamel.yaml."""


_CORE = "tag:yaml.org,2002:"


def _scalar_constructors(loader: Any) -> dict[str, Any]:
    """The safe constructor's own builders of the core schema's scalars other than text, by
    tag suffix: every reading of scalars builds them the way ruamel.yaml's loader does."""
    return {
        f"{_CORE}null": loader.construct_yaml_null,
        f"{_CORE}bool": loader.construct_yaml_bool,
        f"{_CORE}int": loader.construct_yaml_int,
        f"{_CORE}float": loader.construct_yaml_float,
        f"{_CORE}timestamp": loader.construct_yaml_timestamp,
    }


def _construct(loader: Any, root: Any) -> Any:
    """Python data from the composed YAML, equal to what ruamel.yaml's safe constructor
    builds, for documents made only of mappings, sequences and core-schema scalars, as plans
    are. Scalars other than strings are built by the safe constructor's own methods, so every
    value is read exactly as before. Anything else (an alias, a merge key, a tag outside the
    core schema, a key that is not a scalar, a key given twice) raises `_Unusual` and the
    document goes to the safe constructor, which builds it or reports it.

    Why: the safe constructor is general (generators for recursive structures, merge keys,
    a tag lookup per node), and on 10,000 criteria it spent more time than the C parser.
    """
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    scalars = _scalar_constructors(loader)
    text_tag, mapping_tag, sequence_tag = f"{_CORE}str", f"{_CORE}map", f"{_CORE}seq"
    seen: set[int] = set()
    built = _BUILT_SCALARS

    def scalar(node: Any) -> Any:
        # Text is the node's own value; any other scalar is built once per spelling for the
        # process (a plan repeats its dates and numbers; `par history` reads them in every
        # version). The values are immutable, so sharing one changes nothing.
        tag = node.ctag
        if tag.handle is not None:
            raise _Unusual
        suffix = tag.suffix
        if suffix == text_tag:
            return node.value
        value = built.get((suffix, node.value), _MISSING)
        if value is _MISSING:
            method = scalars.get(suffix)
            if method is None:
                raise _Unusual
            value = built[suffix, node.value] = method(node)
        return value

    def build(node: Any) -> Any:
        kind = type(node)
        if kind is ScalarNode:
            return scalar(node)
        tag = node.ctag
        if tag.handle is not None:
            raise _Unusual
        tag = tag.suffix
        if id(node) in seen:  # an alias: shared, maybe recursive, structure
            raise _Unusual
        seen.add(id(node))
        if kind is MappingNode and tag == mapping_tag:
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is not ScalarNode:
                    raise _Unusual
                key = scalar(key_node)
                if key in mapping:
                    raise _Unusual
                mapping[key] = scalar(value_node) if type(value_node) is ScalarNode else build(value_node)
            return mapping
        if kind is SequenceNode and tag == sequence_tag:
            return [scalar(child) if type(child) is ScalarNode else build(child) for child in node.value]
        raise _Unusual

    try:
        return build(root)
    finally:
        del build  # it recurses, so it refers to itself: cut, for the collector may be paused


def _data_from_events(text: str | bytes, on_criterion: Any = None, notes: EditNotes | None = None) -> Any:
    """The plain data of ``text`` (or of its UTF-8 bytes) built straight from the C parser's
    events, without composing nodes: equal to what `_construct` builds from the composed
    document, in about two thirds of the time, and without the nodes, seven times the data's
    size in memory.

    Only for the documents plans are (one document of mappings, sequences and core-schema
    scalars, no anchor, alias or explicit tag, no key given twice); anything else, and any
    error, gives None, and the caller composes the document, which builds it or reports it
    with its place.

    Each text is kept once: a key, a unit id or a measure name read again is the string read
    first (a plan repeats its keys in every criterion: on 10,000 criteria 216,000 keys,
    11 MB, of a few dozen texts). ``on_criterion``, when given, is called with the data of
    each criterion of a domain (``domains[i].criteria[j]``) once it is read, and what it
    returns stands in the data instead. ``notes``, when given, gets what a writer needs of
    the text (see `EditNotes`)."""
    from ruamel.yaml.events import DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent
    from ruamel.yaml.nodes import ScalarNode

    loader = _loader_class()(text)
    next_event = loader.get_event
    resolve = loader.resolve
    scalars = _scalar_constructors(loader)
    text_tag = f"{_CORE}str"
    built = _BUILT_SCALARS
    texts: dict[str, str] = {}
    keep_once = texts.setdefault
    # Where a collection stands, for `on_criterion` and the count of criteria (MAX_CRITERIA):
    # the root, the domains, a domain, its criteria, a criterion, sub-criteria; 0 elsewhere.
    inside = _WHERE_INSIDE
    item_of = _ITEMS_OF
    criteria = 0  # items of the lists of criteria and sub-criteria read so far
    records = 0  # mappings read so far (MAX_RECORDS)
    spans, indents, offsets = (notes.spans, notes.indents, notes.offsets) if notes is not None else (None, None, None)

    # The resolver's answers for this document's YAML version, by spelling (see
    # `_loader_class`): looked up here, the resolver asked only for a spelling not met yet.
    tags: dict[str, Any] = {}

    def scalar(event: Any) -> Any:
        nonlocal tags
        if event.anchor is not None or event.tag is not None:
            raise _Unusual
        value = event.value
        if not event.implicit[0]:
            return keep_once(value, value)  # quoted: text
        tag = tags.get(value)
        if tag is None:
            tag = resolve(ScalarNode, value, event.implicit)
            if loader.plain_tags is not None and not loader.yaml_path_resolvers:
                tags = loader.plain_tags  # what `resolve` fills and answers from
        if tag.handle is not None:
            raise _Unusual
        suffix = tag.suffix
        if suffix == text_tag:
            return keep_once(value, value)
        made = built.get((suffix, value), _MISSING)
        if made is _MISSING:
            method = scalars.get(suffix)
            if method is None:
                raise _Unusual
            made = built[suffix, value] = method(ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        return made

    def collection(event: Any, where: int = 0) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _Unusual
        kind = type(event)
        if kind is MappingStartEvent:
            nonlocal records
            records += 1
            if records > MAX_RECORDS:
                raise PastTheLimit("plan.too_many_records")
            mapping: dict[Any, Any] = {}
            counting = spans is not None and not event.flow_style
            while True:
                key_event = next_event()
                if type(key_event) is MappingEndEvent:
                    if where == _CRITERION:
                        if spans is not None:
                            spans.append((event.start_mark.index, key_event.end_mark.index))
                        return on_criterion(mapping)
                    return mapping
                if type(key_event) is not ScalarEvent:
                    raise _Unusual
                key = scalar(key_event)
                if key in mapping:
                    raise _Unusual
                value_event = next_event()
                if type(value_event) is ScalarEvent:
                    mapping[key] = scalar(value_event)
                else:
                    if counting and not value_event.flow_style:
                        counts = indents if type(value_event) is MappingStartEvent else offsets
                        column = value_event.start_mark.column - key_event.start_mark.column
                        counts[column] = counts.get(column, 0) + 1  # type: ignore[union-attr]
                    mapping[key] = collection(value_event, inside.get((where, key), 0) if where else 0)
        if kind is SequenceStartEvent:
            nonlocal criteria
            items: list[Any] = []
            item_where = item_of.get(where, 0) if where else 0
            counted = item_where == _CRITERION or item_where == _CHILD
            while True:
                item_event = next_event()
                if type(item_event) is SequenceEndEvent:
                    return items
                if counted:
                    criteria += 1
                    if criteria > MAX_CRITERIA:
                        raise PastTheLimit("plan.too_many_criteria")
                items.append(scalar(item_event) if type(item_event) is ScalarEvent else collection(item_event, item_where))
        raise _Unusual  # an alias

    try:
        next_event()  # the stream's start
        if type(next_event()) is not DocumentStartEvent:
            return None
        first = next_event()
        data = scalar(first) if type(first) is ScalarEvent else collection(first, _ROOT if on_criterion is not None else 0)
        next_event()  # the document's end
        if type(next_event()) is not StreamEndEvent:
            return None  # a second document: composing says so
        return data
    except PastTheLimit:
        raise
    except Exception:  # noqa: BLE001 - a YAML error, an unusual document, a value that cannot be built
        return None
    finally:
        loader.dispose()
        # The loader refers to itself (as its own parser, composer and constructor), and
        # `collection` to itself (it recurses), which holds the loader: with the collector
        # paused either cycle would keep the loader, and the text it reads, until the next
        # collection. Both are cut.
        loader.__dict__.clear()
        del collection


_ROOT, _DOMAINS, _DOMAIN, _CRITERIA, _CRITERION, _CHILDREN, _CHILD = range(1, 8)
# Where a collection stands, from where its mapping stands and its key; where a list's items do.
_WHERE_INSIDE = {(_ROOT, "domains"): _DOMAINS, (_DOMAIN, "criteria"): _CRITERIA, (_CRITERION, "children"): _CHILDREN, (_CHILD, "children"): _CHILDREN}
_ITEMS_OF = {_DOMAINS: _DOMAIN, _CRITERIA: _CRITERION, _CHILDREN: _CHILD}


def past_the_limit_problem(path: Path, code: str) -> Problem:
    """The problem of a plan past one of the stated limits: ``code`` is
    ``plan.too_many_criteria`` (MAX_CRITERIA) or ``plan.too_many_records`` (MAX_RECORDS)."""
    limit = MAX_CRITERIA if code == "plan.too_many_criteria" else MAX_RECORDS
    return Problem(path, 1, 1, code, {"limit": float(limit)})


class PastTheLimit(Exception):
    """The plan holds more than MAX_CRITERIA criteria or MAX_RECORDS records
    (`_data_from_events` counts them as it reads); ``code`` says which, as
    `past_the_limit_problem` takes it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def past_the_limit(data: bytes) -> str | None:
    """Which stated limit the plan's bytes ``data`` pass, as a problem code, or None: more
    than MAX_CRITERIA items in the lists of criteria and sub-criteria, or more than
    MAX_RECORDS mappings anywhere, counted from the parser's events (nothing built; anchors,
    aliases and repeated keys read as they come, up to a YAML error): for the readings that
    build the whole document before knowing what it holds. A text with fewer block dashes,
    flow commas and opening brackets than the limit in criteria holds fewer items in all its
    lists, and one with fewer colons, opening braces and question marks than the limit in
    records fewer mappings: such a text is not parsed."""
    from ruamel.yaml.events import CollectionEndEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent, StreamEndEvent

    items_bound = data.count(b"-") + data.count(b",") + data.count(b"[")
    if items_bound <= MAX_CRITERIA and data.count(b":") + data.count(b"{") + data.count(b"?") <= MAX_RECORDS:
        return None
    loader = _loader_class()(data)
    next_event = loader.get_event
    count = records = 0
    # The collections open: what each is ("mapping", "list", or "skipped": a key that is a
    # collection, which no plan has), where it stands (`_data_from_events`'s codes) and, for a
    # mapping, the key its next value is under (None while a key is awaited).
    stack: list[list[Any]] = []
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return None
            if kind is MappingStartEvent:
                records += 1
                if records > MAX_RECORDS:
                    return "plan.too_many_records"
            opens = kind is MappingStartEvent or kind is SequenceStartEvent
            if isinstance(event, CollectionEndEvent):
                stack.pop()
                continue
            if not stack:
                if opens:  # a document's root
                    stack.append(["mapping", _ROOT, None] if kind is MappingStartEvent else ["list", 0, None])
                continue
            top = stack[-1]
            if top[0] == "skipped" or (top[0] == "mapping" and top[2] is None):
                if top[0] == "mapping":
                    top[2] = event.value if kind is ScalarEvent else ""
                if opens:
                    stack.append(["skipped", 0, None])
                continue
            if top[0] == "mapping":
                where, top[2] = _WHERE_INSIDE.get((top[1], top[2]), 0), None
            else:
                where = _ITEMS_OF.get(top[1], 0)
                if where == _CRITERION or where == _CHILD:
                    count += 1
                    if count > MAX_CRITERIA:
                        return "plan.too_many_criteria"
            if opens:
                stack.append(["mapping" if kind is MappingStartEvent else "list", where, None])
    except Exception:  # noqa: BLE001 - a YAML error: what was counted before it is what there is
        return None
    finally:
        loader.dispose()


_MISSING = object()
# Scalars other than text as built, by (tag, spelling): see `_construct`.
_BUILT_SCALARS: dict[tuple[str, str], Any] = {}


def _parse_with_positions(path: Path, text: str) -> tuple[Any, Any, Problem | None]:
    """Compose the document with the C parser: nodes carry their line and column, at a
    fraction of the round-trip loader's cost (5 MB: about 1 s against 26 s). Returns the node
    graph and the plain data built from it with timestamps left as text, so that pydantic,
    not the YAML constructor, judges a date such as 2025-13-01 and says where it is."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor
    from ruamel.yaml.error import YAMLError

    class _TextDates(SafeConstructor):
        pass

    def _int_or_problem(constructor: Any, node: Any) -> Any:
        # Python refuses to read integers of more than 4300 digits (a guard against
        # quadratic conversion); say where the number is instead of crashing.
        from ruamel.yaml.constructor import ConstructorError

        try:
            return SafeConstructor.construct_yaml_int(constructor, node)
        except ValueError:
            raise ConstructorError(None, None, f"{_NUMBER_TOO_LONG} {len(str(node.value))}", node.start_mark) from None

    def _date_or_text(constructor: Any, node: Any) -> Any:
        # Only the value that cannot be built stays text: the model is strict, and every
        # other date must still be a date.
        try:
            return SafeConstructor.construct_yaml_timestamp(constructor, node)
        except (ValueError, TypeError, OverflowError):
            return str(node.value)

    _TextDates.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)
    _TextDates.add_constructor("tag:yaml.org,2002:int", _int_or_problem)
    _TextDates.add_constructor(_VALUE_TAG, lambda constructor, node: str(node.value))
    try:
        yaml = YAML(typ="safe", pure=False)
        yaml.Constructor = _TextDates
        root = yaml.compose(text)
        if root is None:
            return None, None, Problem(path, 1, 1, "file.empty")
        data = yaml.constructor.construct_document(root)
    except YAMLError as error:
        return None, None, _yaml_problem(path, text, error)
    except RecursionError:
        return None, None, _too_deep(path, text)
    problem = _check_expansion(path, text, data)
    return (None, None, problem) if problem else (root, data, None)


def _too_deep(path: Path, text: str) -> Problem:
    """Nesting deeper than Python's stack, at the bracket where it passes our limit when it
    is flow nesting (``[[[[…``), else at the top of the file."""
    line, column = _flow_too_deep(text, MAX_FLOW_DEPTH) or (1, 1)
    return Problem(path, line, column, "yaml.too_deep")


def _flow_too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Line and column of the first ``[`` or ``{`` nested more than ``limit`` deep, or None.

    Called only once the document has proved too deep to build, to say where. Quoted text and
    comments are skipped; a bracket inside a plain scalar is counted, which can only err on a
    file holding hundreds of them unbalanced.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    depth, line, column = 0, 1, 0
    quote: str | None = None
    escaped = comment = False
    previous = "\n"
    for character in text:
        column += 1
        if character == "\n":
            line, column, comment, previous = line + 1, 0, False, character
            continue
        if comment:
            continue
        if quote == '"':
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                quote = None
        elif quote == "'":
            if character == "'":
                quote = None
        elif character == "#" and previous in " \t\n":
            comment = True
        elif character in "\"'" and previous in " \t\n[{,:-?":
            quote = character
        elif character in "[{":
            depth += 1
            if depth > limit:
                return line, column
        elif character in "]}":
            depth = max(0, depth - 1)
        previous = character
    return None


def _yaml_problem(path: Path, text: str, error: Exception) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, column = _within_text(text, mark.line + 1, mark.column + 1)
    elif getattr(error, "position", None) is not None:
        line, column = _reader_position(text, error.position, getattr(error, "character", None))  # type: ignore[attr-defined]
    else:
        line, column = 1, 1
    problem_text = str(getattr(error, "problem", None) or error).strip()
    name = type(error).__name__
    character = getattr(error, "character", None)
    if name == "ReaderError" and isinstance(character, int) and "characters are not allowed" in problem_text:
        # A control character typed into the file itself (not as a YAML escape): the same
        # problem, in the same words, as one the checks find in a value.
        from par_cli.plan.text import codepoint

        return Problem(path, line, column, "text.control", {"char": codepoint(chr(character))})
    if name == "DuplicateKeyError":
        key = problem_text.split('"')[1] if '"' in problem_text else "?"
        return Problem(path, line, column, "yaml.duplicate_key", {"key": key})
    if name == "ConstructorError" and problem_text.startswith(_NUMBER_TOO_LONG):
        return Problem(path, line, column, "yaml.number_too_long", {"digits": int(problem_text.rsplit(" ", 1)[-1])})
    if name == "ConstructorError" and "tag" in problem_text:
        tag = problem_text.rsplit(" ", 1)[-1].strip("'")
        return Problem(path, line, column, "yaml.tag", {"tag": tag})
    if "\t" in _line_of(text, line) and "token" in problem_text:
        return Problem(path, line, column, "yaml.tab")
    from par_cli.plan.reasons import yaml_reason

    return Problem(path, line, column, "yaml.syntax", {"detail": yaml_reason(problem_text.splitlines()[0][:200])})


def _check_expansion(path: Path, text: str, data: Any) -> Problem | None:
    """Refuse documents whose aliases multiply them past any honest size. Aliases need a
    '*' in the text, so a plan without one pays nothing."""
    if "*" not in text:
        return None
    if _expanded_size(data, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
        return Problem(path, 1, 1, "yaml.alias_bomb", {"limit": float(MAX_EXPANDED_NODES)})
    return None


def _expanded_size(root: Any, limit: int) -> int:
    """Node count of ``root`` as if every alias were copied out, computed on the shared
    structure (memoised by identity), so a billion laughs costs a few thousand steps.
    A node met again while its own children are counted (a recursive alias) counts once."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)] if isinstance(root, (dict, list)) else []
    while stack:
        node, children_counted = stack.pop()
        children = list(node.values()) if isinstance(node, dict) else node
        if children_counted:
            total = 1 + sum(sizes.get(id(child), 1) for child in children)
            sizes[id(node)] = total
            visiting.discard(id(node))
            if total > limit:
                return total
            continue
        if id(node) in sizes or id(node) in visiting:
            continue
        visiting.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if isinstance(child, (dict, list)))
    return sizes.get(id(root), 1)


# --- positions -----------------------------------------------------------------------------


def locate(path: Path, root: Any, findings: Iterable[Finding]) -> list[Problem]:
    """Give each finding the line and column of the YAML node it names."""
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    for finding in findings:
        line, column, criterion_id = position_of(root, finding.loc, key=finding.key)
        # Errors from every member of a union land on one node: keep the first. Missing and
        # unknown keys differ by field name, so all of them are kept.
        place = (line, column, str(finding.params.get("field", "")))
        if place in seen:
            continue
        seen.add(place)
        problems.append(Problem(path, line, column, finding.code, finding.params, criterion_id, finding.severity))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def locate_by_events(path: Path, text: str | bytes, findings: list[Finding]) -> list[Problem] | None:
    """`locate` with no whole document composed: the parser's events are read once, and only
    the collections a finding may name are composed, the others stood in for by None. On a
    plan of 10,000 criteria with one wrong total, composing every node took 200 MB beside the
    models (three times a valid plan's reading) to place one problem.

    A collection may be named by a finding when its place in the document (its keys and
    indices from the root) is a subsequence of the finding's place: `position_of` steps over
    parts of a place that are not in the document (a union member's name), so this keeps every
    node it can walk through. None for a document with an anchor or an alias (or a YAML
    error), which the caller composes."""
    from ruamel.yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    places = [finding.loc for finding in findings]
    loader = _loader_class()(text)
    next_event = loader.get_event

    def advanced(states: list[tuple[int, int]], part: Any) -> list[tuple[int, int]]:
        # Each state: a finding, and how far along its place the collection's place has
        # been matched (greedily, which finds a subsequence whenever there is one).
        moved = []
        for number, start in states:
            place = places[number]
            for index in range(start, len(place)):
                wanted = place[index]
                if wanted == part if isinstance(part, int) else (wanted == part or str(wanted) == part):
                    moved.append((number, index + 1))
                    break
        return moved

    def skip() -> None:
        depth = 1
        while depth:
            kind = type(next_event())
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1

    def scalar(event: Any) -> Any:
        if event.anchor is not None:
            raise _Unusual
        return ScalarNode(event.tag, event.value, event.start_mark, event.end_mark, event.style)

    def collection(event: Any, states: list[tuple[int, int]]) -> Any:
        if event.anchor is not None:
            raise _Unusual
        if type(event) is MappingStartEvent:
            pairs: list[tuple[Any, Any]] = []
            while True:
                key_event = next_event()
                kind = type(key_event)
                if kind is MappingEndEvent:
                    return MappingNode(event.tag, pairs, event.start_mark, key_event.end_mark, event.flow_style)
                if kind is not ScalarEvent:
                    raise _Unusual
                key = scalar(key_event)
                value_event = next_event()
                kind = type(value_event)
                if kind is ScalarEvent:
                    pairs.append((key, scalar(value_event)))
                elif kind is AliasEvent:
                    raise _Unusual
                else:
                    inner = advanced(states, key.value)
                    if inner:
                        pairs.append((key, collection(value_event, inner)))
                    else:
                        skip()
                        pairs.append((key, ScalarNode(value_event.tag, None, value_event.start_mark, value_event.start_mark)))
        items: list[Any] = []
        while True:
            item_event = next_event()
            kind = type(item_event)
            if kind is SequenceEndEvent:
                return SequenceNode(event.tag, items, event.start_mark, item_event.end_mark, event.flow_style)
            if kind is ScalarEvent:
                items.append(scalar(item_event))
            elif kind is AliasEvent:
                raise _Unusual
            else:
                inner = advanced(states, len(items))
                if inner:
                    items.append(collection(item_event, inner))
                else:
                    skip()
                    items.append(None)  # never walked into: no finding names it

    try:
        next_event()  # the stream's start
        next_event()  # the document's start
        first = next_event()
        if type(first) is ScalarEvent:
            root = scalar(first)
        elif type(first) in (MappingStartEvent, SequenceStartEvent):
            root = collection(first, [(number, 0) for number in range(len(places))])
        else:
            return None
    except Exception:  # noqa: BLE001 - an unusual document, or a YAML error: composed instead
        return None
    finally:
        loader.dispose()
        loader.__dict__.clear()  # the loader refers to itself: see `_data_from_events`
        del collection
    return locate(path, root, findings)


def locate_in_text(path: Path, text: str | bytes, findings: list[Finding]) -> list[Problem]:
    """`locate` on the plan ``text`` (or its UTF-8 bytes, valid): from the parser's events
    (`locate_by_events`), or for a document with an anchor or an alias from its composed
    nodes."""
    located = locate_by_events(path, text, findings)
    if located is not None:
        return located
    return locate(path, _compose_here(text if isinstance(text, str) else text.decode("utf-8")), findings)


def locate_in_file(path: Path, findings: list[Finding]) -> list[Problem]:
    """Positions for findings made after loading (the warnings `par validate` adds): the
    file is composed again only when there is something to place."""
    if not findings:
        return []
    text, problem = read_text(path)
    if text is None:
        return [problem] if problem is not None else []
    return locate_in_text(path, text, findings)


def compose_nodes(text: str) -> Any:
    """The composed YAML root of ``text`` (already read as a valid plan), by the reader's own
    C loader: what `load_plan(..., keep_nodes=True)` keeps, for a text changed since."""
    return on_deep_enough_stack(text, _compose_here, text)


def _compose_here(text: str) -> Any:
    """`compose_nodes` on this thread (one whose stack the text's nesting fits)."""
    loader = _loader_class()(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def compose_by_criterion(text: str) -> tuple[Any, Iterator[Any]]:
    """The composed YAML root of ``text`` (already read as a valid plan) with each criterion
    of a domain standing as the scalar ``0``, and those criteria composed one at a time
    (`compose_span`), in document order, the marks of both giving places in ``text``: a
    writer that edits every criterion holds the nodes of one at a time, not the seven times
    the text's size the whole document composes to. A text the parser's events do not read
    alone (an anchor, an alias, a tag) is composed whole, its criteria taken from it."""
    notes = EditNotes()
    try:
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401 - its import sets a filter of its own first

            warnings.simplefilter("ignore")
            skeleton = on_deep_enough_stack(text, _data_from_events, text, _stand_in, notes)
    except (RecursionError, PastTheLimit):
        skeleton = None
    if skeleton is None:
        root = compose_nodes(text)
        return root, (criterion for domain in _items(_value_of(root, "domains")) for criterion in _items(_value_of(domain, "criteria")))
    # Each criterion stands as ``0`` followed by its line breaks and the spaces that end its
    # last line, so every other node keeps its line and column; its offsets are moved back
    # by what the criteria before it took less.
    parts: list[str] = []
    moves: list[tuple[int, int]] = []  # (offset in the skeleton past a criterion, how far it moved)
    at = moved = 0
    for start, end in notes.spans:
        breaks = text.count("\n", start, end)
        tail = end - start - 1 if not breaks else end - text.rfind("\n", start, end) - 1
        stand_in = "0" + "\n" * breaks + " " * tail
        parts += [text[at:start], stand_in]
        moved += end - start - len(stand_in)
        moves.append((end - moved, moved))
        at = end
    parts.append(text[at:])
    root = compose_nodes("".join(parts))
    del parts
    _move_marks(root, moves)
    return root, _composed_in_turn(text, notes.spans)


def _move_marks(root: Any, moves: list[tuple[int, int]]) -> None:
    """Give the nodes of a skeleton the offsets of the text it stands for (``moves``: from
    which offset of the skeleton on the text lies how much further)."""
    import bisect

    starts = [offset for offset, _ in moves]
    stack = [root]
    while stack:
        node = stack.pop()
        for name in ("start_mark", "end_mark"):
            mark = getattr(node, name)
            found = bisect.bisect_right(starts, mark.index) - 1
            if found >= 0:
                setattr(node, name, _Place(mark.index + moves[found][1], mark.line, mark.column))
        if isinstance(node.value, list):
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))


def _composed_in_turn(text: str, spans: list[tuple[int, int]]) -> Iterator[Any]:
    line = at = 0
    for start, end in spans:
        line += text.count("\n", at, start)
        at = start
        yield compose_span(text, start, end, line)


def _stand_in(mapping: dict[Any, Any]) -> None:
    return None


def _value_of(node: Any, key: str) -> Any:
    if type(node).__name__ != "MappingNode":
        return None
    return next((value for key_node, value in node.value if key_node.value == key), None)


def _items(node: Any) -> list[Any]:
    return node.value if type(node).__name__ == "SequenceNode" else []


def criterion_position(path: Path, criterion_id: str) -> tuple[int, int]:
    """Line and column where criterion ``criterion_id`` starts in a plan file (1:1 when it
    is not there): a refused command-line value concerns a criterion, not a node of the file.

    Found from the parser's events, looking into the domains, their criteria and their
    children only, with no node composed: a value refused on a plan of 10,000 criteria took
    more memory to place than the write it refused."""
    try:
        data, _ = read_plan_bytes(path)
    except PlanFileError:
        return 1, 1
    facts = text_facts(path, data)[0] if data is not None else None
    if facts is None:
        return 1, 1
    try:
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401 - its import sets a filter of its own first

            warnings.simplefilter("ignore")
            found = on_stack_for(facts.levels, _criterion_start, data, criterion_id)
    except RecursionError:
        return 1, 1
    return found or (1, 1)


def _criterion_start(data: bytes, criterion_id: str) -> tuple[int, int] | None:
    """`criterion_position` on the plan's bytes: None when no criterion has that id."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

    from par_cli.plan.text import nfc

    wanted = nfc(criterion_id)
    loader = _loader_class()(data)
    next_event = loader.get_event

    def skip(event: Any) -> None:
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        while depth:
            inner = next_event()
            if isinstance(inner, CollectionStartEvent):
                depth += 1
            elif isinstance(inner, CollectionEndEvent):
                depth -= 1

    def look(event: Any) -> tuple[int, int] | None:
        # A stack of the collections being looked into: a sequence's items are looked into,
        # a mapping's values only under the keys that hold criteria.
        stack = [event]
        while stack:
            inner = next_event()
            if isinstance(inner, CollectionEndEvent):
                stack.pop()
                continue
            if type(stack[-1]) is SequenceStartEvent:
                if isinstance(inner, (MappingStartEvent, SequenceStartEvent)):
                    stack.append(inner)
                continue
            # ``inner`` is a key: a scalar, or a collection (not one a plan has) passed over
            key = inner.value if type(inner) is ScalarEvent else skip(inner)
            value = next_event()
            if key == "id" and type(value) is ScalarEvent and nfc(value.value) == wanted:
                mark = stack[-1].start_mark
                return mark.line + 1, mark.column + 1
            if key in ("domains", "criteria", "children") and isinstance(value, (MappingStartEvent, SequenceStartEvent)):
                stack.append(value)
            else:
                skip(value)
        return None

    try:
        while True:
            event = next_event()
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                return look(event)
            if type(event).__name__ == "StreamEndEvent":
                return None
    except YAMLError:
        return None
    finally:
        loader.dispose()


def position_of(root: Any, loc: Loc, key: bool = False) -> tuple[int, int, str | None]:
    """1-based line and column of the composed YAML node at ``loc`` (or of its key), and the
    id of the criterion that holds it. Parts of ``loc`` that are not in the data (pydantic's
    names for union members and discriminator tags) are stepped over; a part missing from a
    mapping leaves the position on that mapping, which is where a missing key belongs.

    A discriminator tag can also be a key: pydantic places an error of a `tiers` rule's
    measure at ``("rule", "tiers", "measure")``, a check places one of its first tier at
    ``("rule", "tiers", 0)``. The place is read both ways, the tag stepped over and not, and
    the reading that finds more of its parts in the document wins (a tie: not stepped over)."""
    plain = _walk(root, loc, key, tags=False)
    tagged = _walk(root, loc, key, tags=True)
    return (tagged if tagged[3] > plain[3] else plain)[:3]


def _walk(root: Any, loc: Loc, key: bool, tags: bool) -> tuple[int, int, str | None, int]:
    """`position_of` read one way (``tags``: a part naming the mapping's own ``kind``, asked
    first of it, is the union's tag, not a key), with how many parts were found."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    node = root
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    criterion_id: str | None = None
    parent_key: str | int | None = None
    entered = True  # the part is the first one asked of this node
    found = 0
    for part in loc:
        if isinstance(node, MappingNode):
            # A key is text in the YAML; pydantic names a non-text key (``1: x``) by its value.
            wanted = part if isinstance(part, str) else str(part)
            if tags and entered and any(k.value == "kind" and v.value == wanted for k, v in node.value):
                entered = False
                found += 1
                continue
            pair = next(((k, v) for k, v in node.value if k.value == wanted), None)
            if pair is None:
                continue
            mark = pair[0].start_mark if key else pair[1].start_mark
            node, parent_key, entered = pair[1], part, True
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node, entered = node.value[part], True
            mark = node.start_mark
            if parent_key in ("criteria", "children") and isinstance(node, MappingNode):
                criterion_id = next((str(v.value) for k, v in node.value if k.value == "id"), criterion_id)
        else:
            continue
        found += 1
        line, column = mark.line + 1, mark.column + 1
    return line, column, criterion_id, found


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _within_text(text: str, line: int, column: int) -> tuple[int, int]:
    """The parser puts "unexpected end" one line past the last when the file does not end
    with a line break; an editor has no such line, so point at the end of the last one."""
    parts = _LINE_BREAK.split(text)
    if line > len(parts):
        return len(parts), len(parts[-1]) + 1
    return line, column


def _reader_position(text: str, offset: int, character: object) -> tuple[int, int]:
    """Where the YAML reader refused a character: libyaml counts the offset in UTF-8 bytes,
    ruamel's Python reader in characters (the character there tells which)."""
    if isinstance(character, int) and 0 <= offset < len(text) and ord(text[offset]) == character:
        return _char_position(text, offset)
    return _char_position(text, len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore")))


def _char_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _line_of(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _kind_of(value: Any) -> str:
    """A short, language-neutral picture of what stands where the plan should be."""
    if isinstance(value, list):
        return "[…]"
    return repr(value)[:40]


# --- reading for a writer ------------------------------------------------------------------
#
# A write reads the plan, splices the change into its text and reads the result again. The
# reference reader would compose every node of the plan to give the splice its places (on
# 10,000 criteria 165 MB of nodes, seven times the data) and keep the plain data beside the
# model to compare the result with. These functions read both texts from the parser's
# events instead, as `_load_by_criterion` reads: each criterion of a domain becomes its
# model as soon as it is read, and of its plain data only a digest is kept; the file stays
# bytes, and only the lines of the criteria changed are decoded and composed. The result is
# read the same way and held against the digests, criterion by criterion.


@dataclass
class EditNotes:
    """What a writer needs of a plan's text, noted as the parser reads it (`_data_from_events`):
    where each criterion of a domain starts and ends (the character offsets of its composed
    node in the text, past any byte order mark), in document order; and, over the file's
    block mappings, how many columns a nested block mapping's keys and a block list's dash
    stand right of their key (what `splice.detect_style` counts on composed nodes)."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    indents: dict[int, int] = field(default_factory=dict)
    offsets: dict[int, int] = field(default_factory=dict)


@dataclass
class EditPiece:
    """Whole lines of a plan's text holding criteria a writer changes: ``text``, decoded from
    the bytes ``start`` to ``end`` of the file, and where each of those criteria (by its
    number in `EditReading.models`) starts and ends in it."""

    start: int
    end: int
    text: str
    spans: dict[int, tuple[int, int]]


@dataclass
class EditReading:
    """A valid plan read for a writer (`read_for_edit`).

    ``models`` are the criteria of the domains in document order, each the model of the
    plain data whose digest (`data_digest`) is beside it in ``digests``; ``skeleton`` is the
    plan's data with each of those criteria as its model (what `validate_data` was given:
    the plan's own fields, its units, its domains' fields). The plan's bytes are ``data``."""

    loaded: LoadedPlan
    data: bytes = field(repr=False)
    skeleton: Any = field(repr=False)
    models: list[Any] = field(repr=False)
    digests: list[bytes] = field(repr=False)
    notes: EditNotes = field(repr=False)
    facts: TextFacts

    def number_of(self, loc: Loc) -> int | None:
        """The number of the criterion of a domain at ``loc`` (``("domains", i, "criteria",
        j)``), or None."""
        if len(loc) != 4 or loc[0] != "domains" or loc[2] != "criteria":
            return None
        number = 0
        for index, domain in enumerate(self.skeleton["domains"]):
            count = len(domain["criteria"])
            if index == loc[1]:
                return number + loc[3] if isinstance(loc[3], int) and 0 <= loc[3] < count else None
            number += count
        return None

    def pieces(self, numbers: Iterable[int]) -> list[EditPiece] | None:
        """The pieces holding the criteria ``numbers``: from the start of each one's first
        line to the end of the line its node ends on, pieces that touch made one. None when
        a piece would answer the splice otherwise than the whole text does: at the end of a
        file without a final line break, the splice breaks the line as the file does."""
        data = self.data
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        wanted = sorted(set(numbers))
        spans = self.notes.spans
        where = _byte_offsets(data, bom, [offset for number in wanted for offset in spans[number]])
        found: list[tuple[int, int, list[int]]] = []
        for number in wanted:
            start, end = spans[number]
            begin = max(data.rfind(b"\n", bom, where[start]) + 1, bom)
            line_feed = data.find(b"\n", where[end])
            stop = len(data) if line_feed < 0 else line_feed + 1
            if found and begin < found[-1][1]:
                found[-1] = (found[-1][0], max(stop, found[-1][1]), [*found[-1][2], number])
            else:
                found.append((begin, stop, [number]))
        pieces = []
        for begin, stop, held in found:
            if stop == len(data) and not data.endswith(b"\n") and (b"\r\n" in data) != (b"\r\n" in data[begin:stop]):
                return None
            text = data[begin:stop].decode("utf-8")
            first = spans[held[0]][0]
            shift = first - len(data[begin : where[first]].decode("utf-8"))
            pieces.append(EditPiece(begin, stop, text, {number: (spans[number][0] - shift, spans[number][1] - shift) for number in held}))
        return pieces

    def criterion_data(self, piece: EditPiece, number: int) -> Any:
        """The plain data of criterion ``number`` read from ``piece`` alone, or None when it
        is not the data the whole text gave (its digest differs): a document that declares
        another YAML version, say."""
        start, end = piece.spans[number]
        column = start - (piece.text.rfind("\n", 0, start) + 1)
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401 - its import sets a filter of its own first

            warnings.simplefilter("ignore")
            data = _data_from_events(" " * column + piece.text[start:end])
        if data is None or data_digest(data) != self.digests[number]:
            return None
        return data


def data_digest(data: Any) -> bytes:
    """A digest of plain data that tells apart what `text_holds` tells apart (``1``, ``1.0``
    and ``True``; the order of keys too). Two readings of one text give one digest: their
    texts, shared alike within a criterion (`_data_from_events` keeps each once), pickle
    alike."""
    import hashlib
    import pickle

    return hashlib.blake2b(pickle.dumps(data, protocol=5), digest_size=16).digest()


def _byte_offsets(data: bytes, start: int, indices: Iterable[int]) -> dict[int, int]:
    """Where in ``data`` (UTF-8, its text starting at byte ``start``) each character offset
    of the text in ``indices`` is: decoded a piece at a time (`_pieces`)."""
    wanted = sorted(set(indices))
    found: dict[int, int] = {}
    chars = 0
    position = 0
    for begin, end in _pieces(data, start):
        if position == len(wanted):
            break
        piece = data[begin:end].decode("utf-8")
        while position < len(wanted) and wanted[position] <= chars + len(piece):
            index = wanted[position]
            found[index] = begin + len(piece[: index - chars].encode("utf-8"))
            position += 1
        chars += len(piece)
    for index in wanted[position:]:
        if index != chars:
            raise ValueError(f"offset {index} is past the text's {chars} characters")
        found[index] = len(data)
    return found


def read_for_edit(path: Path, data: bytes) -> EditReading | None:
    """The plan in ``data`` (the bytes of ``path``) read as `load_plan` reads it, for a plan
    that is valid and written in the YAML plans use (no anchor, alias or explicit tag);
    None for any other, which the caller reads with `load_plan` to place its problems.

    Read as `_load_by_criterion` reads, from the parser's events on the bytes, each
    criterion of a domain a model as soon as it is read, with no node composed: a writer
    composes only the criteria it changes (`compose_span`, on an `EditPiece`)."""
    facts, problem = text_facts(path, data)
    if facts is None or problem is not None:
        return None
    notes = EditNotes()
    models: list[Any] = []
    digests: list[bytes] = []

    def criterion_model(mapping: dict[Any, Any]) -> Any:
        if facts.walk and (_forbidden_in(mapping) or _keys_equal_after_nfc_in(mapping)):
            raise _Unusual  # a finding: the reference reader places it
        model = criterion_from_data(mapping)
        if model is mapping:
            raise _Unusual  # the model refuses it: the reference reader says where
        digests.append(data_digest(mapping))
        models.append(model)
        return model

    try:
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401 - its import sets a filter of its own first

            warnings.simplefilter("ignore")
            skeleton = on_stack_for(facts.levels, _data_from_events, data, criterion_model, notes)
    except (RecursionError, PastTheLimit):
        return None  # the reference reader says so
    if skeleton is None:
        return None
    plan, findings = validate_data(skeleton)
    if plan is None or findings or (facts.walk and (_forbidden_in(skeleton) or _keys_equal_after_nfc_in(skeleton))):
        return None
    return EditReading(LoadedPlan(path, plan, []), data, skeleton, models, digests, notes, facts)


def holds_as_edited(data: bytes, reading: EditReading, changed: dict[int, Any], levels: int) -> bool | None:
    """Whether the plan ``data`` (a writer's result) reads to the plan of ``reading`` with
    each criterion numbered in ``changed`` holding that plain data instead: read from the
    parser's events, each criterion of a domain compared as soon as it is read, by its
    digest when unchanged, and the rest with ``reading.skeleton``; type for type, as
    `text_holds` compares. None when the events cannot say (see `text_holds`); ``levels``
    is at least `nesting_bound` of its text."""
    models, digests = reading.models, reading.digests
    count = 0
    differs = False

    def criterion(mapping: dict[Any, Any]) -> Any:
        nonlocal count, differs
        number, count = count, count + 1
        wanted = changed.get(number, _MISSING)
        if number >= len(models):
            same = False
        elif wanted is _MISSING:
            same = data_digest(mapping) == digests[number]
        else:
            same = same_data(mapping, wanted)
        if not same:
            differs = True
            raise _Differs
        return models[number]

    try:
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401

            warnings.simplefilter("ignore")
            built = on_stack_for(levels, _data_from_events, data, criterion)
    except (RecursionError, PastTheLimit):
        return None
    if built is None:
        return False if differs else None
    return count == len(models) and same_data(built, reading.skeleton)


def same_data(one: Any, other: Any) -> bool:
    """Whether two plain data are the same: the same keys (text) and items, each value of
    the same type and equal (``1`` is not ``1.0`` nor ``True``); anything else in them (a
    model in a skeleton) only when it is the same object."""
    import datetime as dt

    scalars = (str, int, float, bool, type(None), dt.date, dt.datetime)
    stack = [(one, other)]
    while stack:
        left, right = stack.pop()
        if left is right:
            continue
        kind = type(left)
        if kind is not type(right):
            return False
        if kind is dict:
            if len(left) != len(right):
                return False
            for key, value in left.items():
                if type(key) is not str:
                    return False
                paired = right.get(key, _MISSING)
                if paired is _MISSING:
                    return False
                stack.append((value, paired))
        elif kind is list:
            if len(left) != len(right):
                return False
            stack.extend(zip(left, right))
        elif kind not in scalars or left != right:
            return False
    return True


# Plain scalars as built, by their spelling, for the process: what a plain scalar reads as
# depends on its spelling alone (the C loader's resolver has no path resolvers and reads
# every document as YAML 1.2), and a plan repeats its keys, dates and numbers thousands of
# times. Text is kept as the text itself.
_PLAIN_BUILT: dict[str, Any] = {}


def _event_scalar_builder(loader: Any) -> Any:
    """The value of a scalar event, built as `_data_from_events` builds it (text as written,
    every other scalar once per spelling for the process, in `_BUILT_SCALARS`); plain ones
    are remembered in `_PLAIN_BUILT`. `_Unusual` for an anchor, a tag or a scalar outside
    the core schema."""
    from ruamel.yaml.nodes import ScalarNode

    resolve = loader.resolve
    methods = _scalar_constructors(loader)
    text_tag = f"{_CORE}str"
    built = _BUILT_SCALARS
    plain = _PLAIN_BUILT

    def scalar(event: Any) -> Any:
        if event.anchor is not None or event.ctag is not None:
            raise _Unusual
        value = event.value
        implicit = event.implicit
        if not implicit[0]:
            return value  # quoted: text
        made = plain.get(value, _MISSING)
        if made is not _MISSING:
            return made
        tag = resolve(ScalarNode, value, implicit)
        if tag.handle is not None:
            raise _Unusual
        suffix = tag.suffix
        if suffix == text_tag:
            plain[value] = value
            return value
        made = built.get((suffix, value), _MISSING)
        if made is _MISSING:
            method = methods.get(suffix)
            if method is None:
                raise _Unusual
            made = built[suffix, value] = method(ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        plain[value] = made
        return made

    return scalar


class _Differs(Exception):
    """The text read so far already differs from the data it must hold."""


def text_holds(source: str | bytes, expected: Any, *, levels: int | None = None) -> bool | None:
    """Whether the YAML ``source`` reads to exactly ``expected``: the same keys and items,
    each value of the same type and equal (``1`` is not ``1.0`` nor ``True``, which ``==``
    would let pass), read as `load_plan` reads a plan, on a stack deep enough for it. None
    when it is not a document the parser's events are read for (an anchor, an alias, a tag,
    a key twice, a key that is not text, a YAML error): the caller reads it with the
    reference reader. Nothing of its data is built, only compared as it is read.

    ``source`` may be the UTF-8 bytes of a text already decoded by `decode_text` (the
    parser reads them as they are, a BOM included, without a copy); ``levels`` is then
    `nesting_bound` of that text."""
    if levels is None:
        assert isinstance(source, str), "bytes come with the nesting bound of their text"
        levels = nesting_bound(source)
    try:
        with warnings.catch_warnings():
            import ruamel.yaml.error  # noqa: F401

            warnings.simplefilter("ignore")
            return on_deep_enough_stack("", _text_holds_here, source, expected, levels=levels)
    except RecursionError:
        return None


def _text_holds_here(text: str | bytes, expected: Any) -> bool | None:
    from ruamel.yaml.events import DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent

    loader = _loader_class()(text)
    next_event = loader.get_event
    scalar = _event_scalar_builder(loader)
    plain = _PLAIN_BUILT
    missing = _MISSING

    def same_scalar(event: Any, wanted: Any) -> None:
        if event.anchor is not None or event.ctag is not None:
            raise _Unusual
        value = event.value
        if event.implicit[0]:
            value = plain.get(value, missing)
            if value is missing:
                value = scalar(event)
        if value is not wanted and (type(value) is not type(wanted) or value != wanted):
            raise _Differs

    def same(event: Any, wanted: Any) -> None:
        kind = type(event)
        if event.anchor is not None or event.ctag is not None:
            raise _Unusual
        if kind is MappingStartEvent:
            if type(wanted) is not dict:
                raise _Differs
            # Keys come in the order of ``wanted`` but where the edit added one: matched in
            # order while they do, by a set of the keys seen once they do not.
            pairs = iter(wanted.items())
            seen: set[str] | None = None
            count = 0
            while True:
                key_event = next_event()
                if type(key_event) is not ScalarEvent:
                    if type(key_event) is MappingEndEvent:
                        if count != len(wanted):
                            raise _Differs
                        return
                    raise _Unusual
                key = plain.get(key_event.value, missing) if key_event.implicit[0] and key_event.anchor is None and key_event.ctag is None else missing
                if key is missing:
                    key = scalar(key_event)
                if type(key) is not str:
                    raise _Unusual
                if seen is None:
                    pair = next(pairs, None)
                    if pair is not None and pair[0] == key:
                        value = pair[1]
                    else:
                        seen = set(list(wanted)[:count])
                if seen is not None:
                    if key in seen:
                        raise _Unusual  # a key twice: the reference reader says where
                    seen.add(key)
                    value = wanted.get(key, missing)
                    if value is missing:
                        raise _Differs
                count += 1
                value_event = next_event()
                if type(value_event) is ScalarEvent:
                    if value_event.anchor is not None or value_event.ctag is not None:
                        raise _Unusual
                    made = value_event.value
                    if value_event.implicit[0]:
                        made = plain.get(made, missing)
                        if made is missing:
                            made = scalar(value_event)
                    if made is not value and (type(made) is not type(value) or made != value):
                        raise _Differs
                else:
                    same(value_event, value)
        if kind is SequenceStartEvent:
            if type(wanted) is not list:
                raise _Differs
            for item in wanted:
                item_event = next_event()
                item_kind = type(item_event)
                if item_kind is ScalarEvent:
                    same_scalar(item_event, item)
                elif item_kind is SequenceEndEvent:
                    raise _Differs
                else:
                    same(item_event, item)
            if type(next_event()) is not SequenceEndEvent:
                raise _Differs
            return
        if kind is ScalarEvent:
            same_scalar(event, wanted)
            return
        raise _Unusual  # an alias

    try:
        next_event()  # the stream's start
        if type(next_event()) is not DocumentStartEvent:
            return None
        same(next_event(), expected)
        next_event()  # the document's end
        if type(next_event()) is not StreamEndEvent:
            return None
        return True
    except _Differs:
        return False
    except Exception:  # noqa: BLE001 - a YAML error or an unusual document: the reference reader says
        return None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class _Place:
    """A node's place in the whole text (ruamel's marks hold the place in the slice)."""

    index: int
    line: int
    column: int


def compose_span(text: str, start: int, end: int, first_line: int | None = None) -> Any:
    """The composed YAML node of the part of ``text`` from ``start`` to ``end`` (a
    criterion's span from `read_for_edit`), its marks giving places in the whole ``text``:
    the part is read alone, its first line moved to its own column, so a writer composes
    the criterion it changes and not the 10,000 around it. What is spliced by it is read
    again whole and compared, so a part this misreads is refused, never written.
    ``first_line``, when given, is the line ``start`` is on (0-based), for a caller that
    counts lines as it goes instead of from the start of the text each time."""
    line_start = text.rfind("\n", 0, start) + 1
    column = start - line_start
    piece = " " * column + text[start:end]
    loader = _loader_class()(piece)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
        # The loader refers to itself (its constructor and resolver are it): the console
        # script runs with the cycle collector off, and a writer that composes every
        # criterion would keep each loader, with its part of the text, to the end.
        vars(loader).clear()
    if root is None:
        return None
    shift = start - column
    if first_line is None:
        first_line = text.count("\n", 0, start)
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for name in ("start_mark", "end_mark"):
            mark = getattr(node, name)
            setattr(node, name, _Place(mark.index + shift, mark.line + first_line, mark.column))
        value = node.value
        if isinstance(value, list):
            for item in value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return root


def load_edited_bytes(data: bytes, path: Path | str) -> LoadedPlan:
    """`load_plan_bytes` keeping the plain data: the reference reading of a writer's result
    when `text_holds` cannot say (YAML a plan rarely uses) or the result has problems to
    place. ``path`` names the plan in messages."""
    return _load_paused(Path(path), data, keep_data=True)
