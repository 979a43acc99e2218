"""The catalogue of services: models, seeding, the in-memory snapshot, search, importers, checks and coverage.

Every record in ``data/`` names its official source (``source_url``) and when it was checked
(``last_verified``).
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# The ids of the national services (docs/contract.md): other parts and deployments rely on them.
NATIONAL_SERVICE_IDS = (
    "palkkatuki",
    "tyollistamistuki-55",
    "tyoolosuhteiden-jarjestelytuki",
    "nuorten-tyollistymisseteli",
    "oppisopimus",
    "koulutussopimus",
    "tyohonvalmennus",
    "tyokokeilu",
    "kuntouttava-tyotoiminta",
    "starttiraha",
    "tyonhakuvalmennus",
    "uraohjaus",
    "tyovoimakoulutus",
    "omaehtoinen-opiskelu",
    "kotoutumiskoulutus",
    "ohjaamo",
    "etsiva-nuorisotyo",
    "nuorten-tyopaja",
    "tyokykykoordinaattori",
    "tyokyvyn-arviointi",
    "kela-ammatillinen-kuntoutus",
    "monialainen-yhteispalvelu",
    "sosiaalinen-kuntoutus",
    "tyottomyysturva",
    "ilmoittautuminen-tyonhakijaksi",
)
