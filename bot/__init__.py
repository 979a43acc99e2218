"""The Rasa bot: training data (data/nlu, data/rules, data/stories) and the thin custom actions (actions/)."""
