#!/usr/bin/env bash
# The check step of action.yml: one `vendorgate check` writing every requested format
# (`--output FORMAT=PATH`, repeated), its exit code recorded as the step's `exit-code` output.
# Inputs arrive as environment variables only (VG_ORG, VG_VENDORS, VG_FORMATS, VG_OUTPUT_DIR,
# VG_FAIL_ON, and VENDORGATE: the executable the action installed), so nothing from the
# workflow is ever parsed as shell. Exit 0 on verdicts 0 and 1
# (the action's last step fails the job on 1, after the SARIF upload); anything else is
# returned as it is, so bad input fails this very step.
set -uo pipefail
set -f # vendor paths are words, never globs

declare -A EXTENSION=(
  [sarif]=sarif [github]=github.txt [json]=json [junit]=xml [markdown]=md
  [gitlab]=gitlab.json [text]=txt
)

finish() {
  echo "exit-code=$1" >>"$GITHUB_OUTPUT"
  exit "$1"
}

args=(check)
if [ -n "${VG_ORG:-}" ]; then args+=(--org "$VG_ORG"); fi
if [ -n "${VG_FAIL_ON:-}" ]; then args+=(--fail-on "$VG_FAIL_ON"); fi
output_dir="${VG_OUTPUT_DIR:-vendorgate-results}"
sarif_file=""
github_file=""
for format in ${VG_FORMATS//,/ }; do
  if [ -z "${EXTENSION[$format]+known}" ]; then
    echo "::error title=vendorgate action::input formats names an unknown format; expected any of: sarif github json junit markdown gitlab text" >&2
    finish 2
  fi
  path="$output_dir/vendorgate.${EXTENSION[$format]}"
  args+=(--output "$format=$path")
  if [ "$format" = sarif ]; then sarif_file="$path"; fi
  if [ "$format" = github ]; then github_file="$path"; fi
done
# shellcheck disable=SC2206 # split on spaces and new lines; globbing is off
vendors=(${VG_VENDORS:-})

mkdir -p -- "$output_dir" || finish 2
"$VENDORGATE" "${args[@]}" -- "${vendors[@]}"
code=$?
if [ -n "$github_file" ] && [ -f "$github_file" ]; then
  # Workflow commands take effect on the step's standard output.
  cat -- "$github_file"
fi
if [ -n "$sarif_file" ] && [ -f "$sarif_file" ]; then
  echo "sarif-file=$sarif_file" >>"$GITHUB_OUTPUT"
fi
case "$code" in
  0 | 1) echo "exit-code=$code" >>"$GITHUB_OUTPUT" ;;
  *) finish "$code" ;;
esac
