#!/usr/bin/env python3
"""A broken implementation, as people write it in Python: the canonical form by
json.dumps(sort_keys=True), which writes 1.0 where RFC 8785 writes 1, escapes every non-ASCII
character (\\u00e9 for e-acute), and reads duplicate members, NaN and lone surrogates without
complaint. Everything else is the Python harness."""

import json
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the release boundary
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "conformance", "harnesses", "python"))
import writ_harness  # noqa: E402

writ_harness.canonical = lambda value: json.dumps(value, sort_keys=True, separators=(",", ":"))
writ_harness.read_json = lambda data: json.loads(data.decode("utf-8"))
writ_harness.main()
