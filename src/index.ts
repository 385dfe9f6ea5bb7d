/**
 * The writ library ('writ/api'): strict JSON intake, the schema registry and validator, the
 * crypto profile (canonical JSON, hashes, Ed25519, keys, both signature envelopes), the
 * reference verifiers and transaction replay, the fixture checker, the release-boundary
 * integrity checker, the error model, and the TypeScript type of every document of the current
 * schema line. Explicit exports only: this list is the
 * public API.
 */
// Reading
export { parseJson, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './encoding/json.js';
export type { JsonValue, JsonObject, ParseJsonOptions, ParseJsonResult } from './encoding/json.js';
export { snapshotJson, MAX_VALUE_DEPTH } from './encoding/snapshot.js';
export type { NotPlainJson, SnapshotResult } from './encoding/snapshot.js';
export { readDocument, readJson } from './model/read.js';
export type { DocumentRead, ReadJsonResult } from './model/read.js';
export { readRfc3339, readTime, readUnixSeconds, compareInstants } from './encoding/time.js';
export type { Instant, TimeRead } from './encoding/time.js';

// Errors and verdicts
export { WritError } from './issues.js';
export { issueOf } from './issues.js';
export type { Issue, Refusal, Result, Verdict } from './issues.js';
export { ERROR_CODES, ERROR_AREAS } from './generated/error-codes.js';
export type { ErrorCode, ErrorArea } from './generated/error-codes.js';

// Schemas and validation
export { SchemaRegistry } from './schema/registry.js';
export type { DetectResult, Invalid, RegistryOptions, TypedValidation, ValidateOptions, ValidationResult } from './schema/registry.js';
export type { LoadedSchemaIndex, SchemaEntry } from './schema/schema-index.js';
export { bundleSchema } from './schema/bundle.js';
export type { DocumentRule } from './schema/rules.js';

// Canonical form, hashes, signatures, keys
export { canonicalJson } from './crypto/jcs.js';
export type { CanonicalError } from './crypto/jcs.js';
export { documentHash, sha256Bytes } from './crypto/hash.js';
export { publicKeyOf, signEd25519, verifyEd25519 } from './crypto/ed25519.js';
export type { Ed25519Backend, Ed25519Options } from './crypto/ed25519.js';
export { didKeyVerificationMethod, fromKeyHex, fromMultikey, toDidKey, toMultikey } from './crypto/keys.js';
export type { DidDocuments } from './crypto/resolve.js';
export { signCompact, signDataIntegrity, verifyCompact, verifyDataIntegrity, verifyProofSet } from './crypto/envelopes.js';

// The issuing side: keys
export { exportJwk, exportPublicKey, exportSecretKey, generateKeyPair, importJwk, importPublicKey, importSecretKey, isSigningKey, secretOf, signingKeyOf } from './issue/keys.js';
export type { KeyRead, PublicKey, PublicKeyFormat, SecretKeyFormat, SigningKey } from './issue/keys.js';
export { readKeyFile, readKeyFromEnv, writeKeyFile } from './issue/key-file.js';
export type { KeyFileRefusal } from './issue/key-file.js';

// The issuing side: builders, each checked by its verifier before it returns what it made
export type { IssueOptions, IssueResult, Issued } from './issue/issue.js';
export { delegateCapability, issueCapability, revokeCapability } from './issue/capability.js';
export type { CapabilityInput, DelegationInput, DelegationOptions, Holder, RevocationInput } from './issue/capability.js';
export { createIntent, pairReceipts, signReceipt } from './issue/receipt.js';
export type { IntentInput, ReceiptInput } from './issue/receipt.js';
export { authorizeBudget, reconcileBudget, reconcileSettlement, recordDispute } from './issue/settlement.js';
export type { AuthorizationInput, ReconciliationInput, SettlementInput, SettlementIssueOptions } from './issue/settlement.js';
export { sealBundle } from './issue/bundle.js';
export type { Sealed, SealInput, SealOptions } from './issue/bundle.js';
export type { ProofIssueOptions } from './issue/proof.js';
export { issueAgentCard, issueCredential } from './issue/identity.js';
export type { AgentCardInput, AgentCredentialInput, CredentialInput, CredentialOf, CredentialReference, CredentialType, MerchantCredentialInput } from './issue/identity.js';
export { issueCartMandate, issueIntentMandate, issuePaymentMandate } from './issue/mandate.js';
export type { CartMandateInput, IntentMandateInput, PaymentMandateInput } from './issue/mandate.js';
export { recordTrace } from './issue/trace.js';
export type { TraceInput, TraceReferencesInput } from './issue/trace.js';
export { signDocument } from './issue/sign.js';
export type { SignOptions } from './issue/sign.js';
export type { DataIntegrityOptions, ProofOptions, SignableDocument } from './crypto/envelopes.js';

// Verification: each verifier takes its subject and one options object (the context, and what
// the subject is checked against)
export { parseTime } from './verify/context.js';
export type { VerifyContext } from './verify/context.js';
export { DEFAULT_READ_CACHE_BYTES, ReadCache } from './verify/read-cache.js';
export type { ReadCacheOptions } from './verify/read-cache.js';
export { verifyCapabilityChain } from './verify/capability.js';
export type { ChainDetails, ChainOptions } from './verify/capability.js';
export { intentHash, verifyIntent } from './verify/intent.js';
export type { IntentCall, IntentOptions } from './verify/intent.js';
export { verifyBilateralReceipts, verifyReceipt, verifyReceiptPair } from './verify/receipt.js';
export type { BilateralReceipts, ReceiptOptions } from './verify/receipt.js';
export { authorizeExposure, reconcileSpend, verifyBudgetAuthorization, verifySpendReconciliation } from './verify/budget.js';
export type { BudgetAuthorizationOptions, ExposureOptions, GrantLedger, SpendReconciliationOptions } from './verify/budget.js';
export { verifyMandateChain } from './verify/mandate.js';
export type { MandateChain, MandateOptions } from './verify/mandate.js';
export { verifyAgentCard, verifyCredential } from './verify/identity.js';
export type { AgentCardOptions } from './verify/identity.js';
export { verifySettlement } from './verify/settlement.js';
export type { SettlementEvidence, SettlementOptions } from './verify/settlement.js';
export { verifyDocument } from './verify/document.js';
export type { DocumentOptions } from './verify/document.js';
export { openBundle, verifyBundle } from './verify/bundle.js';
export type { BundleArtifact, BundleOptions, OpenedBundle } from './verify/bundle.js';
export type { ArtifactOf, ReadArtifact } from './verify/bundle-ledger.js';
export { readBundleFolder } from './io/bundle-folder.js';
export type { BundleFolder } from './io/bundle-folder.js';
export { replayTransaction } from './verify/replay.js';

// Fixtures and the release boundary
export { checkFixtures } from './schema/fixtures.js';
export type { FixtureReport, FixtureResult } from './schema/fixtures.js';
export { checkIntegrity } from './release/integrity.js';
export type { IntegrityOptions, IntegrityReport } from './release/integrity.js';
export { readManifest } from './io/manifest.js';
export type { LedgerEntry } from './release/ledger.js';
export type {
  DocumentTypes,
  WritDocument,
  AuthorizeRequest,
  AuthorizeReceipt,
  CheckoutRequest,
  CheckoutReceipt,
  PurchaseRequest,
  PurchaseReceipt,
  ShipRequest,
  ShipReceipt,
  VerifyRequest,
  VerifyReceipt,
  QuoteRequest,
  QuoteResponse,
  DidDocument,
  AgentCredential,
  AgentCredentialSubject,
  MerchantCredential,
  MerchantCredentialSubject,
  AgentCard,
  CapabilityToken,
  RevocationRecord,
  RevokeResponse,
  LineageChain,
  GovernedIntent,
  IntentMandate,
  CartMandate,
  PaymentMandate,
  BudgetAuthorization,
  SpendReconciliation,
  SettlementReconciliation,
  Dispute,
  ToolCallReceipt,
  ReceiptPair,
  IntentTrace,
  TaskCreated,
  ProcessTaskRequest,
  ProcessTaskResponse,
  FulfillmentPackage,
  BundleManifest,
  VerificationReport,
  TrustPolicy,
  ReleaseManifest,
  SchemaIndex,
  SchemaIndexDocument,
  DetectRule,
  SchemaIndexDefinitions,
  ErrorCodeRegistry,
  ErrorAreaEntry,
  ErrorCodeEntry,
  FixtureExpectation,
  ConformanceVector,
  AdapterCommand,
  AdapterHello,
  AdapterResult,
  ReportHeader,
  ReportCase,
  ReportFooter,
  Identifier,
  Timestamp,
  Uri,
  Reason,
  CurrencyCode,
  DecimalAmount,
  Money,
  MoneyUnits,
  UnixTime,
  Sha256Hash,
  Ed25519PublicKeyHex,
  Ed25519SignatureHex,
  MultikeyEd25519,
  Did,
  DidUrl,
  DataIntegrityProof,
  Extensions,
  MinorAmount,
  CommercialProtocol,
  CommercialWireVersion,
  CommercialUri,
  Actor,
  PayerActor,
  PayeeActor,
  MerchantActor,
  ProviderActor,
  CarrierActor,
  VerifierActor,
  ReferenceType,
  Reference,
  OrderReference,
  InvoiceReference,
  FulfillmentReference,
  PaymentRequirementReference,
  PaymentSessionReference,
  CommercialReference,
  LineItem,
  LineItems,
  AmountBreakdown,
  PaymentRequirement,
  AuthorizationScope,
  PaymentSession,
  PaymentProof,
  PaymentInput,
  Settlement,
  FulfillmentIntent,
  ShipmentItem,
  Destination,
  VerificationTargetType,
  VerificationTarget,
  JwkEd25519,
  VerificationMethod,
  VerificationRelationship,
  DidService,
  CredentialContext,
  CredentialIssuer,
  CredentialStatus,
  ToolPricing,
  ListedTool,
  ServiceEndpoint,
  Operation,
  Constraint,
  ToolGrant,
  ResourceGrant,
  PromptGrant,
  CapabilityScope,
  Attenuation,
  DelegationLink,
  LineageEntry,
  PaymentCurrencyAmount,
  PaymentItem,
  PaymentShippingOption,
  PaymentMethodData,
  PaymentDetailsModifier,
  PaymentDetailsInit,
  PaymentOptions,
  ContactAddress,
  PaymentRequest,
  PaymentResponse,
  CartContents,
  PaymentMandateContents,
  X402ResourceInfo,
  X402PaymentRequirements,
  X402PaymentRequired,
  X402SettleResponse,
  X402PaymentPayload,
  X402VerifyResponse,
  X402Network,
  X402AtomicAmount,
  Decision,
  GuardEvidence,
  ReportIssue,
  ReportHop,
  RelativePath,
  JsonPointer,
  ErrorCodeName,
  LineName,
  ConformanceProfile,
  CaseVerdict,
  CaseOutcome,
  HopVerdict,
  ConformanceContext,
  ImplementationInfo,
  VectorId,
  AdapterProtocol,
  OutcomeCounts,
} from './generated/types.js';
