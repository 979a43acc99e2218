"""The `polkuopas` command: catalogue seeding and maintenance."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from catalogue.seed import DATA_DIR, load_yaml, seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="polkuopas", description="Polkuopas maintenance commands")
    commands = parser.add_subparsers(dest="command", required=True)

    catalogue = commands.add_parser("catalogue", help="catalogue data")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", required=True)
    seed_parser = catalogue_commands.add_parser("seed", help="migrate the database and load catalogue/data/")
    seed_parser.add_argument("--if-needed", action="store_true", help="do nothing when the data files have not changed")

    catalogue_commands.add_parser(
        "check", help="sources, verification dates, references, URLs and phones of catalogue/data/"
    )

    coverage_parser = catalogue_commands.add_parser(
        "coverage",
        help="what a coach finds with one line per employment area: job coaching, work trials, employer supports",
    )
    coverage_parser.add_argument("--listed", action="store_true", help="only the areas issue 3 lists")

    export_parser = catalogue_commands.add_parser(
        "export-ptv", help="write the catalogue as PTV Open API v11 pages (services.json, channels.json)"
    )
    export_parser.add_argument("folder", type=Path)
    import_parser = catalogue_commands.add_parser(
        "import-ptv", help="read PTV Open API v11 pages and report what would be added or changed"
    )
    import_parser.add_argument("services", type=Path, help="JSON list of service pages")
    import_parser.add_argument("channels", type=Path, help="JSON list of service channel pages")
    import_parser.add_argument("--write", action="store_true", help="write the result to catalogue/data/services.yaml")

    export_edits_parser = catalogue_commands.add_parser(
        "export-edits",
        help="write the catalogue with the staff's approved edits (/hallinta) as YAML files, to review and commit",
    )
    export_edits_parser.add_argument("folder", type=Path)
    export_edits_parser.add_argument(
        "--full",
        action="store_true",
        help="write whole services.yaml, providers.yaml and employment_areas.yaml (e.g. into catalogue/data) "
        "instead of approved_edits.yaml, which lists only the approved edits",
    )

    sync_parser = catalogue_commands.add_parser(
        "sync-ptv",
        help="fetch an area's employment services from PTV (Suomi.fi) and propose what differs into its review queue",
    )
    which = sync_parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--area", help="the employment area's id, e.g. kuopio")
    which.add_argument("--all", action="store_true", help="every employment area (for a nightly cron job)")

    top_purge = commands.add_parser(
        "purge", help="delete conversations older than the retention period (safe to run from cron)"
    )
    top_purge.add_argument(
        "--older-than",
        type=_days,
        default=None,
        metavar="30d",
        help="age limit in days, e.g. 30d or 30 (default: POLKUOPAS_RETENTION_DAYS or 30)",
    )
    conversations = commands.add_parser("conversations", help="stored conversations")
    conversation_commands = conversations.add_subparsers(dest="conversations_command", required=True)
    purge_parser = conversation_commands.add_parser(
        "purge", help="delete conversations, summaries and Rasa tracker rows older than the retention period"
    )
    purge_parser.add_argument(
        "--days", type=int, default=None, help="retention in days (default: POLKUOPAS_RETENTION_DAYS or 30)"
    )

    staff = commands.add_parser("staff", help="staff accounts of the employment areas (the /tilastot page)")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    create_parser = staff_commands.add_parser("create", help="a new account for one area, or a national admin")
    create_parser.add_argument("username")
    where = create_parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--area", help="the employment area's id, e.g. tampereen-seutu")
    where.add_argument("--national", action="store_true", help="sees every area's figures")
    create_parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (else it is asked)"
    )
    password_parser = staff_commands.add_parser("password", help="set a new password (ends the account's logins)")
    password_parser.add_argument("username")
    password_parser.add_argument("--password-stdin", action="store_true")
    for name, help_text in (("disable", "stop an account's logins"), ("enable", "let a disabled account log in again")):
        staff_commands.add_parser(name, help=help_text).add_argument("username")
    staff_commands.add_parser("list", help="every account, its area and whether it is active")
    audit_parser = staff_commands.add_parser(
        "audit", help="the newest logins, failed logins, logouts and account changes (UTC)"
    )
    audit_parser.add_argument("--limit", type=int, default=100)

    stats = commands.add_parser("stats", help="the areas' anonymous usage figures")
    stats_commands = stats.add_subparsers(dest="stats_command", required=True)
    fold_parser = stats_commands.add_parser(
        "fold", help="fold usage events older than the retention period into daily counts (safe to run from cron)"
    )
    fold_parser.add_argument(
        "--days", type=int, default=None, help="retention in days (default: POLKUOPAS_STATS_RETENTION_DAYS or 90)"
    )

    args = parser.parse_args(argv)
    if args.command == "staff":
        from staff.cli import staff_command

        return staff_command(args)
    if args.command == "stats":
        return fold_usage_events(args.days)
    if args.command == "conversations" and args.conversations_command == "purge":
        return purge_conversations(args.days)
    if args.command == "purge":
        return purge_conversations(args.older_than)
    if args.command == "catalogue" and args.catalogue_command == "export-ptv":
        return export_ptv_files(args.folder)
    if args.command == "catalogue" and args.catalogue_command == "import-ptv":
        return import_ptv_files(args.services, args.channels, write=args.write)
    if args.command == "catalogue" and args.catalogue_command == "sync-ptv":
        return sync_ptv(None if args.all else args.area)
    if args.command == "catalogue" and args.catalogue_command == "export-edits":
        return export_edits(args.folder, full=args.full)
    if args.command == "catalogue" and args.catalogue_command == "check":
        from catalogue.checks import check_catalogue

        report = check_catalogue()
        print(report)
        return 0 if report.ok else 1
    if args.command == "catalogue" and args.catalogue_command == "coverage":
        return print_coverage(listed_only=args.listed)
    if args.command == "catalogue" and args.catalogue_command == "seed":
        print(seed(if_needed=args.if_needed))
        return 0
    parser.print_help()
    return 2


def purge_conversations(days: int | None) -> int:
    import os

    from sqlalchemy import create_engine

    from catalogue.db import PROJECT_ROOT, database_url, get_engine
    from catalogue.seed import migrate
    from conversations.retention import purge, retention_days

    days = retention_days() if days is None else days
    if days < 1:
        print("--days must be at least 1", file=sys.stderr)
        return 2
    engine = get_engine(database_url())
    migrate(engine)
    # Rasa's tracker store, named like api.settings does; a missing SQLite file has nothing to purge.
    tracker_url = os.environ.get("RASA_TRACKER_DB_URL", "").strip()
    tracker_file = Path(os.environ.get("RASA_TRACKER_DB", str(PROJECT_ROOT / "var" / "rasa_tracker.db")))
    tracker_engine = None
    if tracker_url:
        tracker_engine = create_engine(tracker_url)
    elif tracker_file.exists():
        tracker_engine = create_engine(f"sqlite:///{tracker_file}")
    try:
        counts = purge(engine, older_than_days=days, tracker_engine=tracker_engine)
    finally:
        if tracker_engine is not None:
            tracker_engine.dispose()
    print(f"Purged conversations inactive for more than {days} days:")
    for table, count in counts.items():
        print(f"  {table}: {count}")
    return 0


def sync_ptv(area_id: str | None) -> int:
    from catalogue.db import database_url, get_engine
    from catalogue.edits import current_records
    from catalogue.importers.ptv_sync import sync_area

    engine = get_engine(database_url())
    seed(engine, if_needed=True)
    areas = [area_id] if area_id else [str(a["id"]) for a in current_records(engine)["area"]]
    status = 0
    for area in areas:
        try:
            result = sync_area(engine, area)
        except ValueError as error:
            print(f"polkuopas catalogue sync-ptv: {error}", file=sys.stderr)
            return 2
        print(result.summary())
        for problem in result.problems:
            print(f"  {problem}")
        if not result.complete:
            status = 1
    return status


def export_edits(folder: Path, *, full: bool) -> int:
    from catalogue.db import database_url, get_engine
    from catalogue.edits import FILES, approved_for_export, current_records

    engine = get_engine(database_url())
    seed(engine, if_needed=True)
    folder.mkdir(parents=True, exist_ok=True)
    if full:
        records = current_records(engine)
        files = {name: records[kind] for kind, name in FILES.items()}
    else:
        files = {"approved_edits.yaml": approved_for_export(engine)}
    for name, content in files.items():
        (folder / name).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
        )
    print(f"Wrote {', '.join(files)} to {folder}: review it, apply it to catalogue/data/ and commit.")
    return 0


def fold_usage_events(days: int | None) -> int:
    from catalogue.db import database_url, get_engine
    from catalogue.seed import migrate
    from insights.retention import fold, stats_retention_days

    days = stats_retention_days() if days is None else days
    if days < 1:
        print("--days must be at least 1", file=sys.stderr)
        return 2
    engine = get_engine(database_url())
    migrate(engine)
    print(f"Folded {fold(engine, older_than_days=days)} usage events older than {days} days into daily counts.")
    return 0


def print_coverage(*, listed_only: bool) -> int:
    from catalogue.coverage import catalogue_coverage, format_coverage
    from catalogue.db import get_engine
    from catalogue.repository import get_catalogue

    engine = get_engine()
    seed(engine, if_needed=True)
    print(format_coverage(catalogue_coverage(get_catalogue(engine, refresh=True), listed_only=listed_only)))
    return 0


def export_ptv_files(folder: Path) -> int:
    from catalogue.importers.ptv_common import paged
    from catalogue.importers.ptv_export import export_ptv
    from catalogue.seed import with_translations

    # with each service's Swedish and English words as PTV's language versions
    services, channels = export_ptv(with_translations(load_yaml("services.yaml")))
    folder.mkdir(parents=True, exist_ok=True)
    for name, items in (("services.json", services), ("channels.json", channels)):
        (folder / name).write_text(
            json.dumps(paged(items), ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
    print(f"Exported {len(services)} services and {len(channels)} channels to {folder}")
    return 0


def import_ptv_files(services_path: Path, channels_path: Path, *, write: bool) -> int:
    from catalogue.importers.ptv_common import TRANSLATED_FIELDS
    from catalogue.importers.ptv_import import import_ptv
    from catalogue.seed import with_translations

    try:
        service_pages = json.loads(services_path.read_text(encoding="utf-8"))
        channel_pages = json.loads(channels_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"Cannot read the PTV files: {error}", file=sys.stderr)
        return 2
    # compared with our Swedish and English words too (catalogue/data/translations), as exported
    ours = with_translations(load_yaml("services.yaml"))
    result = import_ptv(service_pages, channel_pages, ours)
    print(result.summary())
    for problem in result.errors:
        print(f"  skipped {problem.where}: {problem.reason}")
    if write and (result.added or result.changed):
        # language versions that only repeat the translation files stay there; new ones from PTV are
        # kept on the record (title_sv, ...) for review
        known = {record["id"]: record for record in ours}
        records = [
            {
                key: value
                for key, value in record.items()
                if key not in TRANSLATED_FIELDS or known.get(record["id"], {}).get(key) != value
            }
            for record in result.records
        ]
        (DATA_DIR / "services.yaml").write_text(
            yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        print("Wrote catalogue/data/services.yaml; run `polkuopas catalogue check` and review the diff.")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def _days(text: str) -> int:
    """'30d' or '30' → 30."""
    value = text.strip().lower().removesuffix("d")
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("anna päivät muodossa 30d tai 30")
    return int(value)
