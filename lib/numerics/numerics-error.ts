/**
 * The one error the numerics throw: an argument outside a function's domain, or an iteration that did not
 * converge. A RangeError, so callers may catch it as one; it carries no HTTP status (lib/ callers that
 * answer requests translate it where they validate their own input).
 */
export class NumericsError extends RangeError {
  override name = "NumericsError";
}
