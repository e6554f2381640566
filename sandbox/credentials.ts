import 'server-only';

/**
 * The sandbox's fixed credentials. They are deliberately not secret: the sandbox is a local emulator, and the
 * app's `.env` for development points at it with exactly these values.
 */

/** App Key the sandbox Weidian router accepts (any other key → error 10003). */
export const SANDBOX_WEIDIAN_APP_KEY = 'sandbox-app';

/** App Secret paired with {@link SANDBOX_WEIDIAN_APP_KEY}; the HMAC key of docs/signing.md. */
export const SANDBOX_WEIDIAN_APP_SECRET = 'sandbox-secret-7f3c9a1e5b2d4680';

/** Bearer token the sandbox price API accepts (anything else → HTTP 401). */
export const SANDBOX_PRICE_API_KEY = 'sandbox-price-key-2b8e6d4f1a3c5079';
