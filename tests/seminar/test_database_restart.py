"""PostgreSQL restarted: the pooled connections it dropped are replaced, not handed out.

Every connection of this process to the test database is ended by the server, as in a
restart; the requests after it must all be answered (the pool checks a connection before
handing it out: CONN_HEALTH_CHECKS, see settings.py).
"""

import psycopg
import pytest
from django.db import connection

from tests.conftest import need

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def end_every_connection_to(database: str) -> int:
    params = connection.get_connection_params()
    params.pop("autocommit", None)
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return len(rows)


def test_every_request_after_the_database_dropped_its_connections_is_answered(
    seminar, phone_client
):
    need(
        connection.vendor == "postgresql",
        "needs PostgreSQL (DATABASE_URL) to drop pooled connections",
    )
    for _ in range(3):
        assert phone_client.get(f"/s/{seminar.slug}/").status_code == 200
    # This thread's connection goes back to the pool, to be dropped with the rest.
    connection.close()

    assert end_every_connection_to(connection.settings_dict["NAME"]) >= 1

    statuses = [phone_client.get(f"/s/{seminar.slug}/").status_code for _ in range(20)]
    assert statuses == [200] * 20
