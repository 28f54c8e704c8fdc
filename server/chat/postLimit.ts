// How often one person may post in a stand chat: a token bucket per visitor (all their tabs
// together) or staff account, which says how long to wait instead of just refusing.

/** Visitors: a burst of 5, then one message every 3 seconds. */
export const VISITOR_POSTS = { perSecond: 1 / 3, burst: 5 };
/** Staff answer many people at once: a burst of 20, then two a second. */
export const STAFF_POSTS = { perSecond: 2, burst: 20 };
