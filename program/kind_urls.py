"""The views of every registered activity kind that brings its own (`ActivityKind.urls`).

Each kind's URLconf is included under the namespace its module names (`app_name`), so an
activity in an app of its own adds its URLs without a line in a shared urls.py.
"""

from django.urls import include, path

from program import activities

urlpatterns = [path("", include(kind.urls)) for kind in activities.all_kinds() if kind.urls]
