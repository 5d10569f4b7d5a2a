"""Sign-in security: lockouts, password rules, two-factor sign-in, idle sessions.

- `lockout`: django-axes' (user, address) lockout plus the slower limits against
  password spraying (one address across accounts, one account across addresses), and
  the Vietnamese lockout page.
- `passwords`: the password validators (common and Vietnamese-common passwords, the
  user's own name, the published demo password), with Vietnamese messages.
- `two_factor`: TOTP (django-otp) for those `roles.requires_two_factor` names.
- `middleware`: the idle timeout that a polling tab does not renew, and the gate that
  sends a user to two-factor sign-in or to the password change before any other page.
"""
