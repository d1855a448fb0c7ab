/**
 * One Content-Security-Policy for the Electron window and for browser mode. Mantine injects style
 * tags at run time, hence 'unsafe-inline' for styles only; scripts come from the app itself.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
