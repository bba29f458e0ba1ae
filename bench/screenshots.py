"""A rehearsal to look at: the reference seminar with a full room's content, every item, every
screen, as pictures in one folder with an index page.

    .venv/bin/python bench/screenshots.py [folder] [kind,kind...]     (or: make screenshots)

Loads the reference program and roster into a fresh database of its own (under the folder),
fills the room (tests/browser/full_room.py), serves it with daphne and steps through every
item: the projector in each of its states at 1920×1080, 1280×720 and 1024×768, the
facilitator's tablet at 1180×820 and 768×1024 and a phone at 390×844. Prints, per projector
size, the smallest font and the tallest page it measured.
"""

import html
import os
import shutil
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECTOR_SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
TABLET_SIZES = [(1180, 820), (768, 1024)]
PHONE_SIZE = (390, 844)
PASSWORD = "rehearsal-password-7"


def prepare(var: Path) -> None:
    os.environ.update(
        {
            "VAR_DIR": str(var),
            "DATABASE_URL": f"sqlite:///{var / 'rehearsal.sqlite3'}",
            "MEDIA_ROOT": str(var / "media"),
            "DJANGO_SETTINGS_MODULE": "seminar.settings",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def load():
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from program.programfile import import_program
    from seminar.roster import import_roster
    from tests.browser import full_room

    call_command("migrate", verbosity=0)
    seminar = import_program(
        text=(BASE_DIR / "fixtures" / "varde-2014.toml").read_text(encoding="utf-8")
    )
    import_roster(
        seminar=seminar, data=(BASE_DIR / "fixtures" / "varde-2014-roster.csv").read_bytes()
    )
    full_room.form_rounds(seminar)
    full_room.fill(seminar)
    User.objects.create_superuser("rehearsal", password=PASSWORD)
    return seminar


def main(folder: Path, kinds: set[str]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    var = Path(tempfile.mkdtemp(prefix="rehearsal-"))
    prepare(var)
    seminar = load()

    from playwright.sync_api import sync_playwright

    from tests.browser import full_room
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.browser.fit import measure
    from tests.browser.server import DaphneServer, collect_static, free_port

    collect_static()
    port = free_port()
    env = {
        **os.environ,
        "BASE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
    }
    server = DaphneServer(port, env, var / "daphne.log")
    server.start()
    rows, problems, worst = [], [], {size: (999.0, 0) for size in PROJECTOR_SIZES}
    person = seminar.participants.order_by("pk")[1]  # the one with the right-to-left name
    # Playwright's sync API keeps an event loop in this thread; the ORM calls made meanwhile
    # are plain synchronous ones all the same (as in tests/browser/conftest.py).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

            def context(width, height):
                return browser.new_context(
                    base_url=server.url, locale="da-DK", viewport={"width": width, "height": height}
                )

            projector = context(*PROJECTOR_SIZES[0]).new_page()
            projector.goto(f"/s/{seminar.slug}/display/{seminar.display_token}/")
            tablet = context(*TABLET_SIZES[0]).new_page()
            tablet.goto(f"/login/?next=/s/{seminar.slug}/run/")
            tablet.fill("#id_username", "rehearsal")
            tablet.fill("#id_password", PASSWORD)
            tablet.locator("main form button[type=submit]").click()
            tablet.wait_for_url(f"**/s/{seminar.slug}/run/")
            phone = context(*PHONE_SIZE).new_page()
            phone.goto(f"/p/{person.token}/")
            for number, (item, view, setup) in enumerate(full_room.every_view(seminar), start=1):
                if kinds and item.kind not in kinds:
                    continue
                setup()
                shots = []
                stem = f"{number:03d}-{item.kind}-{view.replace(' ', '-')}"
                for width, height in PROJECTOR_SIZES:
                    projector.set_viewport_size({"width": width, "height": height})
                    projector.goto(f"/s/{seminar.slug}/projector/")
                    projector.wait_for_selector("#live-status.is-online", state="attached")
                    figures = measure(projector)
                    smallest, tallest = worst[(width, height)]
                    worst[(width, height)] = (
                        min(smallest, figures["smallest"]),
                        max(tallest, figures["height"]),
                    )
                    if (
                        figures["cut"]
                        or figures["smallest"] < 0.026 * height
                        or figures["height"] > height
                    ):
                        problems.append(
                            f"{stem} {width}x{height}: smallest {figures['smallest']:.1f}px "
                            f"({figures['smallestText']!r}), page {figures['height']}px, "
                            f"cut {figures['cut'][:3]}"
                        )
                        if os.environ.get("REHEARSAL_DEBUG"):
                            problems.append(
                                projector.evaluate(
                                    """() => {
                              const b = document.querySelector('.slide-body')"""
                                    """.getBoundingClientRect();
                              const items = [...document.querySelectorAll('[data-pager] > *')];
                              const shown = items.filter(i => !i.hidden);
                              const last = shown[shown.length - 1];
                              const r = last && last.getBoundingClientRect();
                              const body = document.querySelector('.slide-body');
                              return JSON.stringify({body: [b.right, b.bottom], """
                                    """sw: [body.scrollWidth, body.clientWidth],
                                shown: shown.length, all: items.length,
                                last: r && [r.left, r.right, r.bottom, last.textContent]});
                            }"""
                                )
                            )
                    name = f"{stem}-projector-{width}x{height}.png"
                    projector.screenshot(path=folder / name)
                    shots.append(
                        (
                            name,
                            f"projector {width}×{height}: "
                            f"smallest font {figures['smallest']:.0f}px, "
                            f"page {figures['height']}px, pages {figures['pages'] or '1'}",
                        )
                    )
                if view == "item":
                    for width, height in TABLET_SIZES:
                        tablet.set_viewport_size({"width": width, "height": height})
                        tablet.goto(f"/s/{seminar.slug}/run/")
                        name = f"{stem}-tablet-{width}x{height}.png"
                        tablet.screenshot(path=folder / name)
                        shots.append((name, f"tablet {width}×{height}"))
                    phone.goto(f"/s/{seminar.slug}/")
                    name = f"{stem}-phone.png"
                    phone.screenshot(path=folder / name)
                    shots.append((name, "phone 390×844"))
                rows.append((f"{item.start:%a %H:%M} {item.title} — {view}", shots))
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(var, ignore_errors=True)
    write_index(folder, rows)
    print("\n".join(problems))
    for (width, height), (smallest, tallest) in worst.items():
        print(
            f"projector {width}x{height}: smallest font {smallest:.1f}px "
            f"({smallest / height:.2%} of the height), tallest page {tallest}px"
        )
    print(f"{sum(len(shots) for _, shots in rows)} screenshots in {folder}/index.html")


def write_index(folder: Path, rows) -> None:
    parts = [
        "<!doctype html><meta charset=utf-8><title>Rehearsal</title>",
        "<style>body{font-family:system-ui;margin:1rem}figure{display:inline-block;margin:.5rem;"
        "vertical-align:top}img{max-width:480px;max-height:480px;border:1px solid #999}"
        "figcaption{max-width:480px;font-size:.85rem}</style>"
        "<h1>Rehearsal of the reference seminar</h1>",
    ]
    for title, shots in rows:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts += [
            f'<figure><a href="{name}"><img src="{name}" alt="" loading="lazy"></a>'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            for name, caption in shots
        ]
    (folder / "index.html").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else BASE_DIR / "screenshots").resolve(),
        set(sys.argv[2].split(",")) if len(sys.argv) > 2 else set(),
    )
