/**
 * Content-Disposition for a download with a Chinese name: an ASCII fallback for old clients and
 * the real name in RFC 5987 `filename*`, which every current browser reads.
 */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
