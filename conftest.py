"""Suite-wide pytest hooks: a skipped test is a failure, not a quiet pass.

Browser tours skip themselves when chromium is missing (Odoo's HttpCase), and a PDF
report test without wkhtmltopdf would have nothing to check: the suite does not
pass on what it did not run.
"""

import pytest

_SKIPPED = []

_HINTS = {
    "tour": "Tours need Debian's chromium and the websocket-client package: "
    "apt-get install chromium (setup/test installs both when run as root).",
    "pdf": "PDF reports need wkhtmltopdf: apt-get install wkhtmltopdf "
    "(setup/test installs it when run as root).",
}


def _kind(item, reason):
    from odoo.tests.common import HttpCase

    if isinstance(getattr(item, "instance", None), HttpCase):
        return "tour"
    if "wkhtmltopdf" in reason.lower() or "pdf" in item.name.lower():
        return "pdf"
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        longrepr = report.longrepr
        reason = str(longrepr[-1] if isinstance(longrepr, tuple) else longrepr)
        _SKIPPED.append((_kind(item, reason), f"{item.nodeid}: {reason}"))


def pytest_terminal_summary(terminalreporter):
    if not _SKIPPED:
        return
    terminalreporter.section("TESTS WERE SKIPPED", sep="!", red=True, bold=True)
    for _kind_name, line in _SKIPPED:
        terminalreporter.line(line, red=True)
    for kind in sorted({kind for kind, _line in _SKIPPED if kind}):
        terminalreporter.line(_HINTS[kind], red=True)


def pytest_sessionfinish(session, exitstatus):
    if _SKIPPED and exitstatus == 0:
        session.exitstatus = 1
