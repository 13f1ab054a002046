"""``kiosk verify URL``: ask the central API whether a printed slip is genuine."""

from __future__ import annotations

import sys

from kiosk.api import errors
from kiosk.api.client import CentralClient
from kiosk.exitcodes import ExitCode
from kiosk.settings import Settings
from kiosk.timefmt import beijing_text


def verify_command(settings: Settings, url: str) -> int:
    try:
        client = CentralClient.from_settings(settings)
    except errors.ConfigurationError as exc:
        print(f"kiosk verify: {exc}", file=sys.stderr)
        return ExitCode.SETTINGS
    try:
        result = client.verify_url(url)
    except errors.NotFound:
        print("NOT GENUINE: the central service knows no slip with this number and code")
        return ExitCode.VERIFY_FAILED
    except (errors.ConfigurationError, errors.InvalidRequest) as exc:
        print(f"kiosk verify: not a slip verification URL of this service: {exc}",
              file=sys.stderr)
        return ExitCode.USAGE
    except errors.ApiError as exc:
        print(f"kiosk verify: the central service could not be asked ({exc.code})",
              file=sys.stderr)
        return ExitCode.UNAVAILABLE
    finally:
        client.close()
    if not result.valid:
        print("NOT GENUINE: the central service says this slip is not valid")
        return ExitCode.VERIFY_FAILED
    print("GENUINE")
    print(f"  issued:   {beijing_text(result.issued_at)} (Beijing time)")
    print(f"  inmate:   {result.inmate_name}")
    print(f"  sections: {', '.join(s.value for s in result.sections)}")
    print(f"  sha256:   {result.content_sha256}")
    return ExitCode.OK
