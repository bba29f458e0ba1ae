"""The seminar report for facilitators: a printable page, and the same content as CSV files in a
ZIP, an Excel workbook and a PDF; for the whole seminar, one department or one big group."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from groups.models import Group, Grouping
from program import lifecycle, report, report_files
from seminar import access
from seminar.http import HtmxHttpRequest, optional_id
from seminar.models import Seminar


def _cut(request: HtmxHttpRequest, seminar: Seminar) -> tuple[report.Cut | None, str]:
    """The part asked for (`department` or `group` id) and its query string; 404 for another
    seminar's."""
    department_id = optional_id(request.GET.get("department"))
    group_id = optional_id(request.GET.get("group"))
    if department_id is not None:
        department = seminar.departments.filter(pk=department_id).first()
        if department is None:
            raise Http404
        return report.department_cut(department), f"department={department.pk}"
    if group_id is not None:
        group = Group.objects.filter(pk=group_id, round__grouping__seminar=seminar).first()
        if group is None:
            raise Http404
        return report.group_cut(group), f"group={group.pk}"
    return None, ""


@contextmanager
def _as_asked(
    request: HtmxHttpRequest, seminar: Seminar
) -> Iterator[tuple[report.Cut | None, str, bool]]:
    """The cut and the choice about identifying data, in force while the report is built."""
    cut, query = _cut(request, seminar)
    keep = (
        request.GET.get("identifying") == "keep"
    )  # flagged data is redacted unless asked to keep it
    with report.cutting(cut), report.keeping_identifying(keep):
        yield (
            cut,
            "&".join(part for part in (query, "identifying=keep" if keep else "") if part),
            keep,
        )


def _big_groups(seminar: Seminar) -> list[Group]:
    return list(
        Group.objects.filter(
            round__grouping__seminar=seminar,
            round__grouping__kind=Grouping.Kind.MIXED,
            round__published_at__isnull=False,
        )
        .select_related("round__grouping")
        .order_by("round__grouping__name", "round__number", "number")
    )


@require_GET
@access.facilitator_required
def page(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    with _as_asked(request, seminar) as (cut, query, keep):
        built = report.build(seminar, request)
    response = render(
        request,
        "program/report/page.html",
        {
            "seminar": seminar,
            "report": built,
            "keep_identifying": keep,
            "cut": cut,
            "query": f"?{query}" if query else "",
            "purge_on": lifecycle.purge_on(seminar),
            "departments": seminar.departments.all(),
            "big_groups": _big_groups(seminar),
            "chosen": {key: optional_id(request.GET.get(key)) for key in ("department", "group")},
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


FORMATS: dict[str, tuple[Callable[[Seminar], bytes], str]] = {
    "zip": (report_files.zip_bytes, "application/zip"),
    "xlsx": (
        report_files.xlsx_bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pdf": (report_files.pdf_bytes, "application/pdf"),
}


@require_GET
@access.facilitator_required
def download_as(request: HtmxHttpRequest, seminar: Seminar, extension: str) -> HttpResponse:
    """The report as a ZIP of CSV files, one Excel workbook or one PDF, in the facilitator's
    language."""
    make, content_type = FORMATS[extension]
    with _as_asked(request, seminar) as (_, query, _keep):
        response = HttpResponse(make(seminar), content_type=content_type)
    part = "".join(
        f"-{key}-{value}"
        for key, value in (pair.split("=") for pair in query.split("&") if pair)
        if key != "identifying"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{seminar.slug}-report{part}.{extension}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
