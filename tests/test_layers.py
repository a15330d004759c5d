"""The architecture, kept true by a test: imports point down the layers, no module imports
itself back through others, no command imports another command, and every message key the
code uses exists in both languages."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from par_cli.i18n import LANGS, MESSAGES

PACKAGE = Path(__file__).resolve().parent.parent / "par_cli"

# Lower numbers sit lower; a module may import its own layer's package or any lower one.
LAYERS = {
    "i18n": 0,
    "plan": 1,
    "deadlines": 2,
    "reading": 3,
    "state": 3,  # the plan as of a day (issue 11): reads plan and deadlines, read by scoring and up
    "scoring": 4,
    "editing": 4,
    "render": 5,
    "commands": 6,
    "cli": 7,
    "console": 8,
    "__main__": 9,
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(("par_cli", *parts))] = path
    return found


def imports(path: Path, typing_too: bool = True) -> set[str]:
    """Every par_cli module ``path`` imports, at the top or in functions, and (unless
    ``typing_too`` is false) under ``if TYPE_CHECKING:``."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
                skipped |= {id(inner) for inner in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("par_cli")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("par_cli"):
            found.add(node.module)
            # "from par_cli.editing import splice" imports a module too
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def layer(module: str) -> tuple[str, int] | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return parts[1], LAYERS[parts[1]]


def test_every_package_has_a_layer():
    assert {m.split(".")[1] for m in modules() if m.count(".") >= 1} <= set(LAYERS)


def test_imports_point_down():
    known = modules()
    wrong = []
    for module, path in known.items():
        here = layer(module)
        if here is None:
            continue
        for target in imports(path):
            if target not in known:
                continue
            there = layer(target)
            if there is None:
                continue
            if there[1] > here[1] or (there[1] == here[1] and there[0] != here[0]):
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(wrong)


def test_no_command_imports_another_command():
    wrong = []
    for module, path in modules().items():
        if module.startswith("par_cli.commands.") and module != "par_cli.commands.common":
            for target in imports(path) & set(modules()):
                if target.startswith("par_cli.commands.") and target != "par_cli.commands.common":
                    wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_no_import_cycle():
    known = modules()
    # What runs: an import only for type checking cannot make a cycle.
    graph = {module: {t for t in imports(path, typing_too=False) if t in known and t != module} for module, path in known.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle.extend(trail[trail.index(nxt):] + [node, nxt] if nxt in trail else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, node]):
                return True
        state[node] = 2
        return False

    for module in graph:
        if state.get(module) is None and visit(module, []):
            break
    assert not cycle, " -> ".join(cycle)


def test_the_core_never_imports_typer_or_rich():
    core = ("plan", "deadlines", "reading", "scoring", "editing")
    for module, path in modules().items():
        if module.split(".")[1:2] and module.split(".")[1] in core:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from|import) (typer|rich)\b", text, re.M), module


# --- the message catalogue -----------------------------------------------------------------

KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_\-]+)+$")
HEAD = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*\.$")  # the constant head of a composed key: "status."
NOT_KEYS = {
    "report.html.j2",  # template file names
    "report.md.j2",
    "usage.bound",  # cli.py: a pattern's tag, turned into usage.at_most or usage.at_least
}
PREFIXES = {key.split(".")[0] for key in MESSAGES}


def _key_shaped(value: object) -> bool:
    return isinstance(value, str) and bool(KEY.match(value)) and value.split(".")[0] in PREFIXES


def used_keys() -> set[str]:
    """Every string constant of the code that has the shape of a catalogue key: in calls
    (t(...), Finding(...), Term(...), help=...) and anywhere else (a code returned in a tuple,
    a mapping of states to keys). The catalogue itself is not scanned."""
    keys: set[str] = set()
    for module, path in modules().items():
        if module == "par_cli.i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and _key_shaped(node.value):
                keys.add(node.value)
    return keys


def _head(node: ast.AST) -> tuple[str, ast.AST] | None:
    """("status.", the expression after it) for f"status.{x}" and "status." + x."""
    if isinstance(node, ast.JoinedStr) and len(node.values) == 2 and isinstance(node.values[0], ast.Constant) and isinstance(node.values[1], ast.FormattedValue):
        head, tail = str(node.values[0].value), node.values[1].value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        head, tail = node.left.value, node.right
        if isinstance(tail, ast.Call) and isinstance(tail.func, ast.Name) and tail.func.id == "str" and tail.args:
            tail = tail.args[0]
    else:
        return None
    return (head, tail) if HEAD.match(head) and head.split(".")[0] in PREFIXES else None


def _literal_values(node: ast.AST, scope: ast.AST) -> tuple[object, ...] | None:
    """The values a loop variable takes when the code spells them out: a tuple or list of
    constants (or of pairs, the first taken: ``for name, letter in ...`` is not this case),
    ``range(a, b)``, or a name bound once in ``scope`` to such a tuple."""
    if isinstance(node, (ast.Tuple, ast.List)) and all(isinstance(item, ast.Constant) for item in node.elts):
        return tuple(item.value for item in node.elts)  # type: ignore[attr-defined]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" and all(isinstance(arg, ast.Constant) for arg in node.args):
        return tuple(range(*(arg.value for arg in node.args)))  # type: ignore[attr-defined]
    if isinstance(node, ast.Name):
        bound = [n.value for n in ast.walk(scope) if isinstance(n, ast.Assign) and any(isinstance(target, ast.Name) and target.id == node.id for target in n.targets)]
        if len(bound) == 1:
            return _literal_values(bound[0], scope)
    return None


def composed_keys() -> tuple[dict[str, set[str]], set[str]]:
    """The keys the code builds (f"status.{x}", "why." + x): for each head, the keys whose
    values the code spells out in the loop around it; and the heads whose values come from
    data (a status, a kind), which the test must be told."""
    resolved: dict[str, set[str]] = {}
    from_data: set[str] = set()
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loops: list[tuple[ast.AST, ast.AST, ast.AST]] = []  # (target, iter, scope)
        for scope in ast.walk(tree):
            if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
                for node in ast.walk(scope):
                    if isinstance(node, ast.For):
                        loops.append((node.target, node.iter, scope))
                    elif isinstance(node, ast.comprehension):
                        loops.append((node.target, node.iter, scope))
        for node in ast.walk(tree):
            found = _head(node)
            if found is None:
                continue
            head, tail = found
            values = None
            if isinstance(tail, ast.Name):
                for target, iterable, scope in loops:
                    if isinstance(target, ast.Name) and target.id == tail.id:
                        values = _literal_values(iterable, scope)
                        if values is not None:
                            break
            if values is None:
                from_data.add(head)
            else:
                resolved.setdefault(head, set()).update(f"{head}{value}" for value in values)
    return resolved, from_data


def _data_domains() -> dict[str, set[str]]:
    """For each key composed from data, the values that data can hold, taken from the code's
    own types (a Literal) or tables, so a new status or kind without its message fails here."""
    from typing import get_args

    from par_cli.editing.record import RecordKind
    from par_cli.plan.compare import Kind as DifferenceKind
    from par_cli.plan.model import Measure, StageName, Unit
    from par_cli.reading import framework_plan
    from par_cli.reading.workbook import COLUMNS as WORKBOOK_COLUMNS
    from par_cli.render.workbook import SHEETS
    from par_cli.scoring.evidence import Why
    from par_cli.scoring.explain import InputKind, SourceKind
    from par_cli.scoring.history import Action, RecordKind as TrailKind
    from par_cli.scoring.scorer import Basis, Status
    from par_cli.state.as_of import OccurrenceState

    def literal(annotation: object) -> set[str]:
        return {str(value) for value in get_args(annotation)}

    stages = literal(StageName)
    return {
        "stage.": stages,
        "sheet.stage.": stages,
        "trail.stage.": stages,
        "explain.input.score.": stages,  # a stage input is named by its stage
        "edit.date_window.": literal(RecordKind),
        "diff.": literal(DifferenceKind),
        # A record or a stage says "recorded on DATE" (source.recorded); a child's source is
        # never said (render/explain.input_text returns before it).
        "source.": literal(SourceKind) - {"record", "stage", "score"},
        "status.": literal(Status),
        "rule.occurrence.": literal(OccurrenceState),
        "explain.projection.": literal(Basis),
        "basis.": literal(Basis),
        # Inputs said by their own branch of render/explain.input_text: the rest by kind.
        "explain.input.": literal(InputKind) - {"measure", "occurrence", "stage", "plan_share", "child"},
        "fact.": set(framework_plan._FACT_WORDS),
        "trail.action.": literal(Action),
        "trail.kind.": literal(TrailKind),
        "why.": literal(Why),
        # Only a collective phrase has a footnote (render/views: `if load.collective`).
        "units.footer.": literal(Unit.model_fields["kind"].annotation) - {"unit"},
        "workbook.hint.": literal(Measure.model_fields["kind"].annotation),
        "workbook.sheet.": set(SHEETS),
        "workbook.about.": set(SHEETS),
        "workbook.col.": {name for name, _ in WORKBOOK_COLUMNS},
    }


def test_every_key_used_exists_in_both_languages():
    keys = used_keys()
    assert len(keys) > 400  # the scan finds the code's keys
    missing = sorted(key for key in keys - NOT_KEYS if key not in MESSAGES and not any(other.startswith(key + ".") for other in MESSAGES))
    assert not missing, missing


def test_every_composed_key_exists_in_both_languages():
    """A key built at run time (f"status.{status}") is checked for every value it can take:
    spelled out in a loop around it, or taken from the type of the data it is built from."""
    resolved, from_data = composed_keys()
    domains = _data_domains()
    unknown = from_data - set(domains)
    assert not unknown, f"keys built from data this test does not know the values of: {sorted(unknown)}"
    assert not set(domains) - from_data, "composed keys the code no longer builds"
    built = set().union(*resolved.values()) | {head + value for head, values in domains.items() for value in values}
    assert len(built) > 80
    missing = sorted(key for key in built if key not in MESSAGES)
    assert not missing, missing


def test_the_catalogue_has_each_key_once():
    """One literal holds the catalogue; a key written twice would silently keep the last."""
    tree = ast.parse((PACKAGE / "i18n.py").read_text(encoding="utf-8"))
    literal = next(node.value for node in tree.body if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "MESSAGES")
    written = [key.value for key in literal.keys]  # type: ignore[union-attr]
    assert len(written) == len(set(written)) == len(MESSAGES)
    assert not [module for module in modules() if "messages" in module], "a second file of the catalogue"


def test_every_message_has_both_languages_with_the_same_parameters():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGS), key
        fields = [{name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in LANGS]
        assert fields[0] == fields[1], key
        assert all(texts[lang].strip() for lang in LANGS), key


def test_no_bilingual_literal_reaches_a_user():
    """"số / number" was a Vietnamese word and its English glued together in one string."""
    for module, path in modules().items():
        if module == "par_cli.i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # One-line strings (messages, labels); a multi-line template of a file is plan text.
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" not in node.value:
                assert not re.search(r"[À-ỹ]\w* / [a-z]", node.value), (module, node.value)


# --- the core returns values, not words (issue 12 §3) -------------------------------------

# What words a value: the catalogue's functions and its texts. The core may name a thing
# with a catalogue key (a Finding's code, a Term, a Message: values), never say it.
WORDING = {"t", "fmt_number", "fmt_date", "fmt_percent", "fmt_signed", "resolve_lang", "MESSAGES"}
# All the core may take from the catalogue: the language's type and the values that name.
VALUES = {"Lang", "LANGS", "Term", "Message"}
CORE = ("plan", "deadlines", "reading", "state", "scoring", "editing")
LANGUAGE_PARAMETERS = {"lang", "language"}


def wording_in(module: str, source: str) -> list[str]:
    """Where ``source`` words: it imports or calls the catalogue's wording functions, reads
    the catalogue's texts, or has a function that takes a language (a value that can say
    itself in a language is a word, not a value). No module is exempt."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "par_cli.i18n":
            wrong += [f"{module}:{node.lineno} imports {alias.name}" for alias in node.names if alias.name not in VALUES]
        if isinstance(node, ast.ImportFrom) and node.module == "par_cli" and any(alias.name == "i18n" for alias in node.names):
            wrong.append(f"{module}:{node.lineno} imports the catalogue module")
        if isinstance(node, ast.Import) and any(alias.name == "par_cli.i18n" for alias in node.names):
            wrong.append(f"{module}:{node.lineno} imports the catalogue module")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WORDING:
            wrong.append(f"{module}:{node.lineno} calls {node.func.id}()")
        if isinstance(node, ast.Name) and node.id == "MESSAGES":
            wrong.append(f"{module}:{node.lineno} reads MESSAGES")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            said = [argument.arg for argument in arguments if argument.arg in LANGUAGE_PARAMETERS or _annotated_lang(argument)]
            wrong += [f"{module}:{node.lineno} {node.name}() takes a language ({name})" for name in said]
    return wrong


def _annotated_lang(argument: ast.arg) -> bool:
    annotation = argument.annotation
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value == "Lang"
    return isinstance(annotation, ast.Name) and annotation.id == "Lang"


def test_the_core_does_not_word_its_values():
    """No core module words: the core returns numbers, dates, codes and catalogue keys with
    parameters, and render/ picks the words (problems included: render/problems.py)."""
    wrong = []
    for module, path in modules().items():
        if module.count(".") < 1 or module.split(".")[1] not in CORE:
            continue
        wrong += wording_in(module, path.read_text(encoding="utf-8"))
    assert not wrong, "\n".join(wrong)


# The Problem of before issue 12 §3: it said itself. The check must see every way it did.
_SELF_WORDING_PROBLEM = '''
from par_cli.i18n import Lang, Message, t

class Problem:
    def message(self, lang: Lang) -> str:
        return t(self.code, lang, **self.params)

    def format(self, lang: "Lang") -> str:
        return f"{self.path}: {self.message(lang)}"

class PlanFileError(Exception):
    def message(self, language) -> str:
        return f"{self.path}: {t(self.code, language)}"
'''


def test_the_wording_check_sees_a_problem_that_words_itself():
    found = wording_in("par_cli.plan.problems", _SELF_WORDING_PROBLEM)
    assert "par_cli.plan.problems:2 imports t" in found
    assert any("calls t()" in line for line in found)
    assert sum("takes a language" in line for line in found) == 3
    assert wording_in("par_cli.plan.model", "from par_cli.i18n import MESSAGES\nx = MESSAGES['a']['en']\n")
    assert wording_in("par_cli.plan.x", "import par_cli.i18n\n") and wording_in("par_cli.plan.x", "from par_cli import i18n\n")
    # Values the core may name things with are not words.
    assert not wording_in("par_cli.editing.carry", "from par_cli.i18n import Message, Term\nMessage('edit.busy', {})\n")


def test_problems_are_plain_values():
    """A Problem and a PlanFileError hold what they are and nothing that words them."""
    import dataclasses

    from par_cli.plan.problems import PlanFileError, Problem

    assert [f.name for f in dataclasses.fields(Problem)] == ["path", "line", "column", "code", "params", "criterion_id", "severity"]
    own = {name for name, value in vars(Problem).items() if callable(value) and not name.startswith("__")}
    assert not own, own
    error = PlanFileError(Path("x.yaml"), "file.unreadable", reason="EACCES")
    assert (error.path, error.code, error.params) == (Path("x.yaml"), "file.unreadable", {"reason": "EACCES"})
    assert not {name for name, value in vars(PlanFileError).items() if callable(value) and name != "__init__"}


def test_a_message_inside_a_message_is_worded_with_it():
    from par_cli.i18n import Message, t

    reason = Message("edit.busy", {"lock": "plan.yaml.lock"})
    problems = (Message("problem.of_criterion", {"id": "1.2", "text": Message("yaml.duplicate_key", {"key": "max"})}),)
    assert t("carry.refused_problems", "en", target="1.2", reason=reason, problems=problems) == (
        f"1.2: {t('edit.busy', 'en', lock='plan.yaml.lock')} criterion 1.2: key 'max' appears twice"
    )
    assert "tiêu chí 1.2: khóa 'max' bị lặp lại" in t("carry.refused_problems", "vi", target="1.2", reason=reason, problems=problems)


def test_every_help_text_is_a_catalogue_key():
    """No help is written in place (the old ``help_text(vi, en)`` pairs): every command's and
    every option's help is a key of i18n.MESSAGES, so ``--lang en`` switches all of it."""
    import typer.main

    from par_cli.cli import app
    from par_cli.i18n import MESSAGES

    assert not any("help_text(" in path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        key = getattr(command, "_par_help", None) or command.help
        assert key in MESSAGES, name
        for param in command.params:
            help_key = getattr(param, "_par_help", None) or getattr(param, "help", None)
            assert help_key is None or help_key in MESSAGES, (name, param.name, help_key)
