"""Page load and API latency of `strife serve` over a store of N synthetic events.

    python benchmarks/page_load.py [--events 10000] [--runs 5]

Builds a store from `strife.store.synthetic` in a temporary directory, serves it with uvicorn in this
process, and measures (1) `GET /events` latency (median and p90 over 50 requests) and (2) the page load in
headless Debian Chromium driven by Playwright (navigation until the map, timeline and list are drawn:
`body[data-loaded='1']`), first load and warm loads. Prints the numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def _serve(db: Path):
    import uvicorn

    from strife.service import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return srv, f"http://127.0.0.1:{port}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from strife.store import ingest_articles
    from strife.store.synthetic import synthetic_corpus

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t = time.perf_counter()
        ingest_articles(db, synthetic_corpus(args.events, seed=1), batch_size=500)
        print(f"store: {args.events} synthetic events ingested in {time.perf_counter() - t:.1f} s")
        srv, base = _serve(db)
        lat = []
        for _ in range(50):
            t = time.perf_counter()
            urllib.request.urlopen(base + "/events?limit=100").read()
            lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        print(f"GET /events (100 records): median {statistics.median(lat):.0f} ms, p90 {lat[int(0.9 * len(lat))]:.0f} ms")
        if not Path(CHROMIUM).exists():
            print(f"page load: skipped ({CHROMIUM} is not installed; scripts/install_browser.sh installs it)")
            srv.should_exit = True
            return 0
        from playwright.sync_api import sync_playwright

        loads = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                t = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_selector("body[data-loaded='1']", timeout=30_000)
                loads.append((time.perf_counter() - t) * 1000)
                page.close()
            browser.close()
        srv.should_exit = True
        print(f"page load over {args.events} events: first {loads[0]:.0f} ms, "
              f"warm median {statistics.median(loads[1:] or loads):.0f} ms (runs: {', '.join(f'{x:.0f}' for x in loads)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
