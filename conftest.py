"""Suite-wide pytest hooks: a skipped browser tour is a failure, not a quiet pass."""

import pytest

_SKIPPED_TOURS = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        from odoo.tests.common import HttpCase

        if isinstance(getattr(item, "instance", None), HttpCase):
            _SKIPPED_TOURS.append(f"{item.nodeid}: {report.longrepr[-1]}")


def pytest_terminal_summary(terminalreporter):
    if _SKIPPED_TOURS:
        terminalreporter.section(
            "BROWSER TOURS WERE SKIPPED", sep="!", red=True, bold=True
        )
        for line in _SKIPPED_TOURS:
            terminalreporter.line(line, red=True)
        terminalreporter.line(
            "Tours need Debian's chromium and the websocket-client package: "
            "apt-get install chromium (setup/test installs both when run as root).",
            red=True,
        )


def pytest_sessionfinish(session, exitstatus):
    if _SKIPPED_TOURS and exitstatus == 0:
        session.exitstatus = 1
