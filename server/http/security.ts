// Security headers for every page and API answer (helmet): a Content-Security-Policy that fits
// the built client, no framing (the logged-in cabinet must not be clickjacked), nosniff and a
// Referrer-Policy. Routes with stricter needs (uploads, SVG logos) set their own CSP after this.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export interface SecurityOptions {
  /** The public origin; when https, browsers are told to stay on https (HSTS, upgrade). */
  publicUrl?: string;
}

export function securityHeaders(opts: SecurityOptions = {}): RequestHandler {
  const https = opts.publicUrl?.startsWith('https:') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Vite emits module scripts and stylesheets as files: nothing inline, nothing eval'd.
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        // Pixi draws logos from blob:/data: images (createImageBitmap) and loads textures so.
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'font-src': ["'self'", 'data:'],
        // 'self' covers the same-origin WebSocket of the rooms (ws:/wss: on this host).
        'connect-src': ["'self'"],
        // Pixi may start its image-decoding worker from a blob: URL.
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    // Not no-referrer: with it, browsers send "Origin: null" on same-origin POSTs, which the
    // cross-site check (auth/middleware.ts) refuses. Other sites see only our origin, no path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // On a plain-http install (a school's LAN) HSTS would only confuse; behind https it pins it.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
  });
}
