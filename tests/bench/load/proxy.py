"""A tiny round-robin TCP proxy: one address in front of several web nodes, each new
connection to the next node in turn (as nginx's or haproxy's round robin would).

    python -m tests.bench.load.proxy LISTEN_PORT NODE_PORT [NODE_PORT ...]

127.0.0.1 only. It prints "ready" once it listens. For the two-node test and
`make bench-load` against several nodes, where Debian's nginx or haproxy is absent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import sys


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(RuntimeError):  # the loop is closing
            writer.close()


async def serve(listen: int, nodes: list[int]) -> None:
    turn = itertools.cycle(nodes)

    async def handle(client_reader, client_writer):
        try:
            node_reader, node_writer = await asyncio.open_connection("127.0.0.1", next(turn))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, node_writer), pipe(node_reader, client_writer))

    server = await asyncio.start_server(handle, "127.0.0.1", listen, backlog=512)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str]) -> int:
    listen, *nodes = (int(arg) for arg in argv)
    if not nodes:
        sys.exit(__doc__)
    asyncio.run(serve(listen, nodes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
