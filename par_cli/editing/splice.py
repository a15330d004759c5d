"""Inserting into a plan's text without re-emitting the rest of it.

`par set` must leave every byte it does not mean to change as the author wrote it. A full
round trip through ruamel.yaml does not: it drops trailing spaces, a missing final newline,
``---``, spaces inside ``{ a: 1 }``, it rewrites ``True`` as ``true``, re-indents lists to one
style, and it puts an item appended to a list after the comment and blank lines that close
the list. So the text is changed by splicing instead: the YAML is composed (with ruamel's C
parser, which keeps the character offset of every node) to find where the new lines belong,
the new entry is rendered by ruamel's emitter (so quoting and number forms are its own), and
only those characters are inserted or replaced. The caller parses the result again and checks
that it holds exactly the intended data, so a layout this module misjudges is refused, never
written.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from par_cli.plan.problems import Loc

_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SpliceError(Exception):
    """The text has a shape this module does not edit (a merge key, a list ending in an alias):
    which shape, as a catalogue key (``splice.*``) and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Style:
    """How the file indents: a nested mapping's keys sit ``mapping`` columns right of their
    parent key, a block list's dash ``offset`` columns right of its key."""

    mapping: int = 2
    offset: int = 2


def render_flow(entry: dict[str, Any]) -> str:
    """One entry as a one-line flow mapping, ``{date: 2024-03-10, initiatives: 2}``; text
    values double-quoted like the rest of the plan."""
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap((key, _quoted(value)) for key, value in entry.items())
    mapping.fa.set_flow_style()
    return _dump_one_line(mapping)


def render_scalar(value: Any) -> str:
    from ruamel.yaml.comments import CommentedSeq

    holder = CommentedSeq([_quoted(value)])
    holder.fa.set_flow_style()
    return _dump_one_line(holder)[1:-1]


def _quoted(value: Any) -> Any:
    """Text in double quotes, as the plan writes it; an identifier such as a deadline id
    stays plain (the emitter still quotes one that would read as a number or a date)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, str) and not _IDENTIFIER.match(value):
        return DoubleQuotedScalarString(value)
    return value


def _dump_one_line(node: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1 << 30  # never fold: the entry must stay on one line
    buffer = io.StringIO()
    yaml.dump(node, buffer)
    line = buffer.getvalue().rstrip("\n")
    if "\n" in line:
        raise SpliceError("splice.one_line")
    return line


def detect_style(root: Any) -> Style:
    """The indentation most of the file uses; the bundled plan's (2, 2) when it shows none."""
    mappings: Counter[int] = Counter()
    offsets: Counter[int] = Counter()
    for key, value in _block_pairs(root):
        if is_mapping(value) and not value.flow_style and value.value:
            mappings[value.value[0][0].start_mark.column - key.start_mark.column] += 1
        elif is_sequence(value) and not value.flow_style and value.value:
            offsets[value.start_mark.column - key.start_mark.column] += 1
    return style_from_counts(mappings, offsets)


def style_from_counts(mappings: Mapping[int, int], offsets: Mapping[int, int]) -> Style:
    """The style of a file whose block mappings nest keys ``mappings`` columns right of their
    key and put block lists' dashes ``offsets`` columns right (column → how often): the
    most common of each, the bundled plan's (2, 2) when the file shows none."""
    default = Style()
    return Style(
        mapping=_most_common(mappings, default.mapping, minimum=1),
        offset=_most_common(offsets, default.offset, minimum=0),
    )


class DetectedStyle:
    """`detect_style` of ``root``, worked out the first time an edit needs it: appending to
    a list that exists (most edits) uses the list's own indentation, and walking every node
    of 50,000 criteria took a second."""

    def __init__(self, root: Any) -> None:
        self._root = root
        self._style: Style | None = None

    def _detected(self) -> Style:
        if self._style is None:
            self._style, self._root = detect_style(self._root), None
        return self._style

    @property
    def mapping(self) -> int:
        return self._detected().mapping

    @property
    def offset(self) -> int:
        return self._detected().offset


def _most_common(counts: Mapping[int, int], default: int, minimum: int) -> int:
    usable = [(count, value) for value, count in counts.items() if value >= minimum]
    return max(usable)[1] if usable else default


def _block_pairs(root: Any):
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if is_mapping(node):
            for key, value in node.value:
                if not node.flow_style:
                    yield key, value
                stack.append(value)
        elif is_sequence(node):
            stack.extend(node.value)


# The canonical order of the keys of each mapping on the way down (the host first): a new key
# goes where the model would put it.
Orders = Sequence[Sequence[str]]


def append_to_list(text: str, root: Any, host: Loc, keys: Sequence[str], entry: str, orders: Orders, style: Style) -> str:
    """Append the rendered flow mapping ``entry`` to the list at ``host`` → ``keys``, creating
    the mappings and the list that are missing."""
    return _put(text, root, host, keys, ("append", entry), orders, style)


def set_scalar(text: str, root: Any, host: Loc, keys: Sequence[str], value: str, orders: Orders, style: Style) -> str:
    """Set the scalar at ``host`` → ``keys`` to the rendered ``value``, creating what is missing."""
    return _put(text, root, host, keys, ("set", value), orders, style)


def append_in(text: str, host: Any, keys: Sequence[str], entry: str, orders: Orders, style: Style) -> str:
    """`append_to_list` below the composed node ``host`` itself (a criterion composed alone,
    `reader.compose_span`) instead of a place in the whole document."""
    return _put_in(text, host, keys, ("append", entry), orders, style)


def set_in(text: str, host: Any, keys: Sequence[str], value: str, orders: Orders, style: Style) -> str:
    """`set_scalar` below the composed node ``host`` itself."""
    return _put_in(text, host, keys, ("set", value), orders, style)


def _put(text: str, root: Any, host_loc: Loc, keys: Sequence[str], action: tuple[str, str], orders: Orders, style: Style) -> str:
    return _put_in(text, _at(root, host_loc), keys, action, orders, style)


def _put_in(text: str, node: Any, keys: Sequence[str], action: tuple[str, str], orders: Orders, style: Style) -> str:
    parent_key: Any = None  # the key node whose value ``node`` is, when its mapping is block style
    for depth, key in enumerate(keys):
        if not is_mapping(node):
            raise SpliceError("splice.not_mapping", key=str(key))
        if parent_key is not None and node.flow_style and not node.value:
            return _open_empty(text, parent_key, node, keys[depth:], action, style)
        child_key, child = _child(node, key)
        if child is None:
            order = orders[depth] if depth < len(orders) else ()
            return _add_key(text, node, keys[depth:], action, order, style)
        parent_key = None if node.flow_style else child_key
        node = child
    verb, rendered = action
    if verb == "set":
        if not is_scalar(node) or node.end_mark.index <= node.start_mark.index:
            raise SpliceError("splice.not_scalar")
        return text[: node.start_mark.index] + rendered + text[node.end_mark.index :]
    if not is_sequence(node):
        raise SpliceError("splice.not_list")
    if node.flow_style and not node.value and parent_key is not None:
        return _open_empty(text, parent_key, node, (), action, style)
    if node.flow_style:
        return _insert_in_flow(text, node, rendered, "]")
    last_line_end = after_line_of(text, content_end(text, node))
    return _insert_lines(text, last_line_end, [" " * node.start_mark.column + "- " + rendered])


def _add_key(text: str, mapping: Any, keys: Sequence[str], action: tuple[str, str], order: Sequence[str], style: Style) -> str:
    """Add ``keys[0]`` (and below it the rest of ``keys``) to ``mapping``."""
    verb, rendered = action
    if mapping.flow_style:
        inner = ("[" + rendered + "]") if verb == "append" else rendered
        for key in reversed(keys[1:]):
            inner = "{" + key + ": " + inner + "}"
        return _insert_in_flow(text, mapping, f"{keys[0]}: {inner}", "}")
    column = mapping.value[0][0].start_mark.column
    lines = _block_lines(column, keys, action, style)
    return _insert_lines(text, _where_key_goes(text, mapping, keys[0], order), lines)


def _open_empty(text: str, key: Any, empty: Any, keys: Sequence[str], action: tuple[str, str], style: Style) -> str:
    """Replace a placeholder ``{}`` or ``[]`` under a block key by block lines, so that the
    list grows one line per entry from now on."""
    start, end = empty.start_mark.index, empty.end_mark.index
    text = text[: len(text[:start].rstrip(" "))] + text[end:]
    column = key.start_mark.column + style.mapping
    lines = _block_lines(column, keys, action, style)
    return _insert_lines(text, after_line_of(text, key.end_mark.index), lines)


def _block_lines(column: int, keys: Sequence[str], action: tuple[str, str], style: Style) -> list[str]:
    """``keys`` as nested block mappings starting at ``column``, ending in the scalar or in a
    one-item list (whose dash sits ``style.offset`` right of the key above it)."""
    verb, rendered = action
    lines: list[str] = []
    for depth, key in enumerate(keys):
        indent = " " * (column + depth * style.mapping)
        if verb == "set" and depth == len(keys) - 1:
            lines.append(f"{indent}{key}: {rendered}")
        else:
            lines.append(f"{indent}{key}:")
    if verb == "append":
        # the dash sits ``offset`` right of the last key (of the parent key when ``keys`` is empty)
        dash = column + (len(keys) - 1) * style.mapping + style.offset
        lines.append(" " * dash + "- " + rendered)
    return lines


def _where_key_goes(text: str, mapping: Any, key: str, order: Sequence[str]) -> int:
    """The offset of the line the new key starts: after the key that precedes it in the
    model's order, so `progress` lands after `deadlines` and before `children`. Comments and
    blank lines that open the next key stay with it."""
    rank = {name: index for index, name in enumerate(order)}
    new_rank = rank.get(key, len(order))
    pairs = mapping.value
    follower = next((i for i, (k, _) in enumerate(pairs) if rank.get(str(k.value), -1) > new_rank), None)
    if follower == 0:
        first = pairs[0][0].start_mark.index
        start = line_start(text, first)
        if not text[start:first].strip():
            return start
        follower = None  # the first key shares its line with a list dash: add the key last
    previous = pairs[-1] if follower is None else pairs[follower - 1]
    end = max(content_end(text, previous[1]), previous[0].end_mark.index)
    return after_line_of(text, end)


def _insert_in_flow(text: str, node: Any, item: str, closer: str) -> str:
    close = node.end_mark.index - 1
    if text[close] != closer:
        raise SpliceError("splice.closer", closer=closer, offset=close)
    before = text[node.start_mark.index + 1 : close].rstrip()
    if not node.value:
        separator = ""
    elif before.endswith(","):
        separator = " "  # a trailing comma is already there
    else:
        separator = ", "
    return text[:close] + separator + item + text[close:]


def _insert_lines(text: str, at: int, lines: list[str]) -> str:
    """Insert whole lines at offset ``at`` (a line start, or the end of a file without a
    final line break), with the line breaks the surrounding text uses."""
    newline = _newline_near(text, at)
    if at == len(text) and text and not text.endswith(("\n", "\r")):
        return text + "".join(newline + line for line in lines)
    return text[:at] + "".join(line + newline for line in lines) + text[at:]


def _newline_near(text: str, at: int) -> str:
    if at > 0 and text[:at].endswith("\r\n"):
        return "\r\n"
    if at > 0 and text[at - 1] == "\n":
        return "\n"
    return "\r\n" if "\r\n" in text else "\n"


def content_end(text: str, node: Any) -> int:
    """Where the last character of a node's own content is: a block collection ends where its
    last item ends (its end mark is the next token, past any closing comments)."""
    while (is_mapping(node) or is_sequence(node)) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(last, tuple):
            key, value = last
            written_elsewhere = value.start_mark.index < key.end_mark.index  # an alias: ``key: *name``
            if written_elsewhere or (is_scalar(value) and value.end_mark.index <= value.start_mark.index):
                return key.end_mark.index
            node = value
        else:
            if last.start_mark.index < node.start_mark.index:
                raise SpliceError("splice.alias_end")
            node = last
    end = node.end_mark.index
    if is_scalar(node) and node.style in ("|", ">"):
        header = text[node.start_mark.index : after_line_of(text, node.start_mark.index)]
        if "+" not in header:
            # A clipped or stripped block scalar's span runs over the blank lines after it;
            # they are not content, and a new key belongs before them.
            while end > 0 and text[end - 1] in " \r\n":
                end -= 1
    return end


def after_line_of(text: str, offset: int) -> int:
    """The start of the line after the one holding ``offset`` (or the end of the text); an
    offset already at a line start is the start of that line."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def start_of(root: Any, loc: Loc) -> int:
    """The offset where the node at ``loc`` starts."""
    return _at(root, loc).start_mark.index


def end_of(root: Any, loc: Loc) -> int:
    """The offset where the node at ``loc`` ends (for a block collection, the next token)."""
    return _at(root, loc).end_mark.index


def first_difference(before: str, after: str) -> int:
    """The first offset where ``after`` differs from ``before`` (the length of the shorter
    when one begins the other): compared a block at a time, as C compares them."""
    block, at = 1 << 16, 0
    while at < len(before) and before[at : at + block] == after[at : at + block]:
        at += block
    end = min(at + block, len(before), len(after))
    while at < end and before[at] == after[at]:
        at += 1
    return at


def _at(root: Any, loc: Loc) -> Any:
    node = root
    for part in loc:
        if isinstance(part, int):
            if not is_sequence(node) or not 0 <= part < len(node.value):
                raise SpliceError("splice.no_item", index=part)
            node = node.value[part]
        else:
            child = _child(node, part)[1] if is_mapping(node) else None
            if child is None:
                raise SpliceError("splice.no_key", key=str(part))
            node = child
    return node


def _child(mapping: Any, key: str) -> tuple[Any, Any]:
    for key_node, value in mapping.value:
        if key_node.tag.endswith(":merge"):
            raise SpliceError("splice.merge_key")
        if is_scalar(key_node) and key_node.value == key:
            return key_node, value
    return None, None


def is_mapping(node: Any) -> bool:
    return type(node).__name__ == "MappingNode"


def is_sequence(node: Any) -> bool:
    return type(node).__name__ == "SequenceNode"


def is_scalar(node: Any) -> bool:
    return type(node).__name__ == "ScalarNode"
