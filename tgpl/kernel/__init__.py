"""The kernel's one way to write, shared by every app.

- `save` / `create` / `bulk_create` / `set_related`: every write a person causes goes
  through these, so django-simple-history records who did it and why.
- `Transitions`: the one shape of a state table; `check_transition` says whether an
  action may run from a state, `allowed` which actions may.
- `emit`: a side effect (notification, e-mail, reminder) is an outbox row written in the
  same transaction and handled after commit; a change that rolls back sends nothing.
  `after_commit`: an effect that stays in the application (a cache renewed), after commit.
- `require`, `require_text`, `now_or`, `local_date`: the small checks every service makes.

A new app's services import from here and nowhere else for these needs.
"""

from .checks import NOT_ALLOWED, local_date, now_or, require, require_text
from .events import after_commit, emit, subscribe
from .transitions import Transition, Transitions, allowed, check_transition
from .writes import bulk_create, bulk_create_related, bulk_update, create, delete, save, set_related

__all__ = [
    "NOT_ALLOWED",
    "Transition",
    "Transitions",
    "after_commit",
    "allowed",
    "bulk_create",
    "bulk_create_related",
    "bulk_update",
    "check_transition",
    "create",
    "delete",
    "emit",
    "local_date",
    "now_or",
    "require",
    "require_text",
    "save",
    "set_related",
    "subscribe",
]
