#!/usr/bin/env bash
# Every language in po/LINGUAS must be complete and clean: no untranslated or
# fuzzy message, no msgfmt --check error, in step with the sources (the .po is
# compared against a freshly extracted template), and with the Plural-Forms
# header its language needs (ngettext picks the wrong form otherwise).
set -u
top=$1
cd "$top" || exit 2
status=0
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT

# The same extraction as meson's glib preset (ninja onramp-pot), without
# writing into the source tree.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --directory="$top" --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') \
  --output="$pot" || { echo "xgettext failed"; exit 1; }

# The plural rule of each language we ship (gettext's and CLDR's integer rules)
expected_plural_forms() {
  case "$1" in
    ja|ko|zh_*|vi|th|id) echo 'nplurals=1; plural=0;' ;;
    fr|pt_BR) echo 'nplurals=2; plural=(n > 1);' ;;
    de|en*|es|it|nl|sv|da|nb|fi|el|hu|tr|pt) echo 'nplurals=2; plural=(n != 1);' ;;
    *) echo '' ;;
  esac
}

while read -r lang; do
  case "$lang" in ''|\#*) continue ;; esac
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$po: listed in LINGUAS but missing"
    status=1
    continue
  fi
  plural_forms=$(msgattrib --no-wrap --only-file=/dev/null "$po" 2>/dev/null |
                 sed -n 's/^"Plural-Forms: *\(.*\)\\n"$/\1/p')
  expected=$(expected_plural_forms "$lang")
  if [ -z "$plural_forms" ]; then
    echo "$po: no Plural-Forms header"
    status=1
  elif [ -n "$expected" ] && [ "${plural_forms// /}" != "${expected// /}" ]; then
    echo "$po: Plural-Forms is “$plural_forms”; $lang needs “$expected”"
    status=1
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  if [ $? -ne 0 ] || grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    echo "$po: $stats"
    status=1
  fi
  missing=$(msgmerge --quiet --no-fuzzy-matching "$po" "$pot" -o - 2>/dev/null |
            msgattrib --untranslated --no-obsolete 2>/dev/null | grep -c '^msgid ' || true)
  if [ "${missing:-0}" -gt 1 ]; then
    echo "$po: $((missing - 1)) message(s) in the sources are not translated"
    msgmerge --quiet --no-fuzzy-matching "$po" "$pot" -o - 2>/dev/null |
      msgattrib --untranslated --no-obsolete 2>/dev/null | grep '^msgid ' | tail -n +2 | head -20
    status=1
  fi
  [ $status -eq 0 ] && echo "$po: $stats"
done < po/LINGUAS

exit $status
