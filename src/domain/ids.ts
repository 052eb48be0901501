// The shape of the ids a config gives (businesses, sources, channels, credentials) and of the deployment-wide ids
// they get under `businesses:` (`<business>.<id>`), shared by the config schema, the API, the workspace and the
// people store so every place accepts the same ids.

/** A configured id: 1–64 letters, digits, "-" or "_", starting with a letter or digit (no "." ":" or spaces). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** An id as the deployment names it: bare, or `<business>.<id>` for a business's own source or channel. */
export const QUALIFIED_ID_PATTERN = /^([a-z0-9][a-z0-9_-]{0,63}\.)?[a-z0-9][a-z0-9_-]{0,63}$/i;
