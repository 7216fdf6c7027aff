import QRCode from 'qrcode';

/** The public page's full address (this server's origin + its path), as printed and encoded. */
export const publicUrl = (path: string) => `${window.location.origin}${path}`;

/** The QR code of an address as an SVG data URL (an <img> source; the page's CSP allows data: images). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
