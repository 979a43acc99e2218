"""Importers that bring service records from outside catalogues into ours."""
