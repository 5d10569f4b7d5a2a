"""Put every request already in the database into the conflict-of-interest index
(once, after the migration that adds it; new requests are indexed at reception)."""

from django.core.management.base import BaseCommand

from cases.models import LegalAidRequest
from cases.services.conflicts import index_request


class Command(BaseCommand):
    help = "Index the names and identity numbers of every request for conflict checks."

    def handle(self, *args, **options):
        count = 0
        for req in LegalAidRequest.objects.order_by("pk").iterator(chunk_size=2000):
            index_request(req)
            count += 1
        self.stdout.write(f"Đã lập chỉ mục {count} yêu cầu.")
