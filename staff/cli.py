"""`polkuopas staff ...`: create and manage the areas' staff accounts."""

from __future__ import annotations

import argparse
import getpass
import sys

from catalogue.db import database_url, get_engine
from catalogue.repository import get_catalogue
from catalogue.seed import seed
from staff.accounts import audit_log, create_account, list_accounts, set_active, set_password


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("the passwords differ")
    return first


def staff_command(args: argparse.Namespace) -> int:
    engine = get_engine(database_url())
    seed(engine, if_needed=True)  # migrates, and knows the areas
    try:
        if args.staff_command == "create":
            area = None if args.national else args.area
            if area is not None and area not in get_catalogue(engine, refresh=True).areas:
                raise ValueError(f"no employment area {area}; the ids are in catalogue/data/employment_areas.yaml")
            create_account(engine, args.username, _password(args.password_stdin), area)
            print(f"Created {args.username} for {area or 'every area (national admin)'}.")
        elif args.staff_command == "password":
            set_password(engine, args.username, _password(args.password_stdin))
            print(f"New password set for {args.username}; its logins ended.")
        elif args.staff_command in ("disable", "enable"):
            set_active(engine, args.username, args.staff_command == "enable")
            print(f"{args.username}: {args.staff_command}d.")
        elif args.staff_command == "audit":
            for at, username, action in audit_log(engine, args.limit):
                print(f"{at:%Y-%m-%d %H:%M:%S}\t{username or '(unknown name)'}\t{action}")
        else:
            for username, area, active in list_accounts(engine):
                print(f"{username}\t{area or '(national)'}\t{'active' if active else 'disabled'}")
    except ValueError as error:
        print(f"polkuopas staff: {error}", file=sys.stderr)
        return 2
    return 0
