"""`make bench-load`: throughput of the busy pages under 50 signed-in users (issue 18.5).

    python -m tests.bench.load           # 100,000 cases, 50 users, 60 s a page
    LOAD_SIZE=5000 LOAD_SECONDS=15 python -m tests.bench.load   # a quick run

gunicorn (LOAD_WORKERS, default 3, sync workers, DEBUG off) on PostgreSQL and Redis on
this machine; the cases made by the generator of tests/bench/scale.py (LOAD_SIZE, the
rows stay in the database and only the difference is added on the next run); then
locust, headless, against 127.0.0.1 only: LOAD_USERS (default 50, at most 200) users
for LOAD_SECONDS (default 60, at most 600) on each page in turn: a trivial page that
needs a signed-in user (/bench/ping/, tests/bench/load/urls.py: the whole middleware
stack, no query of its own), the case list, the home page and a search. The users'
sessions are signed in through the login form before the load starts (a deputy
director and a department head of the demo centre, who need no second factor, given a
bench password). It prints requests per second, p50 and p95, errors, and each page's
throughput as a share of the trivial page's. A benchmark: it never fails on a figure.

The database is LOAD_DATABASE_URL (default a database tgpl_bench_load on 127.0.0.1,
created if missing); Redis is LOAD_REDIS_URL (default redis://127.0.0.1:6379/14).
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from tests.bench.load.nodes import (
    ROOT,
    VENV_BIN,
    Browser,
    free_port,
    node_env,
    start_gunicorn,
    stop,
    wait_for,
)

PASSWORD = "Mật khẩu của lần đo tải 2026"
PERSONAS = ["phogiamdoc", "truongphong.nv"]
# The home page last: its year's counts are the slowest, and a run that leaves the
# workers or the database busy must not be charged to the pages after it.
PAGES = [
    ("trang thử (đã đăng nhập)", "/bench/ping/"),
    ("danh sách vụ việc", "/cases/list/"),
    ('tìm "hoang thi"', "/cases/requests/?q=hoang+thi"),
    ("trang chủ", "/"),
]


def _bounded(name: str, default: int, top: int) -> int:
    return max(1, min(int(os.environ.get(name) or default), top))


def _database_url() -> str:
    url = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tgpl_bench_load")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        sys.exit("make bench-load đo trên PostgreSQL: đặt LOAD_DATABASE_URL=postgres://...")
    if parts.hostname not in {"127.0.0.1", "localhost"}:
        sys.exit("make bench-load chỉ chạy trên máy này (127.0.0.1).")
    import psycopg

    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return url


def prepare(size: int) -> None:
    """Migrate, seed, the bench personas' password, the cases up to `size`."""
    from tests.bench.__main__ import setup_django

    os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")
    setup_django()
    from tests.bench.scale_data import Generator, grow
    from tgpl.models import User

    for user in User.objects.filter(username__in=PERSONAS):
        user.set_password(PASSWORD)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
    gen = Generator()
    if gen.serial < size:
        added = size - gen.serial
        took, _ = grow(gen, added)
        print(f"thêm {added:,} vụ việc: {took:.1f} s", flush=True)
    print(f"{max(size, gen.serial):,} vụ việc của máy đo trong cơ sở dữ liệu", flush=True)


def sessions(port: int, count: int) -> list[dict[str, str]]:
    """`count` sessions, each signed in through the login form."""
    made = []
    for n in range(count):
        browser = Browser(port).sign_in(PERSONAS[n % len(PERSONAS)], PASSWORD)
        made.append(dict(browser.cookies))
    return made


def drain(port: int, limit: float = 300) -> None:
    """Until the server answers at once: requests of the last run that locust gave up
    on are still queued in gunicorn (Django never learns the client left)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            Browser(port).request("GET", "/healthz/", timeout=max(deadline - started, 1))
        except OSError:  # still busy at the deadline: measure anyway, the load says so
            continue
        if time.monotonic() - started < 0.5:
            return
        time.sleep(1)
    print(f"  (máy chủ còn bận sau {limit:.0f} s: lần đo sau bị ảnh hưởng)", flush=True)


def idle_time(port: int, cookies: dict[str, str], path: str) -> float:
    """The median of three requests one after the other, with no other load (ms)."""
    times = []
    for _ in range(3):
        started = time.monotonic()
        try:
            response, _ = Browser(port, cookies).request("GET", path, timeout=300)
        except OSError:
            return float("nan")
        times.append((time.monotonic() - started) * 1000)
        if response.status != 200:
            return float("nan")
    return statistics.median(times)


def workers_cpu(server_pid: int) -> float:
    """CPU seconds (user + system) used so far by gunicorn's worker processes: divided by
    the requests served, the cost of a page whatever else the machine is doing (the
    throughput ratio of a quiet machine is about the inverse ratio of these costs)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == server_pid:  # ppid; utime and stime are fields 14 and 15
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run_locust(port: int, path: str, users: int, seconds: int, folder: Path) -> dict:
    prefix = folder / f"run{abs(hash(path))}"
    env = {**os.environ, "LOAD_PATH": path, "LOAD_SESSIONS": str(folder / "sessions.json")}
    log = open(folder / "locust.log", "ab")  # noqa: SIM115 - closed below
    subprocess.run(  # noqa: S603 - our own locust
        [
            str(VENV_BIN / "locust"),
            "-f",
            str(Path(__file__).with_name("locustfile.py")),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            "30",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        check=False,
        stdout=log,
        stderr=log,
        timeout=seconds + 120,
    )
    log.close()
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    row = rows["Aggregated"]

    def number(column: str) -> float:
        try:
            return float(row[column])
        except ValueError:  # N/A: no request finished
            return float("nan")

    return {
        "rps": number("Requests/s"),
        "p50": number("50%"),
        "p95": number("95%"),
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
    }


def main() -> int:
    size = _bounded("LOAD_SIZE", 100_000, 2_000_000)
    users = _bounded("LOAD_USERS", 50, 200)
    seconds = _bounded("LOAD_SECONDS", 60, 600)
    workers = _bounded("LOAD_WORKERS", 3, 16)
    redis_url = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
    database_url = _database_url()
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)  # the setup runs its tasks in-process
    prepare(size)

    with tempfile.TemporaryDirectory(prefix="tgpl-bench-load-") as tmp:
        folder = Path(tmp)
        env = node_env(
            database_url=database_url,
            redis_url=redis_url,
            secret_key=secrets.token_urlsafe(50),
            media_root=folder / "media",
        )
        port = free_port()
        log = open(folder / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
        server = start_gunicorn(env, port, workers=workers, log=log)
        results = {}
        try:
            wait_for(port, server)
            started = time.monotonic()
            (folder / "sessions.json").write_text(json.dumps(sessions(port, users)))
            print(f"{users} phiên đăng nhập qua biểu mẫu: {time.monotonic() - started:.1f} s")
            signed_in = json.loads((folder / "sessions.json").read_text())
            for label, path in PAGES:
                drain(port)
                idle = idle_time(port, signed_in[0], path)
                load = os.getloadavg()[0]
                cpu = workers_cpu(server.pid)
                results[label] = run_locust(port, path, users, seconds, folder)
                results[label]["idle"] = idle
                served = max(results[label]["requests"], 1)
                results[label]["cpu"] = (workers_cpu(server.pid) - cpu) / served * 1000
                figures = results[label]
                print(
                    f"  {label}: {figures['rps']:.1f} yêu cầu/s, {figures['errors']} lỗi "
                    f"(tải máy lúc bắt đầu {load:.1f})",
                    flush=True,
                )
        finally:
            stop(server)
            log.close()
            if server.returncode not in (0, None) or not results:
                print((folder / "gunicorn.log").read_text(errors="replace")[-4000:])
    _print(results, users=users, seconds=seconds, workers=workers, size=size)
    return 0


def _print(results: dict, *, users: int, seconds: int, workers: int, size: int) -> None:
    base = results[PAGES[0][0]]["rps"] or 1e-9
    base_cpu = results[PAGES[0][0]]["cpu"]
    print(
        f"\n{size:,} vụ việc, {users} người dùng, {seconds} s mỗi trang, "
        f"gunicorn {workers} worker, PostgreSQL + Redis, {os.cpu_count()} CPU, "
        f"tải máy (1 phút) {os.getloadavg()[0]:.1f}"
    )
    head = f"{'yêu cầu/s':>11}{'p50':>9}{'p95':>9}{'số yêu cầu':>12}{'lỗi':>6}{'tỉ lệ':>8}"
    head += f"{'1 yêu cầu, không tải':>22}{'CPU/yêu cầu':>13}{'tỉ lệ CPU':>11}"
    print(f"{'trang':<30}{head}")
    for label, figures in results.items():
        print(
            f"{label:<30}{figures['rps']:>11.1f}{figures['p50']:>7.0f}ms{figures['p95']:>7.0f}ms"
            f"{figures['requests']:>12}{figures['errors']:>6}{figures['rps'] / base:>7.1%}"
            f"{figures['idle']:>20.0f}ms{figures['cpu']:>11.1f}ms"
            f"{base_cpu / (figures['cpu'] or 1e-9):>11.1%}"
        )
    print("(tỉ lệ: số yêu cầu/s của trang / của trang thử; mục tiêu danh sách vụ việc >= 40 %;")
    print(" 0 yêu cầu/s: không yêu cầu nào xong trong thời gian đo; p50/p95 thì không có;")
    print(" CPU/yêu cầu: thời gian CPU của các worker gunicorn chia cho số yêu cầu xong, không")
    print(" phụ thuộc tải của máy; tỉ lệ CPU: CPU của trang thử / của trang, tỉ lệ số yêu cầu/s")
    print(" mà trang đạt được khi chỉ Python của worker giới hạn, không tính PostgreSQL)")


if __name__ == "__main__":
    sys.exit(main())
