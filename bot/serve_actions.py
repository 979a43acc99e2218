"""The action server as one process: `python -m bot.serve_actions --port 5055`.

rasa-sdk's own `python -m rasa_sdk` runs Sanic's worker manager: a main process and a worker. If
the worker dies (SIGKILL, out of memory), the main process keeps the port open but nothing
answers, and nothing restarts the worker. Here the same app (rasa-sdk's `create_app_for_serve`,
with our actions registered) runs in Sanic's single-process mode, so a crash ends the process
and the supervisor (deploy/supervisord.conf) starts a new one. More action workers are more of
these processes, one per Rasa process in the production profile.
"""

from __future__ import annotations

import argparse
import logging
import os

from rasa_sdk import utils
from rasa_sdk.endpoint import DEFAULT_SERVER_PORT, create_app_for_serve
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic

ACTIONS_PACKAGE = "bot.actions"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", DEFAULT_SERVER_PORT)))
    parser.add_argument("--host", default=os.environ.get("SANIC_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    executor = ActionExecutor()
    executor.register_package(ACTIONS_PACKAGE)
    app = create_app_for_serve(executor, cors_origins=None)
    app.prepare(host=args.host, port=args.port, single_process=True, motd=False, access_log=False)
    Sanic.serve_single(app)


if __name__ == "__main__":
    main()
