#!/bin/sh
# Starts the CA key agent (KEY控件) on 127.0.0.1. Needs Java 17 or newer.
# Options are passed on to the agent (see: sh start-agent.sh --help); JVM options go into JAVA_OPTS.
DIR=$(cd "$(dirname "$0")" && pwd)

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "未找到 Java，请先安装 Java 17 或更新版本。 (Java 17 or newer is required.)" >&2
  exit 1
fi
VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
case "$VERSION" in
  1.*|9|1[0-6])
    echo "Java $VERSION 版本过低，请安装 Java 17 或更新版本。 (Java 17 or newer is required.)" >&2
    exit 1
    ;;
esac

# The agent reads the USB key's PIN flags through the JDK's PKCS#11 wrapper.
# shellcheck disable=SC2086
exec "$JAVA" $JAVA_OPTS --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED \
  -jar "$DIR/ca-key-agent.jar" "$@"
