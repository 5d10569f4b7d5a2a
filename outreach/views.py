from django.shortcuts import render


def index(request):
    return render(request, "outreach/index.html", {"title": "Truyền thông"})
