#!/bin/sh
# `npm run -s budget -- <command> …` (package.json): lib/cli/launch.cjs, with one difference.
#
# Node 20 reads and parses the file NODE_EXTRA_CA_CERTS names as it starts, before any code runs;
# where that is the system's whole CA bundle it costs ~0.15 s of CPU per process (issue 17,
# docs/performance.md). Only a TLS connection uses those certificates. The file commands below
# read and write files alone (test/cli/extra-ca.test.ts checks that none reaches a database or
# network module), so they start without it. import and export connect to PostgreSQL only, and
# keep it whenever that connection may use TLS: the database's address names ssl (sslmode=…), or
# a PGSSL* variable is set. Any other command keeps the variable exactly as the user set it.
tls_possible() {
  case "${DATABASE_URL-}${DATABASE_REPLICA_URL-}" in *[sS][sS][lL]*) return 0 ;; esac
  [ -n "${PGSSLMODE-}${PGSSLROOTCERT-}${PGSSLCERT-}${PGSSLKEY-}${PGSSLNEGOTIATION-}" ]
}
case "${1-}" in
  check | tables | narrative | rules | convert | prior-year | disclosure) unset NODE_EXTRA_CA_CERTS ;;
  import | export) tls_possible || unset NODE_EXTRA_CA_CERTS ;;
esac
exec node "$(dirname "$0")/launch.cjs" budget "$@"
