// autocannon ships no type declarations; the part the benchmarks use is small.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface CannonResult {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    totalCompletedRequests: number;
  }

  export default function autocannon(
    opts: { url: string; connections: number; duration?: number; amount?: number; timeout: number },
    cb: (error: Error | null, result: CannonResult) => void,
  ): EventEmitter;
}
