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
export declare const PARTY_LABELS: Readonly<Record<string, string>>;
export declare function party(label: string, line?: string): Party;
export declare const PARTIES: Readonly<Record<'trust000' | 'buyerKernel' | 'providerKernel' | 'commander' | 'triage' | 'change' | 'liaison' | 'coordinator' | 'executor' | 'opsKernel' | 'merchant' | 'user' | 'agent' | 'recorder' | 'trust002' | 'agentKernel' | 'toolsKernel' | 'stranger', Party>>;
export declare function resign<T extends object>(doc: T, signer: Pick<Party, 'seed'>): T;
export declare function reprove<T extends object>(doc: T, signer: Pick<Party, 'seed'>, verificationMethod?: string, extra?: Readonly<Record<string, unknown>>): T;
export declare function rehash<T extends object>(intent: T): T;
