/**
 * The three worlds of the source documents, as the examples use them: their parties (each with
 * its signing key, from its label: SPEC.md 9), clocks, DIDs and identifiers.
 *
 * - Agent Commerce Network: lattice-platform-security buys a security review from vanguard-security.
 * - Incident Network: a six-hop delegation across Meridian Labs and Stratos Networks.
 * - Agent Commerce Rails: the seven stations at Dreamineering.
 */
import type { LineageEntry, MoneyUnits } from '../../../src/generated/types.js';
import { rfc3339 } from '../../../src/issue/issue.js';
import { signingKeyOf, type SigningKey } from '../../../src/issue/keys.js';
import { PARTIES, type Party } from '../../lib/parties.js';

/** A party's name in {@link PARTIES}. */
export type PartyName = keyof typeof PARTIES;

export { PARTIES };
export type { Party };

/** Every party's signing key, by name: what the builders sign with. */
export const KEYS = Object.fromEntries(
  Object.entries(PARTIES).map(([name, p]) => {
    const key = signingKeyOf(p.seed);
    if (!key.ok) throw new Error(`party ${name}: ${key.message}`);
    return [name, key.key];
  }),
) as Record<PartyName, SigningKey>;

/** 2026-04-15T17:06:15Z, the source documents' clock (Incident Network's root issued_at). */
export const T0 = 1776272775;
/** 2026-11-01T10:00:00Z, Agent Commerce Rails' clock (the seven stations). */
export const T7 = Date.parse('2026-11-01T10:00:00Z') / 1000;
/** Unix seconds as RFC 3339 in UTC, without a fraction. */
export const iso = (unix: number): string => rfc3339(unix);
/** Unix seconds of an RFC 3339 time. */
export const unix = (time: string): number => Date.parse(time) / 1000;

export const MERCHANT_DID = 'did:web:dreamineering.com';
export const MERCHANT_VM = `${MERCHANT_DID}#key-1`;

/** An amount in minor units of USD. */
export const usd = (units: number): MoneyUnits => ({ units, currency: 'USD' });

// Incident Network's capabilities.
export const ROOT_ID = 'cap-019d921b-root-commander-7a3c73e9';
export const VENDOR_ID = 'INC-2026-0428-vendor';
export const TASK_ID = 'task_INC-2026-0428_001';
export const COORD_ID = `${TASK_ID}-provider-coordinator`;
export const EXEC_ID = `${TASK_ID}-provider-executor`;
// Agent Commerce Network's procurement capability.
export const PROCUREMENT_ID = 'cap-019d921b-4c2e-73e9-a8b1-procurement';

/** A capability as a lineage chain lists it. */
export const entry = (id: string, depth: number, parent: string | null): LineageEntry => ({ id, delegation_depth: depth, parent_capability_id: parent });
