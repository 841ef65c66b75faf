#!/bin/sh
# Generates the Python and Go SDKs of the tencentcloud-redis-task provider plugin from schema.json
# with `pulumi package gen-sdk` (the CLI and its language hosts on PATH), into sdk/ or the
# directory given. The SDKs are committed; tests/e2e/sdkGeneration.test.ts checks that running
# this again changes nothing. YAML programs need no SDK; Node.js programs use
# pulumi-tencentcloud-redis-task/plugin. Hand-written modules the generator does not make (the
# Python hooks) live in sdk-overlay/<language> and are copied over each fresh SDK.
set -eu
cd "$(dirname "$0")/.."
out=${1:-sdk}
for language in python go; do
  rm -rf "$out/$language"
  pulumi package gen-sdk schema.json --language "$language" --out "$out" >/dev/null
  if [ -d "sdk-overlay/$language" ]; then
    cp -R "sdk-overlay/$language/." "$out/$language/"
    # Bytecode a local Python run left in the overlay is not source.
    find "$out/$language" -name __pycache__ -type d -prune -exec rm -rf {} +
  fi
done
echo "SDKs written to $out/python and $out/go"
