"""Driving a server with wrk, and reading wrk's `--latency` report (a pure function)."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict, dataclass

WARM_UP_SECONDS = 2
WRK_MISSING = "wrk not found: apt-get install -y wrk"
_MS_PER = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_TIME = r"([\d.]+)(us|ms|s|m|h)"


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    requests_per_sec: float
    p50_ms: float
    p99_ms: float
    non_2xx: int = 0  # wrk's "Non-2xx or 3xx responses": every status of 400 or more
    socket_errors: int = 0  # connect, read, write and timeout errors together

    @property
    def problem(self) -> str | None:
        """Why these figures cannot be trusted, or None."""
        parts = [f"{self.non_2xx} non-2xx/3xx responses"] if self.non_2xx else []
        parts += [f"{self.socket_errors} socket errors"] if self.socket_errors else []
        return ", ".join(parts) or None

    def as_dict(self) -> dict:
        return asdict(self)


def _ms(number: str, unit: str) -> float:
    return float(number) * _MS_PER[unit]


def _search(pattern: str, output: str, what: str) -> re.Match:
    match = re.search(pattern, output, re.MULTILINE)
    if match is None:
        raise ValueError(f"wrk output has no {what} (was --latency given?)")
    return match


def parse_wrk(output: str) -> WrkResult:
    """Read requests, requests/sec, p50 and p99 (in ms) and the errors from `wrk --latency` output."""
    total = _search(rf"^\s*(\d+) requests in {_TIME}", output, "request total")
    non_2xx = re.search(r"^\s*Non-2xx or 3xx responses:\s*(\d+)", output, re.MULTILINE)
    sockets = re.search(r"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        output, re.MULTILINE)
    return WrkResult(
        requests=int(total.group(1)),
        seconds=_ms(total.group(2), total.group(3)) / 1000,
        requests_per_sec=float(_search(r"^Requests/sec:\s*([\d.]+)", output, "Requests/sec").group(1)),
        p50_ms=_ms(*_search(rf"^\s*50%\s+{_TIME}\s*$", output, "50% latency").groups()),
        p99_ms=_ms(*_search(rf"^\s*99%\s+{_TIME}\s*$", output, "99% latency").groups()),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def wrk_command(url: str, *, seconds: int, connections: int, threads: int) -> list[str]:
    return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]


def run_wrk(url: str, *, seconds: int, connections: int, threads: int) -> tuple[WrkResult, str]:
    """One bounded wrk run: the parsed figures and wrk's own report."""
    if shutil.which("wrk") is None:
        raise SystemExit(WRK_MISSING)
    completed = subprocess.run(wrk_command(url, seconds=seconds, connections=connections, threads=threads),
                               capture_output=True, text=True, timeout=seconds + 60, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip() or completed.stdout}")
    return parse_wrk(completed.stdout), completed.stdout


def measure(url: str, *, seconds: int, connections: int, threads: int) -> tuple[WrkResult, str]:
    """A short warm-up run (discarded, but its errors count), then the measured run."""
    warm_up, report = run_wrk(url, seconds=WARM_UP_SECONDS, connections=connections, threads=threads)
    if warm_up.problem:
        return warm_up, report
    return run_wrk(url, seconds=seconds, connections=connections, threads=threads)
