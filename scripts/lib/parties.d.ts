export type { Party } from './party-kit.js';
import type { makeParties } from './party-kit.js';
type Kit = ReturnType<typeof makeParties>;
export declare const PARTY_LABELS: Kit['PARTY_LABELS'];
export declare const party: Kit['party'];
export declare const PARTIES: Kit['PARTIES'];
export declare const resign: Kit['resign'];
export declare const reprove: Kit['reprove'];
export declare const rehash: Kit['rehash'];
