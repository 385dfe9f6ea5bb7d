/**
 * Counts of the expensive steps, so that a test can pin how much work one operation does
 * (schema validations, detections, hashes, Ed25519 verifications) without a clock. Internal:
 * not exported from the package. A memo hit is not counted: only work actually done is.
 */

/** The counters; each step adds one when it runs. */
export const WORK = { validations: 0, detections: 0, hashes: 0, signatures: 0 };

/**
 * Read the counters and set them back to zero.
 *
 * @returns what was counted since the last call.
 */
export function takeWork(): { validations: number; detections: number; hashes: number; signatures: number } {
  const taken = { ...WORK };
  WORK.validations = 0;
  WORK.detections = 0;
  WORK.hashes = 0;
  WORK.signatures = 0;
  return taken;
}
