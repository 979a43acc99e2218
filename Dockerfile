# One image for the three processes of Polkuopas (Rasa, the action server, the API);
# compose.yaml runs it in the shape of the production profile (deploy/supervisord.production.conf).
# Everything is installed and the model trained at build time: nothing is downloaded at run time.
FROM debian:bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_INSTALL_DIR=/opt/python \
    UV_LINK_MODE=copy \
    RASA_TELEMETRY_ENABLED=false

# Voikko (Finnish lemmas for the Rasa pipeline) from Debian, as scripts/bootstrap.sh installs it
RUN apt-get update \
 && apt-get install -y --no-install-recommends libvoikko1 voikko-fi ca-certificates \
 && rm -rf /var/lib/apt/lists/*

COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv

WORKDIR /app
COPY . /app

# The two Python environments from the committed lock files (README, "The two Python environments")
RUN uv python install 3.10 3.11 \
 && uv venv --python 3.10 .venv-rasa \
 && uv pip sync --python .venv-rasa/bin/python requirements/rasa.lock \
 && uv venv --python 3.11 .venv \
 && uv pip sync --python .venv/bin/python requirements/app.lock \
 && uv pip install --python .venv/bin/python --no-deps -e .

# The model, trained into the image
RUN scripts/train_if_stale.sh

EXPOSE 8000
# compose.yaml gives each service its command (scripts/run_rasa.sh, run_actions.sh, run_api.sh)
CMD ["scripts/run_api.sh"]
