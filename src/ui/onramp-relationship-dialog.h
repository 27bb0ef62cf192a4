/* onramp-relationship-dialog.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-application.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_RELATIONSHIP_DIALOG (onramp_relationship_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OnrampRelationshipDialog, onramp_relationship_dialog, ONRAMP, RELATIONSHIP_DIALOG, AdwWindow)

OnrampRelationshipDialog *onramp_relationship_dialog_new       (GtkWindow                *parent,
                                                                 OnrampApplication        *application);
const char               *onramp_relationship_dialog_get_url   (OnrampRelationshipDialog *self);
char                     *onramp_relationship_dialog_dup_email (OnrampRelationshipDialog *self);

G_END_DECLS
