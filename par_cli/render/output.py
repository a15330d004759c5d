"""One renderer per format, looked up by name: the only way a command's output is written.

See `render.formats` for the interface a command uses (`Output`, `Format`). Each renderer
says whether it can render an output and turns it into text, which the command writes with
``commands.common.show``. JSON always comes from `render.json` (one serializer), tables from
`render.table`, documents from the functions the command gave.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from typing import IO, ClassVar

from par_cli.i18n import Lang
from par_cli.render.formats import Format, Output


class Renderer(ABC):
    format: ClassVar[Format]

    @abstractmethod
    def offers(self, output: Output) -> bool: ...

    @abstractmethod
    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str | bytes: ...


class _TableRenderer(Renderer):
    def offers(self, output: Output) -> bool:
        return output.table is not None


class RichTable(_TableRenderer):
    """A rich table fitted to the terminal's width (see `render.table.fit`)."""

    format = Format.table

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str:
        from par_cli.render.table import render_rich

        assert output.table is not None
        return render_rich(output.table(lang, False), lang, stream)


class Text(_TableRenderer):
    format = Format.text

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str:
        from par_cli.render.table import render_text

        assert output.table is not None
        return render_text(output.table(lang, False), lang)


class Csv(_TableRenderer):
    format = Format.csv

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str:
        from par_cli.render.table import render_csv

        assert output.table is not None
        return render_csv(output.table(lang, True))


class Markdown(Renderer):
    format = Format.md

    def offers(self, output: Output) -> bool:
        return Format.md in output.documents or output.table is not None

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str:
        if Format.md in output.documents:
            return output.documents[Format.md](lang)
        from par_cli.render.table import render_md

        assert output.table is not None
        return render_md(output.table(lang, False), lang)


class Json(Renderer):
    format = Format.json

    def offers(self, output: Output) -> bool:
        return output.json is not None

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str:
        from par_cli.render.json import dumps

        assert output.json is not None
        return dumps(output.json())


class _Document(Renderer):
    def offers(self, output: Output) -> bool:
        return self.format in output.documents

    def render(self, output: Output, lang: Lang, stream: IO[str]) -> str | bytes:
        return output.documents[self.format](lang)


class Html(_Document):
    format = Format.html


class Ics(_Document):
    format = Format.ics


class Docx(_Document):
    """A Word document (bytes): written only to ``--output``."""

    format = Format.docx


class Xlsx(_Document):
    """An Excel workbook (bytes): written only to ``--output``."""

    format = Format.xlsx


RENDERERS: dict[Format, Renderer] = {
    renderer.format: renderer for renderer in (RichTable(), Text(), Csv(), Markdown(), Json(), Html(), Ics(), Docx(), Xlsx())
}


def resolve(fmt: Format, stream: IO[str] | None = None) -> Format:
    """``auto``: a rich table on a terminal, plain aligned text when piped or written to a file."""
    if fmt is not Format.auto:
        return fmt
    stream = stream or sys.stdout
    return Format.table if stream.isatty() else Format.text


def render(output: Output, fmt: Format, lang: Lang, stream: IO[str] | None = None) -> str | bytes:
    """The output as text in ``fmt``; a format the output does not offer is a `ValueError`
    (commands check ``--format`` against what they offer before doing any work)."""
    stream = stream or sys.stdout
    renderer = RENDERERS[resolve(fmt, stream)]
    if not renderer.offers(output):
        raise ValueError(f"this output has no {renderer.format.value} form")
    return renderer.render(output, lang, stream)

