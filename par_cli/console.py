"""The `par` console script: the cyclic garbage collector off for the whole run, `par --help`
answered without typer, then the CLI.

A run of `par` lasts a fraction of a second on a plan and seconds on a province's worth. It
builds hundreds of thousands of objects that live until it exits (pydantic's model classes
while importing, the plan, the scored tree) and next to no cyclic garbage: what it drops,
reference counting frees. The collector would only scan the growing heap again and again to
free nothing: 33 million of the 900 million instructions of `par validate` on the bundled
plan, and about 100 ms of scoring 10,000 criteria (measured beside this change). It is
turned off before the first import, which is why this module imports nothing of its own.

`par`, `par --help` and `par --lang en --help` list the commands from the registry and the
message catalogue (`commands.help.top_level`, which `cli.ParGroup` asks too, so the page and
its exit code are the same through typer): importing typer alone costs more than the 0,1 s
the help may take on a loaded machine.

Every other command builds pydantic validators (typer's for its options, ours for the plan),
and the first one built asks pydantic's plugin loader for the plugins installed: it imports
importlib.metadata (with email, zipfile and csv) and reads the entry points of every installed
distribution, 6 % of the instructions of `par validate` on the bundled plan, to find none that
par uses. The console script puts in its place a loader that finds no plugin, before pydantic
is imported (`no_pydantic_plugins`); the library API leaves pydantic as it is.
"""

import gc


def main() -> None:
    gc.disable()
    import sys

    from par_cli.commands.help import top_level

    quick = top_level(sys.argv[1:])
    if quick is not None:
        text, code = quick
        sys.stdout.write(text)
        sys.stdout.flush()
        sys.exit(code)
    no_pydantic_plugins(sys.modules)
    from par_cli.cli import main as run

    run()


def no_pydantic_plugins(modules: dict[str, object]) -> None:
    """pydantic's plugin loader (`pydantic.plugin._loader`, whose ``get_plugins`` is all that
    pydantic 2.11 to 2.14 ask of it) as one that loads none, unless pydantic's own was
    imported already. The module is pydantic's private one: should a later pydantic ask it
    for anything else, that name is read from pydantic's own loader, loaded then, so par runs
    as it would without the stand-in (only slower)."""
    import types

    loader = types.ModuleType("pydantic.plugin._loader", "par uses no pydantic plugin: none is loaded.")
    loader.get_plugins = tuple  # type: ignore[attr-defined] - no plugin: ()
    loader.__getattr__ = _from_pydantic_loader  # type: ignore[attr-defined] - PEP 562
    modules.setdefault(loader.__name__, loader)


def _from_pydantic_loader(name: str) -> object:
    """A name the stand-in lacks, read from pydantic's own plugin loader (loaded on this first
    asking, beside the stand-in). A module's own attributes that Python's import looks for
    (``__path__``) are not pydantic's to give."""
    if name.startswith("__"):
        raise AttributeError(name)
    import importlib.machinery
    import importlib.util

    import pydantic.plugin

    spec = importlib.machinery.PathFinder.find_spec("pydantic.plugin._loader", list(pydantic.plugin.__path__))
    if spec is None or spec.loader is None:
        raise AttributeError(name)
    real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real)
    return getattr(real, name)
