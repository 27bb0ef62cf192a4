/* onramp-reseller.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-reseller"

#include "config.h"

#include "onramp-reseller.h"

/* One indirect reseller of the signed-in provider, as the relationships
 * list gives it (partner-center-api.md §7). The ID is the reseller's tenant
 * GUID, which a new customer's associatedPartnerId takes; the MPN ID is
 * what people know the reseller by. An item without an ID stands for
 * "no reseller". Immutable: the list is replaced, never edited. */

struct _OnrampReseller
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *mpn_id;
  char    *location;
  char    *search_text;
};

G_DEFINE_FINAL_TYPE (OnrampReseller, onramp_reseller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MPN_ID,
  PROP_LOCATION,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_reseller_finalize (GObject *object)
{
  OnrampReseller *self = (OnrampReseller *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->mpn_id);
  g_free (self->location);
  g_free (self->search_text);

  G_OBJECT_CLASS (onramp_reseller_parent_class)->finalize (object);
}

static void
onramp_reseller_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OnrampReseller *self = ONRAMP_RESELLER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MPN_ID:
      g_value_set_string (value, self->mpn_id);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_reseller_class_init (OnrampResellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = onramp_reseller_finalize;
  object_class->get_property = onramp_reseller_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MPN_ID] = g_param_spec_string ("mpn-id", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  /* What a search matches: name, MPN ID and location in one string */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_reseller_init (OnrampReseller *self)
{
}

/* Never complains about a missing member or one of another type: the
 * object comes from a server or a file */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
dup_nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

/**
 * onramp_reseller_new:
 * @id: (nullable): the reseller's tenant ID; %NULL for "no reseller"
 */
OnrampReseller *
onramp_reseller_new (const char *id,
                     const char *name,
                     const char *mpn_id,
                     const char *location)
{
  OnrampReseller *self = g_object_new (ONRAMP_TYPE_RESELLER, NULL);

  self->id = dup_nonempty (id);
  self->name = g_strdup (name != NULL ? name : "");
  self->mpn_id = dup_nonempty (mpn_id);
  self->location = dup_nonempty (location);
  self->search_text = g_strjoin (" ", self->name, self->mpn_id ?: "", self->location ?: "", NULL);

  return self;
}

/**
 * onramp_reseller_new_from_json:
 *
 * Returns: (transfer full) (nullable): the reseller, or %NULL when @object
 *   lacks an ID or a name (a hostile or broken reply)
 */
OnrampReseller *
onramp_reseller_new_from_json (JsonObject *object)
{
  const char *id;
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  id = get_string (object, "id");
  name = get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL || *name == '\0')
    return NULL;

  return onramp_reseller_new (id, name,
                              get_string (object, "mpnId"),
                              get_string (object, "location"));
}

/**
 * onramp_reseller_get_id:
 *
 * Returns: (nullable): the tenant ID, %NULL for "no reseller"
 */
const char *
onramp_reseller_get_id (OnrampReseller *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER (self), NULL);

  return self->id;
}

const char *
onramp_reseller_get_name (OnrampReseller *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER (self), NULL);

  return self->name;
}

const char *
onramp_reseller_get_mpn_id (OnrampReseller *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER (self), NULL);

  return self->mpn_id;
}

const char *
onramp_reseller_get_location (OnrampReseller *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER (self), NULL);

  return self->location;
}

const char *
onramp_reseller_get_search_text (OnrampReseller *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER (self), NULL);

  return self->search_text;
}
