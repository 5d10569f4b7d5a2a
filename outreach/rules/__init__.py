"""Pure rules of outreach (no request, no ORM): what a circular can change.

Each module is small and tested with tables naming the article.
"""
