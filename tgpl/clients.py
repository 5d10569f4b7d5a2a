"""Where a request comes from: the client's address, read as authentication reads it.

django-axes locks out by (user, address); it resolves the address with django-ipware
when ipware is importable, configured by the AXES_IPWARE_* settings
(AXES_IPWARE_PROXY_COUNT comes from the environment's AXES_PROXY_COUNT), and takes
REMOTE_ADDR when it is not. `client_address` makes the same call with the same
settings, so the read log and the lockout always name the same address: configure the
proxy once (AXES_PROXY_COUNT, AXES_IPWARE_META_PRECEDENCE_ORDER) and both follow.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(address) -> str | None:
    """The address in its normal form, or None when it is not an IP address."""
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(str(address).strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's IP address; None when the request carries no valid one (ipware
    refuses a forwarded chain shorter than the configured proxies)."""
    try:
        from ipware.ip import get_client_ip
    except ImportError:  # django-ipware not installed: what the socket says
        return _valid(request.META.get("REMOTE_ADDR"))
    address, _routable = get_client_ip(
        request,
        proxy_order=getattr(settings, "AXES_IPWARE_PROXY_ORDER", "left-most"),
        proxy_count=getattr(settings, "AXES_IPWARE_PROXY_COUNT", None),
        proxy_trusted_ips=getattr(settings, "AXES_IPWARE_PROXY_TRUSTED_IPS", None),
        request_header_order=getattr(
            settings,
            "AXES_IPWARE_META_PRECEDENCE_ORDER",
            getattr(settings, "IPWARE_META_PRECEDENCE_ORDER", ("REMOTE_ADDR",)),
        ),
    )
    return _valid(address)
