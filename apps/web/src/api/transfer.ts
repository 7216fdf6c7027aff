import { fetchApi } from './client';

/**
 * Downloads a file from the API through fetch, so that a refusal (401/403/404, or 503 when the
 * PDF printer is unavailable) comes back as an ApiError with the server's message instead of a
 * broken download; the file is then saved under the name the server gave it.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const response = await fetchApi(url);
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

/** Posts one file as a multipart form (field "file") and parses the JSON answer; rejects with ApiError. */
export async function uploadFile<T>(url: string, file: Blob, fileName: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const response = await fetchApi(url, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  return (await response.json()) as T;
}

/**
 * The file name of a download from its Content-Disposition: the RFC 5987 `filename*` (which
 * carries the Chinese name) first, then the plain `filename`.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name ? name : null;
}
