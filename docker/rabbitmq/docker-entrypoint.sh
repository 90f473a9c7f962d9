#!/bin/sh
# Writes the broker's configuration from the environment on every start, the way the official
# image does, then runs the broker in the foreground as the rabbitmq user.
set -eu

umask 077
{
    echo "listeners.tcp.default = 5672"
    echo "management.tcp.port = 15672"
    echo "log.console = true"
    echo "log.console.level = info"
    echo "log.console.use_colors = off"
    echo "log.file = false"
    # The official image lets the default user log in from other hosts, not only from loopback.
    echo "loopback_users = none"
    echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
    echo "default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}"
    echo "default_vhost = ${RABBITMQ_DEFAULT_VHOST:-/}"
    echo "default_permissions.configure = .*"
    echo "default_permissions.read = .*"
    echo "default_permissions.write = .*"
} > /etc/rabbitmq/rabbitmq.conf

exec "$@"
