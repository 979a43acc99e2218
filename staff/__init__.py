"""Staff accounts of the employment areas: who may see an area's figures (and, later, edit its
services). Passwords are hashed with Argon2id (argon2-cffi), sessions are random tokens kept
only as hashes, and every login, failed login, logout and account change is written to an
audit log. An account belongs to one employment area, or to none: a national admin.
"""
