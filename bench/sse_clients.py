#!/usr/bin/env python3
"""Opens many Server-Sent Events streams at once (plain asyncio, no dependencies).

    sse_clients.py HOST PORT TOKENS_FILE CONTROL_FIFO

TOKENS_FILE has one "user_id token" per line; one stream per line is opened on
/api/v1/notifications/stream with the token as a Bearer credential. Progress and results go to
stdout as lines the bench script reads: "open N" once every stream answered its first event,
then, after "watch ID,ID,..." arrives on the control FIFO, "got ID MS" for each watched user whose
stream saw a `notification` event (ms since the watch started), and "done".
"""
import asyncio
import sys
import time


async def stream(host, port, uid, token, opened, events):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        (
            f"GET /api/v1/notifications/stream HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        print(f"fail {uid} {status.decode().strip()}", flush=True)
        return
    first = True
    while True:
        line = await reader.readline()
        if not line:
            print(f"closed {uid}", flush=True)
            return
        if line.startswith(b"event:"):
            name = line[6:].strip()
            if first:
                first = False
                opened.release()
            if name == b"notification":
                events.setdefault(uid, time.monotonic())


async def main():
    host, port, tokens_file, control = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    users = [line.split() for line in open(tokens_file) if line.strip()]
    opened = asyncio.Semaphore(0)
    events = {}
    tasks = []
    for i, (uid, token) in enumerate(users):
        tasks.append(asyncio.create_task(stream(host, port, int(uid), token, opened, events)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)  # no accept-queue overflow
    for _ in users:
        await asyncio.wait_for(opened.acquire(), timeout=120)
    print(f"open {len(users)}", flush=True)
    loop = asyncio.get_running_loop()
    line = await loop.run_in_executor(None, lambda: open(control).readline())
    watched = [int(x) for x in line.split()[1].split(",")]
    start = time.monotonic()
    events.clear()
    deadline = start + 10
    while time.monotonic() < deadline and not all(w in events for w in watched):
        await asyncio.sleep(0.02)
    for w in watched:
        if w in events:
            print(f"got {w} {int((events[w] - start) * 1000)}", flush=True)
    print("done", flush=True)
    line = await loop.run_in_executor(None, lambda: open(control).readline())
    for t in tasks:
        t.cancel()


asyncio.run(main())
