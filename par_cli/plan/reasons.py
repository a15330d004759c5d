"""Why a library refused, as values: the reason an operating system, the YAML parser, git,
python-dateutil, python-docx, openpyxl or jinja2 gave, named by a catalogue key (a `Message`).

Those libraries speak English. Each reason they are known to give is looked up here by what
it is (an errno, libyaml's fixed problem text, a git message, an exception's kind) and named
by a key the catalogue words in Vietnamese and English. A reason not in the tables is kept
in the library's own words, inside a message that says whose words they are, so nothing
is dropped and nothing pretends to be ours. Nothing here says anything: render picks words.

The tables' patterns are text, compiled by `re` the first time a failure is matched against
them (its cache keeps them): compiling the 33 as this module is imported cost every run of
par 4 ms, most of them runs in which nothing fails.
"""

from __future__ import annotations

import errno
import re

from par_cli.i18n import Message, Term

# --- the operating system ---------------------------------------------------------------

_ERRNO = {
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.quota",
    errno.EISDIR: "os.is_directory",
    errno.ENOTDIR: "os.not_directory",
    errno.ENOENT: "os.not_found",
    errno.EEXIST: "os.exists",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ELOOP: "os.loop",
    errno.EIO: "os.io",
    errno.EMLINK: "os.too_many_links",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
    errno.EMFILE: "os.too_many_open",
    errno.ENFILE: "os.too_many_open",
    errno.ENOMEM: "os.no_memory",
    errno.EFBIG: "os.too_big",
    errno.EXDEV: "os.cross_device",
    errno.ENXIO: "os.no_device",
    errno.ENODEV: "os.no_device",
    errno.ESTALE: "os.stale",
    errno.ETIMEDOUT: "os.timed_out",
    errno.ENOTEMPTY: "os.not_empty",
}


def os_reason(error: OSError) -> Message:
    """Why the system refused: its errno's words, or its own text (``strerror``) with the
    errno's name when the errno is not one we word."""
    number = error.errno
    if number in _ERRNO:
        return Message(_ERRNO[number])
    name = errno.errorcode.get(number, "") if number is not None else ""
    detail = error.strerror or str(error) or type(error).__name__
    return Message("os.own_words", {"detail": detail, "name": name or type(error).__name__})


# --- the YAML parser (libyaml, through ruamel.yaml's C loader) ----------------------------

# libyaml's scanner and parser, and ruamel's composer, say what went wrong with a fixed set
# of texts (scanner.c, parser.c, _ruamel_yaml.pyx); these are the ones a plan written by
# hand meets. The texts are the library's, matched exactly.
YAML_PROBLEMS = {
    "did not find expected node content": "yaml.problem.node_content",
    "could not find expected ':'": "yaml.problem.colon_missing",
    "mapping values are not allowed in this context": "yaml.problem.colon_here",
    "found unexpected ':'": "yaml.problem.colon_here",
    "block sequence entries are not allowed in this context": "yaml.problem.dash_here",
    "mapping keys are not allowed in this context": "yaml.problem.question_here",
    "found unhashable key": "yaml.problem.unhashable_key",  # the constructor's: {a}: 1
    "found character that cannot start any token": "yaml.problem.cannot_start",
    "found unexpected end of stream": "yaml.problem.end_of_file",
    "did not find expected key": "yaml.problem.key_expected",
    "did not find expected '-' indicator": "yaml.problem.dash_expected",
    "did not find expected ',' or ']'": "yaml.problem.flow_sequence",
    "did not find expected ',' or '}'": "yaml.problem.flow_mapping",
    "found undefined tag handle": "yaml.problem.tag",
    "did not find expected tag URI": "yaml.problem.tag",
    "did not find expected '!'": "yaml.problem.tag",
    "did not find the expected '>'": "yaml.problem.tag",
    "did not find URI escaped octet": "yaml.problem.tag",
    "found a tab character that violates indentation": "yaml.tab",
    "found a tab character where an indentation space is expected": "yaml.tab",
    "found unknown escape character": "yaml.problem.escape",
    "found invalid Unicode character escape code": "yaml.problem.unicode_escape",
    "did not find expected hexdecimal number": "yaml.problem.unicode_escape",
    "found unexpected document indicator": "yaml.problem.document_marker",
    "did not find expected comment or line break": "yaml.problem.after_value",
    "did not find expected whitespace or line break": "yaml.problem.after_value",
    "found an indentation indicator equal to 0": "yaml.problem.block_indicator",
    "did not find expected alphabetic or numeric character": "yaml.problem.anchor_name",
    "found undefined alias": "yaml.problem.undefined_alias",
    "second occurrence": "yaml.problem.anchor_twice",  # "found duplicate anchor; first occurrence"
    "but found another document": "yaml.problem.two_documents",  # "expected a single document"
    "did not find expected <document start>": "yaml.problem.two_documents",
    "control characters are not allowed": "yaml.problem.control",
    "found duplicate %YAML directive": "yaml.problem.directive",
    "found duplicate %TAG directive": "yaml.problem.directive",
    "found incompatible YAML document": "yaml.problem.directive",
    "found unknown directive name": "yaml.problem.directive",
    "could not find expected directive name": "yaml.problem.directive",
    "found unexpected non-alphabetical character": "yaml.problem.directive",
    "did not find expected digit or '.' character": "yaml.problem.directive",
    "did not find expected version number": "yaml.problem.directive",
    "found extremely long version number": "yaml.problem.directive",
    "did not find expected whitespace": "yaml.problem.directive",
}


def yaml_reason(problem: str) -> Message:
    """libyaml's problem text as a catalogue key, or kept as the parser's own words."""
    text = problem.strip()
    key = YAML_PROBLEMS.get(text)
    return Message(key) if key is not None else Message("yaml.own_words", {"detail": text})


# --- python-dateutil's recurrence rules ----------------------------------------------------

# rrule.py's _parse_rfc_rrule and _parse_rfc raise ValueError with these texts.
_RRULE_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"unknown parameter '(?P<part>[^']*)'", "rrule.unknown_part"),
    (r"invalid '(?P<part>[^']*)': (?P<value>.*)", "rrule.bad_value"),
    (r"invalid until date", "rrule.bad_until"),
    (r"(?:not enough|too many) values to unpack.*", "rrule.not_a_pair"),
    (r"unknown parameter name", "rrule.not_rrule"),
    (r"unsupported property: (?P<part>.*)", "rrule.unsupported"),
    (r"unsupported (?:RRULE|RDATE|EXRULE) parm: (?P<part>.*)", "rrule.unsupported"),
    (r"empty string", "rrule.empty"),
    (r"Invalid rrule byxxx generates an empty set\.", "rrule.empty_set"),
    (r"bysetpos must be between 1 and 366, or between -366 and -1", "rrule.bysetpos"),
    (r"Invalid \(empty\) BYDAY specification\.", "rrule.empty_byday"),
    (r"Can't create weekday with n==0", "rrule.weekday_zero"),
    (r"(?:Unknown string format|String does not contain a date).*", "rrule.bad_date"),
)


def rrule_reason(error: Exception) -> Message:
    """Why python-dateutil could not read a rule: its known reasons, else its own words."""
    text = str(error) or type(error).__name__
    for pattern, key in _RRULE_PROBLEMS:
        found = re.fullmatch(pattern, text)
        if found:
            return Message(key, found.groupdict())
    return Message("rrule.own_words", {"detail": text})


# --- git ---------------------------------------------------------------------------------

# git's messages under LC_ALL=C (reading/git.py runs it so), matched by what they say.
_GIT_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"detected dubious ownership in repository at '(?P<path>.*)'", "git.dubious_ownership"),
    (r"your current branch '(?P<branch>.*)' does not have any commits yet", "git.no_commits"),
    (r"(?:loose|packed) object (?P<object>[0-9a-f]+).* is corrupt", "git.corrupt"),
    (r"unable to read (?:tree )?\(?(?P<object>[0-9a-f]{7,})\)?.*", "git.corrupt"),
    (r"bad object (?P<object>\S+)", "git.corrupt"),
    (r"could not fetch (?P<object>[0-9a-f]+) from promisor remote", "git.unfetchable"),
    (r"object (?P<object>[0-9a-f]+) is a \w+, not a \w+", "git.corrupt"),
    (r"(?:.*: )?Permission denied", "os.permission"),
    (r"not a git repository.*", "git.not_a_repository"),
)


def git_reason(stderr: str) -> Message:
    """What git said when it failed (its last line of stderr, without "fatal: "): a known
    failure by its key, else git's own words."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        text = re.sub(r"^(?:fatal|error): ", "", line)
        for pattern, key in _GIT_PROBLEMS:
            found = re.search(pattern, text)
            if found:
                return Message(key, found.groupdict())
    last = lines[-1] if lines else ""
    return Message("git.own_words", {"detail": last})


# --- Word and Excel files (python-docx, openpyxl) ------------------------------------------


_OFFICE_KINDS = {"docx": Term("office.kind.docx"), "xlsx": Term("office.kind.xlsx")}


def office_reason(error: BaseException, kind: str) -> Message:
    """Why a .docx or .xlsx could not be opened. ``kind`` is what it should be ("docx" or
    "xlsx"); the library's exception is named by what it means: not a zip archive (what
    every Office file is), a zip without the parts of a Word or Excel file, a file of the
    other kind, a damaged part, the system's refusal. Anything else keeps the library's
    own words."""
    name = type(error).__name__
    text = str(error).strip().strip('"')
    what = _OFFICE_KINDS[kind]
    if isinstance(error, OSError) and error.errno is not None:
        return os_reason(error)
    if text == "File is not a zip file" or name == "PackageNotFoundError":  # python-docx says the latter for a non-zip
        return Message("office.not_zip", {"kind": what})
    if name == "InvalidFileException":  # openpyxl, from the name's ending alone
        return Message("office.wrong_extension", {"kind": what})
    if "is not a Word file" in text or "no valid workbook part" in text:
        return Message("office.wrong_kind", {"kind": what})
    if isinstance(error, KeyError) and "There is no item named" in text:
        part = re.search(r"named '([^']*)'", text)
        return Message("office.missing_part", {"kind": what, "part": part.group(1) if part else "?"})
    if name in ("BadZipFile", "XMLSyntaxError", "ParseError", "error") or isinstance(error, (EOFError, SyntaxError)):
        # a bad CRC, a truncated member (zlib's "error"), XML cut short inside
        return Message("office.damaged", {"kind": what})
    library = "python-docx" if kind == "docx" else "openpyxl"
    return Message("office.own_words", {"detail": text.splitlines()[0][:200] if text else name, "library": library})


# --- Jinja templates (jinja2, through docxtpl) --------------------------------------------

# jinja2's parser (parser.py, lexer.py, compiler.py) says what is wrong in a template with
# these texts; matched by kind (the class's name, so this layer imports no jinja2).
_JINJA_SYNTAX: tuple[tuple[str, str], ...] = (
    (r"Unexpected end of template\. Jinja was looking for the following tags: (?P<tags>.*?)\. The innermost block that needs to be closed is '(?P<block>[^']*)'\.?", "jinja.problem.unclosed"),
    (r"(?i)unexpected end of template.*", "jinja.problem.end_of_template"),
    (r"unexpected '(?P<found>.*)', expected '(?P<expected>.*)'", "jinja.problem.expected"),
    (r"unexpected '(?P<found>.*)'", "jinja.problem.unexpected"),
    (r"unexpected char '(?P<found>.*)' at \d+", "jinja.problem.unexpected"),
    (r"(?s)Encountered unknown tag '(?P<tag>[^']*)'\..*", "jinja.problem.unknown_tag"),
    (r"No filter named '(?P<name>[^']*)'\.?", "jinja.problem.unknown_filter"),
    (r"No test named '(?P<name>[^']*)'\.?", "jinja.problem.unknown_test"),
)
_JINJA_UNDEFINED = (
    r"'(?P<name>[^']*)' is undefined",
    r"'[^']*' has no attribute '(?P<name>[^']*)'",
    r"'[^']*' object has no attribute '(?P<name>[^']*)'",
)


def jinja_reason(error: BaseException) -> tuple[Message, int | None]:
    """Why jinja2 could not render a template, and the template's line where jinja2 names
    one: a syntax error by its kind, a name the template uses that par does not give it, a
    template not found (a Word form cannot include another: no loader), else jinja2's own
    words (``library`` says whose: jinja2's, or docxtpl's for what is not jinja2's)."""
    kinds = {kind.__name__ for kind in type(error).__mro__}
    text = str(error).strip()
    line = getattr(error, "lineno", None) or _template_line(error)
    if "TemplateSyntaxError" in kinds:
        for pattern, key in _JINJA_SYNTAX:
            found = re.fullmatch(pattern, text)
            if found:
                params = found.groupdict()
                if "tags" in params:  # "'endfor' or 'else'": the tags, in no language's words
                    params["tags"] = " / ".join(f"'{tag}'" for tag in re.findall(r"'([^']*)'", params["tags"]))
                return Message("jinja.syntax", {"detail": Message(key, params)}), line
        return Message("jinja.syntax", {"detail": Message("jinja.own_words", {"detail": _first_line(text, error), "library": "jinja2"})}), line
    if "UndefinedError" in kinds:
        for pattern in _JINJA_UNDEFINED:
            found = re.fullmatch(pattern, text)
            if found:
                return Message("jinja.undefined", found.groupdict()), line
    if "TemplateNotFound" in kinds:  # TemplatesNotFound is one too
        return Message("jinja.not_found", {"name": str(getattr(error, "name", text))}), line
    if isinstance(error, TypeError) and text == "no loader for this environment specified":
        return Message("jinja.no_include"), line  # docxtpl's environment has no loader
    library = "jinja2" if "TemplateError" in kinds or _raised_in_template(error) else "docxtpl"
    return Message("jinja.own_words", {"detail": _first_line(text, error), "library": library}), line


def _first_line(text: str, error: BaseException) -> str:
    return text.splitlines()[0][:200] if text else type(error).__name__


def _frames(error: BaseException) -> list[tuple[str, int]]:
    """The file and line of each frame the error passed, outermost first."""
    found = []
    trace = error.__traceback__
    while trace is not None:
        found.append((trace.tb_frame.f_code.co_filename, trace.tb_lineno))
        trace = trace.tb_next
    return found


def _template_line(error: BaseException) -> int | None:
    """The template's line of a runtime error: jinja2 rewrites the traceback so that the
    template's own frames (``<template>``) carry its lines."""
    lines = [line for name, line in _frames(error) if name == "<template>"]
    return lines[-1] if lines else None


def _raised_in_template(error: BaseException) -> bool:
    """Whether the error came from running the template's own code (``{{ rows + 1 }}``) or
    from jinja2 itself, rather than from docxtpl around it."""
    frames = _frames(error)
    return bool(frames) and (frames[-1][0] == "<template>" or "jinja2" in frames[-1][0])
