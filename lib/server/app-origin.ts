import "server-only";

/**
 * The origin links the app hands out are built on (a world's share link): `APP_ORIGIN` when the
 * operator set it (the address people reach the server at, e.g. http://192.168.1.20:3000 or an HTTPS
 * name), otherwise the address `npm start` listens on. Never a request's Host or X-Forwarded-Host
 * header: a client sets those, and a share link shown to an owner must lead to this server (issue 26).
 */
export function appOrigin(): { origin: string; configured: boolean } {
  const configured = process.env.APP_ORIGIN?.trim();
  if (configured) {
    try {
      return { origin: new URL(configured).origin, configured: true };
    } catch {
      // A malformed setting falls back to the listening address below.
    }
  }
  const host = process.env.HOST && !["0.0.0.0", "::"].includes(process.env.HOST) ? process.env.HOST : "localhost";
  return { origin: `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}`, configured: false };
}
