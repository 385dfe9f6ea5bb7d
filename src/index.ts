/**
 * The writ library ('writ/api'): strict JSON intake, the schema registry and validator, the
 * fixture checker, the release-boundary integrity checker, the error model, and the TypeScript
 * type of every document of the current schema line. Explicit exports only: this list is the
 * public API.
 */
export { parseJson, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './encoding/json.js';
export type { JsonValue, JsonObject, ParseJsonOptions, ParseJsonResult } from './encoding/json.js';
export { pointerAppend, pointerGet, pointerTokens } from './encoding/pointer.js';
export { WritError } from './issues.js';
export type { Issue } from './issues.js';
export { ERROR_CODES, ERROR_AREAS } from './generated/error-codes.js';
export type { ErrorCode, ErrorArea } from './generated/error-codes.js';
export { SchemaRegistry } from './schema/registry.js';
export type { DetectResult, RegistryOptions, ValidateOptions, ValidationResult } from './schema/registry.js';
export { detectMatches, loadSchemaIndex } from './schema/schema-index.js';
export type { LoadedSchemaIndex, SchemaEntry } from './schema/schema-index.js';
export { checkFixtures } from './schema/fixtures.js';
export type { FixtureReport, FixtureResult } from './schema/fixtures.js';
export { checkIntegrity } from './release/integrity.js';
export type { IntegrityOptions, IntegrityReport } from './release/integrity.js';
export { LEDGER_FILE, MANIFEST_FILE, inBoundary, readManifest } from './release/manifest.js';
export { compareBytewise, formatLedger, parseLedger, sha256Hex } from './release/ledger.js';
export type { LedgerEntry } from './release/ledger.js';
export { listBoundary } from './release/boundary.js';
export type { BoundaryListing } from './release/boundary.js';
export type {
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
  ReleaseManifest,
  SchemaIndex,
  SchemaIndexDocument,
  DetectRule,
  SchemaIndexDefinitions,
  ErrorCodeRegistry,
  ErrorAreaEntry,
  ErrorCodeEntry,
  FixtureExpectation,
  Identifier,
  Timestamp,
  Uri,
  Reason,
  CurrencyCode,
  DecimalAmount,
  Money,
  MinorAmount,
  CommercialProtocol,
  CommercialWireVersion,
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
  RelativePath,
  JsonPointer,
  ErrorCodeName,
  LineName,
} from './generated/types.js';
