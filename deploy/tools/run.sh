#!/usr/bin/env bash
# Runs a main class of the deploy tooling: compiles it with the project's Maven wrapper when its
# sources changed (Maven Central only), then starts it on a JDK 21+ (bin/find-jdk.sh).
#   deploy/tools/run.sh MAIN_CLASS [ARG...]
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$tools/../.." && pwd)"
. "$root/bin/find-jdk.sh"
classpath_file="$tools/target/classpath.txt"
# Maven only when the tooling or the catalogue's parser changed since the last build.
if [ ! -s "$classpath_file" ] || [ -n "$(find "$tools/pom.xml" "$tools/src" "$root/schemas/src/main/java/dev/p2pbet/schemas/topics" \
      -newer "$classpath_file" -type f 2>/dev/null | head -n 1)" ]; then
  "$root/mvnw" -B -ntp -q -f "$tools/pom.xml" compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >&2
  touch "$classpath_file"
fi
main="$1"; shift
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$tools/target/classes:$(cat "$classpath_file")" "$main" "$@"
