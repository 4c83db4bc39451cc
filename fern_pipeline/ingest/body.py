"""A fetched body kept in an unnamed temporary file and mapped read-only, not in the process's memory.

Its pages are the kernel's file cache: they count towards the process only while mapped in, and
:meth:`Body.release` lets them go after each pass over them (a later read maps them in again from
the cache). A 1,000,000-message body is 400 MB that would otherwise stay resident for the whole load.
"""

import mmap
import tempfile


class Body:
    """The bytes of one response: written once while they arrive, then read through :meth:`view`."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="fern-pipeline-body-")  # noqa: SIM115 (kept open while written)
        self._size = 0
        self._map: mmap.mmap | None = None

    @classmethod
    def of(cls, data: bytes) -> "Body":
        """A body holding ``data``."""
        body = cls()
        body.write(data)
        return body

    def write(self, data: bytes) -> None:
        """Append ``data``; only before the first :meth:`view`."""
        if self._map is not None:
            raise ValueError("the body is complete and can no longer be written")
        self._file.write(data)
        self._size += len(data)

    def __len__(self) -> int:
        return self._size

    def view(self) -> memoryview:
        """The whole body, read-only, without a copy."""
        if self._map is None:
            if not self._size:
                return memoryview(b"")
            self._file.flush()
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
            self._file.close()
        return memoryview(self._map)

    def __bytes__(self) -> bytes:
        return bytes(self.view())

    def release(self) -> None:
        """Drop the pages read so far from the process's memory (they stay readable)."""
        if self._map is not None:
            self._map.madvise(mmap.MADV_DONTNEED)
