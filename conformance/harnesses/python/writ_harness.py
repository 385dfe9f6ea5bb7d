#!/usr/bin/env python3
"""A writ conformance harness in Python, standard library only (SPEC.md 13.3).

It speaks the adapter protocol writ-adapter/1 on standard input and output, and implements
three profiles from the specification alone: jcs (JSON intake, SPEC.md 3, and RFC 8785),
hash (SPEC.md 6.3) and signature (strict Ed25519, SPEC.md 6.4). It declares the other profiles
unsupported, so the runner reports their cases as skipped.

Run the suite through it:  npx writ conformance --impl "python3 conformance/harnesses/python/writ_harness.py"

It is a second implementation written to check that the specification is enough to write
one, and an example for harness authors. It is not tuned for speed.
"""

import base64
import hashlib
import json
import re
import sys

PROTOCOL = "writ-adapter/1"
MAX_DEPTH = 64
MAX_BYTES = 16 * 1024 * 1024


class Rejected(Exception):
    """A rejection with its stable code."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


# ---------------------------------------------------------------------------------------------
# JSON intake (SPEC.md 3)

def _no_duplicates(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise Rejected("ERR_JSON_DUPLICATE_KEY")
        seen.add(key)
    return dict(pairs)


def _no_constant(name):
    raise Rejected("ERR_JSON_SYNTAX")  # NaN, Infinity and -Infinity are not JSON


def _float(text):
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise Rejected("ERR_JSON_NUMBER_RANGE")
    # A non-zero mantissa that underflows to 0 is not the value its text says.
    if value == 0 and re.search("[1-9]", re.split("[eE]", text)[0]):
        raise Rejected("ERR_JSON_NUMBER_RANGE")
    return value


def _check(value, depth):
    """Lone surrogates and nesting depth, which Python's reader does not refuse."""
    if isinstance(value, str):
        if re.search("[\ud800-\udfff]", value):
            raise Rejected("ERR_JSON_LONE_SURROGATE")
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            float(value)
        except OverflowError:
            raise Rejected("ERR_JSON_NUMBER_RANGE")
    elif isinstance(value, (list, dict)):
        if depth >= MAX_DEPTH:
            raise Rejected("ERR_JSON_TOO_DEEP")
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str):
                _check(key, depth)
            _check(item, depth + 1)


def read_json(data):
    """Read JSON bytes as SPEC.md 3 says, or raise Rejected."""
    if len(data) > MAX_BYTES:
        raise Rejected("ERR_JSON_TOO_LARGE")
    if data.startswith(b"\xef\xbb\xbf"):
        raise Rejected("ERR_JSON_ENCODING")
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Rejected("ERR_JSON_ENCODING")
    # Depth first, before Python's own recursion limit can matter.
    depth = 0
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise Rejected("ERR_JSON_TOO_DEEP")
        elif ch in "]}":
            depth -= 1
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_float)
    except Rejected:
        raise
    except (ValueError, RecursionError):
        raise Rejected("ERR_JSON_SYNTAX")
    _check(value, 0)
    return value


# ---------------------------------------------------------------------------------------------
# RFC 8785 canonical form

_REPR = re.compile(r"^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$")


def _number(value):
    """ECMAScript's Number.prototype.toString for a double (RFC 8785 section 3.2.2.3)."""
    x = float(value)
    if x != x or x in (float("inf"), float("-inf")):
        raise Rejected("ERR_JSON_NUMBER_RANGE")
    if x == 0:
        return "0"
    sign, whole, fraction, exponent = _REPR.match(repr(x)).groups()  # repr is the shortest round trip
    digits = whole + (fraction or "")
    point = len(whole) + int(exponent or 0)  # value = 0.digits * 10^point
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    k, n = len(digits), point
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        out = mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def canonical(value):
    """The RFC 8785 canonical form of a value read by read_json."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical(value[k]) for k in keys) + "}"


# ---------------------------------------------------------------------------------------------
# Ed25519, strict (SPEC.md 6.4): the checks in order, then the cofactorless equation

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
SMALL_ORDER = {
    "0100000000000000000000000000000000000000000000000000000000000000",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
}


def _canonical_point(b):
    y = int.from_bytes(b, "little") & ((1 << 255) - 1)
    if y >= P:
        return False
    sign = b[31] >> 7
    return not (sign and y in (1, P - 1))  # x = 0 with the sign bit set


def _decode(b):
    y = int.from_bytes(b, "little") & ((1 << 255) - 1)
    sign = b[31] >> 7
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if (v * x * x - u) % P != 0:
        x = x * SQRT_M1 % P
        if (v * x * x - u) % P != 0:
            return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


def _add(p, q):
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = 2 * t1 * t2 * D % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = _add(q, p)
        p = _add(p, p)
        s >>= 1
    return q


def _encode(p):
    x, y, z, _ = p
    zi = pow(z, P - 2, P)
    x, y = x * zi % P, y * zi % P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


BASE = _decode(bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666"))
HEX = re.compile("^(?:[0-9a-f]{2})*$")


def verify(public_key, signature, message):
    """Raise Rejected with the code SPEC.md 6.4 gives, or return for a valid signature."""
    if not all(isinstance(h, str) and HEX.match(h) for h in (public_key, signature, message)):
        raise Rejected("ERR_SIG_MALFORMED")
    a, sig, msg = bytes.fromhex(public_key), bytes.fromhex(signature), bytes.fromhex(message)
    if len(a) != 32 or len(sig) != 64:
        raise Rejected("ERR_SIG_MALFORMED")
    r, s = sig[:32], int.from_bytes(sig[32:], "little")
    if not _canonical_point(a):
        raise Rejected("ERR_SIG_NON_CANONICAL")
    if a.hex() in SMALL_ORDER:
        raise Rejected("ERR_SIG_SMALL_ORDER")
    if s >= L:
        raise Rejected("ERR_SIG_NON_CANONICAL")
    if not _canonical_point(r):
        raise Rejected("ERR_SIG_NON_CANONICAL")
    if r.hex() in SMALL_ORDER:
        raise Rejected("ERR_SIG_SMALL_ORDER")
    point = _decode(a)
    if point is None:
        raise Rejected("ERR_SIG_INVALID")
    k = int.from_bytes(hashlib.sha512(r + a + msg).digest(), "little") % L
    x, y, z, t = _mul(k, point)
    expected = _add(_mul(s, BASE), ((P - x) % P, y, z, (P - t) % P))  # [S]B - [k]A
    if _encode(expected) != r:
        raise Rejected("ERR_SIG_INVALID")


# ---------------------------------------------------------------------------------------------
# The protocol

def answer(case):
    profile, data = case["profile"], case["input"]
    try:
        if profile in ("jcs", "hash"):
            raw = base64.urlsafe_b64decode(data["bytes"] + "=" * (-len(data["bytes"]) % 4)) if "bytes" in data else data["text"].encode("utf-8", errors="surrogatepass")
            text = canonical(read_json(raw))
            output = text if profile == "jcs" else "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
            return {"verdict": "accept", "output": output}
        if profile == "signature":
            verify(data.get("public_key"), data.get("signature"), data.get("message"))
            return {"verdict": "accept"}
        return {"skipped": True, "reason": "the Python harness implements jcs, hash and signature only"}
    except Rejected as r:
        return {"verdict": "reject", "code": r.code}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            command = json.loads(line)
            cmd = command["cmd"]
        except (ValueError, KeyError, TypeError):
            reply = {"seq": 0, "errored": True, "context": {"message": "not an adapter command"}}
        else:
            if cmd == "stop":
                break
            if cmd == "start":
                reply = {
                    "protocol": PROTOCOL,
                    "implementation": {"name": "writ-python-harness", "version": "0.1.0", "language": "Python", "homepage": "https://writ.dev/"},
                    "profiles": ["jcs", "hash", "signature"],
                }
            else:
                try:
                    reply = {"seq": command["seq"], **answer(command["case"])}
                except Exception as e:  # a bug here is an errored case, never a dead harness
                    reply = {"seq": command.get("seq", 0), "errored": True, "context": {"message": repr(e)}}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
