#!/usr/bin/env bash
# Installs Redis and PostgreSQL from the distribution's packages for the shared-mode tests, when
# they are missing and this machine can (root and apt-get). Never fails the build: without them
# those tests are skipped, and pytest prints why.
set -u
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "servers: ${missing[*]} not installed and cannot be here (needs root and apt-get);" \
         "the shared-mode tests will be skipped" >&2
    exit 0
fi
echo "servers: installing ${missing[*]} from the distribution's packages" >&2
started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
# The packages' own services are not started: the tests start their servers in temporary dirs.
policy=/usr/sbin/policy-rc.d
had_policy=0; [ -e "$policy" ] && had_policy=1
if [ $had_policy = 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
fi
# The packages' scripts talk a lot: their output is kept, and shown only if the install fails.
output=$(mktemp)
if timeout 300 apt-get update -qq >"$output" 2>&1 \
   && timeout 420 apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$output" 2>&1
then
    echo "servers: installed in $(( $(date +%s) - started )) s" >&2
else
    tail -n 20 "$output" >&2
    echo "servers: installing ${missing[*]} failed; the shared-mode tests will be skipped" >&2
fi
rm -f "$output"
[ $had_policy = 1 ] || rm -f "$policy"
exit 0
