"""Back office for administrators, scoped like the pages (see scoping.py).

A centre's administrator keeps their centre, departments, agencies of the province,
staff and roles; the system administrator above the centres keeps the catalogues every
centre shares; a superuser sees all. Permissions come from tgpl/roles.py, never from
Django's per-model permissions; every write goes through a service.
"""

from . import accounts, catalogues, organisation  # noqa: F401  (registrations)
from .scoping import (
    BackOffice,
    CatalogueAccess,
    CatalogueAdmin,
    CatalogueInline,
    CentreScopedMixin,
    OrganisationAccess,
    OrganisationAdmin,
    OrganisationInline,
    ReadOnlyAccess,
    ReadOnlyAdmin,
    ReadOnlyInline,
    centre_path_of,
)

__all__ = [
    "BackOffice",
    "CatalogueAccess",
    "CatalogueAdmin",
    "CatalogueInline",
    "CentreScopedMixin",
    "OrganisationAccess",
    "OrganisationAdmin",
    "OrganisationInline",
    "ReadOnlyAccess",
    "ReadOnlyAdmin",
    "ReadOnlyInline",
    "centre_path_of",
]

from tgpl.audit import admin as _audit_admin  # noqa: F401 - the read log, read only
