"""Logging: categories, redaction of ID numbers everywhere in a record, rotation cap, the ring."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import log

ID = "11010519491231002X"


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    """Logging set up into a temp folder; the root logger restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    log.setup_logging(tmp_path, "DEBUG", 100_000, 2, console=False)
    yield tmp_path
    log.shutdown_logging()
    assert root.handlers == saved[0]
    root.setLevel(saved[1])
    logging.captureWarnings(False)


def _text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(log.LOG_FILE + "*")))


def test_category_loggers() -> None:
    names = sorted(logger.name for logger in log.CATEGORIES)
    assert names == sorted(
        f"kiosk.{n}"
        for n in ("api", "print", "reader", "flow", "store", "audit", "ui", "officer", "app")
    )


REDACTION_CASES = {
    "in the message": lambda: log.flow.info(f"id {ID} typed"),
    "in the arguments": lambda: log.api.warning("id %s typed", ID),
    "in dict arguments": lambda: log.api.warning("id %(id)s", {"id": ID.lower()}),
    "with spaces": lambda: log.reader.info("card: 110105 19491231 002X"),
    "in full-width digits": lambda: log.flow.info("typed １１０１０５１９４９１２３１００２Ｘ"),
    "from a library logger": lambda: logging.getLogger("urllib3.connectionpool").warning(ID),
    "bad format string": lambda: log.ui.info("%d %s", ID),
}


@pytest.mark.parametrize("emit", REDACTION_CASES.values(), ids=REDACTION_CASES.keys())
def test_id_numbers_never_reach_the_file_or_the_ring(logs: Path, emit) -> None:
    emit()
    text = _text(logs)
    assert log.REDACTED in text
    assert "19491231" not in text
    assert "19491231" not in "\n".join(log.recent_lines())


def test_exception_text_and_stack_are_redacted(logs: Path) -> None:
    try:
        raise ValueError(f"no inmate for {ID}")
    except ValueError:
        log.flow.exception("lookup failed")
    log.flow.info("where am I", stack_info=True, extra={"unused": ID})
    text = _text(logs)
    assert "ValueError: no inmate for " + log.REDACTED in text
    assert "Traceback" in text and "Stack (most recent call last)" in text
    assert "19491231" not in text


def test_ordinary_numbers_are_left_alone(logs: Path) -> None:
    log.printing.info("job 12345678901234567 took 1.25 s; slip NM-2026-000123")
    assert "job 12345678901234567 took 1.25 s; slip NM-2026-000123" in _text(logs)


def test_level_is_applied(logs: Path) -> None:
    log.setup_logging(logs, "WARNING", 100_000, 2, console=False)
    log.store.info("quiet")
    log.store.warning("loud")
    text = _text(logs)
    assert "loud" in text and "quiet" not in text


def test_setting_up_twice_does_not_duplicate_lines(logs: Path) -> None:
    log.setup_logging(logs, "INFO", 100_000, 2, console=False)
    log.audit.info("once")
    assert _text(logs).count("once") == 1


def test_rotation_keeps_the_total_under_the_cap(logs: Path) -> None:
    max_bytes, backups = 20_000, 3
    log.setup_logging(logs, "INFO", max_bytes, backups, console=False)
    line = "x" * 200
    for n in range(2000):  # ~450 kB written, far over the cap
        log.api.info("%05d %s", n, line)
    files = sorted(logs.glob(log.LOG_FILE + "*"))
    assert len(files) == backups + 1
    total = sum(p.stat().st_size for p in files)
    assert total <= log.total_cap(max_bytes, backups)
    assert "01999" in (logs / log.LOG_FILE).read_text(encoding="utf-8")


def test_a_file_set_up_not_rotating_starts_rotating_on_request(logs: Path) -> None:
    """The kiosk writes its log file plainly until its first frame is painted."""
    max_bytes, backups = 20_000, 2
    log.setup_logging(logs, "INFO", max_bytes, backups, console=False, rotate=False)
    line = "y" * 200
    for n in range(200):  # ~45 kB: over max_bytes, and not rotated yet
        log.api.info("%05d %s", n, line)
    assert sorted(p.name for p in logs.glob(log.LOG_FILE + "*")) == [log.LOG_FILE]
    log.start_rotating()
    log.start_rotating()  # a second call changes nothing
    log.api.info("after %s", ID)
    files = sorted(logs.glob(log.LOG_FILE + "*"))
    assert len(files) == 2  # the full file rotated at the first line after the swap
    text = _text(logs)
    assert "00000" in text and "00199" in text  # nothing written before the swap is lost
    assert f"after {log.REDACTED}" in (logs / log.LOG_FILE).read_text(encoding="utf-8")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)
            and Path(h.baseFilename) == logs / log.LOG_FILE]
    assert len(ours) == 1  # the plain handler was replaced, not joined


def test_ring_keeps_the_last_records(logs: Path) -> None:
    for n in range(log.RING_SIZE + 50):
        log.ui.debug("ring %d", n)
    lines = log.recent_lines()
    assert len(lines) == log.RING_SIZE
    assert lines[-1].endswith(f"ring {log.RING_SIZE + 49}")
    assert lines[0].endswith("ring 50")  # the 50 oldest were dropped
    assert "DEBUG" in lines[-1] and "kiosk.ui" in lines[-1]


def test_time_carries_its_offset(logs: Path) -> None:
    log.officer.info("stamp")
    stamp = log.recent_lines()[-1].split(" ", 1)[0]
    assert stamp[-5] in "+-" and stamp[-4:].isdigit()


def test_an_unwritable_folder_falls_back_to_the_ring(tmp_path: Path, logs: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert log.setup_logging(blocker / "logs", "INFO", 100_000, 2, console=False) is None
    log.flow.info("still recorded")
    assert any("cannot write log files" in line for line in log.recent_lines())
    assert log.recent_lines()[-1].endswith("still recorded")


def test_works_without_stdout_and_stderr(tmp_path: Path) -> None:
    """A windowed PyInstaller build has sys.stdout and sys.stderr set to None."""
    script = (
        "import sys, warnings\n"
        "sys.stdout = sys.stderr = None\n"
        "from pathlib import Path\n"
        "from kiosk import log\n"
        "assert log.setup_logging(Path(sys.argv[1]), 'INFO', 100000, 2, console=True)\n"
        "log.flow.info('hello from a window')\n"
        "warnings.warn('a library warning')\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    log.flow.exception('division')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / log.LOG_FILE).read_text(encoding="utf-8")
    assert "hello from a window" in text
    assert "a library warning" in text
    assert "ZeroDivisionError" in text


def test_console_handler_writes_to_stderr(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom kiosk import log\n"
        "log.setup_logging(Path(sys.argv[1]), 'INFO', 100000, 2, console=True)\n"
        f"log.api.info('to the console {ID}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert "to the console " + log.REDACTED in result.stderr
    assert ID not in result.stderr


def test_libraries_that_log_request_paths_are_kept_quiet_even_at_debug(tmp_path: Path) -> None:
    log.setup_logging(tmp_path, "DEBUG", 100_000, 2, console=False)
    try:
        logging.getLogger("urllib3.connectionpool").debug("GET /api/v1/slips/NM-1?c=SECRET")
        assert not any("SECRET" in line for line in log.recent_lines())
        logging.getLogger("kiosk.api").debug("kept")
        assert any("kept" in line for line in log.recent_lines())
    finally:
        log.shutdown_logging()


def test_faulthandler_writes_fatal_stacks_to_a_file_not_stderr(tmp_path: Path) -> None:
    child = (
        "import sys, faulthandler\n"
        "from pathlib import Path\n"
        "from kiosk.log import enable_faulthandler\n"
        "sys.stderr = None\n"  # as in a windowed build
        "enable_faulthandler(Path(sys.argv[1]))\n"
        "faulthandler._sigsegv()\n"
    )
    result = subprocess.run([sys.executable, "-c", child, str(tmp_path)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    report = (tmp_path / log.FAULT_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in report and "<module>" in report
