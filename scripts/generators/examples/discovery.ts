/**
 * discovery: Dreamineering's agent card, proved by its did:web key through {@link issueAgentCard},
 * which lists the merchant credential by its id and hash and checks it with the card.
 */
import type { AgentCard, ListedTool } from '../../../src/generated/types.js';
import { issueAgentCard, type AgentCardInput } from '../../../src/issue/identity.js';
import { reprove } from '../../lib/parties.js';
import type { Identity } from './identity.js';
import { at, broken, clone, invalid, made, missing, mut, valid } from './shared.js';
import { KEYS, MERCHANT_DID, MERCHANT_VM, PARTIES, usd } from './world.js';

export interface Discovery {
  readonly card: AgentCard;
}

const marketReport: ListedTool = {
  name: 'market-report',
  description: 'A market report for one product category, as PDF.',
  server_id: 'dreamineering-tools',
  input_schema: { type: 'object', required: ['category'], properties: { category: { type: 'string' } } },
  pricing: { pricing_model: 'per_invocation', base_price: usd(500) },
  payment_schemes: ['x402'],
};

export function discoveryFamily({ merchantCredential, documents }: Pick<Identity, 'merchantCredential' | 'documents'>): Discovery {
  const { merchant } = PARTIES;
  /** A card proved by Dreamineering, at `created` (its updated_at by default). */
  const cardOf = (name: string, input: AgentCardInput, created?: string): AgentCard =>
    valid('discovery/agent-card', name, made(issueAgentCard(input, KEYS.merchant, { verificationMethod: MERCHANT_VM, documents, ...(created === undefined ? {} : { created }) }), `agent-card.${name}`));

  const cardBody: AgentCardInput = {
    id: MERCHANT_DID,
    name: 'Dreamineering tools',
    description: 'Market research tools sold to agents, paid per call over x402.',
    version: '2026.11.1',
    endpoints: [
      { url: 'https://dreamineering.com/mcp', protocol: 'mcp' },
      { url: 'https://dreamineering.com/a2a', protocol: 'a2a' },
    ],
    tools: [marketReport],
    // Listed by its id and hash; the builder checks the credential with the card.
    credentials: [merchantCredential],
    updated_at: '2026-11-01T09:00:00Z',
  };
  const card = cardOf('dreamineering.commerce-rails', cardBody);
  cardOf(
    'metered-tool',
    {
      ...cardBody,
      version: '2026.11.2',
      tools: [
        marketReport,
        { name: 'summarise', description: 'Summarise a document.', server_id: 'dreamineering-tools', pricing: { pricing_model: 'per_unit', unit_price: usd(2), billing_unit: '1k_tokens' }, payment_schemes: ['x402', 'card'] },
      ],
      extensions: { 'com.dreamineering.support': { email: 'agents@dreamineering.com' } },
    },
    '2026-11-02T09:00:00Z',
  );
  invalid('discovery/agent-card', 'per-unit-without-unit-price', mut(card, (d) => (d.tools[0].pricing = { pricing_model: 'per_unit', billing_unit: '1k_tokens' })), missing('/tools/0/pricing', 'unit_price'));
  invalid('discovery/agent-card', 'no-tools', mut(card, (d) => (d.tools = [])), at('/tools', 'minItems', 'ERR_SCHEMA_ITEMS'));
  invalid('discovery/agent-card', 'unknown-proof-purpose', mut(card, (d) => (d.proof.proofPurpose = 'signing')), at('/proof/proofPurpose', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('discovery/agent-card', 'price-as-decimal-string', mut(card, (d) => (d.tools[0].pricing.base_price.units = '5.00')), at('/tools/0/pricing/base_price/units', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('discovery/agent-card', 'tool-listed-twice', mut(card, (d) => d.tools.push(clone(d.tools[0]))), broken('/tools/1/name', 'tools-unique', 'ERR_RULE_DUPLICATE'));
  // tools-unique: a tool without pricing has no prices to compare; one tool's prices are in one
  // currency, two tools may use two.
  cardOf('tool-without-pricing', { ...cardBody, tools: [marketReport, { name: 'list-categories', description: 'The product categories there are reports for.', server_id: 'dreamineering-tools' }] });
  cardOf('hybrid-tool-in-another-currency', {
    ...cardBody,
    tools: [
      marketReport,
      {
        name: 'translate-report',
        description: 'A market report translated, priced per report and per page.',
        server_id: 'dreamineering-tools',
        pricing: { pricing_model: 'hybrid', base_price: { units: 300, currency: 'EUR' }, unit_price: { units: 20, currency: 'EUR' }, billing_unit: 'page' },
      },
    ],
  });
  invalid(
    'discovery/agent-card',
    'hybrid-tool-priced-in-two-currencies',
    reprove(mut(card, (d) => (d.tools[0].pricing = { pricing_model: 'hybrid', base_price: usd(500), unit_price: { units: 20, currency: 'EUR' }, billing_unit: 'page' })), merchant),
    broken('/tools/0/pricing/unit_price/currency', 'tools-unique', 'ERR_RULE_CURRENCY_MISMATCH'),
  );
  return { card };
}
