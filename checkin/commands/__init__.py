"""Sub-commands of ``checkin``; each module registers its own (see checkin/cli.py)."""
