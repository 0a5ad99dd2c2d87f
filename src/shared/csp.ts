/**
 * The one Content-Security-Policy both hosts send: only the app's own origin, no inline script,
 * no remote anything. Images may be data: URLs (icons); pack material cannot load remote images.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Recorded sessions and their captions, from the app's own media store only (/media/<sha256>).
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // The app's own pages only: a session's PDF opens in Chromium's viewer inside an <iframe> of
  // /media/<sha256>.pdf, and that response carries this policy too ('none' blocked the viewer).
  // No other origin may frame the app; frame-src stays 'self' through default-src.
  "frame-ancestors 'self'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};
