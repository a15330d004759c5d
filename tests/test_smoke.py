from par_cli.cli import app
from tests.conftest import BUNDLED


def test_bundled_plan_is_valid(runner):
    result = runner.invoke(app, ["validate", str(BUNDLED)])
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.output
