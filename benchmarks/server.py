"""A static file server on 127.0.0.1 for the benchmark, in its own process: `python -m benchmarks.server DIR`.

It answers with ``sendfile``, so serving costs next to no CPU that the measured process could have
used, and prints its port on the first line of its output.
"""

import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO


class _Handler(SimpleHTTPRequestHandler):
    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        self.wfile.flush()
        self.connection.sendfile(source)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the benchmark's output is its table."""


def main(directory: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(directory)))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
