#!/usr/bin/env python3
"""Reads wrk --latency output on stdin and prints "p50 ms / p99 ms / rate per s"."""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


output = sys.stdin.read()
p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
if not (p50 and p99 and rate):
    print("no result")
else:
    print(f"{millis(p50.group(1)):.1f} ms / {millis(p99.group(1)):.1f} ms / {float(rate.group(1)):,.0f} per s")
