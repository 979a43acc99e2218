-- compose.yaml's PostgreSQL: the catalogue and chat history in `polkuopas` (POSTGRES_DB), Rasa's
-- conversations in `polkuopas_tracker`, as scripts/run_production.sh creates them.
CREATE DATABASE polkuopas_tracker;
