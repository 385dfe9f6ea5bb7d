/** A party of the examples: its seed and public key in every form (SPEC.md 9). */
export interface Party {
  readonly label: string;
  readonly seed: Uint8Array;
  readonly pk: Uint8Array;
  readonly hex: string;
  readonly multikey: string;
  readonly didKey: string;
  readonly vm: string;
}
declare const PARTY_LABELS: Readonly<Record<string, string>>;
declare function party(label: string, line?: string): Party;
declare const PARTIES: Readonly<Record<'trust000' | 'buyerKernel' | 'providerKernel' | 'commander' | 'triage' | 'change' | 'liaison' | 'coordinator' | 'executor' | 'opsKernel' | 'merchant' | 'user' | 'agent' | 'recorder' | 'trust002' | 'agentKernel' | 'toolsKernel' | 'stranger', Party>>;
declare function resign<T extends object>(doc: T, signer: Pick<Party, 'seed'>): T;
declare function reprove<T extends object>(doc: T, signer: Pick<Party, 'seed'>, verificationMethod?: string, extra?: Readonly<Record<string, unknown>>): T;
declare function rehash<T extends object>(intent: T): T;

/** The kit, over the crypto functions given. */
export declare function makeParties(crypto: Readonly<Record<string, Function>>): {
  readonly PARTY_LABELS: typeof PARTY_LABELS;
  readonly party: typeof party;
  readonly PARTIES: typeof PARTIES;
  readonly resign: typeof resign;
  readonly reprove: typeof reprove;
  readonly rehash: typeof rehash;
};
