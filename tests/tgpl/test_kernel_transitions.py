"""The one transition-table shape of every app."""

import pytest
from django.db import models

from tgpl.errors import BusinessRuleError
from tgpl.kernel import Transition, Transitions, allowed, check_transition


class Light(models.TextChoices):
    RED = "red", "Đỏ"
    GREEN = "green", "Xanh"
    OFF = "off", "Tắt"


TABLE = Transitions(
    Light,
    go=Transition({Light.RED}, Light.GREEN, "cho đi"),
    stop=Transition({Light.GREEN}, Light.RED, "dừng lại"),
    note=Transition({Light.RED, Light.GREEN}, None, "ghi chú"),
)


@pytest.mark.parametrize(
    ("action", "current", "expected"),
    [
        ("go", Light.RED, Light.GREEN),
        ("stop", Light.GREEN, Light.RED),
        ("note", Light.GREEN, Light.GREEN),  # None: the state does not change
    ],
)
def test_an_allowed_action_leads_to_its_target(action, current, expected):
    assert check_transition(TABLE, action, current) == expected


def test_a_refused_action_names_the_action_and_the_state_in_vietnamese():
    with pytest.raises(BusinessRuleError) as refused:
        check_transition(TABLE, "go", Light.OFF)
    assert refused.value.message == "Không thể cho đi khi đang ở trạng thái “Tắt”."


def test_allowed_lists_every_action_a_state_permits():
    assert allowed(TABLE, Light.RED) == {"go", "note"}
    assert allowed(TABLE, Light.OFF) == frozenset()


def test_a_table_naming_an_unknown_state_fails_at_import():
    with pytest.raises(ValueError, match="unknown states"):
        Transitions(Light, broken=Transition({"blue"}, Light.RED, "hỏng"))


def test_every_app_table_uses_the_kernel_shape():
    from cases import states
    from plans import states as plan_states

    tables = [
        states.REQUEST_TRANSITIONS,
        states.CASE_TRANSITIONS,
        states.ASSIGNMENT_TRANSITIONS,
        states.CHANGE_REQUEST_TRANSITIONS,
        plan_states.PLAN_TRANSITIONS,
    ]
    assert all(isinstance(t, Transitions) for t in tables)
    for table in tables:
        for state in table.states.values:
            for action in table.allowed(state):
                assert table.check(action, state) in table.states.values
