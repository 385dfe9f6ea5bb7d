#!/usr/bin/python3
"""Validate documents with Python's `jsonschema` (Debian's python3-jsonschema), for the
three-validator agreement test (test/portability/portability.test.ts).

Reads one JSON object from standard input:
  {"sets": {"<name>": [<schema>, ...]}, "cases": [{"id", "set", "schema": "<$id>", "instance": "<JSON text>"}]}
and writes {"version": "...", "results": {"<id>": {"valid": bool, "errors": [{"path", "keyword"}]}}}.

Each set is the schemas one validator instance sees: the whole line, or one bundle. `$ref`s
resolve only within the set; anything else is an error, never a network fetch. Formats
date-time and uri are checked exactly as SPEC.md 4.1 and writ's own checker define them (the
Debian package cannot check date-time at all), and `pattern`s are read as ECMA-262 reads them
(in Python `$` also matches before a final newline).
"""
import ipaddress
import json
import re
import sys
from importlib import metadata

from jsonschema import Draft202012Validator, FormatChecker

try:  # jsonschema >= 4.18
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError:  # jsonschema 4.10, Debian 12
    Registry = None

# ------------------------------------------------------------------- formats (SPEC.md 4.1)
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))", re.ASCII
)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_date_time(value):
    if not isinstance(value, str):
        return True
    m = _DATE_TIME.fullmatch(value)
    if m is None:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.group(1, 2, 3, 4, 5, 6))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 and leap else _DAYS[month - 1]):
        return False
    off_h, off_m = int(m.group(8) or 0), int(m.group(9) or 0)
    if hour > 23 or minute > 59 or second > 60 or off_h > 23 or off_m > 59:
        return False
    if second == 60:
        sign = -1 if m.group(7) == "-" else 1
        return (hour * 60 + minute - sign * (off_h * 60 + off_m)) % 1440 == 23 * 60 + 59
    return True


_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+\-.]*:"
    rf"(?://(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    rf"(?:\[(?P<ip>[^\]/?#@]*)\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)(?::[0-9]*)?(?:/{_PCHAR}*)*"
    rf"|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?|{_PCHAR}+(?:/{_PCHAR}*)*|)"
    rf"(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?",
    re.ASCII,
)
_IPV_FUTURE = re.compile(rf"[Vv][0-9A-Fa-f]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+", re.ASCII)


def is_uri(value):
    if not isinstance(value, str):
        return True
    m = _URI.fullmatch(value)
    if m is None:
        return False
    ip = m.group("ip")
    if ip is None or _IPV_FUTURE.fullmatch(ip):
        return True
    try:
        ipaddress.IPv6Address(ip)
    except ValueError:
        return False
    return "%" not in ip


def format_checker():
    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_date_time)
    checker.checks("uri")(is_uri)
    return checker


# ------------------------------------------------------------------- patterns
def ecma_pattern(pattern):
    """ECMA-262 reads `$` as the end of input; Python's `re` also matches it before a final newline.
    writ's schemas use no \\d, \\w, \\s or lookaround (a test forbids them), so `$` is the only
    construct whose meaning differs."""
    out, escaped, in_class = [], False, False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        else:
            out.append(r"\Z" if c == "$" else c)
    return "".join(out)


_NAME_MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}
_DATA = {"const", "enum", "examples", "default"}


def translate(node):
    if isinstance(node, list):
        return [translate(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k == "pattern" and isinstance(v, str):
            out[k] = ecma_pattern(v)
        elif k == "patternProperties" and isinstance(v, dict):
            out[k] = {ecma_pattern(p): translate(s) for p, s in v.items()}
        elif k in _NAME_MAPS and isinstance(v, dict):
            out[k] = {name: translate(s) for name, s in v.items()}
        elif k in _DATA:
            out[k] = v
        else:
            out[k] = translate(v)
    return out


# ------------------------------------------------------------------- validators
def validator_factory(schemas):
    store = {s["$id"]: translate(s) for s in schemas}
    checker = format_checker()
    if Registry is not None:
        registry = Registry().with_resources(
            (uri, Resource.from_contents(s, default_specification=DRAFT202012)) for uri, s in store.items()
        )  # no retrieve: an unknown URI raises, it is never fetched
        return lambda uri: Draft202012Validator(store[uri], registry=registry, format_checker=checker)

    from jsonschema import RefResolver
    from jsonschema.exceptions import RefResolutionError

    class OfflineResolver(RefResolver):
        def resolve_remote(self, uri):  # the default would urlopen() it
            raise RefResolutionError(f"{uri} is not among the schemas given")

    return lambda uri: Draft202012Validator(
        store[uri], resolver=OfflineResolver(base_uri=uri, referrer=store[uri], store=store), format_checker=checker
    )


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def main():
    request = json.load(sys.stdin)
    factories = {name: validator_factory(schemas) for name, schemas in request["sets"].items()}
    validators, results = {}, {}
    for case in request["cases"]:
        key = (case["set"], case["schema"])
        if key not in validators:
            validators[key] = factories[case["set"]](case["schema"])
        errors = sorted(validators[key].iter_errors(json.loads(case["instance"])), key=lambda e: list(e.absolute_path))
        results[case["id"]] = {
            "valid": not errors,
            "errors": [{"path": pointer(e.absolute_path), "keyword": e.validator} for e in errors],
        }
    json.dump({"version": metadata.version("jsonschema"), "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
