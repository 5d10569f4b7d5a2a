"""The application's URLs and /bench/ping/: the whole middleware stack (session, user,
two-factor and password gates, idle time-out, CSP, history) and a one-line answer."""

import os

from django.http import HttpResponse
from django.urls import path

from tgpl.urls import urlpatterns as application


def ping(request):
    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/ping/", ping, name="bench_ping"), *application]


class NodeNameMiddleware:
    """Says which node answered (X-Node: NODE_NAME), for the two-node test."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.name = os.environ.get("NODE_NAME", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.name:
            response["X-Node"] = self.name
        return response
