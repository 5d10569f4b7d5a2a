"""Back office of outreach: one module per concept (trainings: admin_trainings.py)."""

from . import admin_trainings  # noqa: F401
