"""Rasa's own command line (`rasa run`, `rasa train`, ...) with three fixes for Rasa 3.6's speed.

1. Rasa 3.6 checks every reply of the action server with `jsonschema.validate(reply, schema)`
(`RemoteAction._validate_action_result`). That function first checks the schema itself against
JSON Schema's meta-schema, on every call; with jsonschema 4 (draft 2020-12) that costs about 35 ms
of CPU, and a turn of a form calls the action server two or three times. Profiled under load
(`make load` with py-spy, docs/performance.md) it was 47 % of the Rasa server's CPU.

The fix checks the same replies against the same schema with a validator built once
(jsonschema's documented way to validate many instances: `validator_for(schema)(schema)`,
https://python-jsonschema.readthedocs.io/en/stable/validate/), about 2 ms a reply. A reply that
fails gets the same ValidationError with the same message as in Rasa.

2. Each call to the action server carries the whole conversation (every event) as JSON, encoded by
Python's `json` module inside aiohttp: 7 % of Rasa's CPU under load after the first fix. The body
is now encoded by ujson, which Rasa itself depends on and uses elsewhere: the same JSON value,
written about three times faster.

3. Rasa opens a new aiohttp client session, and so a new TCP connection, for every call to the
action server, and closes it after the answer. The calls now share one session per endpoint, whose
connections are kept alive for 2 s (far less than the action server's Sanic keeps an idle
connection open, so that a connection is not reused just as the server closes it). A call on a
connection the action server dropped (it was killed and restarted) is sent once more.

scripts/rasa.sh runs `python -m polkuopas_rasa ...` from .venv-rasa instead of the `rasa` script.
"""

from __future__ import annotations

import asyncio
import sys
from functools import cache
from types import TracebackType
from typing import Any

import aiohttp
import ujson
from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

_rasa_request = EndpointConfig.request
KEEP_ALIVE_SECONDS = 2.0


@cache
def action_response_validator() -> Validator:
    """The validator of an action server's reply, built and its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """What `RemoteAction._validate_action_result` does, with the validator built once."""
    try:
        action_response_validator().validate(result)
    except ValidationError as error:
        # the same words Rasa adds (rasa/core/actions/action.py)
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


async def request_with_ujson(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
    """`EndpointConfig.request` with a JSON body encoded by ujson (Rasa sets the content type), on
    the endpoint's shared session, once more if the connection turns out to be gone."""
    if "json" in kwargs:
        kwargs["data"] = ujson.dumps(kwargs.pop("json"), ensure_ascii=False, escape_forward_slashes=False).encode()
    try:
        return await _rasa_request(self, *args, **kwargs)
    except aiohttp.ServerDisconnectedError:
        return await _rasa_request(self, *args, **kwargs)


class _SharedSession:
    """What `async with endpoint.session() as session` gets: the endpoint's shared session, left
    open at the end of the block."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        return None


def shared_session(self: EndpointConfig) -> _SharedSession:
    """`EndpointConfig.session`: Rasa's session (headers, authentication, timeout), made once per
    endpoint and event loop, with kept-alive connections."""
    loop = asyncio.get_running_loop()
    # kept with its loop: aiohttp's own `ClientSession.loop` warns of its deprecation on every read
    made_in, session = self.__dict__.get("_shared_session", (None, None))
    if session is None or session.closed or made_in is not loop:
        # the settings of Rasa's EndpointConfig.session
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS),
        )
        self.__dict__["_shared_session"] = (loop, session)
    return _SharedSession(session)


def install() -> None:
    """Puts the fixes in place of Rasa's methods (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
    EndpointConfig.request = request_with_ujson
    EndpointConfig.session = shared_session


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
