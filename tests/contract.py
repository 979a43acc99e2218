"""Shapes of docs/api.md that several test modules check."""

# The keys of a ServiceCard: the contract's, and `lang` (issue 19: the language of its words)
CARD_KEYS = frozenset(
    {"id", "title", "summary", "category", "scope", "provider", "url", "contact", "source_url", "last_verified", "lang"}
)
