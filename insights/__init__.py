"""Anonymous figures for the employment area: what people need, which services the bot recommends,
where an area has no service of its own, how the help was rated.

An event (events.py) records only codes from the vocabularies: the area, the audience, the
language, the topic, a catalogue category, path steps and service ids, a rating and the day.
Never a session id, a message, an age, a health detail or a time of day. Events older than the
retention period are folded into daily counts and deleted (retention.py). figures.py computes an
area's figures from both, with every count under 5 hidden.
"""
