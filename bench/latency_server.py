#!/usr/bin/env python3
"""An asyncio HTTP/1.1 server on 127.0.0.1 that answers every GET after a fixed delay.

Usage: latency_server.py PORT DELAY_MS [LIFETIME_S]
For bench/fetch_throughput.sh: with 50 ms of latency and 50 transfers at once,
an ideal client reaches 1,000 pages/s. Keep-alive is supported. Stops by itself.
"""
import asyncio, sys

BODY = (b"<html><head><title>Page</title></head><body><article>"
        + b"<p>The Harbor Authority said cargo rose 9 percent in 2025.</p>" * 40 + b"</article></body></html>")
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(BODY)


async def handle(reader, writer, delay):
    try:
        while True:
            request = await reader.readuntil(b"\r\n\r\n")
            if not request:
                break
            await asyncio.sleep(delay)
            writer.write(HEAD + BODY)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    port, delay = int(sys.argv[1]), int(sys.argv[2]) / 1000
    lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 600
    server = await asyncio.start_server(lambda r, w: handle(r, w, delay), "127.0.0.1", port, backlog=1024)
    async with server:
        await asyncio.sleep(lifetime)


asyncio.run(main())
