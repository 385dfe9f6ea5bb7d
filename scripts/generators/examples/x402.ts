/**
 * x402: the five x402 v2 objects as documents of their own (SPEC.md 7.11). The valid fixtures
 * named `*.x402-spec` are the x402 v2 specification's own examples, read from the copies kept in
 * test/vectors/x402/ (test/vectors/PROVENANCE.md); the rest sit at the boundaries x402's
 * validators draw (null for an absent member, the network ids x402 emits, a failed settlement),
 * and each invalid fixture breaks one of them.
 */
import type { X402PaymentPayload, X402PaymentRequired, X402PaymentRequirements, X402SettleResponse, X402VerifyResponse } from '../../../src/generated/types.js';
import { at, extra, invalid, missing, mut, readJson, valid, without } from './shared.js';

const vector = <T>(name: string): T => readJson<T>(`test/vectors/x402/${name}`);

export interface X402 {
  readonly required: X402PaymentRequired;
  readonly settled: X402SettleResponse;
}

export function x402Family(): X402 {
  const required = valid('x402/payment-required', 'x402-spec', vector<X402PaymentRequired>('spec-v2/5.1.1-payment-required.json'));
  valid('x402/payment-required', 'bazaar-extension', vector<X402PaymentRequired>('core-test/gofetch402-payment-required.json'));
  valid('x402/payment-required', 'nulls-for-absent', { ...required, error: null, extensions: null, resource: { url: required.resource.url, description: null, mimeType: null, serviceName: null, tags: null, iconUrl: null } });
  invalid('x402/payment-required', 'version-1', { ...required, x402Version: 1 }, at('/x402Version', 'const', 'ERR_SCHEMA_CONST'));
  invalid('x402/payment-required', 'accepts-empty', { ...required, accepts: [] }, at('/accepts', 'minItems', 'ERR_SCHEMA_ITEMS'));
  invalid('x402/payment-required', 'without-resource', without(required, 'resource'), missing('', 'resource'));
  invalid('x402/payment-required', 'resource-url-empty', mut(required, (d) => (d.resource.url = '')), at('/resource/url', 'minLength', 'ERR_SCHEMA_LENGTH'));
  invalid('x402/payment-required', 'six-tags', mut(required, (d) => (d.resource.tags = ['a', 'b', 'c', 'd', 'e', 'f'])), at('/resource/tags', 'maxItems', 'ERR_SCHEMA_ITEMS'));
  invalid('x402/payment-required', 'service-name-not-printable-ascii', mut(required, (d) => (d.resource.serviceName = 'caf\u00e9')), at('/resource/serviceName', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('x402/payment-required', 'extensions-as-array', { ...required, extensions: [] }, at('/extensions', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/payment-required', 'unknown-member', { ...required, resourceUrl: required.resource.url }, extra('', 'resourceUrl'));

  const requirements = valid('x402/payment-requirements', 'x402-spec', vector<{ paymentRequirements: X402PaymentRequirements }>('spec-v2/7.1-verify-request.json').paymentRequirements);
  valid('x402/payment-requirements', 'algorand-genesis-hash-network', { ...requirements, network: 'algorand:wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8=', asset: '31566704', payTo: 'ALGORANDPAYEEADDRESS' });
  valid('x402/payment-requirements', 'cloudflare-network', { scheme: 'batch-settlement', network: 'cloudflare:402', amount: '5', asset: 'USD', payTo: 'merchant', maxTimeoutSeconds: 30 });
  valid('x402/payment-requirements', 'fractional-timeout-and-null-extra', { ...requirements, maxTimeoutSeconds: 0.5, extra: null });
  invalid('x402/payment-requirements', 'scheme-empty', { ...requirements, scheme: '' }, at('/scheme', 'minLength', 'ERR_SCHEMA_LENGTH'));
  invalid('x402/payment-requirements', 'network-v1-name', { ...requirements, network: 'base' }, at('/network', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('x402/payment-requirements', 'network-too-short', { ...requirements, network: 'a:' }, at('/network', 'minLength', 'ERR_SCHEMA_LENGTH'));
  invalid('x402/payment-requirements', 'amount-as-number', { ...requirements, amount: 10000 }, at('/amount', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/payment-requirements', 'amount-as-decimal', { ...requirements, amount: '0.01' }, at('/amount', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('x402/payment-requirements', 'timeout-zero', { ...requirements, maxTimeoutSeconds: 0 }, at('/maxTimeoutSeconds', 'exclusiveMinimum', 'ERR_SCHEMA_RANGE'));
  invalid('x402/payment-requirements', 'timeout-as-string', { ...requirements, maxTimeoutSeconds: '60' }, at('/maxTimeoutSeconds', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/payment-requirements', 'without-pay-to', without(requirements, 'payTo'), missing('', 'payTo'));

  const payload = valid('x402/payment-payload', 'x402-spec', vector<X402PaymentPayload>('spec-v2/5.2.1-payment-payload.json'));
  valid('x402/payment-payload', 'batch-settlement-cloudflare', vector<X402PaymentPayload>('cloudflare/payment-payload.json'));
  valid('x402/payment-payload', 'null-resource-and-extensions', { ...payload, resource: null, extensions: null });
  invalid('x402/payment-payload', 'without-payload', without(payload, 'payload'), missing('', 'payload'));
  invalid('x402/payment-payload', 'payload-as-string', { ...payload, payload: '0x2d6a' }, at('/payload', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/payment-payload', 'accepted-network-v1-name', mut(payload, (d) => (d.accepted.network = 'base-sepolia')), at('/accepted/network', 'pattern', 'ERR_SCHEMA_PATTERN'));

  const verified = valid('x402/verify-response', 'valid.x402-spec', vector<X402VerifyResponse>('spec-v2/7.1-verify-response-valid.json'));
  valid('x402/verify-response', 'invalid.x402-spec', vector<X402VerifyResponse>('spec-v2/7.1-verify-response-invalid.json'));
  valid('x402/verify-response', 'nulls-for-absent', { ...verified, invalidReason: null, invalidMessage: null, extensions: null, extra: null });
  invalid('x402/verify-response', 'is-valid-as-string', { ...verified, isValid: 'true' }, at('/isValid', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/verify-response', 'without-is-valid', without(verified, 'isValid'), missing('', 'isValid'));
  invalid('x402/verify-response', 'extensions-as-string', { ...verified, extensions: 'bazaar' }, at('/extensions', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/verify-response', 'payer-as-number', { ...verified, payer: 1 }, at('/payer', 'type', 'ERR_SCHEMA_TYPE'));

  const settled = valid('x402/settle-response', 'success.x402-spec', vector<X402SettleResponse>('spec-v2/7.2-settle-response-success.json'));
  const failed = valid('x402/settle-response', 'error.x402-spec', vector<X402SettleResponse>('spec-v2/7.2-settle-response-error.json'));
  valid('x402/settle-response', 'nulls-for-absent', { ...failed, errorReason: null, errorMessage: null, payer: null, amount: null, extensions: null, extra: null });
  valid('x402/settle-response', 'v1-network-name', { ...settled, network: 'base' });
  valid('x402/settle-response', 'success-without-transaction-hash', { success: true, transaction: '', network: 'cloudflare:402', payer: 'mycrawler.com', amount: '5', extra: { timestamp: 1730872968 } });
  invalid('x402/settle-response', 'failed-without-transaction', without(failed, 'transaction'), missing('', 'transaction'));
  invalid('x402/settle-response', 'without-network', without(settled, 'network'), missing('', 'network'));
  invalid('x402/settle-response', 'success-as-string', { ...settled, success: 'true' }, at('/success', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/settle-response', 'amount-as-number', { ...settled, amount: 10000 }, at('/amount', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/settle-response', 'extra-as-array', { ...settled, extra: [] }, at('/extra', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('x402/settle-response', 'asset-member', { ...settled, asset: 'USD' }, extra('', 'asset'));
  return { required, settled };
}
