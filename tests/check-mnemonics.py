#!/usr/bin/env python3
# Two controls on screen together must not underline the same letter: Alt+
# that letter would only cycle between them. For every set of strings shown
# together (a .ui file's widgets, each of its menus, the assistant's pages
# with its Back and Next buttons, menus built in code) this fails when two
# English labels share a letter, and, for each language in po/LINGUAS, when
# two translations do, or when a translation drops the mnemonic the English
# has (Chinese, Japanese and Korean put it in brackets: "取消(_C)").
#
# It also checks that the Account page's list of its own titles (the letters
# the titles the country decides must avoid) matches its .ui.
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# The pages the assistant shows one at a time, above its Back and Next
ASSISTANT = 'src/ui/onramp-assistant.ui'
ASSISTANT_PAGES = ['account-page', 'reseller-page', 'subscriptions-page', 'review-page', 'done-page']

# The assistant's strings a page never shows: Review puts Submit or Queue
# for Submission on the Next button, and is where Return to leads
ASSISTANT_HIDDEN = {
    'src/ui/onramp-review-page.ui': {'_Next', 'Retur_n to %s'},
}

# Strings from code, shown with a .ui's widgets
CODE_STRINGS = {
    # onramp-assistant.c: the Next button's label when it returns to Review
    ASSISTANT: ['Retur_n to %s'],
    # onramp-review-page.c: the Next button's label on Review
    'src/ui/onramp-review-page.ui': ['_Submit', '_Queue for Submission'],
    # each chosen offer is an onramp-offer-row.ui on the Subscriptions page
    'src/ui/onramp-subscriptions-page.ui': ['@src/ui/onramp-offer-row.ui'],
    # the account page below the fold, built after the first frame
    'src/ui/onramp-account-page.ui': ['@src/ui/onramp-account-page-more.ui'],
}

# Menus built in code: each is a set shown together
CODE_MENUS = {
    'onramp-account-button.c (signed in)': ['Sign _Out'],
    'onramp-drafts-sidebar.c (a draft’s menu)': ['D_uplicate', '_Delete', '_Retry Submission'],
}

# Never on screen at the same time, so they may share a letter
EXCLUSIVE = [
    # the one forward button's labels
    {'_Next', 'Retur_n to %s', '_Submit', '_Queue for Submission'},
    # Review: Sign In shows only when nobody is signed in, Submit only when someone is
    {'_Sign In…', '_Submit'},
]

MNEMONIC = re.compile(r'_([^\W_])')
BRACKETED = re.compile(r'\(_([^\W_])\)')


def mnemonic(text):
    """The underlined character, lower-cased, or None."""
    match = BRACKETED.search(text) or MNEMONIC.search(text.replace('__', ''))
    return match.group(1).lower() if match else None


def ui_sets(path):
    """Yields (name, [msgid]) for a .ui's widgets and for each of its menus."""
    root = ET.parse(path).getroot()
    menus = []

    def walk(element, in_menu):
        strings = []
        for child in element:
            if child.tag == 'menu':
                menu = walk(child, True)
                menus.append((f'{path} menu “{child.get("id", "")}”', menu))
                continue
            if child.get('translatable') == 'yes' and child.text and mnemonic(child.text):
                strings.append(child.text)
            strings += walk(child, in_menu)
        return strings

    widgets = walk(root, False)
    yield path, widgets
    yield from menus


def shown_sets(top):
    uis = {}
    sets = []
    for path in sorted(glob.glob(os.path.join(top, 'src/ui/**/*.ui'), recursive=True)):
        rel = os.path.relpath(path, top)
        for name, strings in ui_sets(path):
            if name == path:
                uis[rel] = strings
            else:
                sets.append((os.path.relpath(name, top), strings))

    def widgets(rel):
        out = list(uis.get(rel, []))
        for s in CODE_STRINGS.get(rel, []):
            out += widgets(s[1:]) if s.startswith('@') else [s]
        return out

    pages = {f'src/ui/onramp-{p}.ui' for p in ASSISTANT_PAGES}
    for rel in sorted(uis):
        if rel in pages:
            hidden = ASSISTANT_HIDDEN.get(rel, set())
            assistant = [s for s in widgets(ASSISTANT) if s not in hidden]
            sets.append((f'{rel} in the assistant', widgets(rel) + assistant))
        elif rel != ASSISTANT:
            sets.append((rel, widgets(rel)))
    sets += list(CODE_MENUS.items())
    return sets


def exclusive(a, b):
    return any(a in group and b in group for group in EXCLUSIVE)


def clashes(strings, translate):
    """Pairs of different messages that underline the same letter."""
    unique = list(dict.fromkeys(strings))
    found = []
    for i, a in enumerate(unique):
        for b in unique[i + 1:]:
            la, lb = mnemonic(translate(a)), mnemonic(translate(b))
            if la and la == lb and not exclusive(a, b):
                found.append((a, b, la))
    return found


def parse_po(path):
    """{msgid: msgstr} of a .po's translated singular messages."""
    out, cur, key = {}, {}, None
    text = open(path, encoding='utf-8').read()
    for line in text.splitlines() + ['']:
        if not line.strip():
            if cur.get('msgid') and cur.get('msgstr') and 'msgctxt' not in cur:
                out[cur['msgid']] = cur['msgstr']
            cur, key = {}, None
            continue
        if line.startswith('#'):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            key = m.group(1)
            cur[key] = m.group(2)
        elif line.startswith('"') and key:
            cur[key] += line[1:-1]
    unescape = lambda s: re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)
    return {unescape(k): unescape(v) for k, v in out.items()}


def account_list(top):
    """The msgids in onramp-account-page.c's fixed_mnemonic_titles."""
    source = open(os.path.join(top, 'src/ui/onramp-account-page.c'), encoding='utf-8').read()
    block = re.search(r'fixed_mnemonic_titles\[\]\s*=\s*\{(.*?)\};', source, re.S)
    return set(re.findall(r'"((?:[^"\\]|\\.)*)"', block.group(1))) if block else None


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    sets = shown_sets(top)
    failures = []

    for name, strings in sets:
        for a, b, letter in clashes(strings, lambda s: s):
            failures.append(f'{name}: “{a}” and “{b}” both underline “{letter}”')

    listed = account_list(top)
    account = {s for n, strings in sets if n.startswith('src/ui/onramp-account-page.ui') for s in strings}
    expected = account
    if listed is None:
        failures.append('onramp-account-page.c: no fixed_mnemonic_titles list')
    elif listed != expected:
        failures.append('onramp-account-page.c: fixed_mnemonic_titles differs from the page’s titles: '
                        f'missing {sorted(expected - listed)}, extra {sorted(listed - expected)}')

    with open(os.path.join(top, 'po/LINGUAS'), encoding='utf-8') as linguas:
        languages = [l.strip() for l in linguas if l.strip() and not l.startswith('#')]
    checked = 0
    for lang in languages:
        catalog = parse_po(os.path.join(top, f'po/{lang}.po'))
        translate = lambda s: catalog.get(s) or s
        for name, strings in sets:
            for s in dict.fromkeys(strings):
                checked += 1
                if s in catalog and mnemonic(s) and not mnemonic(catalog[s]):
                    failures.append(f'po/{lang}.po: “{catalog[s]}” has no underlined letter; “{s}” has')
            for a, b, letter in clashes(strings, translate):
                failures.append(f'po/{lang}.po, {name}: “{translate(a)}” and “{translate(b)}” '
                                f'both underline “{letter}”')

    for failure in failures:
        print(failure)
    if failures:
        print(f'{len(failures)} mnemonic problem(s)')
        return 1
    print(f'{len(sets)} sets of labels shown together, no shared underlined letter '
          f'in English or in {len(languages)} languages ({checked} translations checked)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
