"""Conversation records: the chat use case, its history and deletion, summary links, anonymous
feedback, masking of personal data and the retention purge."""
