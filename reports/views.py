from django.shortcuts import render


def index(request):
    return render(request, "reports/index.html", {"title": "Báo cáo"})
