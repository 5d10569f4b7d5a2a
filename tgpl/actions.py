"""The one idiom of a view that changes something: valid form → service → message.

    outcome = submit(request, form, lambda data: services.close_case(...), success="Đã ...")
    if outcome:
        return redirect(...)
    return render(..., status=400)      # the form carries the errors, what was typed stays

    perform(request, lambda: services.approve_plan(plan=plan, actor=request.user),
            success="Đã phê duyệt kế hoạch.")   # a button with no form

A page with several actions declares them as a table of `Action`s (who may, which form,
which service, what to say) and one view runs whichever was posted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages

from .errors import BusinessRuleError
from .forms import add_business_error


@dataclass
class Outcome:
    ok: bool
    value: Any = None

    def __bool__(self) -> bool:
        return self.ok


def submit(request, form, call: Callable[[dict], Any], *, success: str | None = None) -> Outcome:
    """Run a service with a valid form's data. A BusinessRuleError becomes a form error
    (nothing was saved: the service's transaction rolled back); success leaves a message."""
    if not form.is_valid():
        return Outcome(False)
    try:
        value = call(form.cleaned_data)
    except BusinessRuleError as exc:
        add_business_error(form, exc)
        return Outcome(False)
    if success:
        messages.success(request, success)
    return Outcome(True, value)


def perform(request, call: Callable[[], Any], *, success: str) -> Outcome:
    """A button with no form (approve, close): run the service, say how it went."""
    try:
        value = call()
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
        return Outcome(False)
    messages.success(request, success)
    return Outcome(True, value)


@dataclass(frozen=True)
class Action:
    """One button of a page: who may press it, its form, the service it calls, the message.

    `call(actor, obj, data)` calls the service; `form_kwargs(obj)` gives the form what it
    needs to build its choices.
    """

    may: Callable[..., bool]
    form: type
    call: Callable[[Any, Any, dict], Any]
    success: str
    form_kwargs: Callable[[Any], dict] | None = None

    def bind(self, obj, data, files=None):
        kwargs = self.form_kwargs(obj) if self.form_kwargs else {}
        return self.form(data, files, **kwargs)
