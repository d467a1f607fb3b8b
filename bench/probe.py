"""Probes a running-from-scratch Onward as an attacker would, on 127.0.0.1 only, and prints what held.

Started by `bash bench/probe` (which builds a release binary); by hand:
    python3 bench/probe.py PATH/TO/onward

It seeds the demo into a throwaway SQLite file, serves it on a free port, and runs seven families of
probes, each bounded: who may read and change a graduate's records (web and API, seven kinds of
visitor), forged forms, hostile text read back on every page, bad input, sign-ins at once, a
burst of API writes cut by SIGKILL, and bodies shaped to make a decoder work for minutes
(`ONLY=bodies` runs that family alone; `BODY_BYTES` sets its size, 1 MB by default). It prints, per family: cases tried, refused as expected,
server errors (5xx), and what leaked, rendered live or was lost. It exits 1 if anything did."""

import concurrent.futures
import http.client
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

BIN = sys.argv[1]
PASSWORD = "onward-demo-2026"
DOMAIN = "demo.onward.example"
WORK = tempfile.mkdtemp()
results = []


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


PORT = free_port()
BASE = f"http://127.0.0.1:{PORT}"
ENV = dict(os.environ, ONWARD_SQLITE_PATH=f"{WORK}/onward.sqlite", ONWARD_BCRYPT_COST="10", LOG_LEVEL="warning",
           ONWARD_TRUSTED_PROXY="127.0.0.1")


def start():
    server = subprocess.Popen([BIN, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(PORT)], env=ENV,
                              stdout=open(f"{WORK}/serve.log", "a"), stderr=subprocess.STDOUT)
    for _ in range(200):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit("Onward did not start; see " + WORK + "/serve.log")


def request(method, path, body=None, headers=None, timeout=30):
    """One request, no redirects followed: (status, headers, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, Headers(response.getheaders()), text


class Headers(dict):
    """A response's headers by name, keeping every Set-Cookie (a dict alone keeps the last)."""

    def __init__(self, pairs):
        super().__init__((name.lower(), value) for name, value in pairs)
        self.cookies = [value for name, value in pairs if name.lower() == "set-cookie"]

    def __getitem__(self, name):
        return super().__getitem__(name.lower())

    def get(self, name, default=None):
        return super().get(name.lower(), default)


class Visitor:
    """A browser: its cookies and the CSRF token of the last page it read."""

    def __init__(self, email=None, address=None):
        self.cookies = {}
        # Sent as X-Forwarded-For, which Onward believes from 127.0.0.1 (ONWARD_TRUSTED_PROXY).
        self.address = address
        self.csrf = ""
        self.email = email
        if email:
            self.get("/sign-in")
            status, _, _ = self.post("/sign-in", {"email": email, "password": PASSWORD})
            assert status == 303, f"{email} could not sign in ({status})"
            self.get("/account/profile")

    def _headers(self, extra=None):
        headers = dict(extra or {})
        if self.address:
            headers["X-Forwarded-For"] = self.address
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _remember(self, headers, text):
        for value in headers.cookies:
            name, _, rest = value.partition("=")
            cookie = rest.split(";")[0]
            if "Max-Age=0" in value or "01 Jan 1970" in value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie
        found = re.search(r'name="csrf" value="([^"]*)"', text)
        if found:
            self.csrf = found.group(1)

    def get(self, path):
        status, headers, text = request("GET", path, headers=self._headers())
        self._remember(headers, text)
        return status, headers, text

    def post(self, path, fields, csrf=None):
        form = dict(fields)
        form["csrf"] = self.csrf if csrf is None else csrf
        status, headers, text = request("POST", path, urllib.parse.urlencode(form),
                                        self._headers({"Content-Type": "application/x-www-form-urlencoded"}))
        self._remember(headers, text)
        return status, headers, text


def token(email):
    visitor = Visitor(email)
    visitor.get("/account/tokens")
    status, headers, text = visitor.post("/account/tokens", {"name": "probe"})
    if status == 303:
        _, _, text = visitor.get(headers["Location"])
    found = re.search(r'id="new-token"[^>]*value="([^"]+)"', text)
    assert found, f"no token for {email}: {status} {text[:200]}"
    return found.group(1)


def api(method, path, token_, payload=None, raw=None, content_type="application/json"):
    headers = {}
    if token_:
        headers["Authorization"] = f"Bearer {token_}"
    body = raw
    if payload is not None:
        body = json.dumps(payload)
    if body is not None:
        headers["Content-Type"] = content_type
    return request(method, "/api/v1" + path, body, headers)


def record(family, tried, refused, errors, bad, what_bad):
    results.append((family, tried, refused, errors, bad, what_bad))


class OnlyOneFamily(Exception):
    """ONLY=bodies: the other families are skipped."""


def bodies_family(graduate_token):
    """7. Bodies shaped to cost a decoder the square of their size (many fields, bracketed or
    repeated names, many multipart parts, deep or wide JSON), each at the size its sender may send
    (BODY_BYTES, 1 MB by default; an upload four times that), while another visitor reads the
    sign-in page every 50 ms (a visitor who is not signed in at the 64 KB a visitor may send, and
    once at the signed-in size). Each must be refused (4xx) within a second, and the reads must
    keep answering within a second."""
    size = int(os.environ.get("BODY_BYTES", 1 << 20))
    anonymous = Visitor()
    anonymous.get("/sign-in")
    graduate = Visitor(f"amara.okafor@{DOMAIN}")
    graduate.get("/applications/import")

    def urlencoded(field, csrf, limit=size):
        parts, total, index = [f"csrf={csrf}"], 0, 0
        while total < limit - 40:
            part = field(index) + "=1"
            parts.append(part)
            total += len(part) + 1
            index += 1
        return "&".join(parts)

    def multipart(csrf, limit=size):
        boundary = "----probe-boundary"
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n']
        total, index = 0, 0
        while total < limit - 100:
            part = f'--{boundary}\r\nContent-Disposition: form-data; name="k{index}"\r\n\r\n1\r\n'
            parts.append(part)
            total += len(part)
            index += 1
        return "".join(parts) + f"--{boundary}--\r\n", f"multipart/form-data; boundary={boundary}"

    form = "application/x-www-form-urlencoded"
    cases = []
    # A visitor who is not signed in may send 64 KB, someone signed in the size limit.
    for who, path, visitor, limit in [("anonymous /sign-in", "/sign-in", anonymous, min(size, 64 * 1024)),
                                      ("graduate /account/profile", "/account/profile", graduate, size)]:
        cookies = visitor._headers()
        cases += [
            (f"{who}: k[i]=1", path, urlencoded(lambda i: f"k[{i}]", visitor.csrf, limit), form, cookies),
            (f"{who}: k[]=1", path, urlencoded(lambda i: "k[]", visitor.csrf, limit), form, cookies),
            (f"{who}: distinct names", path, urlencoded(lambda i: f"k{i}", visitor.csrf, limit), form, cookies),
            (f"{who}: one name repeated", path, urlencoded(lambda i: "k", visitor.csrf, limit), form, cookies),
            (f"{who}: multipart, distinct names", path, *multipart(visitor.csrf, limit), cookies),
        ]
    cases.append(("anonymous /sign-in: k[i]=1 at the signed-in size", "/sign-in", urlencoded(lambda i: f"k[{i}]", anonymous.csrf), form, anonymous._headers()))
    cases.append(("anonymous /applications/import: multipart x4", "/applications/import", *multipart(anonymous.csrf, 4 * size), anonymous._headers()))
    cases.append(("graduate /applications/import: multipart x4", "/applications/import", *multipart(graduate.csrf, 4 * size), graduate._headers()))
    bearer = {"Authorization": f"Bearer {graduate_token}"}
    depth = size // 2 - 10
    cases.append(("API: JSON nested", "/api/v1/applications", "[" * depth + "]" * depth, "application/json", bearer))
    resources = ",".join(['{"kind":"book","title":"x"}'] * ((size - 100) // 28))
    cases.append(("API: JSON, one array of many items", "/api/v1/learning-goals",
                  '{"title":"t","now":"a","success":"b","why":"c","resources":[' + resources + "]}", "application/json", bearer))

    tried = refused = errors = bad = 0
    what = []
    for name, path, body, content_type, headers in cases:
        reads, stop = [], [False]

        def reader():
            while not stop[0]:
                started = time.monotonic()
                try:
                    status = request("GET", "/sign-in", timeout=60)[0]
                except OSError:
                    status = 0
                reads.append((status, time.monotonic() - started))
                time.sleep(0.05)

        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            watching = pool.submit(reader)
            started = time.monotonic()
            try:
                status = request("POST", path, body.encode(), dict(headers, **{"Content-Type": content_type}), timeout=60)[0]
            except OSError:
                status = 0
            seconds = time.monotonic() - started
            time.sleep(0.1)
            stop[0] = True
            watching.result()
        slowest = max((t for _, t in reads), default=0)
        tried += 1
        errors += status >= 500
        held = 400 <= status < 500 and seconds < 1 and slowest < 1 and all(s == 200 for s, _ in reads)
        refused += held
        if not held:
            bad += 1
        what.append(f"{name} ({len(body) / 1e6:.2f} MB): {status or 'no answer in 60 s'} in {seconds * 1000:.0f} ms; "
                    f"sign-in read {len(reads)} times meanwhile, slowest {slowest * 1000:.0f} ms")
    record(f"bodies before decoding ({len(cases)} shapes at the sender's size limit; sign-in read meanwhile)", tried, refused, errors, bad, what)


server = start()
try:
    # The people the probes use: a graduate with her coach, and everyone who must not reach her.
    amara = f"amara.okafor@{DOMAIN}"
    tokens = {who: token(email) for who, email in [
        ("graduate", amara), ("other graduate", f"ben.hartley@{DOMAIN}"), ("her coach", f"coach.priya@{DOMAIN}"),
        ("another coach", f"coach.tom@{DOMAIN}"), ("partner", f"partner@{DOMAIN}"), ("admin", f"admin@{DOMAIN}")]}
    _, _, me = api("GET", "/me", tokens["graduate"])
    amara_id = json.loads(me)["id"]
    _, _, page = api("GET", "/applications?limit=5", tokens["graduate"])
    applications = [a["id"] for a in json.loads(page)["applications"]]
    target = applications[0]
    before = json.loads(api("GET", f"/applications/{target}", tokens["graduate"])[2])
    if os.environ.get("ONLY") == "bodies":
        bodies_family(tokens["graduate"])
        raise OnlyOneFamily

    # 1. Who may read and change her records.
    readers = {"graduate", "her coach", "admin"}
    writers = {"graduate"}
    visitors = {who: Visitor(email) for who, email in [
        ("graduate", amara), ("other graduate", f"ben.hartley@{DOMAIN}"), ("her coach", f"coach.priya@{DOMAIN}"),
        ("another coach", f"coach.tom@{DOMAIN}"), ("partner", f"partner@{DOMAIN}"), ("admin", f"admin@{DOMAIN}")]}
    visitors["anonymous"] = Visitor()
    visitors["anonymous"].get("/sign-in")
    tried = refused = errors = leaked = 0
    leaks = []
    reads = [f"/applications/{a}" for a in applications] + [
        f"/people/{amara_id}/applications", f"/people/{amara_id}/applications/board", f"/applications/{target}/edit",
        f"/applications/{target}/accept"]
    api_reads = [f"/applications/{a}" for a in applications] + [f"/applications?graduate_id={amara_id}", f"/metrics?graduate_id={amara_id}"]
    writes = [(f"/applications/{target}/edit", {"company": "Probe", "role_title": "Probe", "source": "job_board", "excitement": "3"}),
              (f"/applications/{target}/moves", {"stage": "withdrawn"}),
              (f"/applications/{target}/interviews", {"kind": "technical", "date": "2026-11-01", "time": "10:00", "duration_minutes": "30", "outcome": "awaiting"}),
              (f"/applications/{target}/contacts", {"contact_name": "Probe"}),
              (f"/applications/{target}/delete", {})]
    api_writes = [("PATCH", f"/applications/{target}", {"company": "Probe"}), ("POST", f"/applications/{target}/moves", {"stage": "withdrawn"}),
                  ("POST", f"/applications/{target}/interviews", {"kind": "technical", "at": "2026-11-01T10:00:00Z", "duration_minutes": 30}),
                  ("DELETE", f"/applications/{target}", None)]
    for who, visitor in visitors.items():
        for path in reads:
            status, _, _ = visitor.get(path)
            tried += 1
            errors += status >= 500
            if who not in readers:
                if status == 200:
                    leaked += 1
                    leaks.append(f"{who} read {path}")
                else:
                    refused += 1
        if who == "graduate":
            continue
        for path, fields in writes:
            visitor.get("/account/profile")
            status, headers, _ = visitor.post(path, fields)
            tried += 1
            errors += status >= 500
            if status in (200, 201) or (status == 303 and "/sign-in" not in headers.get("Location", "")):
                leaked += 1
                leaks.append(f"{who} wrote {path} ({status})")
            else:
                refused += 1
    for who, token_ in list(tokens.items()) + [("anonymous", None)]:
        for path in api_reads:
            status, _, _ = api("GET", path, token_)
            tried += 1
            errors += status >= 500
            if who not in readers:
                if status == 200:
                    leaked += 1
                    leaks.append(f"{who} read /api/v1{path}")
                else:
                    refused += 1
        if who in writers:
            continue
        for method, path, payload in api_writes:
            status, _, _ = api(method, path, token_, payload)
            tried += 1
            errors += status >= 500
            if status < 300:
                leaked += 1
                leaks.append(f"{who} {method} /api/v1{path}")
            else:
                refused += 1
    after = json.loads(api("GET", f"/applications/{target}", tokens["graduate"])[2])
    if after != before:
        leaked += 1
        leaks.append("the graduate's application changed")
    record("authorization (7 kinds of visitor, web and API)", tried, refused, errors, leaked, leaks)

    # 2. Forged forms: no token, a made-up one, another session's, the one from before signing in.
    graduate = visitors["graduate"]
    other_session = Visitor(amara)
    anonymous = Visitor()
    anonymous.get("/sign-in")
    tried = refused = errors = changed = 0
    for path, fields in writes + [("/account/profile", {"name": "Forged", "time_zone": "UTC"}), ("/account/tokens", {"name": "forged"}),
                                  ("/account/password", {"current_password": PASSWORD, "password": "forged password 1", "password_confirmation": "forged password 1"}),
                                  ("/sign-out", {})]:
        for forged in ["", "forged-token", other_session.csrf, anonymous.csrf]:
            status, _, _ = graduate.post(path, fields, csrf=forged)
            tried += 1
            errors += status >= 500
            refused += status == 403
    graduate.get("/account/profile")
    after = json.loads(api("GET", f"/applications/{target}", tokens["graduate"])[2])
    _, _, me_after = api("GET", "/me", tokens["graduate"])
    if after != before or json.loads(me_after)["name"] == "Forged":
        changed += 1
    record("forged form posts", tried, refused, errors, changed + (tried - refused - errors), ["a forged form changed something"] if changed else [])

    # 3. Hostile text, read back on every page that shows it.
    hostile = ['<script>probe()</script>', '"><img src=x onerror=probe()>', "'><svg onload=probe()>", "javascript:probe()",
               "=HYPERLINK(\"http://evil.example\",\"x\")", "</textarea><b>probe</b>", "{{probe}}#{probe}"]
    tried = refused = errors = live = 0
    lives = []
    made = []
    for value in hostile:
        for field in ["company", "role_title", "location", "next_action", "notes"]:
            payload = {"company": "Acme", "role_title": "Dev", field: value}
            status, _, text = api("POST", "/applications", tokens["graduate"], payload)
            tried += 1
            errors += status >= 500
            if status == 201:
                made.append(json.loads(text)["id"])
            else:
                refused += 1
    pages = ["/applications", "/applications/board", "/graduate", f"/people/{amara_id}/applications", f"/people/{amara_id}/applications/board",
             f"/people/{amara_id}"] + [f"/applications/{a}" for a in made] + [f"/applications/{a}/edit" for a in made[:10]]
    # What a browser would run: the tags themselves, not their escaped text.
    markers = ["<script>probe", "<img src=x onerror", "<svg onload", "<b>probe</b>", 'href="javascript:']
    for path in pages:
        for visitor in (visitors["graduate"], visitors["her coach"], visitors["admin"]):
            status, _, text = visitor.get(path)
            tried += 1
            errors += status >= 500
            for marker in markers:
                if marker in text:
                    live += 1
                    lives.append(f"{marker} on {path}")
    status, _, csv = visitors["graduate"].get("/applications/export")
    tried += 1
    formulas = [line for line in csv.splitlines() if re.search(r'(^|,)"?=', line)]
    if formulas:
        live += 1
        lives.append(f"{len(formulas)} CSV lines with a live formula")
    record(f"hostile text ({len(hostile)} values x 5 fields, read back on {len(pages)} pages x 3 roles, and the export)",
           tried, refused, errors, live, lives)

    # 4. Bad input.
    huge = "x" * 100_000
    cases = [
        ("100 KB location", lambda: api("POST", "/applications", tokens["graduate"], {"company": "A", "role_title": "B", "location": huge}), {422}),
        ("100 KB next action", lambda: api("POST", "/applications", tokens["graduate"], {"company": "A", "role_title": "B", "next_action": huge}), {422}),
        ("100 KB interview with-whom", lambda: api("POST", f"/applications/{target}/interviews", tokens["graduate"],
                                                    {"kind": "technical", "at": "2026-11-01T10:00:00Z", "duration_minutes": 30, "with_whom": huge}), {422}),
        ("100 KB contact name (web)", lambda: graduate.post(f"/applications/{target}/contacts", {"contact_name": huge}), {422}),
        ("NUL in company", lambda: api("POST", "/applications", tokens["graduate"], {"company": "before\u0000after", "role_title": "B"}), {422}),
        ("year 1", lambda: api("POST", "/applications", tokens["graduate"], {"company": "A", "role_title": "B", "on": "0001-01-01"}), {422}),
        ("year 10000", lambda: api("POST", "/applications", tokens["graduate"], {"company": "A", "role_title": "B", "next_action_due": "10000-01-01"}), {422, 400}),
        ("interview in year 9999", lambda: api("POST", f"/applications/{target}/interviews", tokens["graduate"],
                                               {"kind": "technical", "at": "9999-01-01T10:00:00Z", "duration_minutes": 30}), {422}),
        ("path through a file", lambda: request("GET", "/css/onward.css/x"), {404}),
        ("TRACE", lambda: request("TRACE", "/api/v1/me"), {405}),
        ("CONNECT", lambda: request("CONNECT", "/applications"), {405}),
        ("import without a token", lambda: api("POST", "/applications/import", None, raw="not json", content_type="application/json"), {401}),
        ("2 MB body", lambda: api("POST", "/applications", tokens["graduate"], raw="{" + " " * 2_000_000 + "}"), {413}),
        ("malformed JSON", lambda: api("POST", "/applications", tokens["graduate"], raw="{"), {400}),
        ("javascript: address", lambda: api("POST", "/applications", tokens["graduate"], {"company": "A", "role_title": "B", "url": "javascript:alert(1)"}), {422}),
        ("limit 0", lambda: api("GET", "/applications?limit=0", tokens["graduate"]), {400, 422}),
        ("open redirect after sign-in", lambda: (lambda v: v.get("/sign-in") and v.post("/sign-in", {"email": amara, "password": PASSWORD, "next": "/\t/evil.example/phish"}))(Visitor()), {303}),
    ]
    tried = refused = errors = wrong = 0
    wrongs = []
    for name, send, expected in cases:
        status, headers, _ = send()
        tried += 1
        errors += status >= 500
        location = headers.get("Location", "")
        if status in expected and not (name.startswith("open redirect") and location != "/"):
            refused += 1
        else:
            wrong += 1
            wrongs.append(f"{name}: {status} {location}")
    record("bad input", tried, refused, errors, wrong, wrongs)

    # 5. Sign-ins at once: 30 guesses for one account, 100 unknown emails from 100 addresses (behind
    # the trusted proxy), a signed-in board meanwhile.
    def sign_in(email, password, address=None):
        visitor = Visitor(address=address)
        visitor.get("/sign-in")
        return visitor.post("/sign-in", {"email": email, "password": password})[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        guesses = list(pool.map(lambda _: sign_in(f"dev.patel@{DOMAIN}", "guess"), range(30)))
    board_times = []

    def board():
        started = time.monotonic()
        status = visitors["graduate"].get("/applications/board")[0]
        board_times.append(time.monotonic() - started)
        return status

    with concurrent.futures.ThreadPoolExecutor(max_workers=110) as pool:
        burst = [pool.submit(sign_in, f"nobody{n}@example.org", "guess", f"198.51.100.{n + 1}") for n in range(100)]
        boards = [pool.submit(board) for _ in range(10)]
        burst = [f.result() for f in burst]
        boards = [f.result() for f in boards]
    statuses = guesses + burst
    checked = guesses.count(401)
    record(f"sign-ins at once (30 guesses for one account: {checked} checked, {guesses.count(429)} refused; 100 unknown emails: "
           f"{burst.count(401)} x 401, {burst.count(429)} x 429; board meanwhile: {boards.count(200)}/10 answered, slowest {max(board_times) * 1000:.0f} ms)",
           len(statuses) + len(boards), statuses.count(429), sum(s >= 500 for s in statuses + boards),
           (checked > 5) + sum(s != 200 for s in boards), [f"{checked} guesses checked"] if checked > 5 else [])

    # 6. A burst of API writes cut by SIGKILL: every acknowledged write is there after a restart.
    acknowledged = []

    def create(n):
        try:
            status, _, text = api("POST", "/applications", tokens["graduate"], {"company": f"Burst {n}", "role_title": "Dev"})
            if status == 201:
                acknowledged.append(json.loads(text)["id"])
            return status
        except OSError:
            return 0

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        futures = [pool.submit(create, n) for n in range(400)]
        while len(acknowledged) < 100:
            time.sleep(0.005)
        server.send_signal(signal.SIGKILL)
        server.wait()
        answers = [f.result() for f in futures]
    server = start()
    lost = [a for a in acknowledged if api("GET", f"/applications/{a}", tokens["graduate"])[0] != 200]
    record(f"API writes cut by SIGKILL ({len(acknowledged)} acknowledged before the kill)", len(answers), answers.count(0),
           sum(s >= 500 for s in answers), len(lost), [f"{len(lost)} acknowledged writes lost"] if lost else [])

    bodies_family(tokens["graduate"])
except OnlyOneFamily:
    pass
finally:
    server.send_signal(signal.SIGTERM)
    server.wait()

print(f"{'family':<70} {'tried':>6} {'refused':>8} {'5xx':>5} {'bad':>5}")
for family, tried, refused, errors, bad, what in results:
    print(f"{family:<70} {tried:>6} {refused:>8} {errors:>5} {bad:>5}")
    for line in what[:16]:
        print("    " + line)
sys.exit(1 if any(r[3] or r[4] for r in results) else 0)
