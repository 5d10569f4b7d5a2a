class BusinessRuleError(Exception):
    """An error a user can cause, with a Vietnamese message to show them.

    Services raise it; views turn it into a form error or a message, never a 500.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
