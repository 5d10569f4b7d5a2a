from django.core.paginator import Paginator


def paginate(request, queryset, per_page: int = 50):
    """A page of the queryset from ?page=, and the query string without `page` for links."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
