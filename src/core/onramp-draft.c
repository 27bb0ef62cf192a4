/* onramp-draft.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-draft"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "onramp-csv.h"
#include "onramp-draft-private.h"
#include "onramp-error.h"
#include "onramp-wire.h"

/* A draft: the customer record being written, plus what the app needs to
 * list it, reopen it where the user was and resume its submission. One
 * draft is one JSON file (onramp-draft-store.c writes it); the file format
 * is here:
 *
 *   { "schemaVersion": 2, "id": "…", "created": "ISO 8601", "modified": "…",
 *     "status": "draft", "page": "account", "statusReason": "…",
 *     "customer": { wire form, onramp-wire.c },
 *     "submission": { owned by the submission plan } }
 *
 * Schema 1 (the early flat form) kept the customer fields at the top level
 * under their CSV column names, a "state" instead of "status" and a single
 * "savedAt" time in Unix seconds.
 */

#define MAX_ID_LENGTH 64
#define MAX_PAGE_LENGTH 64
#define MAX_REASON_LENGTH 4096

struct _OnrampDraft
{
  GObject            parent_instance;

  char              *id;
  OnrampCustomer    *customer;
  GDateTime         *created;
  GDateTime         *modified;
  OnrampDraftStatus  status;
  char              *status_reason;
  char              *page;
  JsonObject        *submission;
  guint64            generation;
  char              *search_key;
};

G_DEFINE_FINAL_TYPE (OnrampDraft, onramp_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER,
  PROP_TITLE,
  PROP_COUNTRY,
  PROP_STATUS,
  PROP_STATUS_REASON,
  PROP_PAGE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GEnumValue status_values[] = {
  { ONRAMP_DRAFT_STATUS_DRAFT, "ONRAMP_DRAFT_STATUS_DRAFT", "draft" },
  { ONRAMP_DRAFT_STATUS_READY, "ONRAMP_DRAFT_STATUS_READY", "ready" },
  { ONRAMP_DRAFT_STATUS_SUBMITTING, "ONRAMP_DRAFT_STATUS_SUBMITTING", "submitting" },
  { ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION, "ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION", "needs-attention" },
  { ONRAMP_DRAFT_STATUS_SUBMITTED, "ONRAMP_DRAFT_STATUS_SUBMITTED", "submitted" },
  { 0, NULL, NULL },
};

GType
onramp_draft_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("OnrampDraftStatus", status_values));

  return type_id;
}

/**
 * onramp_draft_status_to_string:
 *
 * Returns: the status as it is written in draft files and printed by the
 *   CLI: draft, ready, submitting, needs-attention or submitted
 */
const char *
onramp_draft_status_to_string (OnrampDraftStatus status)
{
  g_return_val_if_fail (status <= ONRAMP_DRAFT_STATUS_SUBMITTED, NULL);

  return status_values[status].value_nick;
}

gboolean
onramp_draft_status_from_string (const char        *text,
                                 OnrampDraftStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && status_values[i].value_nick != NULL; i++)
    {
      if (g_str_equal (text, status_values[i].value_nick))
        {
          *status = status_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * onramp_draft_status_get_label:
 *
 * Returns: the status for people, translated (a sidebar badge)
 */
const char *
onramp_draft_status_get_label (OnrampDraftStatus status)
{
  switch (status)
    {
    case ONRAMP_DRAFT_STATUS_DRAFT:
      /* Translators: the status of a customer draft */
      return _("Draft");
    case ONRAMP_DRAFT_STATUS_READY:
      /* Translators: the status of a customer draft waiting in the outbox */
      return _("Ready");
    case ONRAMP_DRAFT_STATUS_SUBMITTING:
      /* Translators: the status of a customer draft being sent to Partner Center */
      return _("Submitting");
    case ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION:
      /* Translators: the status of a customer draft with a problem to fix */
      return _("Needs attention");
    case ONRAMP_DRAFT_STATUS_SUBMITTED:
      /* Translators: the status of a customer draft that was created in Partner Center */
      return _("Submitted");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * onramp_draft_id_is_valid:
 *
 * Ids become file names, so only letters, digits and hyphens are allowed.
 */
gboolean
onramp_draft_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static void
onramp_draft_touch (OnrampDraft *self)
{
  self->generation++;
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_customer_notify_cb (OnrampDraft *self,
                       GParamSpec  *pspec)
{
  OnrampField field = onramp_field_from_property_name (pspec->name);

  if (field == ONRAMP_FIELD_COMPANY_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (field == ONRAMP_FIELD_COUNTRY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);

  onramp_draft_touch (self);
}

static void
on_line_item_notify_cb (OnrampDraft *self)
{
  onramp_draft_touch (self);
}

static void
watch_line_items (OnrampDraft *self,
                  guint        position,
                  guint        n_items)
{
  GListModel *items = onramp_customer_get_line_items (self->customer);

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_line_item_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
on_line_items_changed_cb (OnrampDraft *self,
                          guint        position,
                          guint        removed,
                          guint        added)
{
  watch_line_items (self, position, added);
  onramp_draft_touch (self);
}

static void
onramp_draft_set_customer (OnrampDraft    *self,
                           OnrampCustomer *customer)
{
  GListModel *items;

  g_assert (self->customer == NULL);

  self->customer = customer ? g_object_ref (customer) : onramp_customer_new ();
  items = onramp_customer_get_line_items (self->customer);

  g_signal_connect_object (self->customer, "notify", G_CALLBACK (on_customer_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (items, "items-changed", G_CALLBACK (on_line_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  watch_line_items (self, 0, g_list_model_get_n_items (items));
}

static void
onramp_draft_dispose (GObject *object)
{
  OnrampDraft *self = ONRAMP_DRAFT (object);

  g_clear_object (&self->customer);
  g_clear_pointer (&self->submission, json_object_unref);

  G_OBJECT_CLASS (onramp_draft_parent_class)->dispose (object);
}

static void
onramp_draft_finalize (GObject *object)
{
  OnrampDraft *self = ONRAMP_DRAFT (object);

  g_free (self->id);
  g_free (self->status_reason);
  g_free (self->page);
  g_free (self->search_key);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (onramp_draft_parent_class)->finalize (object);
}

static void
onramp_draft_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OnrampDraft *self = ONRAMP_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;
    case PROP_TITLE:
      g_value_set_string (value, onramp_draft_get_title (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, onramp_draft_get_country (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_REASON:
      g_value_set_string (value, self->status_reason);
      break;
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_draft_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OnrampDraft *self = ONRAMP_DRAFT (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      onramp_draft_set_customer (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      onramp_draft_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_draft_class_init (OnrampDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onramp_draft_dispose;
  object_class->finalize = onramp_draft_finalize;
  object_class->get_property = onramp_draft_get_property;
  object_class->set_property = onramp_draft_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, ONRAMP_TYPE_CUSTOMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ONRAMP_TYPE_DRAFT_STATUS, ONRAMP_DRAFT_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampDraft::changed:
   *
   * Something that belongs in the draft file changed: the record, the
   * status, the page or the submission state. The store saves on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onramp_draft_init (OnrampDraft *self)
{
  self->status = ONRAMP_DRAFT_STATUS_DRAFT;
}

/**
 * onramp_draft_new:
 * @customer: (nullable): the record; an empty one when %NULL
 *
 * Returns: (transfer full): a new draft with a fresh id, created now
 */
OnrampDraft *
onramp_draft_new (OnrampCustomer *customer)
{
  OnrampDraft *self;

  g_return_val_if_fail (customer == NULL || ONRAMP_IS_CUSTOMER (customer), NULL);

  self = g_object_new (ONRAMP_TYPE_DRAFT, "customer", customer, NULL);
  self->id = g_uuid_string_random ();
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->generation = 1;

  return self;
}

/**
 * onramp_draft_duplicate:
 *
 * Returns: (transfer full): a new draft with a copy of the record, a fresh
 *   id and status "draft"; the submission state is not copied, since the
 *   copy has not been submitted
 */
OnrampDraft *
onramp_draft_duplicate (OnrampDraft *self)
{
  g_autoptr(OnrampCustomer) customer = NULL;
  OnrampDraft *copy;

  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  customer = onramp_customer_copy (self->customer);
  copy = onramp_draft_new (customer);
  copy->page = g_strdup (self->page);

  return copy;
}

const char *
onramp_draft_get_id (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->id;
}

/**
 * onramp_draft_get_customer:
 *
 * Returns: (transfer none): the record; edit it in place, the draft
 *   notices every change
 */
OnrampCustomer *
onramp_draft_get_customer (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->customer;
}

/**
 * onramp_draft_get_title:
 *
 * Returns: the company legal name, or "Untitled customer" (translated)
 */
const char *
onramp_draft_get_title (OnrampDraft *self)
{
  const char *name;

  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  name = onramp_customer_get_field (self->customer, ONRAMP_FIELD_COMPANY_NAME);

  return name[0] != '\0' ? name : _("Untitled customer");
}

/**
 * onramp_draft_get_country:
 *
 * Returns: the ISO 3166 code of the customer's country, or ""
 */
const char *
onramp_draft_get_country (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return onramp_customer_get_field (self->customer, ONRAMP_FIELD_COUNTRY);
}

GDateTime *
onramp_draft_get_created (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->created;
}

/**
 * onramp_draft_get_modified:
 *
 * Returns: (transfer none): the time of the last change, in UTC
 */
GDateTime *
onramp_draft_get_modified (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->modified;
}

OnrampDraftStatus
onramp_draft_get_status (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), ONRAMP_DRAFT_STATUS_DRAFT);

  return self->status;
}

/**
 * onramp_draft_get_status_reason:
 *
 * Returns: (nullable): why the draft needs attention, for people
 */
const char *
onramp_draft_get_status_reason (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->status_reason;
}

/**
 * onramp_draft_set_status:
 * @reason: (nullable): why, for people; kept with needs-attention
 *
 * Sets the status and its reason together, so a reason never outlives the
 * status it explained.
 */
void
onramp_draft_set_status (OnrampDraft       *self,
                         OnrampDraftStatus  status,
                         const char        *reason)
{
  gboolean status_changed;
  gboolean reason_changed;

  g_return_if_fail (ONRAMP_IS_DRAFT (self));
  g_return_if_fail (status <= ONRAMP_DRAFT_STATUS_SUBMITTED);

  if (reason != NULL && reason[0] == '\0')
    reason = NULL;

  status_changed = self->status != status;
  reason_changed = g_strcmp0 (self->status_reason, reason) != 0;
  if (!status_changed && !reason_changed)
    return;

  self->status = status;
  if (reason_changed)
    {
      g_free (self->status_reason);
      self->status_reason = g_strdup (reason);
    }

  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (reason_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_REASON]);
  onramp_draft_touch (self);
}

/**
 * onramp_draft_get_page:
 *
 * Returns: (nullable): the name of the wizard page the user was on
 */
const char *
onramp_draft_get_page (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->page;
}

void
onramp_draft_set_page (OnrampDraft *self,
                       const char  *page)
{
  g_return_if_fail (ONRAMP_IS_DRAFT (self));

  if (g_strcmp0 (self->page, page) == 0)
    return;

  g_free (self->page);
  self->page = g_strdup (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  /* Not a change of the customer: the list order stays, the file follows */
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * onramp_draft_get_submission_state:
 *
 * Returns: (nullable) (transfer none): what the submission plan last
 *   checkpointed; the draft does not look inside
 */
JsonObject *
onramp_draft_get_submission_state (OnrampDraft *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  return self->submission;
}

static gboolean
is_secret_name (const char *name)
{
  static const char * const secret_words[] = { "password", "token", "secret", "authorization" };
  g_autofree char *folded = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (secret_words); i++)
    {
      if (strstr (folded, secret_words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static JsonNode *copy_without_secrets (JsonNode *node);

static void
copy_member_unless_secret (JsonObject  *object,
                           const char  *name,
                           JsonNode    *member,
                           gpointer     user_data)
{
  JsonObject *copy = user_data;

  /* Secrets live in the keyring only (DESIGN.md "Security") */
  if (is_secret_name (name))
    {
      g_debug ("Leaving the member “%s” out of the draft", name);
      return;
    }

  json_object_set_member (copy, name, copy_without_secrets (member));
}

/* In the members' order, so a draft is written the same way every time */
static JsonObject *
copy_object_without_secrets (JsonObject *object)
{
  JsonObject *copy = json_object_new ();

  json_object_foreach_member (object, copy_member_unless_secret, copy);

  return copy;
}

static JsonNode *
copy_without_secrets (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (copy, copy_object_without_secrets (json_node_get_object (node)));
      return copy;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy_array = json_array_sized_new (json_array_get_length (array));
      JsonNode *copy = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy_array, copy_without_secrets (json_array_get_element (array, i)));
      json_node_take_array (copy, copy_array);
      return copy;
    }

  /* json-glib reads 1e400 as infinity and would write it back as "inf.0",
   * which is not JSON: the draft would not load again */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      !isfinite (json_node_get_double (node)))
    return json_node_new (JSON_NODE_NULL);

  return json_node_copy (node);
}

/**
 * onramp_draft_set_submission_state:
 * @state: (nullable): the submission plan's checkpoint
 *
 * Keeps a copy of @state in the draft, which the store then saves. Members
 * whose names speak of a password, a token, a secret or an authorization
 * are left out at any depth: those belong in the keyring, never on disk.
 */
void
onramp_draft_set_submission_state (OnrampDraft *self,
                                   JsonObject  *state)
{
  g_return_if_fail (ONRAMP_IS_DRAFT (self));

  g_clear_pointer (&self->submission, json_object_unref);
  if (state != NULL)
    self->submission = copy_object_without_secrets (state);

  onramp_draft_touch (self);
}

guint64
_onramp_draft_get_generation (OnrampDraft *self)
{
  g_assert (ONRAMP_IS_DRAFT (self));

  return self->generation;
}

/* Search text: normalised (NFKC, so full-width Latin matches half-width)
 * and casefolded, computed once per change rather than per keystroke. */
static char *
fold_text (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar)*p >= 0x80)
        return FALSE;
    }

  return TRUE;
}

static const char *
get_search_key (OnrampDraft *self)
{
  static const OnrampField searched[] = {
    ONRAMP_FIELD_COMPANY_NAME, ONRAMP_FIELD_DOMAIN_PREFIX, ONRAMP_FIELD_COUNTRY,
    ONRAMP_FIELD_CITY, ONRAMP_FIELD_FIRST_NAME, ONRAMP_FIELD_LAST_NAME, ONRAMP_FIELD_EMAIL,
  };
  g_autoptr(GString) key = NULL;

  if (self->search_key != NULL)
    return self->search_key;

  key = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
    {
      g_string_append (key, onramp_customer_get_field (self->customer, searched[i]));
      /* A separator no folded needle contains, so words do not run together */
      g_string_append_c (key, '\n');
    }

  self->search_key = fold_text (key->str);

  return self->search_key;
}

/**
 * onramp_draft_matches:
 * @text: what the user typed in the search entry
 *
 * Whether every word of @text appears in the draft's legal name, domain,
 * country code, city, contact name or email, ignoring case and
 * width (Unicode compatibility normalisation). Empty text matches all.
 */
gboolean
onramp_draft_matches (OnrampDraft *self,
                      const char  *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const char *key;

  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), FALSE);

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  key = get_search_key (self);

  /* The usual case, one ASCII word, needs neither copies nor Unicode tables */
  if (is_ascii (text) && strchr (text, ' ') == NULL && strchr (text, '\t') == NULL)
    {
      gsize length = strlen (text);
      char first = g_ascii_tolower (text[0]);

      for (const char *p = key; (p = strchr (p, first)) != NULL; p++)
        {
          if (g_ascii_strncasecmp (p, text, length) == 0)
            return TRUE;
        }
      return FALSE;
    }

  folded = fold_text (text);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (key, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Writing */

static void
add_string_member (JsonObject *object,
                   const char *name,
                   const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format_iso8601 (time);
}

/**
 * onramp_draft_to_node:
 *
 * Returns: (transfer full): the draft file's content, current schema
 */
JsonNode *
onramp_draft_to_node (OnrampDraft *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  JsonNode *node;

  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  created = format_time (self->created);
  modified = format_time (self->modified);

  json_object_set_int_member (object, "schemaVersion", ONRAMP_DRAFT_SCHEMA_VERSION);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "created", created);
  json_object_set_string_member (object, "modified", modified);
  json_object_set_string_member (object, "status", onramp_draft_status_to_string (self->status));
  add_string_member (object, "page", self->page);
  add_string_member (object, "statusReason", self->status_reason);
  json_object_set_member (object, "customer", onramp_wire_customer_to_node (self->customer));
  if (self->submission != NULL)
    json_object_set_object_member (object, "submission", json_object_ref (self->submission));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);

  return node;
}

/**
 * onramp_draft_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the draft file's content as indented JSON
 */
char *
onramp_draft_to_data (OnrampDraft *self,
                      gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT (self), NULL);

  node = onramp_draft_to_node (self);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, length);
}

/* Reading */

static gboolean
set_invalid (GError    **error,
             const char *member)
{
  g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
               /* Translators: %s is the name of a member of a draft file, such as "modified" */
               _("The draft’s “%s” is missing or of the wrong type"), member);
  return FALSE;
}

/* A string member, or NULL when absent or null; FALSE when another type */
static gboolean
read_optional_string (JsonObject  *object,
                      const char  *member,
                      gsize        max_length,
                      const char **value,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return set_invalid (error, member);

  *value = json_node_get_string (node);
  if (strlen (*value) > max_length)
    return set_invalid (error, member);

  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *member,
           GDateTime  **time,
           GError     **error)
{
  const char *text = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (!read_optional_string (object, member, 64, &text, error))
    return FALSE;
  if (text == NULL || (parsed = g_date_time_new_from_iso8601 (text, utc)) == NULL)
    return set_invalid (error, member);

  *time = g_date_time_to_utc (parsed);

  return TRUE;
}

static gboolean
read_schema_version (JsonObject  *object,
                     gint64      *version,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, "schemaVersion");

  /* The early form had no version member at all */
  if (node == NULL)
    {
      *version = 1;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_invalid (error, "schemaVersion");

  *version = json_node_get_int (node);
  if (*version < 1)
    return set_invalid (error, "schemaVersion");

  if (*version > ONRAMP_DRAFT_SCHEMA_VERSION)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %d is a file format version number */
                   _("The draft was written by a newer version of Onramp (format %d)"),
                   (int)MIN (*version, G_MAXINT));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_common (OnrampDraft  *self,
             JsonObject   *object,
             const char   *status_member,
             GError      **error)
{
  const char *id = NULL;
  const char *status = NULL;
  const char *page = NULL;
  const char *reason = NULL;

  if (!read_optional_string (object, "id", MAX_ID_LENGTH, &id, error))
    return FALSE;
  if (!onramp_draft_id_is_valid (id))
    return set_invalid (error, "id");

  if (!read_optional_string (object, status_member, 32, &status, error))
    return FALSE;
  if (status != NULL && !onramp_draft_status_from_string (status, &self->status))
    return set_invalid (error, status_member);

  if (!read_optional_string (object, "page", MAX_PAGE_LENGTH, &page, error) ||
      !read_optional_string (object, "statusReason", MAX_REASON_LENGTH, &reason, error))
    return FALSE;

  self->id = g_strdup (id);
  self->page = g_strdup (page);
  self->status_reason = g_strdup (reason);

  return TRUE;
}

static OnrampDraft *
read_current_schema (JsonObject  *object,
                     GError     **error)
{
  g_autoptr(OnrampDraft) self = NULL;
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(GError) customer_error = NULL;
  JsonNode *customer_node = json_object_get_member (object, "customer");
  JsonNode *submission = json_object_get_member (object, "submission");

  if (customer_node == NULL)
    {
      set_invalid (error, "customer");
      return NULL;
    }

  customer = onramp_wire_customer_from_node (customer_node, &customer_error);
  if (customer == NULL)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s explains what is wrong with the customer in a draft */
                   _("The draft’s customer cannot be read: %s"), customer_error->message);
      return NULL;
    }

  self = g_object_new (ONRAMP_TYPE_DRAFT, "customer", customer, NULL);
  if (!read_common (self, object, "status", error) ||
      !read_time (object, "created", &self->created, error) ||
      !read_time (object, "modified", &self->modified, error))
    return NULL;

  if (submission != NULL && !JSON_NODE_HOLDS_NULL (submission))
    {
      if (!JSON_NODE_HOLDS_OBJECT (submission))
        {
          set_invalid (error, "submission");
          return NULL;
        }
      self->submission = copy_object_without_secrets (json_node_get_object (submission));
    }

  return g_steal_pointer (&self);
}

/* Schema 1: { "id", "savedAt": seconds, "state", "page", and the CSV
 * column names (companyName, domain, …) at the top level, plus
 * "agreementAccepted" } */
static OnrampDraft *
read_schema_1 (JsonObject  *object,
               GError     **error)
{
  g_autoptr(OnrampDraft) self = NULL;
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  JsonNode *saved_at = json_object_get_member (object, "savedAt");
  JsonNode *accepted = json_object_get_member (object, "agreementAccepted");
  gint64 seconds;

  for (OnrampField field = 0; field < ONRAMP_N_FIELDS; field++)
    {
      const char *column = onramp_csv_column_for_field (field);
      const char *value = NULL;

      if (column == NULL)
        continue;
      if (!read_optional_string (object, column, onramp_field_get_max_length (field) * 4 + 16,
                                 &value, error))
        return NULL;
      onramp_customer_set_field (customer, field, value);
    }

  if (accepted != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (accepted) || json_node_get_value_type (accepted) != G_TYPE_BOOLEAN)
        {
          set_invalid (error, "agreementAccepted");
          return NULL;
        }
      onramp_customer_set_agreement_accepted (customer, json_node_get_boolean (accepted));
    }

  if (saved_at == NULL || !JSON_NODE_HOLDS_VALUE (saved_at) ||
      json_node_get_value_type (saved_at) != G_TYPE_INT64 ||
      (seconds = json_node_get_int (saved_at)) < 0 || seconds > G_GINT64_CONSTANT (253402300799))
    {
      set_invalid (error, "savedAt");
      return NULL;
    }

  self = g_object_new (ONRAMP_TYPE_DRAFT, "customer", customer, NULL);
  if (!read_common (self, object, "state", error))
    return NULL;

  self->created = g_date_time_new_from_unix_utc (seconds);
  self->modified = g_date_time_ref (self->created);

  return g_steal_pointer (&self);
}

/**
 * onramp_draft_new_from_node:
 * @node: a draft file's content, any schema this version knows
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 *   (%ONRAMP_ERROR_INVALID_DATA)
 */
OnrampDraft *
onramp_draft_new_from_node (JsonNode  *node,
                            GError   **error)
{
  JsonObject *object;
  gint64 version = 0;
  OnrampDraft *self;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("A draft must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_schema_version (object, &version, error))
    return NULL;

  self = version == 1 ? read_schema_1 (object, error) : read_current_schema (object, error);
  if (self == NULL)
    return NULL;

  /* What was read is what is on disk; a change makes it newer */
  self->generation = version == ONRAMP_DRAFT_SCHEMA_VERSION ? 0 : 1;

  return self;
}

/**
 * onramp_draft_new_from_data:
 * @data: a draft file's text; it may be anything, it is checked before use
 * @length: the length of @data, or -1 when it ends with a NUL
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 *   (%ONRAMP_ERROR_INVALID_DATA)
 */
OnrampDraft *
onramp_draft_new_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = onramp_wire_parse_data (data, length, error);
  if (root == NULL)
    return NULL;

  return onramp_draft_new_from_node (root, error);
}
