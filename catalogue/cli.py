"""The `polkuopas` command: catalogue seeding and maintenance."""

from __future__ import annotations

import argparse
import sys

from catalogue.seed import seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="polkuopas", description="Polkuopas maintenance commands")
    commands = parser.add_subparsers(dest="command", required=True)

    catalogue = commands.add_parser("catalogue", help="catalogue data")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", required=True)
    seed_parser = catalogue_commands.add_parser("seed", help="migrate the database and load catalogue/data/")
    seed_parser.add_argument(
        "--if-needed", action="store_true", help="do nothing when the data files have not changed"
    )

    catalogue_commands.add_parser(
        "check", help="sources, verification dates, references, URLs and phones of catalogue/data/"
    )

    args = parser.parse_args(argv)
    if args.command == "catalogue" and args.catalogue_command == "check":
        from catalogue.checks import check_catalogue

        report = check_catalogue()
        print(report)
        return 0 if report.ok else 1
    if args.command == "catalogue" and args.catalogue_command == "seed":
        print(seed(if_needed=args.if_needed))
        return 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
