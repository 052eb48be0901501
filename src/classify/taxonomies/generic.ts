import {
  ACCOUNT_ACCESS, APP_BUGS, CLEANLINESS, COMMUNICATION, DELIVERY, ONBOARDING_USABILITY, PRICE_BILLING, PRODUCT_QUALITY, PROPERTY_DAMAGE,
  STAFF_SERVICE, WAITING_TIME,
} from './shared.js';
import type { TopicSpec } from './types.js';

/**
 * Any business: the eight topics of the first taxonomy (same ids, so existing alert routing keeps working)
 * and the shared ones a review of any business may raise.
 */
export const GENERIC: readonly TopicSpec[] = [
  PRODUCT_QUALITY,
  STAFF_SERVICE,
  WAITING_TIME,
  PRICE_BILLING,
  ONBOARDING_USABILITY,
  APP_BUGS,
  CLEANLINESS,
  COMMUNICATION,
  ACCOUNT_ACCESS,
  DELIVERY,
  PROPERTY_DAMAGE,
];
