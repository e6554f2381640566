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

/** The sandbox app's display name on the consent page (its OAuth client_id is the App Key, its secret the App Secret). */
export const SANDBOX_WEIDIAN_APP_NAME = '比价 Bijia';

/**
 * The path of the sandbox app's registered OAuth redirect URIs: any http(s) loopback origin, or the consent
 * page's own origin, followed by exactly this path (docs/weidian-api.md, "Merchant APIs" §1).
 */
export const SANDBOX_WEIDIAN_REDIRECT_PATH = '/api/auth/callback';
