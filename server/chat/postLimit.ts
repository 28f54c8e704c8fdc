// How often one person, and one client address, may post in a stand chat: token buckets
// that say how long to wait instead of just refusing. A visitor's id is one browser (all its
// tabs together); the address budget is what keeps someone who collects many ids (one per
// cookie-less request) from flooding, and it is larger since a school shares one address.

export interface PostRate {
  perSecond: number;
  burst: number;
}

/** Visitors: a burst of 5, then one message every 3 seconds. */
export const VISITOR_POSTS: PostRate = { perSecond: 1 / 3, burst: 5 };
/** Staff answer many people at once: a burst of 20, then two a second. */
export const STAFF_POSTS: PostRate = { perSecond: 2, burst: 20 };
/** Default visitor messages per client address, stand and minute (CHAT_POSTS_PER_ADDRESS). */
export const ADDRESS_POSTS_PER_MINUTE = 120;

/**
 * All visitors behind one address on one stand: `perMinute` a minute, with a burst of half
 * that (default 60 at once, then 2 a second: a class of 30 asking together still gets through).
 */
export function addressPosts(perMinute = ADDRESS_POSTS_PER_MINUTE): PostRate {
  return { perSecond: perMinute / 60, burst: Math.max(VISITOR_POSTS.burst, Math.round(perMinute / 2)) };
}

/** CHAT_POSTS_PER_ADDRESS: a whole number of at least 1, or unset for the default. */
export function addressPostsFromEnv(value: string | undefined): PostRate {
  if (value === undefined || value === '') return addressPosts();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`CHAT_POSTS_PER_ADDRESS must be a whole number of at least 1, got "${value}"`);
  return addressPosts(n);
}
