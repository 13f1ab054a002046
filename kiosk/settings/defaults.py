"""Render the commented ``settings.ini`` from the schema, so the shipped file never drifts."""

from __future__ import annotations

import textwrap

from kiosk.settings.schema import OPTIONS, SECTION_DESCRIPTIONS


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render_defaults() -> str:
    lines = [
        "# Settings of the prison-affairs disclosure kiosk: every key, with its default.",
        "# Generated from kiosk/settings/schema.py by `python -m kiosk.settings --write-defaults`;",
        "# edit the schema, not this file. Precedence, lowest first: this file, the site file",
        "# (--settings PATH, $KIOSK_SETTINGS, or settings.ini in the site configuration folder),",
        "# then officer.ini in the data folder (officer-editable keys only).",
    ]
    section = None
    for spec in OPTIONS:
        if spec.section == "officer":
            continue  # lives only in officer.ini
        if spec.section != section:
            section = spec.section
            lines += ["", f"[{section}]", f"# {SECTION_DESCRIPTIONS[section]}"]
        lines.append("")
        for chunk in textwrap.wrap(spec.info.description, 94):
            lines.append(f"# {chunk}")
        flags = [f"allowed: {spec.allowed()}"]
        if spec.info.officer_editable:
            flags.append("officer-editable")
        if spec.info.restart_needed:
            flags.append("takes effect after a restart")
        lines.append(f"# ({'; '.join(flags)})")
        lines.append(f"{spec.key} = {_format(spec.default)}")
    return "\n".join(lines) + "\n"
