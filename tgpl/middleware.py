from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers


class PrivateNoStoreMiddleware:
    """Pages seen by a signed-in user may carry applicants' data: never cache them.

    Static files are served by WhiteNoise before this runs and keep their caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
