"""Polkuopas HTTP API: chat gateway, catalogue and recommendation endpoints, chat page."""
