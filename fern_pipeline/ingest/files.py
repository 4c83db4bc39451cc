"""A ``file://`` fetch: a local regular file, read within the limits."""

import os
import stat
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.fetched import Fetched
from fern_pipeline.ingest.limits import Limits
from fern_pipeline.redact import SecretUrl

READ_SIZE = 64 * 1024


def fetch_file(target: SecretUrl, limits: Limits) -> Fetched:
    """Read a ``file://`` URL: a local file, refused whole if larger than the cap."""
    shown = target.shown
    parts = urlsplit(target.value)
    if parts.netloc not in ("", "localhost"):
        message = f"{shown} names the host {parts.hostname!r}: file URLs can only name a local file"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown)
    path = Path(url2pathname(parts.path))
    try:
        # Without O_NONBLOCK, opening a FIFO waits for a writer that may never come, past any deadline.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            status = os.fstat(stream.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                message = f"{path} is not a regular file (a pipe, socket or device), so it is not read"
                raise FetchFailed(Category.UNREACHABLE, message, url=shown)
            size = status.st_size
            if size > limits.max_bytes:
                raise limits.too_large(shown, None)
            chunks = iter(partial(stream.read, READ_SIZE), b"")
            body = limits.collect(chunks, wbits=None, expected=size, shown=shown, status=None)
    except FileNotFoundError:
        raise FetchFailed(Category.UNREACHABLE, f"the file {path} does not exist", url=shown) from None
    except IsADirectoryError:
        raise FetchFailed(Category.UNREACHABLE, f"{path} is a directory, not a file", url=shown) from None
    except OSError as error:
        message = f"the file {path} cannot be read: {error.strerror}"
        raise FetchFailed(Category.UNREACHABLE, message, url=shown) from None
    return Fetched(body, None, None, shown, 1)
