"""Serving an app with gunicorn on a free loopback port, for as long as a `with` block lasts."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
WORKERS = 2
START_SECONDS = 30
STOP_SECONDS = 10


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _log_tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def _wait_until_up(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    """Return once `path` answers 200; raise if gunicorn exits, answers otherwise, or takes too long."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{_log_tail(log)}")
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            connection.request("GET", path)
            status = connection.getresponse().status
        except OSError:
            time.sleep(0.1)
            continue
        finally:
            connection.close()
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}, not 200:\n{_log_tail(log)}")
        return
    raise RuntimeError(f"gunicorn did not answer within {START_SECONDS} s:\n{_log_tail(log)}")


def _stop(process: subprocess.Popen) -> None:
    """Terminate gunicorn (its workers follow), kill it if it lingers, then sweep its process group."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_SECONDS)
    try:  # any worker left behind in the group this process started
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@contextmanager
def gunicorn(app: str, *, env: Mapping[str, str], log: Path, ready_path: str = "/",
             worker_class: str = "sync", threads: int = 1) -> Iterator[str]:
    """Serve `app` ("module:variable") with WORKERS workers; yields the base URL."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--worker-class", worker_class,
               "--threads", str(threads), "--bind", f"{HOST}:{port}", "--chdir", str(ROOT),
               "--log-level", "warning", app]
    with log.open("w") as log_file:
        # A session of its own: Ctrl-C reaches only us, and the finally below does the stopping.
        process = subprocess.Popen(command, env=dict(env), stdin=subprocess.DEVNULL, stdout=log_file,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            _wait_until_up(process, port, ready_path, log)
            yield f"http://{HOST}:{port}"
        finally:
            _stop(process)
