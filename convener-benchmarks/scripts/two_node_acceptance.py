#!/usr/bin/env python3
"""Issue 14's acceptance run: two `convener serve` nodes on one PostgreSQL database, and one
`serve` on an SQLite file beside a `convener ingest` process.

Run from the repository root after `./mvnw -q package -DskipTests`:

    CONVENER_DB_USER=postgres CONVENER_DB_PASSWORD=... \\
      python3 convener-benchmarks/scripts/two_node_acceptance.py \\
        --db jdbc:postgresql://127.0.0.1:5432/convener_accept --events 1000000

The database must exist and be empty, or hold the data of an earlier run (then pass --no-ingest).
It prints one line per check with its measured figure and PASS or FAIL, and exits 1 when a check
fails. Only the Python standard library is used; tokens are HS256, signed with a random secret
handed to both nodes through an environment variable.
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ISSUER = "https://login.example.com/"
TENANT = "acme"
SECRET = secrets.token_urlsafe(48)
RESULTS = []


def check(name, ok, figure):
    RESULTS.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}", flush=True)


def token(subject, *roles, tenant=TENANT):
    now = int(time.time())
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    head = b64(json.dumps({"alg": "HS256", "kid": "default"}).encode())
    body = b64(json.dumps({"iss": ISSUER, "aud": "convener", "sub": subject, "tenant": tenant,
                           "roles": list(roles), "iat": now, "exp": now + 3600}).encode())
    sig = hmac.new(SECRET.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(sig)}"


class Node:
    """A `convener serve` child process."""

    def __init__(self, db, *extra):
        env = dict(os.environ, SERVE_SECRET=SECRET)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            ["./convener", "--db", db, "serve", "--port", "0", "--issuer", ISSUER,
             "--hmac-secret-env", "SERVE_SECRET", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        line = self.proc.stdout.readline()
        m = re.search(r"serving http://([^/]+):(\d+)/v1/", line)
        if not m:
            raise SystemExit(f"serve did not start: {line!r}")
        self.host, self.port = m.group(1), int(m.group(2))
        self.ready_after = time.monotonic() - self.started

    def call(self, method, path, subject, *roles, body=None, headers=None, raw=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=120)
        h = {"Authorization": "Bearer " + token(subject, *roles)}
        h.update(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        text = r.read().decode()
        c.close()
        return r.status, dict(r.getheaders()), text

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)


class Stream:
    """An SSE stream of one member's notifications, read on a thread."""

    def __init__(self, node, member, last_event_id=None):
        self.ids = []
        self.conn = http.client.HTTPConnection(node.host, node.port, timeout=None)
        h = {"Authorization": "Bearer " + token(member, "member"), "Accept": "text/event-stream"}
        if last_event_id is not None:
            h["Last-Event-ID"] = str(last_event_id)
        self.conn.request("GET", "/v1/notifications/stream", headers=h)
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200, self.resp.status
        self.arrived = {}
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        try:
            for raw in self.resp:
                line = raw.decode().rstrip("\n")
                if line.startswith("id:"):
                    seq = int(line[3:].strip())
                    self.ids.append(seq)
                    self.arrived[seq] = time.monotonic()
        except Exception:  # the stream was closed under the reader
            pass

    def close(self):
        try:
            self.conn.sock.shutdown(2)
        except OSError:
            pass
        self.conn.close()


def generate(path, members, events, seed=14):
    rng = random.Random(seed)
    teams = [f"team-{i}" for i in range(max(1, members // 50))]
    start = time.time() - 80 * 86400
    with open(path, "w") as f:
        for i in range(members):
            f.write(json.dumps({"type": "member", "id": f"m{i}", "teams": [teams[i % len(teams)]]}) + "\n")
        for i in range(events):
            a = rng.randrange(members)
            b = (a + 1 + int(rng.paretovariate(1.2))) % members
            at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + i * (78 * 86400 / events)))
            kind = rng.choice(["message", "reply", "mention", "reaction"])
            f.write(json.dumps({"id": f"e{i}", "at": at, "kind": kind, "actor": f"m{a}", "targets": [f"m{b}"],
                                "team": teams[a % len(teams)], "sentiment": round(rng.uniform(-1, 1), 2)}) + "\n")


def ranked(node, member):
    s, _, text = node.call("POST", "/v1/champions/discover", "cm", "community_manager", body={"limit": 20})
    return s == 200 and member in {c["member"] for c in json.loads(text)["champions"]}


def multi_node(db, events, members, work, ingest=True):
    if ingest:
        data = os.path.join(work, "data.jsonl")
        generate(data, members, events)
        t = time.monotonic()
        subprocess.run(["./convener", "--db", db, "--tenant", TENANT, "ingest", data], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"info  ingested {events} events, {members} members in {time.monotonic() - t:.1f} s", flush=True)

    run = secrets.token_hex(4)  # names of this run, so that a run on a store used before starts fresh
    # a quota's bucket is named by its figures: a period of its own gives this run fresh buckets
    opts = ["--shared-quotas", "--quota", f"provenance=40/{random.randrange(60, 600)}m"]
    a = Node(db, *opts)
    b = Node(db, *opts)
    print(f"info  node A listening after {a.ready_after:.1f} s, node B after {b.ready_after:.1f} s", flush=True)
    try:
        t = time.monotonic()
        s, _, _ = b.call("GET", "/v1/pulse/aggregate?team=team-1", "cm", "community_manager")
        pulse = time.monotonic() - t
        t = time.monotonic()
        b.call("GET", "/v1/pulse/aggregate?team=team-2", "cm", "community_manager")
        again = time.monotonic() - t
        check(f"fresh node's first team pulse on {events} events (<= 5 s)", s == 200 and pulse <= 5,
              f"{pulse:.2f} s (another team next: {again:.2f} s)")
        t = time.monotonic()
        s, _, _ = b.call("POST", "/v1/champions/discover", "cm", "community_manager", body={"limit": 20})
        champions = time.monotonic() - t
        check(f"fresh node's first champions on {events} events (<= 10 s)", s == 200 and champions <= 10,
              f"{champions:.2f} s")
        a.call("POST", "/v1/champions/discover", "cm", "community_manager", body={"limit": 20})

        # Events ingested through node A rank on node B within 2 s.
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
        zed = "zed-" + run
        lines = [json.dumps({"type": "member", "id": zed, "teams": ["team-1"]}),
                 json.dumps({"id": zed + "-consent", "at": now, "kind": "consent", "actor": zed,
                             "attrs": {"purpose": "champion.recommendation", "decision": "granted"}})]
        for i in range(3000):
            lines.append(json.dumps({"id": f"{zed}-{i}", "at": now, "kind": "reply", "actor": f"m{i % members}",
                                     "targets": [zed], "weight": 5}))
        s, _, text = a.call("POST", "/v1/events", "admin", "admin", raw="\n".join(lines).encode(),
                            headers={"Content-Type": "application/x-ndjson"})
        sent = time.monotonic()
        assert s == 200, text
        seen = None
        while time.monotonic() - sent < 30:
            if ranked(b, zed):
                seen = time.monotonic() - sent
                break
        check("events ingested on A rank on B (<= 2 s)", seen is not None and seen <= 2,
              "never" if seen is None else f"{seen:.2f} s")

        # A message caused on A reaches the member's stream on B once, after its Last-Event-ID.
        member = "m" + str(random.randrange(members))
        a.call("POST", "/v1/consent/grant", member, "member", body={"member": member, "purpose": "notification.direct"})
        first = Stream(b, member)
        a.call("POST", "/v1/approvals/request", "lead", "team_lead",
               body={"subject": member, "purpose": "champion.recommendation", "scope": "first"})
        deadline = time.monotonic() + 10
        while not first.ids and time.monotonic() < deadline:
            time.sleep(0.05)
        first.close()
        last = first.ids[-1] if first.ids else 0
        sent = time.monotonic()
        a.call("POST", "/v1/approvals/request", "lead", "team_lead",
               body={"subject": member, "purpose": "champion.recommendation", "scope": "second"})
        resumed = Stream(b, member, last_event_id=last)
        deadline = time.monotonic() + 10
        while not resumed.ids and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2)  # anything sent twice would arrive by now
        resumed.close()
        ok = len(first.ids) == 1 and len(resumed.ids) == 1 and resumed.ids[0] > last
        check("a message caused on A reaches the stream on B once after Last-Event-ID", ok,
              f"first stream {first.ids}, resumed after {last}: {resumed.ids}")

        # The same Idempotency-Key on B replays A's response; another body gets 422.
        key = {"Idempotency-Key": "accept-" + secrets.token_hex(8)}
        body = {"subject": member, "purpose": "champion.recommendation", "scope": "idem"}
        s1, _, t1 = a.call("POST", "/v1/approvals/request", "lead", "team_lead", body=body, headers=key)
        s2, _, t2 = b.call("POST", "/v1/approvals/request", "lead", "team_lead", body=body, headers=key)
        s3, _, _ = b.call("POST", "/v1/approvals/request", "lead", "team_lead", body=dict(body, scope="other"),
                          headers=key)
        check("Idempotency-Key replayed across nodes, 422 for another body", s1 == s2 == 201 and t1 == t2 and s3 == 422,
              f"A {s1}, B {s2} (same body: {t1 == t2}), B with another body {s3}"
              + ("" if t1 == t2 else f"; A said {t1[:200]}, B said {t2[:200]}"))

        # A tenant's quota holds across both nodes within 10 %.
        passed = 0
        for i in range(120):
            node = a if i % 2 == 0 else b
            s, _, _ = node.call("GET", "/v1/provenance/events?limit=1", f"auditor-{i % 3}", "compliance_officer")
            passed += s == 200
        check("a tenant's quota of 40 holds across both nodes (within 10 %)", 40 <= passed <= 44,
              f"{passed} of 120 calls passed")
    finally:
        a.stop()
        b.stop()


def sqlite_follows(work):
    db = "jdbc:sqlite:" + os.path.join(work, "shared.db")
    seed = os.path.join(work, "seed.jsonl")
    generate(seed, 200, 5000, seed=3)
    subprocess.run(["./convener", "--db", db, "--tenant", TENANT, "ingest", seed], check=True, stdout=subprocess.DEVNULL)
    node = Node(db)
    try:
        def in_window():
            s, _, text = node.call("POST", "/v1/champions/discover", "cm", "community_manager", body={"limit": 5})
            return json.loads(text)["graph"]["eventsInWindow"]
        before = in_window()
        more = os.path.join(work, "more.jsonl")
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
        with open(more, "w") as f:
            for i in range(60):
                f.write(json.dumps({"id": f"late-{i}", "at": now, "kind": "reply", "actor": f"m{i}",
                                    "targets": [f"m{i + 1}"]}) + "\n")
        subprocess.run(["./convener", "--db", db, "--tenant", TENANT, "ingest", more], check=True,
                       stdout=subprocess.DEVNULL)
        done = time.monotonic()
        seen = None
        while time.monotonic() - done < 30:
            if in_window() == before + 60:
                seen = time.monotonic() - done
                break
        check("serve on SQLite sees another process's ingest (<= 2 s)", seen is not None and seen <= 2,
              "never" if seen is None else f"{seen:.2f} s after the ingest process exited")
    finally:
        node.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", required=True, help="an empty PostgreSQL database, jdbc:postgresql://HOST:PORT/DB")
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--members", type=int, default=10_000)
    p.add_argument("--no-ingest", action="store_true",
                   help="the database holds this script's data already (from an earlier run): skip generating it")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as work:
        multi_node(args.db, args.events, args.members, work, ingest=not args.no_ingest)
        sqlite_follows(work)
    sys.exit(0 if all(RESULTS) else 1)


if __name__ == "__main__":
    main()
