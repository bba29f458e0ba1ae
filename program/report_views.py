"""The seminar report for facilitators: a printable page, and the same content as CSV files in a ZIP."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from program import lifecycle, report, report_files
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Seminar


def _keep_identifying(request: HtmxHttpRequest) -> bool:
    """Flagged data is redacted unless the facilitator asks to keep it."""
    return request.GET.get("identifying") == "keep"


@require_GET
@access.facilitator_required
def page(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    keep = _keep_identifying(request)
    with report.keeping_identifying(keep):
        built = report.build(seminar, request)
    response = render(request, "program/report/page.html",
                      {"seminar": seminar, "report": built, "keep_identifying": keep,
                       "purge_on": lifecycle.purge_on(seminar)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@access.facilitator_required
def download(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    with report.keeping_identifying(_keep_identifying(request)):
        response = HttpResponse(report_files.zip_bytes(seminar), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{seminar.slug}-report.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


FORMATS = {
    "xlsx": (report_files.xlsx_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (report_files.pdf_bytes, "application/pdf"),
}


@require_GET
@access.facilitator_required
def download_as(request: HtmxHttpRequest, seminar: Seminar, extension: str) -> HttpResponse:
    """The report as one Excel workbook or one PDF, in the facilitator's language."""
    make, content_type = FORMATS[extension]
    with report.keeping_identifying(_keep_identifying(request)):
        response = HttpResponse(make(seminar), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{seminar.slug}-report.{extension}"'
    response["Cache-Control"] = "private, no-store"
    return response
