#!/usr/bin/env python3
"""An asyncio HTTP/1.1 server on 127.0.0.1 that answers every GET after a fixed delay.

Usage: latency_server.py PORT[,PORT...] DELAY_MS [LIFETIME_S] [STATS_FILE]
For bench/fetch_throughput.sh: with 50 ms of latency and 50 transfers at once,
an ideal client reaches 1,000 pages/s. Keep-alive is supported. Stops by itself
(or on SIGTERM).

Several ports are several hosts to a client (its host key is scheme://host:port).
With STATS_FILE, it writes there at the end, per port: the most requests it was
answering at once (a request counts from its arrival until its answer is sent),
the requests, and how many distinct paths were asked for more than once.
"""
import asyncio, collections, json, signal, sys

INFLIGHT = collections.Counter()
PEAK = collections.Counter()
PATHS = collections.defaultdict(collections.Counter)

def page(path):
    """Each path its own page (as real cited pages are: no two bodies alike, so a content-addressed
    cache stores each and the verifier reads each), 40 paragraphs of the same size for every path."""
    tag = path.encode("latin-1")[:40]
    body = (b"<html><head><title>Page " + tag + b"</title></head><body><article>"
            + b"".join(b"<p>The Harbor Authority said cargo rose 9 percent in 2025 (%s, part %d).</p>" % (tag, k) for k in range(40))
            + b"</article></body></html>")
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body


async def handle(reader, writer, delay, port):
    try:
        while True:
            request = await reader.readuntil(b"\r\n\r\n")
            if not request:
                break
            path = request.split(b" ", 2)[1].decode("latin-1")
            PATHS[port][path] += 1
            INFLIGHT[port] += 1
            PEAK[port] = max(PEAK[port], INFLIGHT[port])
            try:
                await asyncio.sleep(delay)
                writer.write(page(path))
                await writer.drain()
            finally:
                INFLIGHT[port] -= 1
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    ports, delay = [int(p) for p in sys.argv[1].split(",")], int(sys.argv[2]) / 1000
    lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 600
    stats = sys.argv[4] if len(sys.argv) > 4 else None
    servers = [await asyncio.start_server(lambda r, w, p=p: handle(r, w, delay, p), "127.0.0.1", p, backlog=1024) for p in ports]
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    try:
        await asyncio.wait_for(stop.wait(), lifetime)
    except asyncio.TimeoutError:
        pass
    for server in servers:
        server.close()
    if stats:
        with open(stats, "w") as f:
            json.dump({str(p): {"peak_concurrency": PEAK[p], "requests": sum(PATHS[p].values()),
                                "paths": len(PATHS[p]), "paths_asked_twice": sum(1 for n in PATHS[p].values() if n > 1)}
                       for p in ports}, f)


asyncio.run(main())
