"""Writes of outreach: one module per concept (trainings: trainings.py)."""
