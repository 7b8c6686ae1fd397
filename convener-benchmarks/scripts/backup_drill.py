#!/usr/bin/env python3
"""Issue 16's first acceptance check: the backup drill through the command line, at scale.

Run from the repository root after `./mvnw -q package -DskipTests`:

    python3 convener-benchmarks/scripts/backup_drill.py --events 200000 --later 20000

In a fresh temporary folder it:
1. ingests EVENTS events of 1,000 members into an H2 file store, grants consents, takes a
   checkpoint, and backs the tenant up;
2. ingests LATER more events and takes a second checkpoint;
3. restores the backup into a new SQLite store (with the tenant's keyset copied over);
4. checks that the restored log verifies against the first checkpoint (exit 0), and that
   verifying against the second exits 4 and names what was lost;
5. ingests the first file again (every event a duplicate) and the later file (every event new),
   and lists the consents (all back).

It prints one line per check with its figure and PASS or FAIL, the time of each step, and exits 1
when a check fails. Only the Python standard library is used.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

TENANT = "acme"
MEMBERS = 1000
RESULTS = []


def check(name, ok, figure):
    RESULTS.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}", flush=True)


def convener(*args, expect=None):
    """Runs the command; returns (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    proc = subprocess.run(["./convener", *args], capture_output=True, text=True)
    took = time.monotonic() - started
    shown = " ".join(os.path.basename(a) if os.sep in a else a for a in args)
    print(f"      convener {shown}: exit {proc.returncode}, {took:.1f} s", flush=True)
    if expect is not None and proc.returncode != expect:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"convener {args[4] if len(args) > 4 else args} exited {proc.returncode}, expected {expect}")
    return proc.returncode, proc.stdout, proc.stderr, took


def write_events(path, first, count, rng, with_members):
    kinds = ["message", "reply", "mention", "meeting", "review", "endorsement"]
    with open(path, "w", encoding="utf-8") as out:
        if with_members:
            for m in range(MEMBERS):
                out.write(json.dumps({"type": "member", "id": f"m{m}", "teams": [f"t{m % 25}"],
                                      "displayName": f"Member {m}", "email": f"m{m}@example.com"}) + "\n")
        for i in range(first, first + count):
            actor = rng.randrange(MEMBERS)
            # mostly within the team, sometimes across: a graph with structure
            target = (actor + 25 * rng.randrange(1, 40)) % MEMBERS if rng.random() < 0.8 else rng.randrange(MEMBERS)
            if target == actor:
                target = (actor + 1) % MEMBERS
            day = 1 + (i * 97) % 180
            at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1767225600 + day * 86400 + i % 86400))
            out.write(json.dumps({"id": f"e{i}", "at": at, "kind": kinds[i % len(kinds)], "actor": f"m{actor}",
                                  "targets": [f"m{target}"], "team": f"t{actor % 25}",
                                  "sentiment": round(rng.uniform(-1, 1), 2)}) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--later", type=int, default=20_000)
    parser.add_argument("--consents", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    rng = random.Random(16)
    work = tempfile.mkdtemp(prefix="convener-drill-")
    try:
        first, later = os.path.join(work, "first.jsonl"), os.path.join(work, "later.jsonl")
        write_events(first, 0, args.events, rng, True)
        write_events(later, args.events, args.later, rng, False)
        h2 = "jdbc:h2:file:" + os.path.join(work, "h2", "convener")
        sqlite = "jdbc:sqlite:" + os.path.join(work, "restored", "convener.db")
        backup = os.path.join(work, "acme.zip")
        at_h2 = ["--db", h2, "--tenant", TENANT]
        at_sqlite = ["--db", sqlite, "--tenant", TENANT]

        _, out, _, took = convener(*at_h2, "--format", "json", "ingest", first, expect=0)
        check("first ingest", json.loads(out)["accepted"] == MEMBERS + args.events,
              f"{json.loads(out)['accepted']} accepted in {took:.1f} s")
        for m in range(3):  # a few through the consent command
            convener(*at_h2, "consent", "grant", "--member", f"m{m}", "--purpose", "champion.recommendation",
                     expect=0)
        # the rest of the consents as consent events, through the same ingest path a host uses
        grants = os.path.join(work, "grants.jsonl")
        with open(grants, "w", encoding="utf-8") as out_file:
            for m in range(3, args.consents):
                out_file.write(json.dumps({"id": f"c{m}", "at": "2026-06-30T12:00:00Z", "kind": "consent",
                                           "actor": f"m{m}", "attrs": {"purpose": "champion.recommendation",
                                                                       "decision": "granted"}}) + "\n")
        convener(*at_h2, "ingest", grants, expect=0)
        _, cp1, _, _ = convener(*at_h2, "provenance", "--checkpoint", expect=0)
        cp1_file = os.path.join(work, "cp1.txt")
        open(cp1_file, "w", encoding="utf-8").write(cp1)
        _, out, _, took = convener(*at_h2, "--format", "json", "backup", "--out", backup, expect=0)
        made = json.loads(out)
        check("backup", made["events"] == args.events + args.consents - 3,
              f"{made['events']} events, {os.path.getsize(backup) / 1e6:.1f} MB in {took:.1f} s")

        convener(*at_h2, "ingest", later, expect=0)
        _, cp2, _, _ = convener(*at_h2, "provenance", "--checkpoint", expect=0)
        cp2_file = os.path.join(work, "cp2.txt")
        open(cp2_file, "w", encoding="utf-8").write(cp2)

        os.makedirs(os.path.join(work, "restored", "keys"))
        for name in os.listdir(os.path.join(work, "h2", "keys")):
            if name.endswith(".json"):
                shutil.copy(os.path.join(work, "h2", "keys", name), os.path.join(work, "restored", "keys", name))
        _, out, _, took = convener("--db", sqlite, "--format", "json", "restore", "--in", backup, expect=0)
        check("restore into SQLite", json.loads(out)["members"] == MEMBERS, f"{took:.1f} s")

        code, _, _, _ = convener(*at_sqlite, "provenance", "--verify", "--against", cp1_file)
        check("the restored log extends the first checkpoint", code == 0, f"exit {code}")
        code, out, err, _ = convener(*at_sqlite, "--format", "json", "provenance", "--verify", "--against", cp2_file)
        verdict = json.loads(out) if out.strip().startswith("{") else {}
        named = "firstBadEntry" in verdict
        check("verifying against the later checkpoint exits 4 and names the loss", code == 4 and named,
              f"exit {code}, firstBadEntry {verdict.get('firstBadEntry')}, "
              f"{json.dumps({k: v for k, v in verdict.items() if k != 'firstBadEntry'})[:200]}")

        _, out, _, took = convener(*at_sqlite, "--format", "json", "ingest", first, expect=0)
        again = json.loads(out)
        # member lines are upserts and count as accepted; every event must be a duplicate
        check("re-ingesting the first file takes no new event",
              again["accepted"] <= MEMBERS and again["duplicates"] == args.events,
              f"{again['duplicates']} event duplicates, {again['accepted']} member records re-applied, {took:.1f} s")
        _, out, _, _ = convener(*at_sqlite, "--format", "json", "ingest", later, expect=0)
        fresh = json.loads(out)
        check("the later file's events are all new", fresh["accepted"] == args.later and fresh["duplicates"] == 0,
              f"accepted {fresh['accepted']}, duplicates {fresh['duplicates']}")
        _, out, _, _ = convener(*at_sqlite, "--format", "json", "consent", "list", expect=0)
        granted = {c["member"] for c in json.loads(out)["consents"]
                   if c.get("purpose") == "champion.recommendation" and c.get("decision") == "granted"}
        check("consents are back", len(granted) == args.consents, f"{len(granted)} of {args.consents}")
    finally:
        if args.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{sum(RESULTS)} of {len(RESULTS)} checks passed")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
