#!/bin/sh
# `npm run -s budget -- <command> …` (package.json): lib/cli/launch.cjs, with one difference.
#
# Node 20 reads and parses the file NODE_EXTRA_CA_CERTS names as it starts, before any code runs;
# where that is the system's whole CA bundle it costs ~0.15 s of CPU per process (issue 17,
# docs/performance.md). Only a TLS connection uses those certificates, and of our commands only
# import and export open a connection (to PostgreSQL, which may need TLS with a private CA). The
# commands listed here read and write files alone (test/cli/extra-ca.test.ts checks that none of
# them reaches a database or network module), so they start without it; import, export and any
# command not listed keep the variable exactly as the user set it.
case "$1" in
  check | tables | narrative | rules | convert | prior-year | disclosure) unset NODE_EXTRA_CA_CERTS ;;
esac
exec node "$(dirname "$0")/launch.cjs" budget "$@"
