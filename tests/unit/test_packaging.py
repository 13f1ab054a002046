"""The one-folder build's rules and the supervisor configurations, checked without building.

The build itself (PyInstaller, then the built program's --selftest and screen tour) runs in
scripts/build.sh; these checks run in the test suite in about a second and catch the usual
slips early: a new resource file the spec does not ship, a stale pattern, a Qt trim that drops
a platform plugin, an exit code whose documentation and supervisor actions disagree.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kiosk.exitcodes
from kiosk.exitcodes import ExitCode
from kiosk.settings import load

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


# The build rules are not part of the program: they live beside kiosk.spec.
sys.path.insert(0, str(PACKAGING))
from kiosk_build import bundle, elf, icudata  # noqa: E402

# --- data files -------------------------------------------------------------------------------


def _tree_files() -> list[str]:
    files = []
    for tree in bundle.SHIPPED_TREES:
        for path in (ROOT / tree).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                files.append(path.relative_to(ROOT).as_posix())
    return sorted(files)


def test_every_file_in_the_shipped_folders_is_shipped_or_declared_source_only():
    unaccounted = [
        f for f in _tree_files() if not bundle.is_shipped(f) and not bundle.is_source_only(f)
    ]
    assert unaccounted == [], (
        "add these to DATA_FILES (or SOURCE_ONLY, with a reason) in packaging/bundle.py"
    )


def test_no_file_is_both_shipped_and_source_only():
    both = [f for f in _tree_files() if bundle.is_shipped(f) and bundle.is_source_only(f)]
    assert both == []


def test_every_data_and_install_pattern_matches_a_file():
    # expand_* raise on a pattern that matches nothing: the build would fail the same way.
    data = bundle.expand_data_files(ROOT)
    install = bundle.expand_install_files(ROOT)
    shipped = {Path(src).relative_to(ROOT).as_posix() for src, _ in data}
    assert {"settings.ini", "kiosk/store/migrations/env.py"} <= shipped
    assert any(name.startswith("resources/fonts/LICENSE-") for name in shipped)
    assert {Path(src).name for src, _ in install} >= {"kiosk.service", "shell-launcher.xml"}


def test_data_files_keep_their_source_tree_folders():
    # kiosk.resources.project_root() is sys._MEIPASS when frozen: same relative paths.
    for src, dest in bundle.expand_data_files(ROOT):
        assert Path(src).relative_to(ROOT).parent.as_posix() in (dest, "") and dest != ""


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments (resource paths are often named once)."""
    constants = {}
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
        targets = stmt.targets if isinstance(stmt, ast.Assign) else (
            [stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            constants.update({t.id: value.value for t in targets if isinstance(t, ast.Name)})
    return constants


def _constant_paths_named_in_code() -> list[tuple[str, str]]:
    """(where, path relative to the project root) of resource()/project_file() arguments that
    are string literals or module-level string constants."""
    found = []
    for package in ("kiosk", "ui"):
        for source in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(source.read_text(encoding="utf-8"))
            constants = _module_constants(tree)
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    text = arg.value
                elif isinstance(arg, ast.Name) and arg.id in constants:
                    text = constants[arg.id]
                else:
                    continue
                if name not in ("resource", "project_file"):
                    continue
                path = f"resources/{text}" if name == "resource" else text
                if path.startswith("docs/"):
                    continue  # written by developer-time generators, never read by the kiosk
                found.append((f"{source.relative_to(ROOT)}:{node.lineno}", path))
    return found


def test_every_resource_path_named_in_code_is_shipped():
    named = _constant_paths_named_in_code()
    assert {"resources/styles/kiosk.qss", "settings.ini"} <= {path for _, path in named}
    missing = []
    for where, path in named:
        folder_shipped = any(p.startswith(path.rstrip("/") + "/") for p, _ in bundle.DATA_FILES)
        if not (bundle.is_shipped(path) or folder_shipped):
            missing.append(f"{where}: {path}")
    assert missing == []


# --- the spec and the entry point -------------------------------------------------------------


def test_spec_is_a_one_folder_build_with_the_package_metadata():
    spec = (ROOT / "kiosk.spec").read_text(encoding="utf-8")
    assert "COLLECT(" in spec and "exclude_binaries=True" in spec  # one folder, not one file
    assert 'copy_metadata("prison-kiosk")' in spec  # kiosk.__version__ reads it frozen
    assert "rules.expand_data_files(ROOT)" in spec
    assert "excludes=list(rules.EXCLUDED_MODULES)" in spec


def test_frozen_entry_script_runs_the_console_scripts_entry_point():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    module, _, function = scripts["kiosk"].partition(":")
    entry = ast.parse((PACKAGING / "kiosk_main.py").read_text(encoding="utf-8"))
    imports = [
        (node.module, alias.name)
        for node in ast.walk(entry)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    assert (module, function) in imports


def _kiosk_imports() -> set[str]:
    """Every module name that kiosk/ and ui/ import, with each imported name as a submodule."""
    imported: set[str] = set()
    for package in ("kiosk", "ui"):
        for source in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    imported |= {alias.name for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    imported.add(node.module)
                    imported |= {f"{node.module}.{alias.name}" for alias in node.names}
    return imported


def test_nothing_the_kiosk_imports_is_excluded_from_the_build():
    excluded = set(bundle.EXCLUDED_MODULES)
    clashes = sorted(
        name for name in _kiosk_imports()
        if any(name == ex or name.startswith(ex + ".") for ex in excluded)
    )
    assert clashes == []


def test_the_multiprocessing_hook_is_dropped_and_the_kiosk_starts_no_such_child():
    spec = (ROOT / "kiosk.spec").read_text(encoding="utf-8")
    assert "not in rules.DROPPED_RUNTIME_HOOKS" in spec
    assert "pyi_rth_multiprocessing" in bundle.DROPPED_RUNTIME_HOOKS
    # Without the hook a frozen multiprocessing child would start the kiosk again.
    starters = {"concurrent.futures.ProcessPoolExecutor", "concurrent.futures.process"}
    users = sorted(name for name in _kiosk_imports()
                   if name.split(".")[0] == "multiprocessing" or name in starters)
    assert users == []


# --- Qt trim ----------------------------------------------------------------------------------

QT = "PySide6/Qt"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        pytest.param(f"{QT}/plugins/platforms/libqxcb.so", True, id="xcb"),
        pytest.param(f"{QT}/plugins/platforms/libqwayland.so", True, id="wayland-for-cage"),
        pytest.param(f"{QT}/plugins/platforms/libqoffscreen.so", True, id="offscreen-for-ci"),
        pytest.param("PySide6\\plugins\\platforms\\qwindows.dll", True, id="windows"),
        pytest.param(f"{QT}/plugins/platforms/libqeglfs.so", False, id="eglfs"),
        pytest.param(f"{QT}/plugins/platforms/libqvnc.so", False, id="vnc"),
        pytest.param(f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False,
                     id="virtual-keyboard-drags-quick"),
        pytest.param(f"{QT}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                     False, id="ibus"),
        pytest.param(f"{QT}/plugins/platformthemes/libqgtk3.so", False, id="gtk-theme"),
        pytest.param(f"{QT}/plugins/imageformats/libqjpeg.so", True, id="jpeg"),
        pytest.param(f"{QT}/plugins/imageformats/libqsvg.so", True, id="svg"),
        pytest.param(f"{QT}/plugins/imageformats/libqwebp.so", False, id="webp"),
        pytest.param(f"{QT}/plugins/imageformats/libqtiff.so", False, id="tiff"),
        pytest.param(f"{QT}/plugins/printsupport/libcupsprintersupport.so", True, id="cups"),
        pytest.param(f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so", True,
                     id="xdg-shell"),
        pytest.param(f"{QT}/plugins/wayland-shell-integration/libivi-shell.so", False,
                     id="ivi-shell"),
        pytest.param(f"{QT}/plugins/sqldrivers/libqsqlite.so", False, id="sql-drivers"),
        pytest.param(f"{QT}/translations/qtbase_zh_CN.qm", True, id="qtbase-zh"),
        pytest.param(f"{QT}/translations/qt_en.qm", True, id="qt-en"),
        pytest.param(f"{QT}/translations/qtbase_de.qm", False, id="qtbase-de"),
        pytest.param(f"{QT}/translations/qt_help_zh_CN.qm", False, id="qt-help-zh"),
        pytest.param("resources/translations/kiosk_zh_CN.qm", True, id="our-translations"),
        pytest.param("kiosk/store/migrations/env.py", True, id="not-qt"),
    ],
)
def test_qt_trim(dest, kept):
    assert bundle.keep_qt_file(dest) is kept


def test_prune_unreachable_drops_libraries_only_dropped_plugins_linked():
    links = {
        "QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "libQt6Gui.so.6": ["libQt6Core.so.6"],
        "libQt6Core.so.6": ["libicuuc.so.73", "libc.so.6"],  # libc is not collected
        "libicuuc.so.73": [],
        "libqxcb.so": ["libQt6XcbQpa.so.6"],
        "libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxkbcommon-x11.so.0"],
        "libxkbcommon-x11.so.0": [],
        # left behind when the virtual keyboard and GTK theme plugins were trimmed:
        "libQt6Quick.so.6": ["libQt6Qml.so.6"],
        "libQt6Qml.so.6": [],
        "libgtk-3.so.0": [],
        "libpython3.11.so.1.0": [],  # loaded by the bootloader: never a candidate
    }
    dests = {
        "QtWidgets.abi3.so": "PySide6/QtWidgets.abi3.so",
        "libqxcb.so": "PySide6/Qt/plugins/platforms/libqxcb.so",
    }
    binaries = [(dests.get(name, name), f"/src/{name}") for name in links]
    kept = bundle.prune_unreachable(binaries, lambda src: links[Path(src).name])
    assert sorted(Path(dest).name for dest, _ in kept) == sorted(
        set(links) - {"libQt6Quick.so.6", "libQt6Qml.so.6", "libgtk-3.so.0"}
    )


def _qt_lib(name: str) -> Path | None:
    pyside = importlib.util.find_spec("PySide6")
    if pyside is None or pyside.origin is None:
        return None
    path = Path(pyside.origin).parent / "Qt" / "lib" / name
    return path if path.exists() else None


@pytest.mark.skipif(_qt_lib("libQt6Widgets.so.6") is None, reason="needs Linux PySide6 wheels")
def test_elf_needed_lists_direct_links_only():
    widgets = _qt_lib("libQt6Widgets.so.6")
    assert widgets is not None
    links = elf.needed(widgets)
    assert {"libQt6Gui.so.6", "libQt6Core.so.6"} <= set(links)
    # Qt Core links ICU; Widgets does not itself (ldd would list it anyway).
    assert "libicuuc.so.73" not in links
    assert "libicuuc.so.73" in elf.needed(_qt_lib("libQt6Core.so.6") or widgets)


# --- ICU data trim ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("root.res", True), ("zh_Hans_CN.res", True), ("en_US_POSIX.res", True),
        ("de.res", False), ("zh_Hant_TW.res", False), ("yue.res", False),
        ("coll/zh.res", True), ("coll/ucadata.icu", True), ("coll/de_.res", False),
        ("zone/zh.res", True), ("zone/en_GB.res", False), ("curr/pool.res", True),
        ("brkitr/cjdict.dict", True), ("brkitr/thaidict.dict", True),
        ("translit/root.res", False), ("rbnf/root.res", False),
        ("gb18030.cnv", True), ("windows-936-2000.cnv", True), ("ibm-37_P100-1995.cnv", False),
        ("rfc3491.spp", False), ("confusables.cfu", False),
        ("supplementalData.res", True), ("zoneinfo64.res", True), ("uts46.nrm", True),
    ],
)
def test_icu_keep_item(item, kept):
    assert icudata.keep_item(item) is kept


def _icu_library() -> Path | None:
    core = _qt_lib("libQt6Core.so.6")
    libs = sorted(core.parent.glob("libicudata.so.*")) if core else []
    return libs[0] if libs else None


ICU_PROBE = """
import functools
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
collator = QCollator(QLocale("zh_CN"))
print(" ".join(sorted(["张三", "李四", "王五", "阿明", "赵六"],
                      key=functools.cmp_to_key(collator.compare))))
zone = QTimeZone(b"Asia/Shanghai")
print(zone.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale("zh_CN")))
print(QStringDecoder("GB18030").isValid())
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or _icu_library() is None
    or shutil.which("icupkg") is None or shutil.which("cc") is None,
    reason="needs Linux PySide6 wheels, icupkg (icu-devtools) and cc",
)
def test_trimmed_icu_library_still_serves_qt_chinese_collation_zone_names_and_gb18030(tmp_path):
    full = _icu_library()
    assert full is not None
    trimmed = icudata.build_trimmed_library(full, tmp_path)
    assert trimmed.stat().st_size < full.stat().st_size / 3
    # The trimmed library is preloaded, so Qt's ICU links to it instead of the wheel's own.
    result = subprocess.run(
        [sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, timeout=60,
        env={"LD_PRELOAD": str(trimmed), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert result.stdout.splitlines() == ["阿明 李四 王五 张三 赵六", "中国标准时间", "True"]


# --- exit codes and the supervisors -----------------------------------------------------------


def _enum_docstrings() -> dict[str, str]:
    tree = ast.parse(inspect.getsource(kiosk.exitcodes))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ExitCode")
    docs = {}
    for stmt, after in zip(cls.body, cls.body[1:], strict=False):
        if (isinstance(stmt, ast.Assign) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)):
            target = stmt.targets[0]
            assert isinstance(target, ast.Name)
            docs[target.id] = " ".join(str(after.value.value).split()).replace("``", "`")
    return docs


def _documented_exit_codes() -> dict[int, tuple[str, str, str]]:
    """code -> (name, meaning, supervisor) from the table in docs/exit-codes.md."""
    rows = {}
    for line in (ROOT / "docs" / "exit-codes.md").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| (\d+) \| `(\w+)` \| (.+) \| (stays down|restarts) \|", line)
        if match:
            rows[int(match[1])] = (match[2], match[3], match[4])
    return rows


STAYS_DOWN = {code for code, (_, _, action) in _documented_exit_codes().items()
              if action == "stays down"}


def test_exit_code_table_matches_the_enum():
    documented = _documented_exit_codes()
    assert {code: name for code, (name, _, _) in documented.items()} == {
        member.value: member.name for member in ExitCode
    }
    docstrings = _enum_docstrings()
    for code, (name, meaning, _) in documented.items():
        assert meaning == docstrings[name], f"docs/exit-codes.md row {code}"


def test_only_codes_a_restart_cannot_fix_stay_down():
    assert ExitCode.CRASH not in STAYS_DOWN
    assert {ExitCode.OK, ExitCode.SETTINGS, ExitCode.STORE} <= STAYS_DOWN


def _unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit file as section -> key -> values (keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        assert current is not None, raw
        key, _, value = line.partition("=")
        current.setdefault(key, []).append(value.strip().strip('"'))
    return sections


def test_systemd_unit_restarts_exactly_the_documented_codes():
    unit = _unit(PACKAGING / "linux" / "kiosk.service")
    service = unit["Service"]
    assert service["Restart"] == ["on-failure"]  # 0 is success: no restart
    assert ExitCode.OK in STAYS_DOWN
    prevented = {int(code) for code in service["RestartPreventExitStatus"][0].split()}
    assert prevented == STAYS_DOWN - {ExitCode.OK}
    assert float(service["RestartSec"][0]) > 0
    assert int(unit["Unit"]["StartLimitBurst"][0]) > 1
    assert int(unit["Unit"]["StartLimitIntervalSec"][0]) > 0
    assert service["ExecStart"][0].endswith("/kiosk")
    env = dict(item.split("=", 1) for item in service["Environment"])
    assert env["QT_QPA_PLATFORM"].split(";") == ["wayland", "xcb"]


SL = "{http://schemas.microsoft.com/ShellLauncher/2018/Configuration}"
SL2 = "{http://schemas.microsoft.com/ShellLauncher/2019/Configuration}"


def test_shell_launcher_restarts_exactly_the_documented_codes():
    root = ET.parse(PACKAGING / "windows" / "shell-launcher.xml").getroot()
    profile_ids = {p.get("Id") for p in root.iter(f"{SL}Profile") if p.find(f"{SL}Shell")
                   is not None}
    configs = [c.find(f"{SL}Profile").get("Id") for c in root.iter(f"{SL}Config")]
    assert configs and set(configs) <= profile_ids
    shells = [s for s in root.iter(f"{SL}Shell") if s.get("Shell", "").endswith("kiosk.exe")]
    assert len(shells) == 1
    shell = shells[0]
    assert shell.get(f"{SL2}AppType") == "Desktop"
    actions = {int(a.get("ReturnCode")): a.get("Action")
               for a in shell.iter(f"{SL}ReturnCodeAction")}
    assert len(actions) <= 4  # Shell Launcher's limit
    assert {code for code, action in actions.items() if action == "DoNothing"} == STAYS_DOWN
    assert shell.find(f"{SL}DefaultAction").get("Action") == "RestartShell"


# --- site settings samples --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["site-settings.linux.ini", "site-settings.windows.ini"])
def test_sample_site_settings_load_with_the_real_loader(name):
    loaded = load(PACKAGING / name, environ={})
    assert loaded.settings.kiosk.fullscreen
    assert loaded.settings.reader.backend == "serial"
    assert loaded.settings.central.base_url.startswith("https://")


def test_linux_sample_uses_the_reader_name_the_udev_rule_creates():
    rule = (PACKAGING / "linux" / "70-idcard-reader.rules").read_text(encoding="utf-8")
    link = re.search(r'SYMLINK\+="([^"]+)"', rule)
    assert link is not None
    loaded = load(PACKAGING / "site-settings.linux.ini", environ={})
    assert loaded.settings.reader.port == f"/dev/{link[1]}"


# --- the Linux session ------------------------------------------------------------------------

FAKE_SYSTEMCTL = """#!/bin/sh
# systemctl as kiosk-session uses it, answering from the environment: how the unit's main
# process ended (ExecMainCode, ExecMainStatus) and what `start --wait` returned.
echo "systemctl $*" >> "$CALLS"
case "$*" in
    *"start --wait"*) exit "$START_STATUS" ;;
    *ExecMainCode*) echo "$MAIN_CODE" ;;
    *ExecMainStatus*) echo "$MAIN_STATUS" ;;
esac
"""
FAKE_SLEEP = '#!/bin/sh\necho "sleep $*" >> "$CALLS"\n'


@pytest.mark.parametrize(
    ("main_code", "main_status", "start_status", "stays_down"),
    [
        pytest.param(1, ExitCode.OK, 0, True, id="officer's exit"),
        pytest.param(1, ExitCode.SETTINGS, 3, True, id="settings"),
        pytest.param(1, ExitCode.STORE, 3, True, id="database"),
        pytest.param(1, ExitCode.CRASH, 3, False, id="crash after crash: unit gave up"),
        pytest.param(2, 3, 3, False, id="killed by signal 3, not exit code 3"),
    ],
)
def test_linux_session_stays_down_exactly_after_the_codes_that_stay_down(
    tmp_path: Path, main_code: int, main_status: int, start_status: int, stays_down: bool,
) -> None:
    """systemd's user manager cannot run here: systemctl is stood in for by a script that
    answers the three calls kiosk-session makes as systemctl would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("systemctl", FAKE_SYSTEMCTL), ("sleep", FAKE_SLEEP)):
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    calls = tmp_path / "calls"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "CALLS": str(calls), "MAIN_CODE": str(main_code),
           "MAIN_STATUS": str(int(main_status)), "START_STATUS": str(start_status)}
    done = subprocess.run(["sh", str(PACKAGING / "linux" / "kiosk-session")], env=env,
                          capture_output=True, text=True, timeout=30)
    made = calls.read_text(encoding="utf-8").splitlines()
    assert "systemctl --user start --wait kiosk.service" in made
    assert made[-1] == ("sleep infinity" if stays_down else "sleep 20")
    assert done.returncode == (0 if stays_down else start_status)
    script = (PACKAGING / "linux" / "kiosk-session").read_text(encoding="utf-8")
    listed = re.search(r'^STAY_DOWN="([\d ]+)"', script, re.MULTILINE)
    assert listed and {int(code) for code in listed[1].split()} == STAYS_DOWN
