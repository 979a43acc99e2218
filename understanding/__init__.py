"""Language understanding: reading what people write in Finnish.

Folding and Voikko lemmas (``finnish``), numbers, ages, durations and wages (``textparse``),
interview answers into profile values (``interview``), the competence profile (``competence``),
municipality names in any form (``municipalities``), the facts a message states for the
interview forms (``facts``) and health answers kept only as a category (``sensitive``).
"""
