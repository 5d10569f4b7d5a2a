"""The load of `make bench-load`: every simulated user holds a session signed in through
the login form (made by tests/bench/load/__main__.py before the run, so the sign-ins'
password hashing is not counted) and asks for one page again and again, with no pause.

LOAD_PATH is the page; LOAD_SESSIONS the JSON file of the sessions' cookies. A response
counts as an error unless it is a 200 (a redirect to the login or two-factor page is one).
"""

from __future__ import annotations

import itertools
import json
import os

from locust import FastHttpUser, constant, task

PATH = os.environ["LOAD_PATH"]
with open(os.environ["LOAD_SESSIONS"], encoding="utf-8") as handle:
    SESSIONS = json.load(handle)
_next = itertools.count()


class SignedInUser(FastHttpUser):
    wait_time = constant(0)
    network_timeout = 180.0
    connection_timeout = 30.0

    def on_start(self):
        cookies = SESSIONS[next(_next) % len(SESSIONS)]
        self.cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())

    @task
    def page(self):
        with self.client.get(
            PATH,
            name=PATH,
            headers={"Cookie": self.cookie_header},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} {response.headers.get('Location')}")
