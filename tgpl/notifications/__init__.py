"""Deadline reminders and in-app notifications (issue 6).

- `deadlines.py`: what falls due (providers registered by the apps: plans, cases).
- `scan.py`: turns due deadlines into reminder rows, each sent exactly once.
- `delivery.py`: in-app notification and e-mail for one reminder.
- `ics.py`: a per-user iCalendar feed behind a secret token.
"""
