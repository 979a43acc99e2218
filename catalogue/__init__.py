"""The catalogue of services: models, seeding, the in-memory snapshot, search, importers, checks and coverage.

Every record in ``data/`` names its official source (``source_url``) and when it was checked
(``last_verified``).
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
