"""The drills of bench/faults.py, each a coroutine that returns one row of its table.

A row: converged (phones connected and showing the true state) of N and the seconds
it took, counted from the moment named in `notes`; ideas sent, stored, duplicated and
lost (a send that failed is sent again with the same key, as a person presses "send
again", once the fault is over); requests failed (5xx answers or no answer, phones and
tablet together).
"""

from __future__ import annotations

import asyncio
import random
import time

from bench.fanout import SLUG, percentile
from bench.faultclients import Phone
from bench.faultrig import SlowProxy
from bench.faultroom import Context, Room
from bench.faulttruth import converge


async def worker_kill(ctx: Context) -> dict:
    async with Room(ctx, ctx.sizes.phones) as room:
        await room.open_phones()
        killed = time.monotonic()
        room.app.kill(1)
        await asyncio.sleep(1.0)
        await room.advance(prefer=0)
        row = await room.finish(killed)
        row["notes"] = f"time from the kill; a step 1 s after it; {await room.presence_after(5)}"
        return row


async def redis_down(ctx: Context, how: str = "stop", outage: float | None = None) -> dict:
    """Redis gone under ideas and steps: stopped (`stop`, connections refused), hung
    (`hang`: SIGSTOP, connections accepted and never answered) or restarted at once
    (`stop` with no outage)."""
    outage = ctx.sizes.outage if outage is None else outage
    async with Room(ctx, ctx.sizes.room) as room:
        await room.open_phones()
        ideas = asyncio.create_task(room.idea_load(room.phones, 5 + outage + 5, every=6.0))
        clicks = asyncio.create_task(room.click_load(5 + max(outage - 1, 0), every=5.0))
        await asyncio.sleep(5)
        await asyncio.to_thread(ctx.redis.stop if how == "stop" else lambda: ctx.redis.hang(True))
        await asyncio.sleep(outage)
        await asyncio.to_thread(ctx.redis.start if how == "stop" else lambda: ctx.redis.hang(False))
        await clicks
        await asyncio.sleep(1)
        await room.advance()  # the first step after Redis is back: does it reach every phone?
        last = time.monotonic()
        await ideas
        row = await room.finish(last, timeout=20)
        what = {
            "stop": f"stopped {outage:.0f} s" if outage else "restarted (stopped, started at once)",
            "hang": f"hung (SIGSTOP) {outage:.0f} s, then SIGCONT",
        }[how]
        row["notes"] = (
            f"Redis {what} under ideas and steps; time from the first step, "
            f"1 s after Redis returned (no later step heals a phone it missed)"
        )
        return row


async def redis_slow(ctx: Context) -> dict:
    proxy = SlowProxy(ctx.redis.port, 25.0, ctx.workdir)
    try:
        async with Room(ctx, ctx.sizes.room, redis_url=proxy.url) as room:
            await idea_round(room, room.phones[:10])  # warm the workers up (not counted)
            room.ledger.times.clear()
            await idea_round(room, room.phones)
            fast = percentile(room.ledger.times, 50) * 1000
            room.ledger.times.clear()
            await asyncio.to_thread(proxy.slow, True)
            started = time.monotonic()
            for phone in room.phones:  # all at once, as after a Wi-Fi blip
                phone.start()
            connected = await converge(room.phones, room.db, started, 45)
            await idea_round(room, room.phones)
            slow = percentile(room.ledger.times, 50) * 1000
            await asyncio.to_thread(proxy.slow, False)
            row = await room.finish(time.monotonic(), timeout=30)
            row["after_delay_lifted"] = {k: row[k] for k in ("converged", "of", "seconds")}
            row.update({k: connected[k] for k in ("converged", "of", "seconds")})
            row["notes"] = (
                f"50 ms round trip to Redis; converged: phones connected and current within 45 s "
                f"of all reconnecting at once; idea p50 {fast:.0f} ms -> {slow:.0f} ms"
            )
            row["idea_p50_ms"] = [round(fast, 1), round(slow, 1)]
            return row
    finally:
        proxy.stop()


async def idea_round(room: Room, phones: list[Phone]) -> None:
    """Every phone sends one idea, spread over ten seconds (ten a second for 100 phones)."""

    async def one(phone: Phone) -> None:
        await asyncio.sleep(random.random() * 10)
        await room.ledger.send(room, phone, room.ledger.new(phone.index))

    await asyncio.gather(*(one(phone) for phone in phones))


async def pg_restart(ctx: Context) -> dict:
    async with Room(ctx, ctx.sizes.room) as room:
        await room.open_phones()

        load = asyncio.gather(
            room.idea_load(room.phones, 16, every=4.0), room.click_load(16, every=2.0)
        )
        await asyncio.sleep(4)
        restarted = time.monotonic()
        await asyncio.to_thread(ctx.pg.restart)
        back = time.monotonic()
        await load
        row = await room.finish(room.last_step)
        row["notes"] = (
            f"PostgreSQL restarted (fast, {back - restarted:.1f} s) under ideas and steps; "
            "time from the last step"
        )
        return row


async def app_restart(ctx: Context, countdown: bool = False) -> dict:
    async with Room(ctx, ctx.sizes.room) as room:
        await room.open_phones()
        await room.advance()
        if countdown:
            await room.tablet.timer("start")
        await asyncio.sleep(2)
        stopped = time.monotonic()
        await asyncio.to_thread(room.app.stop)
        await asyncio.to_thread(room.app.start)
        back = time.monotonic()
        if not countdown:
            await room.advance()
        row = await room.finish(back, countdown=countdown)
        what = (
            "countdown running (phones must show it running, within 2 s)"
            if countdown
            else "a step after"
        )
        row["notes"] = (
            f"both workers stopped and started ({back - stopped:.1f} s), {what}; time from "
            f"the workers being back; {await room.presence_after(5)}"
        )
        return row


async def phone_offline(ctx: Context, seconds: float | None = None) -> dict:
    seconds = seconds or ctx.sizes.outage
    async with Room(ctx, ctx.sizes.room) as room:
        await room.open_phones()
        away = room.phones[: max(2, len(room.phones) // 20)]
        for phone in away:  # an idea whose answer never came back: the phone thinks it failed
            key = room.ledger.new(phone.index)
            await room.ledger.send(room, phone, key)
            room.ledger.acked.discard(key)
            phone.go_offline()
            for _ in range(2):  # typed while offline: kept on the phone, not sent
                room.ledger.new(phone.index)
        others = room.phones[len(away) :]
        await asyncio.gather(
            room.idea_load(others, seconds, every=10.0), room.click_load(seconds, every=5.0)
        )
        back = time.monotonic()
        for phone in away:
            phone.go_online()
        row = await room.finish(back)
        away_ok = await converge(away, room.db, back, 1)
        row["notes"] = (
            f"{len(away)} phones offline {seconds:.0f} s while the room went on; "
            f"{away_ok['converged']}/{len(away)} of them back; time from their return; "
            f"each re-sent one idea the server had already stored"
        )
        return row


async def concurrent_next(ctx: Context) -> dict:
    async with Room(ctx, min(40, ctx.sizes.room)) as room:
        await room.open_phones()
        exact, last = 0, time.monotonic()
        for _ in range(ctx.sizes.rounds):
            last = time.monotonic()
            room.direction = "next" if room.direction == "back" else "back"
            before = (await room.db.truth()).version
            await asyncio.gather(
                *(
                    room.tablet.post(
                        f"/s/{SLUG}/run/step/",
                        {"version": str(before), "direction": room.direction},
                        prefer=n % 2,
                    )
                    for n in range(20)
                )
            )
            exact += (await room.db.truth()).version == before + 1
        row = await room.finish(last)
        row["notes"] = (
            "time from the last round; 20 tablets press the same step at once: "
            f"exactly one step in {exact}/{ctx.sizes.rounds}"
        )
        row["exactly_one"] = [exact, ctx.sizes.rounds]
        return row


async def stuck_socket(room: Room, port: int, session: str, client: int):
    """A websocket that completes its handshake and never reads again (a 4 KB receive buffer)."""
    import base64
    import os
    import socket

    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await loop.sock_connect(sock, ("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    proxied = "".join(f"{name}: {value}\r\n" for name, value in room.balancer.headers(client))
    await loop.sock_sendall(
        sock,
        (
            f"GET /ws/s/{SLUG}/participant/ HTTP/1.1\r\nHost: {room.balancer.host}\r\n"
            f"Upgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"{proxied}Cookie: sessionid={session}\r\n\r\n"
        ).encode(),
    )
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = await loop.sock_recv(sock, 1)
        if not chunk:
            break
        head += chunk
    return sock


async def latencies(room: Room, clicks: int, every: float) -> list[float]:
    out = []
    for _ in range(clicks):
        started = time.monotonic()
        await room.advance()
        version = (await room.db.truth()).version
        await asyncio.sleep(every)
        out += [(p.seen[version] - started) * 1000 for p in room.phones if version in p.seen]
        out += [float("inf")] * sum(version not in p.seen for p in room.phones)
    return out


async def never_read(ctx: Context) -> dict:
    async with Room(ctx, ctx.sizes.room) as room:
        await room.open_phones()
        before = await latencies(room, 10, 0.5)
        sessions = ctx.sessions["phones"][ctx.sizes.room : ctx.sizes.room + ctx.sizes.stuck]
        stuck = [
            await stuck_socket(room, room.app.ports[n % 2], key, ctx.sizes.room + n)
            for n, key in enumerate(sessions)
        ]
        after = await latencies(room, 20, 0.5)
        row = await room.finish(room.last_step)
        late = sum(x == float("inf") for x in after)
        row["notes"] = (
            f"time from the last step; {len(stuck)} sockets never read; "
            f"the others' step p99 {percentile(before, 99):.0f} ms "
            f"before (10 steps), {percentile(after, 99):.0f} ms with them (20 steps; 0.5 s apart; "
            f"{late} frames not there 0.5 s after the step)"
        )
        for sock in stuck:
            sock.close()
        return row


async def disk_full(ctx: Context) -> dict:
    import io
    import subprocess

    from PIL import Image

    media = ctx.workdir / "media-full"
    media.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(media)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        return {
            "notes": f"skipped: cannot mount a 300 KB tmpfs ({mounted.stderr.strip()}); needs root"
        }
    try:
        async with Room(ctx, 10, media_root=media) as room:
            answers = []
            for phone in room.phones:
                out = io.BytesIO()
                Image.effect_noise((320, 240), 60 + phone.index).convert("RGB").save(
                    out, "JPEG", quality=90
                )
                key = room.ledger.new(phone.index)
                status = await room.ledger.send(room, phone, key, photo=out.getvalue())
                answers.append(status)
            row = await room.finish(time.monotonic(), timeout=1, resend=False)
            rows = await room.db._query(
                "SELECT photo, photo_small FROM program_idea WHERE photo <> ''"
            )
            known = {name for pair in rows for name in pair}
            files = [str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()]
            orphans = [name for name in files if name not in known]
            refused = [s for s in answers if s not in (200, 0) and s < 500]
            explained = sum(b'class="error" role="alert">' in body for body in room.ledger.refusals)
            for key in ("stragglers", "truth"):  # no phone had the page open here
                row.pop(key, None)
            # A refused upload was answered as refused: lost is what was answered 200 and not
            # stored.
            row.update(
                {
                    "converged": None,
                    "of": None,
                    "seconds": None,
                    "orphans": len(orphans),
                    "lost": row["acked_not_stored"],
                }
            )
            row["notes"] = (
                f"10 photos into a 300 KB MEDIA_ROOT: answers {answers}; {len(refused)} refused, "
                f"{explained} of the failed answers with a message, "
                f"{sum(s >= 500 for s in answers)} server errors; "
                f"{len(orphans)} orphan files"
            )
            return row
    finally:
        subprocess.run(["umount", str(media)], capture_output=True)


DRILLS = {
    "worker-kill": worker_kill,
    "redis-down": redis_down,
    "redis-hung": lambda ctx: redis_down(ctx, how="hang"),
    "redis-restart": lambda ctx: redis_down(ctx, outage=0.0),
    "redis-slow": redis_slow,
    "pg-restart": pg_restart,
    "app-restart": app_restart,
    "app-restart-countdown": lambda ctx: app_restart(ctx, countdown=True),
    "phone-offline": phone_offline,
    "phone-offline-5min": lambda ctx: phone_offline(ctx, 300.0),
    "concurrent-next": concurrent_next,
    "never-read": never_read,
    "disk-full": disk_full,
}
