#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every GTK class the .ui files name is registered before the window is
built (onramp_application_register_template_types in onramp-application.c),
so GtkBuilder finds it by name instead of through dlsym(); and the list
names no class the .ui files have stopped using."""

import glob
import os
import re
import sys


def camel_to_getter(name):
    """GtkFlowBoxChild -> gtk_flow_box_child_get_type"""
    return re.sub(r'(?<!^)(?=[A-Z])', '_', name).lower() + '_get_type'


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else '.'
    used = set()
    for path in glob.glob(os.path.join(top, 'src/ui/**/*.ui'), recursive=True):
        used |= set(re.findall(r'class="(Gtk[A-Za-z]+)"', open(path, encoding='utf-8').read()))
    source = open(os.path.join(top, 'src/ui/onramp-application.c'), encoding='utf-8').read()
    block = re.search(r'template_types\[\]\) \(void\) = \{(.*?)\};', source, re.S)
    if block is None:
        print('onramp-application.c: no template_types list')
        return 1
    listed = set(re.findall(r'(gtk_\w+_get_type)', block.group(1)))
    wanted = {camel_to_getter(name) for name in used}
    missing, extra = sorted(wanted - listed), sorted(listed - wanted)
    for getter in missing:
        print(f'template_types lacks {getter}: a .ui file uses its class')
    for getter in extra:
        print(f'template_types has {getter}: no .ui file uses its class')
    if missing or extra:
        return 1
    print(f'{len(listed)} GTK classes of the .ui files registered before they are built')
    return 0


if __name__ == '__main__':
    sys.exit(main())
