// vitest and tsx run outside React's server environment, where the real "server-only" throws:
// the tests exercise server modules directly, so the marker resolves to nothing here.
export {};
