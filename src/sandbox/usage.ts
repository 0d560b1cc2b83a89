// What `npm run sandbox -- --help` prints: every flag and every control route, in words.

export const USAGE = `usage: npm run -s sandbox -- [options]

Emulates SpaceONE, CloudMC and Onqlave on one port of 127.0.0.1. The first stdout line is
{"url","accounts"}: the base URL and one ready-made account per provider (label, endpoint,
credentials). It serves until Ctrl+C (SIGINT) or SIGTERM.

options
  --port N                   port to listen on (default 0: any free port)
  --propagation-seconds S    SpaceONE: how long a disabled or deleted API key keeps
                             authenticating (the auth-cache TTL; default 300)
  --activation-seconds A     Onqlave: how long a new key stays pending, and a deleted key
                             stays in "deleting", before it settles (default 2)
  --latency-ms L             delay every service answer by L ms, a round trip: the request
                             is handled after L/2 (0 to 60000; default 0)
  --fault-rate F             fail this share of service requests (0 to 1; default 0): half
                             answer 503 in the service's own error shape, half drop the
                             connection
  --keys-per-account K       keys created for each account at start (default: 1 SpaceONE,
                             2 elsewhere)
  --accounts-per-provider M  accounts per service (1 to 100; default 1)
  --seed X                   the same seed gives the same ids and secrets on every start
  --state-file PATH          load the world from PATH at start and save it there on every
                             change, so keys survive a restart (mode 0600)
  -h, --help                 show this help and exit

controls (test only; every request needs the header X-Sandbox-Token: <token printed on stderr>)
  POST /__sandbox/config   {"latencyMs","faultRate","dropAnswerRate","propagationSeconds","activationSeconds"}
                           change the tuning while running; add "account": "<label>" to
                           slow down or break one account only
  POST /__sandbox/clock    {"advanceSeconds": N} moves the services' clock forward (or back);
                           {"offsetSeconds": N} sets its distance from real time
  POST /__sandbox/reset    back to the seeded world, tuning and clock
  GET  /__sandbox/state    the clock, the tuning and key counts per service`
