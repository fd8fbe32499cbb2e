#!/usr/bin/env python3
"""Sends copies of a real agent inventory to an OCS-protocol endpoint and reports the rate.

Each copy gets its own host name, device id and MAC addresses (from --prefix, the copy's
number and --phase), so that the server stores it as a machine of its own; sending the same
prefix and phase again updates those machines. Senders are threads with one keep-alive
connection each. The run stops after --count inventories or --max-seconds, whichever
comes first, and prints one JSON line.
"""
import argparse
import base64
import http.client
import json
import pathlib
import threading
import time
import urllib.parse
import zlib

SAMPLE = "testdata/agent-samples/wire/ocsinventory-agent/02-inventory-request.xml.zlib"
USER_AGENT = "OCS-NG_unified_unix_agent_v2.10.0"


def bodies(sample, prefix, phase, count):
    xml = zlib.decompress(pathlib.Path(sample).read_bytes())
    result = []
    for i in range(count):
        body = xml.replace(b"testhost-01", b"%s-%05d" % (prefix.encode(), i))
        body = body.replace(b"00:00:5e:00:53:", b"02:%02x:%02x:%02x:53:" % (phase, i // 256, i % 256))
        result.append(zlib.compress(body))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--sample", default=SAMPLE)
    parser.add_argument("--prefix", default="ingest")
    parser.add_argument("--phase", type=int, default=0)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--senders", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=60)
    args = parser.parse_args()

    payloads = bodies(args.sample, args.prefix, args.phase, args.count)
    url = urllib.parse.urlsplit(args.url)
    headers = {"Content-Type": "application/x-compress", "User-Agent": USER_AGENT}
    if args.user:
        credentials = base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
        headers["Authorization"] = "Basic " + credentials

    lock = threading.Lock()
    state = {"next": 0, "ok": 0, "failed": 0, "statuses": {}}
    latencies = []
    started = time.monotonic()
    deadline = started + args.max_seconds

    def take():
        with lock:
            if state["next"] >= len(payloads) or time.monotonic() >= deadline:
                return None
            state["next"] += 1
            return state["next"] - 1

    def sender():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        while (index := take()) is not None:
            t0 = time.monotonic()
            try:
                connection.request("POST", url.path, body=payloads[index], headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
            elapsed = time.monotonic() - t0
            with lock:
                state["ok" if status == 200 else "failed"] += 1
                state["statuses"][str(status)] = state["statuses"].get(str(status), 0) + 1
                latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=sender) for _ in range(args.senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000, 1) if latencies else None

    result = {"sent": state["next"], "ok": state["ok"], "failed": state["failed"], "statuses": state["statuses"],
              "senders": args.senders, "seconds": round(seconds, 2),
              "per_second": round(state["ok"] / seconds, 2) if seconds else 0,
              "p50_ms": percentile(0.5), "p99_ms": percentile(0.99)}
    result["summary"] = ("{per_second} /s ({ok} of {sent} in {seconds} s, p50 {p50_ms} ms, p99 {p99_ms} ms)"
                         .format(**result))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
