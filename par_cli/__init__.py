"""par: a Vietnamese department's yearly PAR-index plan as code.

The core (model, loading, checks, deadlines, scoring, reports) is importable without the
command line::

    from par_cli.reading.reader import load_plan
    from par_cli.render.problems import problem_line
    loaded = load_plan("plans/2024.yaml")
    for problem in loaded.problems:
        print(problem_line(problem, "vi"))
"""

__version__ = "0.1.0"
