/**
 * The address a request came from, as the server's socket saw it. Next passes a request's headers
 * to the proxy but not its socket, and keeps an X-Forwarded-For the client sent itself, so a client
 * could name a new address on every request and never meet a limit. At start (instrumentation.ts)
 * every request the HTTP server receives is stamped with its socket's address in a header of our
 * own, replacing any header of that name the client sent: the proxy can trust it. The same pattern
 * as tracing libraries that wrap `http.Server`'s "request" event.
 */
import http from "node:http";

export const PEER_HEADER = "x-refund-lab-peer";

let installed = false;

export function stampPeerAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
