#!/usr/bin/env python3
"""A writ conformance harness in Python, standard library only (SPEC.md 13.3).

It speaks the adapter protocol writ-adapter/1 on standard input and output, and implements
six profiles from the specification alone: jcs (JSON intake, SPEC.md 3, and RFC 8785),
hash (SPEC.md 6.3), signature (strict Ed25519, SPEC.md 6.4), capability and chain (capability
chains in the compact envelope, SPEC.md 12.2) and budget (SPEC.md 12.5). It declares the other
profiles unsupported, so the runner reports their cases as skipped.

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


class _OutOfRange:
    """A number that overflows or underflows, refused where it stands in the text (see _check)."""


def _float(text):
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return _OutOfRange()
    # A non-zero mantissa that underflows to 0 is not the value its text says.
    if value == 0 and re.search("[1-9]", re.split("[eE]", text)[0]):
        return _OutOfRange()
    return value


def _check(value, depth):
    """Lone surrogates and nesting depth, which Python's reader does not refuse."""
    # Visited in the order of the text, so the first problem in it is the one reported.
    if isinstance(value, _OutOfRange):
        raise Rejected("ERR_JSON_NUMBER_RANGE")
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
# Capability chains (SPEC.md 12.2): the compact envelope (SPEC.md 6.4), coverage and attenuation

def _canonical_bytes(value):
    return canonical(value).encode("utf-8")


def document_hash(value):
    return "sha256:" + hashlib.sha256(_canonical_bytes(value)).hexdigest()


def verify_compact(doc, signer):
    """The compact envelope: the signer's hex key in the document, the signature over the rest."""
    body = {k: v for k, v in doc.items() if k not in ("signature", "algorithm")}
    verify(doc.get(signer), doc.get("signature"), _canonical_bytes(body).hex())


def _covers(pattern, name):
    """A name pattern covers a name: *, the name itself, or a prefix* covering a name (not another pattern)."""
    if pattern == "*" or pattern == name:
        return True
    return pattern.endswith("*") and name.startswith(pattern[:-1]) and not name.endswith("*")


def _named_within(mine, theirs, key):
    return all(
        any(_covers(p[key], g[key]) and "delegate" in p["operations"] and all(o in p["operations"] for o in g["operations"]) for p in theirs)
        for g in mine
    )


def _narrows(child, parent):
    """Why a child grant is not within its parent grant, or None."""
    if "delegate" not in parent["operations"]:
        return "ERR_CAP_NOT_DELEGABLE"
    if any(o not in parent["operations"] for o in child["operations"]):
        return "ERR_CAP_OPERATION_WIDENED"
    if "max_invocations" in parent:
        if "max_invocations" not in child:
            return "ERR_CAP_LIMIT_DROPPED"
        if child["max_invocations"] > parent["max_invocations"]:
            return "ERR_CAP_LIMIT_EXCEEDED"
    for k in ("max_cost_per_invocation", "max_total_cost"):
        if k not in parent:
            continue
        if k not in child:
            return "ERR_CAP_LIMIT_DROPPED"
        if child[k]["currency"] != parent[k]["currency"]:
            return "ERR_CAP_CURRENCY_MISMATCH"
        if child[k]["units"] > parent[k]["units"]:
            return "ERR_CAP_LIMIT_EXCEEDED"
    mine = {canonical(c) for c in child.get("constraints") or []}
    if any(canonical(c) not in mine for c in parent.get("constraints") or []):
        return "ERR_CAP_CONSTRAINT_DROPPED"
    if parent.get("dpop_required") is True and child.get("dpop_required") is not True:
        return "ERR_CAP_CONSTRAINT_DROPPED"  # dpop_required is kept: neither left out nor set false
    return None


LATEST_SECOND = 253402300799  # 9999-12-31T23:59:59Z (SPEC.md 6.2)


def _whole(n):
    return isinstance(n, int) and not isinstance(n, bool) and n >= 0


def _check_context(context):
    """A malformed context is ERR_USAGE_INVALID_ARGUMENT (SPEC.md 12), never a verdict about the chain."""
    if not isinstance(context, dict) or not _whole(context.get("now")) or context["now"] > LATEST_SECOND:
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    revocations = context.get("revocations")
    if revocations is not None and not (isinstance(revocations, list) and all(isinstance(r, dict) and isinstance(r.get("capability_id"), str) and _whole(r.get("revoked_at")) for r in revocations)):
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    anchors = context.get("trust_anchors")
    if anchors is not None and not (isinstance(anchors, list) and all(isinstance(a, str) for a in anchors)):
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    if "max_depth" in context and not _whole(context["max_depth"]):
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")


def _token_rules(token):
    """The document rules of a capability token (SPEC.md 5.3) that bear on a chain: valid-period, ttl-matches."""
    if token["expires_at"] <= token["issued_at"]:
        raise Rejected("ERR_RULE_TIME_ORDER")
    if token.get("ttl_secs") is not None and token["ttl_secs"] != token["expires_at"] - token["issued_at"]:
        raise Rejected("ERR_RULE_TTL_MISMATCH")


def verify_chain(leaf, evidence, context):
    """Raise Rejected with the first broken rule of the chain that ends at leaf, at context's now."""
    _check_context(context)
    if not isinstance(evidence, list):
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    now = context["now"]
    _token_rules(leaf)
    by_id = {leaf["id"]: leaf}
    for token in evidence:
        # A value without a string id is not a capability: no parent id can name it.
        if not isinstance(token, dict) or not isinstance(token.get("id"), str):
            continue
        known = by_id.get(token["id"])
        if known is not None and document_hash(known) != document_hash(token):
            raise Rejected("ERR_CHAIN_DUPLICATE_ID")
        by_id[token["id"]] = token
    path, seen, token = [leaf], {leaf["id"]}, leaf
    while token.get("parent_capability_id") is not None:
        parent = by_id.get(token["parent_capability_id"])
        if parent is None:
            raise Rejected("ERR_CHAIN_PARENT_MISSING")
        _token_rules(parent)
        if parent["id"] in seen:
            raise Rejected("ERR_CHAIN_CYCLE")
        seen.add(parent["id"])
        path.append(parent)
        if len(path) > context.get("max_depth", 16) + 1:
            raise Rejected("ERR_CHAIN_TOO_DEEP")
        token = parent
    path.reverse()
    revocations = {r["capability_id"]: r["revoked_at"] for r in context.get("revocations") or []}
    for depth, token in enumerate(path):
        if token.get("delegation_depth", 0) != depth:
            raise Rejected("ERR_CHAIN_DEPTH_MISMATCH")
        verify_compact(token, "issuer")
        if depth == 0:
            anchors = context.get("trust_anchors")
            if anchors is not None and token["issuer"] not in anchors:
                raise Rejected("ERR_CHAIN_UNTRUSTED_ROOT")
        else:
            parent = path[depth - 1]
            if token["issuer"] != parent["subject"]:
                raise Rejected("ERR_CHAIN_ISSUER_MISMATCH")
            if token["issued_at"] < parent["issued_at"]:
                raise Rejected("ERR_CAP_ISSUED_BEFORE_PARENT")
            if token["expires_at"] > parent["expires_at"]:
                raise Rejected("ERR_CAP_EXPIRY_EXTENDED")
            for grant in token["scope"].get("grants") or []:
                candidates = [p for p in parent["scope"].get("grants") or [] if _covers(p["server_id"], grant["server_id"]) and _covers(p["tool_name"], grant["tool_name"])]
                if not candidates:
                    raise Rejected("ERR_CAP_NOT_COVERED")
                reasons = [_narrows(grant, p) for p in candidates]
                if None not in reasons:
                    raise Rejected(reasons[0])
            for key, kind in (("uri_pattern", "resource_grants"), ("prompt_name", "prompt_grants")):
                if not _named_within(token["scope"].get(kind) or [], parent["scope"].get(kind) or [], key):
                    raise Rejected("ERR_CAP_NOT_COVERED")
        for link in token.get("delegation_chain") or []:
            verify_compact(link, "delegator")
            # The link names an ancestor hop: its delegator held that capability, its delegatee the next.
            hops = [i for i, u in enumerate(path[:depth]) if u["id"] == link["capability_id"]]
            if not hops or link["delegator"] != path[hops[0]]["subject"] or link["delegatee"] != path[hops[0] + 1]["subject"]:
                raise Rejected("ERR_CHAIN_LINK_INVALID")
        revoked_at = revocations.get(token["id"])
        if revoked_at is not None and revoked_at <= now:
            raise Rejected("ERR_CHAIN_REVOKED" if depth == len(path) - 1 else "ERR_CHAIN_REVOKED_ANCESTOR")
        if now < token["issued_at"]:
            raise Rejected("ERR_CHAIN_NOT_YET_VALID")
        if now >= token["expires_at"]:
            raise Rejected("ERR_CHAIN_EXPIRED")


# ---------------------------------------------------------------------------------------------
# Budgets (SPEC.md 12.5): authorize-exposure, budget authorization records, reconcile-spend

DENIALS = {
    "ERR_BUDGET_CURRENCY_MISMATCH": "currency_mismatch",
    "ERR_BUDGET_TOTAL_EXCEEDED": "max_total_cost",
    "ERR_BUDGET_INVOCATIONS_EXCEEDED": "max_invocations",
    "ERR_BUDGET_PER_CALL_EXCEEDED": "max_cost_per_invocation",
    "ERR_BUDGET_APPROVAL_REQUIRED": "approval_required",
}


def _ledger(ledger):
    """A grant's ledger { invocations, total } in non-negative integers, or None when absent."""
    if ledger is None:
        return None
    ok = isinstance(ledger, dict) and all(isinstance(ledger.get(k), int) and not isinstance(ledger.get(k), bool) and ledger[k] >= 0 for k in ("invocations", "total"))
    if not ok:
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    return ledger


def authorize(capability, grant_index, exposure, ledger, approved):
    """The checks in SPEC's order; returns (invocation_count, total) after an allowed call, or raises the denial."""
    grants = capability["scope"].get("grants") or []
    if not isinstance(grant_index, int) or isinstance(grant_index, bool) or not 0 <= grant_index < len(grants):
        raise Rejected("ERR_BUDGET_GRANT_MISSING")
    grant = grants[grant_index]
    ledger = ledger or {"invocations": 0, "total": 0}
    currency = (grant.get("max_total_cost") or grant.get("max_cost_per_invocation") or exposure)["currency"]
    units = exposure["units"]
    if exposure["currency"] != currency:
        raise Rejected("ERR_BUDGET_CURRENCY_MISMATCH")
    if "max_total_cost" in grant and ledger["total"] + units > grant["max_total_cost"]["units"]:
        raise Rejected("ERR_BUDGET_TOTAL_EXCEEDED")
    if "max_invocations" in grant and ledger["invocations"] + 1 > grant["max_invocations"]:
        raise Rejected("ERR_BUDGET_INVOCATIONS_EXCEEDED")
    if "max_cost_per_invocation" in grant and units > grant["max_cost_per_invocation"]["units"]:
        raise Rejected("ERR_BUDGET_PER_CALL_EXCEEDED")
    # Every approval threshold applies: the lowest holds.
    thresholds = [c["value"]["threshold_units"] for c in grant.get("constraints") or [] if c.get("type") == "require_approval_above"]
    if thresholds and units > min(thresholds) and not approved:
        raise Rejected("ERR_BUDGET_APPROVAL_REQUIRED")
    return ledger["invocations"] + 1, ledger["total"] + units


def verify_budget_record(record, capability, ledger):
    """A budget authorization verifies when its decision, denial and counts are what authorize gives."""
    ledger = _ledger(ledger)
    if record["capability_id"] != capability["id"]:
        raise Rejected("ERR_REPLAY_LINK_BROKEN")
    allowed = record["decision"] == "allowed"
    exposure = record["exposure"]
    implied = {
        "invocations": record.get("invocation_count", 1 if allowed else 0) - (1 if allowed else 0),
        "total": (record.get("total_exposure") or {}).get("units", exposure["units"] if allowed else 0) - (exposure["units"] if allowed else 0),
    }
    if implied["invocations"] < 0 or implied["total"] < 0:
        raise Rejected("ERR_BUDGET_DECISION_MISMATCH")
    approval = record.get("approval")
    approved = approval is not None and _instant(approval["approved_at"]) <= _instant(record["decided_at"])
    try:
        counts, denial = authorize(capability, record["grant_index"], exposure, ledger or implied, approved), None
    except Rejected as r:
        if r.code == "ERR_BUDGET_GRANT_MISSING":
            raise
        # A denied call is not counted: the ledger stands as it was.
        counts, denial = ((ledger or implied)["invocations"], (ledger or implied)["total"]), DENIALS[r.code]
    if (denial is None) != allowed or (not allowed and record.get("denial") != denial):
        raise Rejected("ERR_BUDGET_DECISION_MISMATCH")
    if ledger is not None and (record.get("invocation_count"), (record.get("total_exposure") or {}).get("units")) != counts:
        raise Rejected("ERR_BUDGET_DECISION_MISMATCH")


def _money(value):
    """Chio money handed to a verifier: exactly { units, currency }, whole non-negative units, a code of 2 to 16 capital letters and digits (SPEC 6.1)."""
    ok = (
        isinstance(value, dict)
        and set(value) <= {"units", "currency"}
        and _whole(value.get("units"))
        and value["units"] <= 2**53 - 1
        and isinstance(value.get("currency"), str)
        and re.fullmatch("[A-Z0-9]{2,16}", value["currency"]) is not None
    )
    if not ok:
        raise Rejected("ERR_SCHEMA_TYPE")
    return value


def reconcile(charged, actual):
    """Reconcile-spend: credited, unchanged, or an overrun."""
    if charged["currency"] != actual["currency"]:
        raise Rejected("ERR_BUDGET_CURRENCY_MISMATCH")
    if actual["units"] > charged["units"]:
        raise Rejected("ERR_BUDGET_OVERRUN")


def verify_reconciliation(record, authorization, receipt):
    """A spend reconciliation: its links first, then reconcile-spend, where a recorded overrun is evidence."""
    if authorization is not None:
        if authorization["capability_id"] != record["capability_id"] or authorization["grant_index"] != record["grant_index"]:
            raise Rejected("ERR_REPLAY_LINK_BROKEN")
        if authorization["decision"] != "allowed":
            raise Rejected("ERR_BUDGET_DECISION_MISMATCH")
        if authorization["exposure"] != record["charged"]:
            raise Rejected("ERR_REPLAY_LINK_BROKEN")
    if receipt is not None:
        if receipt["id"] != record["receipt_id"]:
            raise Rejected("ERR_REPLAY_LINK_BROKEN")
        if "cost" in receipt and receipt["cost"] != record["actual"]:
            raise Rejected("ERR_BUNDLE_COST_MISMATCH")
    try:
        reconcile(record["charged"], record["actual"])
    except Rejected as r:
        if r.code != "ERR_BUDGET_OVERRUN":
            raise


# The members each document's schema requires (schemas/v1.0.0): a document without one is not that
# document, and is refused before any rule reads it.
REQUIRED = {
    "capability": ("id", "issuer", "subject", "scope", "issued_at", "expires_at", "signature"),
    "record": ("capability_id", "grant_index", "exposure", "decision", "decided_at"),
    "authorization": ("capability_id", "grant_index", "exposure", "decision", "decided_at"),
    "reconciliation": ("capability_id", "grant_index", "receipt_id", "charged", "actual", "outcome", "settlement_status", "reconciled_at"),
    "receipt": ("id", "timestamp", "capability_id", "intent_hash", "tool_server", "tool_name", "decision", "kernel_key", "signature"),
}


def _document(value, kind, optional=False):
    """value as the document kind names (None when optional and absent); ERR_SCHEMA_REQUIRED when a required member is missing."""
    if value is None:
        if optional:
            return None
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    if not isinstance(value, dict):
        raise Rejected("ERR_SCHEMA_TYPE")
    if any(member not in value for member in REQUIRED[kind]):
        raise Rejected("ERR_SCHEMA_REQUIRED")
    return value


def budget(data, context):
    _check_context(context)
    operation = data.get("operation")
    if "ledger" in data and data["ledger"] is None:
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")
    if operation == "authorize":
        ledger = _ledger(data.get("ledger"))
        capability = _document(data.get("capability"), "capability")
        authorize(capability, data.get("grant_index"), _money(data.get("exposure")), ledger, data.get("approved") is True)
    elif operation == "record":
        capability = _document(data.get("capability"), "capability")
        record = _document(data.get("record"), "record")
        verify_budget_record(record, capability, data.get("ledger"))
    elif operation == "reconcile":
        reconcile(_money(data.get("charged")), _money(data.get("actual")))
    elif operation == "reconciliation":
        record = _document(data.get("record"), "reconciliation")
        verify_reconciliation(record, _document(data.get("authorization"), "authorization", True), _document(data.get("receipt"), "receipt", True))
    else:
        raise Rejected("ERR_USAGE_INVALID_ARGUMENT")


_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _instant(text):
    """A time as an exact instant (SPEC.md 6.2): Unix seconds as they are; RFC 3339 with its offset applied and its fraction exact."""
    import calendar
    from fractions import Fraction
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    m = _RFC3339.match(text) if isinstance(text, str) else None
    if m is None:
        raise Rejected("ERR_TIME_INVALID")
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    offset = m.group(8)
    shift = 0 if offset in ("Z", "z") else (1 if offset[0] == "+" else -1) * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60)
    seconds = calendar.timegm((year, month, day, hour, minute, min(second, 59), 0, 0, 0)) + (1 if second == 60 else 0) - shift
    return seconds + (Fraction(m.group(7)[1:]) / 10 ** (len(m.group(7)) - 1) if m.group(7) else 0)


# ---------------------------------------------------------------------------------------------
# Producing (SPEC.md 13.2): Ed25519 signing (RFC 8032 5.1.6), receipts and delegations, each
# checked as a verifier would check it before it is given out

def _b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signing_key(jwk):
    """The seed and hex public key of an OKP/Ed25519 JWK with its d."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not isinstance(jwk.get("d"), str):
        raise Rejected("ERR_KEY_MALFORMED")
    seed = _b64url(jwk["d"])
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little") & ((1 << 254) - 8) | (1 << 254)
    public = _encode(_mul(a, BASE))
    return {"a": a, "prefix": h[32:], "public": public, "hex": public.hex()}


def sign(key, message):
    """The Ed25519 signature of message (bytes) under key, as hex."""
    r = int.from_bytes(hashlib.sha512(key["prefix"] + message).digest(), "little") % L
    big_r = _encode(_mul(r, BASE))
    k = int.from_bytes(hashlib.sha512(big_r + key["public"] + message).digest(), "little") % L
    return (big_r + ((r + k * key["a"]) % L).to_bytes(32, "little")).hex()


def _signed(body, key):
    return dict(body, signature=sign(key, _canonical_bytes(body)))


def _intent_hash(intent):
    return document_hash({k: v for k, v in intent.items() if k != "intent_hash"})


def produce_receipt(data, context):
    """A kernel's receipt of one call, committed to its intent's recomputed hash (SPEC.md 12.4)."""
    key = _signing_key(data.get("key"))
    intent, asked = data["intent"], dict(data["receipt"])
    if intent.get("intent_hash") != _intent_hash(intent):
        raise Rejected("ERR_INTENT_HASH_MISMATCH")
    if asked.get("capability_id", intent["capability_id"]) != intent["capability_id"]:
        raise Rejected("ERR_RECEIPT_CAPABILITY_MISMATCH")
    decision = asked.get("decision") or {}
    if decision.get("verdict") != "allow" and not isinstance(decision.get("reason"), str):
        raise Rejected("ERR_SCHEMA_REQUIRED")
    action = asked.pop("action", None)
    body = dict(asked, capability_id=asked.get("capability_id", intent["capability_id"]), intent_hash=_intent_hash(intent), kernel_key=key["hex"])
    if action is not None:
        body["action"] = {"parameters": action["parameters"], "parameter_hash": document_hash(action["parameters"])}
    receipt = _signed(body, key)
    verify_compact(receipt, "kernel_key")
    return receipt


def produce_delegation(data, context):
    """A child of the parent, signed by its holder, one level deeper, checked by verify_chain first."""
    key = _signing_key(data.get("key"))
    parent, asked = data["parent"], data["child"]
    child = dict(asked, issuer=key["hex"], scope=asked.get("scope", parent["scope"]), delegation_depth=parent.get("delegation_depth", 0) + 1, parent_capability_id=parent["id"])
    if "expires_at" not in asked:
        child["expires_at"] = asked["issued_at"] + asked["ttl_secs"] if "ttl_secs" in asked else parent["expires_at"]
    if data.get("link", True) is not False:
        link = _signed({"capability_id": parent["id"], "delegator": key["hex"], "delegatee": asked["subject"], "timestamp": asked["issued_at"]}, key)
        child["delegation_chain"] = list(parent.get("delegation_chain") or []) + [link]
    child = _signed(child, key)
    verify_chain(child, [parent] + list(data.get("ancestors") or []), context)
    return child


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
        if profile in ("capability", "chain"):
            evidence = data.get("capabilities")
            verify_chain(data["capability"], [] if evidence is None else evidence, case["context"])
            return {"verdict": "accept"}
        if profile == "budget":
            budget(data, case["context"])
            return {"verdict": "accept"}
        if profile in ("produce-receipt", "produce-delegation"):
            made = (produce_receipt if profile == "produce-receipt" else produce_delegation)(data, case["context"])
            return {"verdict": "accept", "output": json.dumps(made, ensure_ascii=False)}
        return {"skipped": True, "reason": "the Python harness implements jcs, hash, signature, capability, chain, budget, produce-receipt and produce-delegation only"}
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
                    "profiles": ["jcs", "hash", "signature", "capability", "chain", "budget", "produce-receipt", "produce-delegation"],
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
