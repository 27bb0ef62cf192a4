#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -u
top=$1
cd "$top" || exit 2
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

while IFS= read -r file; do
  if ! grep -qxF "$file" <<<"$listed"; then
    echo "missing from po/POTFILES.in: $file"
    status=1
  fi
done < <(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) | sort |
         xargs -r grep -l -E '(\b_|\bN_|\bC_|\bNC_)\(|translatable="yes"|<(summary|description|name|p|li|caption)>' 2>/dev/null |
         grep -v -E 'gresource\.xml$')

while IFS= read -r file; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in names a missing file: $file"
    status=1
  fi
done <<<"$listed"

[ $status -eq 0 ] && echo "po/POTFILES.in is complete"
exit $status
