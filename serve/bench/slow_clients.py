#!/usr/bin/env python3
"""Slow clients for a load run of slant serve: N connections that each send a classify request's headers and half
of its body, then either stall (even connections) or trickle one byte every TRICKLE seconds (odd ones). A connection
the server closes (408 when it enforces its body timeout) is opened again at once, so N are always held.

    python3 serve/bench/slow_clients.py HOST PORT N SECONDS [TRICKLE]

Prints how many connections it opened and how many the server closed. Standard library only."""
import socket
import sys
import threading
import time

host, port, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
trickle = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
body = b'{"title": "A slow upload", "text": "' + b"word " * 2000 + b'"}'
head = (b"POST /v1/classify HTTP/1.1\r\nHost: " + host.encode() + b"\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
end = time.time() + seconds
opened = closed = 0
lock = threading.Lock()


def hold(k):
    global opened, closed
    while time.time() < end:
        try:
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(head + body[: len(body) // 2])
            with lock:
                opened += 1
            sent = len(body) // 2
            while time.time() < end:
                s.settimeout(trickle if k % 2 else max(0.1, end - time.time()))
                try:
                    if s.recv(4096) == b"":
                        raise ConnectionError("closed")
                    raise ConnectionError("answered")
                except socket.timeout:
                    pass
                if k % 2 and sent < len(body) - 1:
                    s.sendall(body[sent:sent + 1])
                    sent += 1
            s.close()
        except (OSError, ConnectionError):
            with lock:
                closed += 1
            time.sleep(0.05)


threads = [threading.Thread(target=hold, args=(k,), daemon=True) for k in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"slow clients: {n} held, {opened} connections opened, {closed} closed by the server", flush=True)
