"""What the one-folder build ships and what it trims, as data: read by ``kiosk.spec`` and the tests.

Data files keep their source-tree paths inside the bundle because ``kiosk.resources.project_root()``
returns ``sys._MEIPASS`` in a frozen build; a file shipped elsewhere would not be found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

# (glob relative to the repository, destination folder inside the bundle). Explicit on purpose:
# a new kind of file must be added here, and tests/unit/test_packaging.py fails until it is;
# a pattern that matches nothing fails the build.
DATA_FILES: tuple[tuple[str, str], ...] = (
    ("settings.ini", "."),
    ("resources/fonts/*.ttf", "resources/fonts"),
    ("resources/fonts/*.ttc", "resources/fonts"),
    ("resources/fonts/LICENSE-*.txt", "resources/fonts"),  # the licences travel with the fonts
    ("resources/fonts/README.md", "resources/fonts"),  # where each font came from
    ("resources/translations/*.qm", "resources/translations"),
    ("resources/images/*.svg", "resources/images"),
    ("resources/styles/*.qss", "resources/styles"),
    # Alembic reads its environment and revisions as files from the script location, so they
    # ship as data beside the bytecode copies; the .mako template is needed by ScriptDirectory.
    ("kiosk/store/migrations/env.py", "kiosk/store/migrations"),
    ("kiosk/store/migrations/script.py.mako", "kiosk/store/migrations"),
    ("kiosk/store/migrations/versions/[0-9]*.py", "kiosk/store/migrations/versions"),
)

# Files under the shipped folders that the running program does not read, each with a reason.
SOURCE_ONLY: tuple[str, ...] = (
    "resources/translations/*.ts",  # translators' sources; the program loads the compiled .qm
    "kiosk/store/migrations/__init__.py",  # makes the folder importable; Alembic never reads it
    "kiosk/store/migrations/versions/__init__.py",
)

# Folders whose every file must be either in DATA_FILES or in SOURCE_ONLY.
SHIPPED_TREES: tuple[str, ...] = ("resources", "kiosk/store/migrations")

# PySide6 modules the kiosk never imports. Excluding them keeps their hooks from collecting
# their libraries, plugins and QML files. (QtTest stays: the screen tour taps through QTest.)
EXCLUDED_MODULES: tuple[str, ...] = (
    *(f"PySide6.{name}" for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
        "QtGraphs", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
        "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
        "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
        "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
        "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
        "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
        "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    )),
    "tkinter", "_tkinter", "IPython", "matplotlib", "numpy", "pytest", "pytestqt",
    # Line editing for interactive debuggers (pdb imports it if present); nobody types here.
    "readline", "curses",
    # Development tools reached only through optional plugins: pydantic's mypy and hypothesis
    # plugins, mako's pygments highlighter, requests' optional pyOpenSSL (guarded imports).
    "mypy", "hypothesis", "pydantic.mypy", "pydantic.v1.mypy", "pydantic.v1._hypothesis_plugin",
    "pygments", "mako.ext.pygmentplugin", "urllib3.contrib.pyopenssl", "OpenSSL", "cryptography",
    "rich",
    # setuptools: the kiosk never imports it, but PyInstaller resolves urllib3's optional
    # `backports.zstd` and alembic's `tomli` to setuptools' vendored copies, and once setuptools
    # is in the build its runtime hook imports it on every start (about 200 ms before the
    # first frame). Both imports are guarded (Python 3.12 has tomllib; no zstd is fine).
    "setuptools", "_distutils_hack", "pkg_resources",
    # Pillow: reportlab imports PIL.Image unconditionally, but slips draw the QR code as vectors
    # and embed no bitmaps, so the codec and font modules that carry big libraries go (AVIF
    # alone is 5 MB). PIL.Image loads its format plugins inside try/except ImportError.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingft", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
)

# PyInstaller runtime hooks left out of the build, each with a reason.
# - multiprocessing: the hook lets a frozen program start multiprocessing children, and imports
#   multiprocessing (with socket, pickle and subprocess) on every start: about 15 ms before the
#   first frame. The kiosk starts none; uvicorn imports multiprocessing only for its
#   multi-worker supervisor, which the demo server does not use.
DROPPED_RUNTIME_HOOKS: frozenset[str] = frozenset({"pyi_rth_multiprocessing"})

# Qt plugins kept, by plugin folder; every other folder is dropped whole. Names are stems
# (``libqxcb.so`` and ``qxcb.dll`` are both ``qxcb``); "*" keeps the whole folder.
KEEP_QT_PLUGINS: dict[str, frozenset[str]] = {
    # xcb: X11 and XWayland; wayland: cage; offscreen: CI smoke test; windows: Windows.
    "platforms": frozenset({"qxcb", "qwayland", "qwayland-generic", "qoffscreen", "qwindows"}),
    "xcbglintegrations": frozenset({"*"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),  # what cage and every desktop speak
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
    "wayland-decoration-client": frozenset({"bradient"}),  # only drawn for --windowed
    "imageformats": frozenset({"qjpeg", "qsvg", "qico"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "printsupport": frozenset({"*"}),
    "styles": frozenset({"*"}),  # Windows only: the native style plugin
    # Compose keeps dead keys working on a service keyboard; ibus and the Qt virtual keyboard
    # (which drags in QtQuick and QML, ~40 MB) are dropped: the kiosk draws its own keypad.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin"}),
}

# Qt's own catalogues kept: the standard dialogs' and shortcuts' words in the kiosk's languages.
KEEP_QT_TRANSLATIONS: frozenset[str] = frozenset(
    f"{base}_{lang}.qm" for base in ("qt", "qtbase") for lang in ("zh_CN", "en")
)

# Linux libraries left to the terminal's own system instead of being bundled (their chains
# then drop out with prune_unreachable); docs/install-linux.md installs them.
# - libcups: Qt's CUPS print plugin links it, and with it GnuTLS, Avahi and p11-kit come along
#   (7.6 MB). Every Linux terminal has CUPS anyway: the kiosk prints through `lp`.
# - OpenSSL 3 (libssl3, 5.3 MB): TLS to the central service then gets the distribution's
#   security fixes the day they ship, not with the next kiosk release.
SYSTEM_LIBRARIES: frozenset[str] = frozenset({"libcups.so.2", "libssl.so.3", "libcrypto.so.3"})

# Shared libraries that are loaded only because another binary links them; dropped when no kept
# binary does (see prune_unreachable). Qt's own libraries on every system, and on Linux also the
# system libraries PyInstaller copied for dropped plugins (GTK, Pango and Cairo for the GTK theme,
# GIO for the portal and ibus plugins). Plugins, Python extension modules and libpython are
# opened by name at run time (dlopen), so they are the roots, never candidates.
PRUNABLE_LIBRARY = re.compile(
    r"^(lib)?(Qt6\w+|pyside6qml\S*)\.(so(\.\d+)*|dll|dylib)$"
    r"|^lib(?!python)[\w+-]+(\.\d+)*\.so(\.\d+)*$",
    re.IGNORECASE,
)
_ROOT_FOLDERS = frozenset({"plugins", "lib-dynload"})


# Files for the engineer installing the terminal, copied beside the program into install/
# (not into _internal/, where nothing should be edited): the supervisor and lockdown
# configuration, sample site settings and the guides. (glob, folder under install/)
INSTALL_FILES: tuple[tuple[str, str], ...] = (
    ("packaging/linux/*", "linux"),
    ("packaging/windows/*", "windows"),
    ("packaging/site-settings.*.ini", "."),
    ("docs/install-linux.md", "docs"),
    ("docs/install-windows.md", "docs"),
    ("docs/provisioning.md", "docs"),
    ("docs/upgrading.md", "docs"),
    ("docs/exit-codes.md", "docs"),
)


def _expand(root: Path, table: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for pattern, dest in table:
        matches = sorted(p for p in root.glob(pattern) if p.is_file())
        if not matches:
            raise FileNotFoundError(f"kiosk.spec: no file matches {pattern!r}")
        out += [(str(p), dest) for p in matches]
    return out


def expand_data_files(root: Path) -> list[tuple[str, str]]:
    """(source, bundle folder) of every shipped data file; a pattern matching nothing fails."""
    return _expand(root, DATA_FILES)


def expand_install_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder under install/) of every installer file; a pattern matching nothing fails."""
    return _expand(root, INSTALL_FILES)


def is_shipped(relative: str) -> bool:
    return any(fnmatch(relative, pattern) for pattern, _ in DATA_FILES)


def is_source_only(relative: str) -> bool:
    path = PurePosixPath(relative)
    return any(path.match(pattern) or fnmatch(relative, pattern) for pattern in SOURCE_ONLY)


def _qt_part(dest: str) -> tuple[str, str] | None:
    """("plugins"|"translations", rest) for a file inside PySide6's Qt folder, else None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for marker in ("plugins", "translations"):
        if "PySide6" in parts and marker in parts:
            idx = parts.index(marker)
            return marker, "/".join(parts[idx + 1:])
    return None


def _stem(filename: str) -> str:
    name = filename.split(".")[0]
    return name[3:] if name.startswith("lib") else name


def keep_qt_file(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) survives the Qt trim."""
    part = _qt_part(dest)
    if part is None:
        return True
    kind, rest = part
    if kind == "translations":
        return rest in KEEP_QT_TRANSLATIONS
    folder, _, filename = rest.rpartition("/")
    kept = KEEP_QT_PLUGINS.get(folder)
    if kept is None:
        return False
    return "*" in kept or _stem(filename) in kept


def is_prunable(dest: str) -> bool:
    """Whether a collected binary (its path inside the bundle) may be dropped when unlinked."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if _ROOT_FOLDERS.intersection(path.parts):
        return False
    return PRUNABLE_LIBRARY.match(path.name) is not None


def prune_unreachable(
    binaries: list[tuple[str, str]], needed: Callable[[str], Iterable[str]]
) -> list[tuple[str, str]]:
    """Drop the shared libraries that no kept binary links, directly or through other libraries.

    ``binaries`` are (path inside the bundle, source path); ``needed(source)`` names the shared
    libraries a file links (ELF NEEDED / PE imports). Trimmed plugins leave behind the libraries
    only they used (QtQuick and QML for the virtual keyboard, GTK for the GTK theme); this finds
    them. Only ``is_prunable`` files are candidates; every other file is a root.
    """
    def key(dest: str) -> str:
        return PurePosixPath(dest.replace("\\", "/")).name.lower()

    by_name = {key(dest): src for dest, src in binaries}
    reachable: set[str] = set()
    todo = [key(dest) for dest, _ in binaries if not is_prunable(dest)]
    while todo:
        name = todo.pop()
        if name in reachable:
            continue
        reachable.add(name)
        todo += [n.lower() for n in needed(by_name[name]) if n.lower() in by_name]
    return [(dest, src) for dest, src in binaries if key(dest) in reachable]
