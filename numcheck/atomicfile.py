"""Writing a file so that a reader never sees half of it.

Every file numcheck writes (``-o``, the review ledger, the baseline, cache entries)
goes through ``write_atomic``: the bytes go to a uniquely named temporary file in the
same folder, are flushed to disk, and only then replace the target with
``os.replace`` (atomic on POSIX and Windows for a same-filesystem rename). A run
killed mid-write, or a disk that fills up, therefore leaves the previous file as it
was; the error says so.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from numcheck.errors import NumcheckError


def write_atomic(path: str | Path, data: str | bytes, *, make_parents: bool = False) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one step.

    ``make_parents`` creates missing folders (state files); for ``-o`` a missing folder
    is more likely a typo, so it is an error. A target that is not a regular file
    (``/dev/stdout``, a named pipe) cannot be replaced and is written in place.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))  # write through a symlink, never over it
    existed = target.exists()
    if existed and not target.is_file():
        if target.is_dir():
            raise NumcheckError(str(path), "cannot write: it is a folder")
        _write_in_place(path, target, payload)
        return
    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise NumcheckError(str(path), f"cannot write: {_reason(err)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(err, OSError):
            raise
        kept = "; the previous file is unchanged" if existed else "; nothing was written"
        raise NumcheckError(str(path), f"cannot write: {_reason(err)}{kept}") from None
    _sync_folder(target.parent)


def _write_in_place(path: str | Path, target: Path, payload: bytes) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(payload)
    except OSError as err:
        raise NumcheckError(str(path), f"cannot write: {_reason(err)}") from None


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets what ``open`` would give it."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(err: OSError) -> str:
    return err.strerror or str(err)
