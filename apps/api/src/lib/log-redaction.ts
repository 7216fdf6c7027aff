/**
 * A share link's token is its whole authorisation, so it must not land in the server's logs:
 * request URLs are logged with it masked.
 */
export function redactUrl(url: string): string {
  return url.replace(/(\/(?:api\/)?share\/)[^/?#]+/, '$1[redacted]');
}

interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export const requestSerializer = (request: LoggedRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.hostname,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});
