"""A real daphne process serving the test database, as the browser tests' live server."""

import ctypes
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from tests.servers import database_url, free_port  # noqa: F401 (browser tests import them from here)

BASE_DIR = Path(settings.BASE_DIR)
SERVER_START_SECONDS = 30
PR_SET_PDEATHSIG = 1


def daphne_command(port: int) -> list[str]:
    script = BASE_DIR / ".venv" / "bin" / "daphne"
    if not script.exists():
        script = Path(sys.executable).parent / "daphne"
    start = [str(script)] if script.exists() else [sys.executable, "-m", "daphne"]
    return [*start, "-b", "127.0.0.1", "-p", str(port), "seminar.asgi:application"]


def die_with_parent() -> None:
    """In the child: on Linux, be killed when pytest dies (a CI timeout) rather than linger."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def collect_static() -> None:
    """Collect static files when they are missing or older than their sources.

    The server runs with DEBUG off, so whitenoise serves `staticfiles/` and the
    templates name the hashed files in its manifest: a stale copy would test old JS/CSS.
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [
        path
        for folder in settings.STATICFILES_DIRS
        for path in Path(folder).rglob("*")
        if path.is_file()
    ]
    if manifest.exists() and all(
        path.stat().st_mtime <= manifest.stat().st_mtime for path in sources
    ):
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, check=True
    )


class DaphneServer:
    """A real daphne process on a fixed port, stoppable and startable again (a crash, a deploy)."""

    def __init__(self, port: int, env: dict[str, str], log_path: Path) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.netloc = urlsplit(self.url).netloc
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.started_at = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        from django.utils import timezone

        if self.running:
            return
        self.started_at = timezone.now()
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                daphne_command(self.port),
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )
        finally:
            log.close()
        self._wait_until_it_answers()

    def stop(self) -> None:
        """Kill the process outright, as a crash would: sockets drop without a goodbye."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def wait_until_screens_left(self, slugs: set[str], since, timeout: float = 3) -> None:
        """Until this process has recorded that the sockets of these seminars closed.

        It writes its presence rows half a second after a change; were that write to land
        after pytest-django has emptied the tables, it would fail on the missing seminar.
        """
        from seminar.models import ScreenCount

        mine = ScreenCount.objects.filter(seminar__slug__in=slugs, updated_at__gte=self.started_at)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            written = set(
                mine.filter(updated_at__gte=since).values_list("seminar__slug", flat=True)
            )
            if written == slugs and not mine.filter(count__gt=0).exists():
                return
            time.sleep(0.1)

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"daphne exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                urllib.request.urlopen(f"{self.url}/login/", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return  # it answered, if not with a 200
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"daphne did not answer within {SERVER_START_SECONDS}s:\n{self.log_tail()}"
        )
