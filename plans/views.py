from django.shortcuts import render


def index(request):
    return render(request, "plans/index.html", {"title": "Kế hoạch"})
