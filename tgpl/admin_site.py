from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from . import roles


class TgplAdminSite(admin.AdminSite):
    site_header = "Quản trị hệ thống Trợ giúp pháp lý"
    site_title = "Quản trị TGPL"
    index_title = "Quản trị"

    def has_permission(self, request):
        return request.user.is_active and roles.can_use_admin(request.user)


class TgplAdminConfig(AdminConfig):
    """Django admin with the site above: roles decide who may enter."""

    default_site = "tgpl.admin_site.TgplAdminSite"
