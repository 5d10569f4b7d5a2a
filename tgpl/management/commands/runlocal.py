"""`manage.py runlocal`: the whole application on one machine, as `make run` starts it.

The web server (gunicorn), a Celery worker and beat (embedded in the worker) on the
folder broker of LOCAL_BROKER_DIR, started together and stopped together: Ctrl-C or
SIGTERM stops all three, and if one of them dies the others are stopped too, so a
half-running application is never left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Chạy máy chủ web, worker và beat của Celery cùng lúc trên một máy (make run)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="Số tiến trình web.")

    def handle(self, *args, host, port, workers, **options):
        broker = settings.LOCAL_BROKER_DIR
        if not broker or settings.REDIS_URL:
            raise CommandError(
                "runlocal cần LOCAL_BROKER_DIR (thư mục hàng đợi) và không có REDIS_URL."
            )
        for sub in ("out", "processed"):
            Path(broker, sub).mkdir(parents=True, exist_ok=True)
        state = Path(broker).parent
        bin_dir = Path(sys.executable).parent
        commands = {
            "web": [
                str(bin_dir / "gunicorn"), "tgpl.wsgi", "--bind", f"{host}:{port}",
                "--workers", str(workers), "--threads", "4", "--timeout", "60",
                "--access-logfile", "-",
            ],
            "worker": [
                str(bin_dir / "celery"), "-A", "tgpl", "worker", "--beat",
                "--schedule", str(state / "celerybeat-schedule"),
                "--pool", "threads", "--concurrency", "2", "--loglevel", "INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
        }  # fmt: skip
        processes: dict[str, subprocess.Popen] = {}
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        for name, command in commands.items():
            processes[name] = subprocess.Popen(command, env=os.environ.copy())  # noqa: S603
        self.stdout.write(
            f"Đang chạy tại http://{host}:{port} (máy chủ web, worker và beat). Ctrl-C để dừng."
        )
        code = 0
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(f"Tiến trình {name} đã dừng (mã {process.returncode}).")
                        code = process.returncode or 1
                        stopping = True
                        break
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            deadline = time.monotonic() + 20
            for process in processes.values():
                try:
                    process.wait(timeout=max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    process.kill()
        if code:
            raise CommandError(f"Dừng vì một tiến trình lỗi (mã {code}).")
