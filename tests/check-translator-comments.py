#!/usr/bin/env python3
# Every message with a printf placeholder (%s, %u, %1$s…) needs a comment for
# translators in the template: what each placeholder stands for. In C that is
# a "/* Translators: … */" comment right before the string; in .ui files a
# comments="…" attribute. Fails, naming file and line, when one is missing.
import re
import subprocess
import sys
import tempfile

XGETTEXT = [
    'xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_',
    '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
]

# A printf conversion, not "%%": flags, width, precision, length, conversion
PLACEHOLDER = re.compile(r'%(?:\d+\$)?[-+ #0\']*(?:\d+|\*)?(?:\.(?:\d+|\*))?'
                         r'(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfFgGaAcsp]')


def unquote(line):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)),
                  line[line.index('"') + 1:line.rindex('"')])


def entries(pot):
    """Yields (extracted comments, locations, flags, [msgid, msgid_plural])."""
    comments, locations, flags, ids, key = [], [], [], {}, None
    for line in list(pot.splitlines()) + ['']:
        if not line.strip():
            if ids.get('msgid'):
                yield comments, locations, flags, [ids.get('msgid', ''), ids.get('msgid_plural', '')]
            comments, locations, flags, ids, key = [], [], [], {}, None
        elif line.startswith('#.'):
            comments.append(line[2:].strip())
        elif line.startswith('#:'):
            locations += line[2:].split()
        elif line.startswith('#,'):
            flags += [f.strip() for f in line[2:].split(',')]
        elif line.startswith(('msgid_plural', 'msgid')):
            key = line.split()[0]
            ids[key] = unquote(line)
        elif line.startswith('msg'):
            key = None
        elif line.startswith('"') and key:
            ids[key] += unquote(line)


def needs_comment(flags, texts):
    if 'no-c-format' in flags:
        return False
    return 'c-format' in flags or any(PLACEHOLDER.search(t.replace('%%', '')) for t in texts)


def has_comment(comments, locations):
    text = ' '.join(comments)
    if 'Translators:' in text:
        return True
    # .ui and data files carry comments="…" without the tag; C needs the tag,
    # so that an unrelated code comment above a string does not count
    return bool(comments) and not all(re.match(r'.*\.[ch]:\d+$', loc) for loc in locations)


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    with open(f'{top}/po/POTFILES.in', encoding='utf-8') as potfiles:
        files = [l.strip() for l in potfiles if l.strip() and not l.startswith('#')]
    with tempfile.NamedTemporaryFile(suffix='.pot') as pot:
        subprocess.run(XGETTEXT + ['--directory', top, '-o', pot.name] + files, check=True)
        template = open(pot.name, encoding='utf-8').read()

    missing = 0
    checked = 0
    for comments, locations, flags, texts in entries(template):
        if not needs_comment(flags, texts):
            continue
        checked += 1
        if not has_comment(comments, locations):
            missing += 1
            print(f'{" ".join(locations)}: no “Translators:” comment for {texts[0]!r}')
    if missing:
        print(f'{missing} of {checked} messages with placeholders have no translator comment: '
              'say what each placeholder stands for, e.g. /* Translators: %s is a country */')
        return 1
    print(f'All {checked} messages with placeholders have a translator comment')
    return 0


if __name__ == '__main__':
    sys.exit(main())
