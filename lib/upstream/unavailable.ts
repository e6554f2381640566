import { QuotaExceededError } from '../quota/token-bucket';
import { UpstreamError } from './http';

/**
 * "The data cannot be had right now, try again later": an upstream failing (UpstreamError, after the retries
 * and the breaker) or our outbound quota exhausted (QuotaExceededError). Anything else is a bug, and stays
 * one. Both classes check `instanceof` by brand, so errors made by another bundle's copy count too.
 */
export function isUnavailableError(error: unknown): error is UpstreamError | QuotaExceededError {
  return error instanceof UpstreamError || error instanceof QuotaExceededError;
}
