import { ApiError, getApiLocale, parseError } from '../../api/client';
import { fileNameFromDisposition } from './exportLinks';

const networkError = (cause: unknown) =>
  new ApiError(
    'NETWORK',
    getApiLocale() === 'en' ? 'Cannot reach the server; check the connection and try again' : '无法连接服务器，请检查网络后重试',
    0,
    cause instanceof Error ? cause.message : undefined,
  );

/**
 * Downloads a file from the API through fetch, so that a refusal (401/403/404, or 503 when the
 * PDF printer is unavailable) comes back as an ApiError with the server's message instead of a
 * broken download; the file is then saved under the name the server gave it.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'Accept-Language': getApiLocale() }, credentials: 'same-origin' });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await parseError(response);
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
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json', 'Accept-Language': getApiLocale() },
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await parseError(response);
  return (await response.json()) as T;
}
