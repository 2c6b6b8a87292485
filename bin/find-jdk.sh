#!/bin/sh
# Sourced by ./mvnw and the project's scripts: the build needs JDK 21+, while the default
# `java` on our machines is 17 and a newer JDK sits unlisted under /usr/lib/jvm. If JAVA_HOME
# (or the java on the PATH) is already 21+, nothing changes.

p2pbet_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1
}

p2pbet_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(p2pbet_java_major "$JAVA_HOME/bin/java")
    [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v javac >/dev/null 2>&1; then
    v=$(p2pbet_java_major java)
    [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  # mvnw runs with `set -f`; globbing is needed for the search below, then restored.
  case "$-" in *f*) p2pbet_noglob=1 ;; *) p2pbet_noglob=0 ;; esac
  set +f
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(p2pbet_java_major "$candidate/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      PATH="$JAVA_HOME/bin:$PATH"
      export PATH
      [ "$p2pbet_noglob" -eq 0 ] || set -f
      return 0
    fi
  done
  echo "No JDK 21+ found: install one (e.g. Temurin 21 or 25) or set JAVA_HOME." >&2
  return 1
}

p2pbet_find_jdk; p2pbet_rc=$?
[ "$p2pbet_rc" -eq 0 ] || exit 1
