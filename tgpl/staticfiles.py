"""The static files storage of a production start (DEBUG=false).

WhiteNoise's compressed manifest storage rewrites every ``url(...)`` of a stylesheet to
the file's hashed name. Django leaves URLs with a scheme alone, but only schemes made of
letters (``^[a-z]+:``); the document stylesheet's private ``tgpl-static:`` scheme has a
hyphen, so `collectstatic` took it for a relative path and stopped. Any RFC 3986 scheme
is left alone here: those URLs are resolved by the PDF fetcher (tgpl/documents/fetcher.py)
through the staticfiles finders, never by the browser.
"""

from __future__ import annotations

import re

from whitenoise.storage import CompressedManifestStaticFilesStorage

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def converter(matchobj):
            if _SCHEME.match(matchobj.groupdict()["url"]):
                return matchobj.groupdict()["matched"]
            return convert(matchobj)

        return converter
