/** A top-level navigation (or a client without Fetch Metadata, like curl or a crawler), not a fetch. */
export function isDocumentRequest(headers: Headers): boolean {
  const dest = headers.get('sec-fetch-dest');
  return dest === null || dest === 'document';
}
