"""The first sign-in of a demo account, in the browser: the forced password change page
stays put while the user types (the bell's poll once reloaded it for ever)."""

import pytest

from tests.e2e.conftest import PASSWORD, assert_clean

pytestmark = [pytest.mark.e2e]


def test_first_sign_in_changes_the_published_password(page, site):
    from tgpl.models import User

    User.objects.filter(username="ctv").update(must_change_password=True)
    page.goto(f"{site.url}/accounts/login/")
    page.fill("#id_username", "ctv")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/accounts/password/")
    assert page.locator("text=Bạn cần đặt mật khẩu mới trước khi làm việc tiếp").is_visible()
    form = page.locator("form:has(#id_old_password)")
    form.locator("#id_old_password").fill(PASSWORD)
    form.locator("#id_new_password1").fill("Hoa-dao-Mau-Son-2026!")
    form.locator("#id_new_password2").fill("Hoa-dao-Mau-Son-2026!")
    form.get_by_role("button", name="Lưu mật khẩu mới").click()
    page.wait_for_selector("text=Mật khẩu đã được đổi.")
    page.get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url(f"{site.url}/")
    assert "Xin chào, Đinh Văn Hùng" in page.content()
    assert not User.objects.get(username="ctv").must_change_password
    assert_clean(page)
