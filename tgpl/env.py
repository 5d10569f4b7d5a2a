"""django-environ, strict: a boolean that is not a boolean stops the start-up with its name.

`environ.Env.bool` reads anything it does not know as False, so `SECURE_COOKIES=ture`
silently turns secure cookies off. Here only true/false, yes/no, on/off and 1/0 (any
case) are accepted; anything else raises ImproperlyConfigured naming the variable.
"""

from __future__ import annotations

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}


class StrictEnv(environ.Env):
    def bool(self, var, default=environ.Env.NOTSET):
        raw = self.get_value(var, cast=str, default=default)
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ImproperlyConfigured(
            f"{var}={raw!r} is not a boolean: write true or false (also yes/no, on/off, 1/0)."
        )
