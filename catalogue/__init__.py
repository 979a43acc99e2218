"""Polkuopas catalogue: services, municipalities, employment areas, search and recommendations."""
