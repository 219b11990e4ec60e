/**
 * Catalogue of Cloud API / Graph error codes. Titles and meanings are Meta's error-codes table
 * (REFERENCE.md §6, table updated 2025-12-12) and RELIABILITY.md §3.3; nothing here is invented.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */

/**
 * What the caller should do about an error:
 * - `rate-limit`: a throughput/pair/API-call limit; slow down.
 * - `window-closed`: the 24-hour customer-service window is closed; send a template instead.
 * - `recipient`: this recipient cannot (or must not) receive the message.
 * - `template`: the template is missing, paused, disabled or its parameters do not fit.
 * - `request`: the request itself is invalid; fix it.
 * - `auth`: token, permission or business-account state prevents sending; stop the channel and alert.
 * - `temporary`: Meta-side outage or maintenance.
 * - `unknown`: Meta itself does not know ("API Unknown", "Something went wrong").
 */
export type GraphErrorKind =
  | 'rate-limit'
  | 'window-closed'
  | 'recipient'
  | 'template'
  | 'request'
  | 'auth'
  | 'temporary'
  | 'unknown';

/**
 * `retryable` is true only where an automatic retry of the unchanged request with backoff (seconds to
 * minutes) is the documented remedy. Codes that need a long wait (131049: ≥ 24 h, 132069: 1 h,
 * 132015: until the pause ends) or a human (131048: check quality) are `false`.
 * `httpStatus` is the status Meta's table lists for the synchronous response.
 */
export type GraphErrorInfo = {
  code: number;
  title: string;
  meaning: string;
  kind: GraphErrorKind;
  retryable: boolean;
  httpStatus: number;
};

type Row = readonly [httpStatus: number, kind: GraphErrorKind, retryable: boolean, title: string, meaning: string];

const ROWS: Readonly<Record<number, Row>> = {
  0: [401, 'auth', false, 'AuthException', 'Could not authenticate the app user (access token expired or invalidated).'],
  1: [400, 'unknown', true, 'API Unknown', 'Invalid request or possible server error; check the WhatsApp Business Platform status page.'],
  2: [503, 'temporary', true, 'API Service', 'Temporary downtime or overload.'],
  3: [500, 'auth', false, 'API Method', 'Capability or permission issue.'],
  4: [400, 'rate-limit', true, 'Too many calls', 'App-level API call rate limit reached (Application Rate Limit).'],
  10: [403, 'auth', false, 'Permission denied', 'Permission not granted or removed (also Flows endpoint allow-list, API eligibility).'],
  33: [400, 'request', false, 'Parameter value is not valid', 'The business phone number has been deleted.'],
  100: [400, 'request', false, 'Invalid parameter', 'Unsupported or misspelled parameter, size limit exceeded, or phone number id mismatch.'],
  190: [401, 'auth', false, 'Access token has expired', 'The access token has expired; get a new one.'],
  200: [403, 'auth', false, 'API Permission', 'API permission not granted or removed (codes 200–299).'],
  368: [403, 'auth', false, 'Temporarily blocked for policies violations', 'The account is temporarily blocked for policy violations.'],
  80007: [400, 'rate-limit', true, 'Rate limit issues', 'WhatsApp Business Account API rate limit reached.'],
  130429: [400, 'rate-limit', true, 'Rate limit hit', 'Cloud API message throughput has been reached (80 msg/s default per number).'],
  130472: [400, 'recipient', false, "User's number is part of an experiment", 'The user is in a marketing message experiment; the message was not sent.'],
  130497: [403, 'auth', false, 'Business account is restricted from messaging users in this country', 'The business account cannot message users in this country.'],
  131000: [500, 'unknown', true, 'Something went wrong', 'Unknown error; retry, then contact support.'],
  131005: [403, 'auth', false, 'Access denied', 'Permission not granted or removed.'],
  131008: [400, 'request', false, 'Required parameter is missing', 'The request is missing a required parameter.'],
  131009: [400, 'request', false, 'Parameter value is not valid', 'A parameter value is invalid (also async for a bad reaction target).'],
  131016: [500, 'temporary', true, 'Service unavailable', 'A service is temporarily unavailable.'],
  131021: [400, 'recipient', false, 'Recipient cannot be sender', 'The recipient number is the sending business number.'],
  131026: [400, 'recipient', false, 'Message undeliverable', 'Recipient is not on WhatsApp, has not accepted the terms, or uses an outdated client.'],
  131031: [403, 'auth', false, 'Account has been locked', 'The business account is locked (policy violation or wrong two-step PIN data).'],
  131037: [400, 'auth', false, 'WhatsApp provided number needs display name approval before message can be sent', 'A 555 number needs an approved display name before sending.'],
  131042: [400, 'auth', false, 'Business eligibility payment issue', 'Payment/eligibility problem: credit line, suspended or deleted WABA, missing timezone or currency, pending OBO.'],
  131045: [500, 'auth', false, 'Incorrect certificate', 'Registration error; re-register the phone number.'],
  131047: [400, 'window-closed', false, 'Re-engagement message', 'More than 24 hours have passed since the customer last replied; send a template.'],
  131048: [400, 'rate-limit', false, 'Spam rate limit hit', 'Too many previous messages were blocked or flagged as spam; check quality, do not retry automatically.'],
  131049: [400, 'recipient', false, 'This message was not delivered to maintain healthy ecosystem engagement.', 'Meta chose not to deliver (per-user marketing limit); wait at least 24 hours.'],
  131050: [400, 'recipient', false, 'User stopped receiving marketing messages', 'The user opted out of marketing messages from this business; never retry.'],
  131051: [400, 'request', false, 'Unsupported message type', 'The message type is not supported.'],
  131052: [400, 'request', false, 'Media download error', "The user's media could not be downloaded (also for media over 100 MB)."],
  131053: [400, 'request', false, 'Media upload error', 'The media could not be uploaded (e.g. unsupported MIME type).'],
  131055: [400, 'request', false, 'Method not allowed', 'Marketing Messages API: only marketing templates are allowed.'],
  131056: [400, 'rate-limit', true, '(Business Account, Consumer Account) pair rate limit hit', 'Too many messages to the same recipient (1 msg / 6 s); retry after 4^X seconds, other recipients are fine.'],
  131057: [500, 'temporary', true, 'Account in maintenance mode', 'The account is in maintenance mode (e.g. throughput upgrade); retry in minutes.'],
  132000: [400, 'template', false, 'Template Param Count Mismatch', 'The number of parameters does not match the template.'],
  132001: [404, 'template', false, 'Template does not exist', 'No approved template with this name and language.'],
  132005: [400, 'template', false, 'Template Hydrated Text Too Long', 'The text with parameters filled in is too long.'],
  132007: [400, 'template', false, 'Template Format Character Policy Violated', 'A parameter violates the template format character policy.'],
  132012: [400, 'template', false, 'Template Parameter Format Mismatch', 'A parameter does not have the format the template expects.'],
  132015: [400, 'template', false, 'Template is Paused', 'The template is paused for low quality.'],
  132016: [400, 'template', false, 'Template is Disabled', 'The template is permanently disabled.'],
  132068: [400, 'request', false, 'Flow is blocked', 'The flow is blocked.'],
  132069: [400, 'rate-limit', false, 'Flow is throttled', '10 messages using this flow were already sent in the last hour.'],
  133000: [500, 'auth', false, 'Incomplete deregistration', 'A previous deregistration failed; deregister again.'],
  133004: [503, 'temporary', true, 'Server temporarily unavailable', 'The server is temporarily unavailable.'],
  133005: [400, 'request', false, 'Two step verification PIN mismatch', 'The two-step verification PIN is wrong.'],
  133006: [400, 'auth', false, 'Phone number re-verification needed', 'The phone number must be verified again.'],
  133008: [400, 'rate-limit', false, 'Too many two step verification PIN guesses', 'Too many PIN guesses; wait as stated in details.'],
  133009: [400, 'rate-limit', false, 'Two step verification PIN guessed too fast', 'PIN guessed too fast; wait before retrying.'],
  133010: [400, 'auth', false, 'Phone number not registered', 'The business phone number is not registered on the WhatsApp Business Platform.'],
  133015: [400, 'rate-limit', false, 'Please wait a few minutes before attempting to register this phone number', 'The number was recently deleted; wait about 5 minutes.'],
  133016: [400, 'rate-limit', false, 'Account register or deregister rate limit exceeded', 'Too many register/deregister attempts.'],
  134011: [400, 'auth', false, 'WhatsApp Payments terms of service not accepted', 'WhatsApp Payments terms of service have not been accepted.'],
  134100: [400, 'request', false, 'Only marketing messages are supported', 'Marketing Messages API supports marketing templates only.'],
  134101: [400, 'template', false, 'Template still syncing', 'Marketing Messages API: the template is still syncing (up to 10 minutes).'],
  134102: [500, 'template', false, 'Template unavailable', 'Marketing Messages API: the template is unavailable.'],
  135000: [400, 'request', false, 'Generic user error', 'Generic user error.'],
};

function toInfo(code: number, row: Row): GraphErrorInfo {
  const [httpStatus, kind, retryable, title, meaning] = row;
  return Object.freeze({ code, title, meaning, kind, retryable, httpStatus });
}

/** Every catalogued code. 200 stands for the whole 200–299 permission range (see {@link describeGraphError}). */
export const GRAPH_ERROR_CODES: Readonly<Record<number, GraphErrorInfo>> = Object.freeze(
  Object.fromEntries(Object.entries(ROWS).map(([code, row]) => [code, toInfo(Number(code), row)])),
);

/** Looks up a code; 200–299 resolve to the "API Permission" entry with the given code. */
export function describeGraphError(code: number): GraphErrorInfo | undefined {
  const direct = GRAPH_ERROR_CODES[code];
  if (direct) return direct;
  const permission = GRAPH_ERROR_CODES[200];
  if (permission && code > 200 && code <= 299) return Object.freeze({ ...permission, code });
  return undefined;
}
