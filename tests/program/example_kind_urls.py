"""A URLconf that an example activity kind brings (tests/program/test_kind_extension_points.py)."""

from django.http import HttpResponse
from django.urls import path

app_name = "example"

urlpatterns = [
    path("example/<int:number>/", lambda request, number: HttpResponse(str(number)), name="echo")
]
