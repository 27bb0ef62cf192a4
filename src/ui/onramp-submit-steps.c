/* onramp-submit-steps.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-submit-steps"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-submit-steps.h"

/* What the Review page says while a step of the submission runs, and what
 * the Done page says once it passed. One line per step of the plan: a new
 * step (agreement, cart, checkout…) gets its line here, and until it does
 * it is shown with the generic words below. */
static const struct
{
  OnrampSubmitStep  step;
  const char       *progress;
  const char       *done;
  const char       *failed;
} step_labels[] = {
  { ONRAMP_SUBMIT_STEP_VALIDATE, N_("Checking the details…"), N_("Details checked"),
    N_("The details have errors") },
  { ONRAMP_SUBMIT_STEP_ADDRESS, N_("Checking the address with Partner Center…"), N_("Address checked"),
    N_("The address could not be checked") },
  { ONRAMP_SUBMIT_STEP_DOMAIN, N_("Checking that the domain is still free…"), N_("Domain available"),
    N_("The domain could not be confirmed") },
  { ONRAMP_SUBMIT_STEP_CREATE, N_("Creating the customer…"), N_("Customer created"),
    N_("The customer was not created") },
};

static int
find_step (int step)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_labels); i++)
    if ((int)step_labels[i].step == step)
      return (int)i;

  return -1;
}

/**
 * onramp_submit_step_get_progress_label:
 * @step: an #OnrampSubmitStep
 *
 * Returns: (nullable): what the step is doing, translated; %NULL for
 *   %ONRAMP_SUBMIT_STEP_DONE, which does nothing
 */
const char *
onramp_submit_step_get_progress_label (int step)
{
  int found = find_step (step);

  if (step == ONRAMP_SUBMIT_STEP_DONE)
    return NULL;

  return found >= 0 ? _(step_labels[found].progress) : _("Working…");
}

/**
 * onramp_submit_step_get_done_label:
 * @step: an #OnrampSubmitStep
 *
 * Returns: (nullable): what the step achieved, translated
 */
const char *
onramp_submit_step_get_done_label (int step)
{
  int found = find_step (step);

  if (step == ONRAMP_SUBMIT_STEP_DONE)
    return NULL;

  return found >= 0 ? _(step_labels[found].done) : _("Step completed");
}

/**
 * onramp_submit_step_get_failed_label:
 * @step: an #OnrampSubmitStep
 *
 * Returns: (nullable): what did not happen, translated, when the step failed
 */
const char *
onramp_submit_step_get_failed_label (int step)
{
  int found = find_step (step);

  if (step == ONRAMP_SUBMIT_STEP_DONE)
    return NULL;

  return found >= 0 ? _(step_labels[found].failed) : _("Step failed");
}
