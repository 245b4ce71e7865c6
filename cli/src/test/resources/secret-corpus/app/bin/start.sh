#!/bin/sh
# Starts the order service.
export DEPLOY_TOKEN=pl4nted_shell_token_13_QwErTy
export AWS_SECRET_ACCESS_KEY=pl4nted/ShellAwsSecret14+AbCdEfGhIjKl
APP_HOME=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xmx512m -cp "$APP_HOME/conf:$APP_HOME/lib/*" com.example.OrderService "$@"
