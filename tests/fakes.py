"""Fakes for faults the real parts cannot be made to show. Real parts everywhere else."""
