import http from "node:http";
import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustProxy } from "@/lib/auth/client-address";

/**
 * Route handlers only see headers, not the TCP peer, and Next fills X-Forwarded-For from the
 * peer only when the client did not send one. So every request is stamped here, as it arrives,
 * with the address chosen by clientAddress (overwriting a client-sent header of the same name).
 */
export function stampClientAddress(): void {
  const proto = http.Server.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; __mingzhangStamped?: boolean };
  if (proto.__mingzhangStamped) return;
  proto.__mingzhangStamped = true;
  const trusted = trustProxy();
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket?.remoteAddress, trusted);
    }
    return emit.call(this, event, ...args);
  };
}
