"""Settings of the web nodes under `make bench-load` and the two-node test: the
application's own settings, plus one tiny page that needs a signed-in user (the
yardstick the case list is compared with), and static files looked up by their plain
names (the pages under load fetch no static file, so no `collectstatic` is needed)."""

from tgpl.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.load.urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MIDDLEWARE = ["tests.bench.load.urls.NodeNameMiddleware", *MIDDLEWARE]  # noqa: F405
