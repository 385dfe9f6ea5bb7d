# Keys for the buyer, its agent, the worker the agent delegates to, and the two kernels.
npx writ keygen --out buyer.key > buyer.pub
npx writ keygen --out agent.key > agent.pub
npx writ keygen --out worker.key > worker.pub
npx writ keygen --out buyer-kernel.key > /dev/null
npx writ keygen --out provider-kernel.key > /dev/null
BUYER_DID=$(awk '$1 == "did:key" { print $2 }' buyer.pub)
BUYER_HEX=$(awk '$1 == "hex" { print $2 }' buyer.pub)
AGENT_HEX=$(awk '$1 == "hex" { print $2 }' agent.pub)
WORKER_HEX=$(awk '$1 == "hex" { print $2 }' worker.pub)

# The buyer gives its agent a root capability with a budgeted grant.
cat > root.json <<EOF
{
  "id": "cap-walkthrough-root",
  "subject": "$AGENT_HEX",
  "scope": { "grants": [ {
    "server_id": "vendor-tools", "tool_name": "*", "operations": ["invoke", "delegate"],
    "max_invocations": 10, "max_total_cost": { "units": 50000, "currency": "USD" }
  } ] },
  "issued_at": 1790000000,
  "expires_at": 1790086400
}
EOF
mkdir bundle
npx writ sign root.json --key buyer.key --out bundle/root.json

# The agent delegates one tool, one call and 125.00 USD to the worker, for an hour.
cat > narrower.json <<EOF
{ "grants": [ {
  "server_id": "vendor-tools", "tool_name": "security_review", "operations": ["invoke"],
  "max_invocations": 1, "max_total_cost": { "units": 12500, "currency": "USD" }
} ] }
EOF
npx writ delegate bundle/root.json --key agent.key --subject "$WORKER_HEX" --scope narrower.json \
  --ttl 3600 --id cap-walkthrough-worker --now 1790000100 --out bundle/worker.json

# A child that asks for more than its parent has is refused, and nothing is written.
sed 's/"max_invocations": 1,/"max_invocations": 11,/' narrower.json > wider.json
if npx writ delegate bundle/root.json --key agent.key --subject "$AGENT_HEX" --scope wider.json --now 1790000100; then exit 1; fi

# The intent both kernels' receipts commit to, and the two receipts.
cat > intent.json <<EOF
{
  "intent_id": "intent-walkthrough-1",
  "capability_id": "cap-walkthrough-worker",
  "buyer_org": "buyer.example",
  "provider_org": "vendor.example",
  "tool_server": "vendor-tools",
  "tool_name": "security_review",
  "settlement_mode": "allow_then_settle",
  "billing_context": { "scheme": "fixed", "max_price_minor": 12500, "currency": "USD" }
}
EOF
npx writ sign intent.json --key buyer.key --out bundle/intent.json
cat > buyer-receipt.json <<EOF
{ "id": "rcpt-walkthrough-buyer", "timestamp": 1790000200,
  "tool_server": "buyer-gateway", "tool_name": "dispatch_review", "decision": { "verdict": "allow" } }
EOF
cat > provider-receipt.json <<EOF
{ "id": "rcpt-walkthrough-provider", "timestamp": 1790000201,
  "tool_server": "vendor-tools", "tool_name": "security_review", "decision": { "verdict": "allow" } }
EOF
npx writ sign buyer-receipt.json --type receipt/tool-call --key buyer-kernel.key \
  --evidence bundle/intent.json --out bundle/buyer-receipt.json
npx writ sign provider-receipt.json --type receipt/tool-call --key provider-kernel.key \
  --evidence bundle/intent.json --out bundle/provider-receipt.json

# The buyer seals the bundle, and anyone who trusts the buyer's key verifies it offline.
npx writ seal bundle --key buyer.key --bundle-id walkthrough-1 --now 1790000300
npx writ verify bundle --sealer "$BUYER_DID" --trust-anchor "$BUYER_HEX" --now 1790000300

# One changed byte in a copy, and the bundle fails with the code that says what happened.
mkdir tampered
cp bundle/*.json tampered/
sed 's/rcpt-walkthrough-provider/rcpt-forged/' bundle/provider-receipt.json > tampered/provider-receipt.json
if npx writ verify tampered --sealer "$BUYER_DID" --trust-anchor "$BUYER_HEX" --now 1790000300 --json > tampered.json; then exit 1; fi
grep -q '"code": "ERR_BUNDLE_ALTERED"' tampered.json && echo "tampered copy: ERR_BUNDLE_ALTERED"
