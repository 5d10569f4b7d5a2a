"""The one error of the plan reader."""


class PlanParseError(ValueError):
    """The file cannot be read; the message is in Vietnamese, for the user."""
