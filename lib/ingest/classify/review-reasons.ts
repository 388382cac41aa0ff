/**
 * The review reasons other code must recognise (the review check asks that each be answered).
 * The rest of the reasons are free sentences for people.
 */
export const ZONE_UNKNOWN_REASON = "The file does not say which time zone its times are in";
export const HEADERLESS_REASON = "The file has no header row: its columns were recognized from their values alone";
