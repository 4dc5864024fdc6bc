"""Command line and start-up: sign in (or start the demo sandbox), then open the window.

    frontdesk                      sign in to the real API (https://api.vcita.biz by default)
    frontdesk --demo               run on the built-in sandbox, signed in, ready to book
    frontdesk --demo --now 2027-03-14T01:30-05:00   ... as if it were that moment
    frontdesk --demo --time-zone Asia/Tokyo          ... the sample business in that zone
    frontdesk --api-url URL --business-id ID
    frontdesk --self-test          headless smoke test of an installed build

The token is never taken from the command line: it would land in shell history and ``ps``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.auth.settings import ConnectionSettings


class _VersionAction(argparse.Action):
    """``--version``, reading the version only when asked (package metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from desktop import __version__

        parser.exit(message=f"Frontdesk {__version__}\n")


def _moment(text: str) -> datetime:
    from desktop.clock import parse_moment

    try:
        return parse_moment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _zone(name: str) -> str:
    from zoneinfo import ZoneInfo

    try:
        return str(ZoneInfo(name).key)
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(
            f"{name!r} is not an IANA time zone (e.g. Asia/Tokyo)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="Reception-desk bookings for vcita's Platform API, with offline drafts.",
        epilog="The staff token is asked for in the sign-in window and kept in the system "
               "keyring; it is never accepted on the command line.",
    )
    parser.add_argument("--demo", action="store_true",
                        help="run on the built-in sandbox API with sample data")
    parser.add_argument("--api-url", metavar="URL",
                        help="platform API address (or FRONTDESK_API_URL)")
    parser.add_argument("--business-id", metavar="ID",
                        help="business to sign in to (or FRONTDESK_BUSINESS_ID)")
    parser.add_argument("--now", metavar="MOMENT", type=_moment,
                        help="with --demo: start the sandbox and the window's clock at this "
                             "moment, e.g. 2027-03-14T01:30-05:00 (it moves on from there)")
    parser.add_argument("--time-zone", metavar="ZONE", type=_zone,
                        help="with --demo: the sample business's IANA time zone, e.g. "
                             "Asia/Tokyo (the same wall-clock hours there)")
    parser.add_argument("--self-test", action="store_true",
                        help="start headless, book one appointment on the sandbox, report")
    parser.add_argument("--verbose", action="store_true", help="log debug details to stderr")
    parser.add_argument("--version", action=_VersionAction)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.now is not None and not args.demo:
        # The real platform keeps its own time; only the demo's sandbox can be moved.
        parser.error("--now works only with --demo")
    if args.time_zone is not None and not args.demo:
        parser.error("--time-zone works only with --demo (the real business has its own)")
    # Frontdesk uses no pydantic plugins; without this, building the first model reads the
    # entry points of every installed package to look for some (~20 ms at start-up).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if args.self_test:
        from desktop.self_test import run_self_test

        return run_self_test(verbose=args.verbose)

    from desktop import startup_gc

    startup_gc.pause()  # until the window shows its day (desktop.ui.application)
    # Only Qt is imported until the first window is painted (see desktop.ui.startup);
    # logging, settings and everything else come right after.
    from desktop.ui.application import create_application, run_demo, run_signed_in

    def start_logging() -> None:
        from desktop.logging_setup import configure_logging

        configure_logging(verbose=args.verbose)

    app = create_application(sys.argv[:1], version_later=True)
    if args.demo:
        return run_demo(app, prepare=start_logging, start_at=args.now,
                        time_zone=args.time_zone)

    def prepare() -> ConnectionSettings:
        from desktop.auth.settings import SettingsFile, resolve_connection_settings

        start_logging()
        return resolve_connection_settings(args, os.environ, SettingsFile())

    return run_signed_in(app, prepare=prepare)

if __name__ == "__main__":
    sys.exit(main())
