/**
 * Ghost's per-item search and social overrides, which Masthead does not keep: every post, tag
 * and the settings answer them as null, so clients reading them find the field.
 */
export const UNSET_SHARE_META = {
  og_image: null,
  og_title: null,
  og_description: null,
  twitter_image: null,
  twitter_title: null,
  twitter_description: null,
  meta_title: null,
  meta_description: null,
} as const
