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
 * the Done page says once it passed. One line per step of the plan; a
 * step added to the plan later shows with the generic words below until it
 * gets its line. */
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
  { ONRAMP_SUBMIT_STEP_AGREEMENT, N_("Confirming the Microsoft Customer Agreement…"),
    N_("Microsoft Customer Agreement confirmed"), N_("The Microsoft Customer Agreement was not confirmed") },
  { ONRAMP_SUBMIT_STEP_CART, N_("Preparing the order…"), N_("Order prepared"),
    N_("The order could not be prepared") },
  { ONRAMP_SUBMIT_STEP_CHECKOUT, N_("Ordering the subscriptions…"), N_("Subscriptions ordered"),
    N_("The subscriptions were not ordered") },
  { ONRAMP_SUBMIT_STEP_STATUS, N_("Reading the account’s verification status…"), N_("Verification status read"),
    N_("The verification status could not be read") },
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

/**
 * onramp_submit_step_dup_skipped_label:
 * @step: an #OnrampSubmitStep
 * @reason: why it did not run, as onramp_submission_get_step_records()
 *   says, such as “no subscriptions chosen; nothing sent”
 *
 * Returns: (transfer full): a line for a step that had nothing to do, so
 *   that the Done page accounts for every step, the ones that did not run
 *   included
 */
char *
onramp_submit_step_dup_skipped_label (int         step,
                                      const char *reason)
{
  /* Translators: a step of the submission that did not run. The first %s
   * is the step, such as “Cart” or “Microsoft Customer Agreement”, the
   * second why, such as “no subscriptions chosen; nothing sent” */
  return g_strdup_printf (_("%s — skipped: %s"), onramp_submit_step_get_label (step), reason ? reason : "");
}
