import type { ProviderErrorKind } from '../../domain/provider-error';

export interface NrsErrorCodeInfo {
  code: number;
  /** HTTP status the provider answers with (seed 003 table, line 9435). */
  httpStatus: number;
  /** The seed's own description, as the provider writes it in `error.description`. */
  description: string;
  /** Our sentence for a person; says what to do where that is clear. */
  sentence: string;
  /** `null` for code 0, which is the success code. */
  kind: ProviderErrorKind | null;
}

type Row = [
  code: number,
  http: number,
  description: string,
  sentence: string,
  kind: ProviderErrorKind | null,
];

const P: ProviderErrorKind = 'permanent';
const A: ProviderErrorKind = 'account';
const S: ProviderErrorKind = 'sender';
const T: ProviderErrorKind = 'transient';

// The full error table of seed 003 (line 9435-9678), in order.
// 101/122/123 are the provider's 500s: retry. 103/111/112 block the whole
// account until a person acts (credentials, credit, allowed IPs); 118 and 150
// are likewise fixed only in the provider's dashboard. 115 is about one sender
// (verification is per sender): the account's other senders keep sending.
// biome-ignore format: one row per line keeps the table comparable with the seed
const ROWS: Row[] = [
  [0, 202, 'Accepted for delivery', 'The provider accepted the message for delivery.', null],
  [101, 500, 'Internal Database error', 'The provider had an internal database error; the send will be retried.', T],
  [102, 400, 'No valid recipients', 'The recipient number is not valid.', P],
  [103, 401, 'Username or password unknown', 'The provider rejected the username or API password; check the account credentials.', A],
  [104, 400, 'Text message missing', 'The message has no text.', P],
  [105, 400, 'Text message too long', 'The message is longer than the number of parts allowed for it.', P],
  [106, 400, 'Sender missing', 'The message has no sender.', P],
  [107, 400, 'Sender too long', 'The sender is too long: at most 11 letters and digits, or 15 digits.', P],
  [108, 400, 'No valid Datetime for send', 'The scheduled send date is not valid.', P],
  [109, 400, 'Notification URL incorrect', 'The delivery notification URL is not valid.', P],
  [110, 400, 'Exceeded maximum parts allowed or incorrect number of parts', 'The number of parts is not allowed (at most 15).', P],
  [111, 402, 'Not enough credits', 'The account has run out of credit; top it up to resume sending.', A],
  [112, 401, 'IP address not allowed', "This computer's IP address is not on the account's allowed list; add it in the provider's dashboard.", A],
  [113, 400, 'Invalid coding', 'The message encoding is not valid.', P],
  [114, 400, 'Invalid subject', 'The subject is not valid.', P],
  [115, 400, 'Sender is not verified', "The sender is not verified with the provider; verify it in the provider's dashboard (or choose a verified sender), then retry these messages.", S],
  [116, 400, 'Invalid replyTo', 'The reply-to address is not valid.', P],
  [117, 400, 'ReplyTo is not verified', 'The reply-to address is not verified.', P],
  [118, 401, 'Email blocked for exceeding the hard-bounced limit allowed', 'E-mail sending is blocked for too many hard bounces; contact the provider.', A],
  [119, 400, 'Invalid expiration date', 'The expiration date is not valid.', P],
  [120, 400, 'Invalid GUID', 'The scheduled message identifier is not valid.', P],
  [121, 400, 'Invalid scheduled date', 'The scheduled date is not valid.', P],
  [122, 500, 'Update error', 'The provider could not save the change; it will be retried.', T],
  [123, 500, 'Delete error', 'The provider could not delete it; it will be retried.', T],
  [125, 400, 'Invalid JSON', 'The provider could not read the request.', P],
  [126, 400, 'Empty campaign name', 'The campaign name is empty.', P],
  [130, 400, 'Invalid voice language', 'The voice language is not valid.', P],
  [131, 400, 'Invalid voice gender', 'The voice gender is not valid.', P],
  [132, 400, 'Invalid voice caller', 'The voice caller is not valid.', P],
  [133, 400, 'Invalid audio URL', 'The audio URL is not valid.', P],
  [134, 400, 'Unsupported audio format', 'The audio format is not supported.', P],
  [140, 400, 'Template missing', 'The template is missing.', P],
  [141, 400, 'Missing landing placeholder', 'The landing page placeholder is missing from the text.', P],
  [142, 400, "Can't split variable placeholders", 'The text cannot be split into parts without cutting a merge field.', P],
  [150, 400, 'Missing billing profile', "The account has no billing profile; complete it in the provider's dashboard.", A],
  [151, 400, 'Error retrieving TPV url', 'The provider could not start the card payment.', P],
  [152, 400, 'Invalid VAT', 'The VAT number is not valid.', P],
  [153, 400, 'Invalid method', 'The payment method is not valid.', P],
  [154, 400, 'Invalid conversion rate', 'The currency conversion rate is not valid.', P],
  [155, 400, 'Max limit reached', 'The maximum amount was exceeded.', P],
  [156, 400, 'Min limit reached', 'The amount is below the minimum.', P],
  [157, 400, 'Error generating invoice', 'The provider could not generate the invoice.', P],
  [160, 400, 'Invalid voice interactive language', 'The interactive voice language is not valid.', P],
  [161, 400, 'Invalid voice interactive gender', 'The interactive voice gender is not valid.', P],
  [162, 400, 'Invalid voice interactive caller', 'The interactive voice caller is not valid.', P],
  [163, 400, 'Invalid voice interactive audio URL', 'The interactive voice audio URL is not valid.', P],
  [164, 400, 'Unsupported voice interactive audio format', 'The interactive voice audio format is not supported.', P],
  [165, 400, 'Invalid voice interactive speech type', 'The interactive voice speech type is not valid.', P],
  [166, 400, 'Ivalid voice interactive menu option type', 'The interactive voice menu option type is not valid.', P],
  [167, 400, 'Trying to save an existing campaign', 'A campaign with this identity already exists.', P],
  [168, 400, 'Empty speech type', 'The speech type is empty.', P],
  [169, 400, 'Empty menu', 'The voice menu is empty.', P],
  [170, 400, 'Empty phone key', 'A voice menu option has no phone key.', P],
  [171, 400, 'Phone Key is not a number', 'A voice menu phone key is not a number.', P],
  [172, 400, 'Phone key out of range', 'A voice menu phone key is out of range.', P],
  [173, 400, 'Empty menu options for sub menu', 'A voice sub-menu has no options.', P],
  [174, 400, 'Empty phone prefix for call transfer', 'The call transfer has no phone prefix.', P],
  [175, 400, 'Empty phone for call transfer', 'The call transfer has no phone number.', P],
  [176, 400, 'Call retries value is not an integer', 'The call retries value is not a whole number.', P],
  [177, 400, 'Call retries value out of range', 'The call retries value is out of range.', P],
  [178, 400, 'Cost limit value is not an integer', 'The cost limit is not a whole number.', P],
  [179, 400, 'Speech retries value is not an integer', 'The speech retries value is not a whole number.', P],
  [180, 400, 'Speech retries value out of range', 'The speech retries value is out of range.', P],
  [181, 400, 'Speech timeout seconds value is not an integer', 'The speech timeout is not a whole number of seconds.', P],
  [182, 400, 'Speech timeout seconds value out of range', 'The speech timeout is out of range.', P],
  [183, 400, 'Available times value is not an array', 'The allowed sending times are not a list.', P],
  [184, 400, 'Available times day is not an integer', 'An allowed sending day is not a whole number.', P],
  [185, 400, 'Available times day out of range', 'An allowed sending day is not between 1 (Monday) and 7 (Sunday).', P],
  [186, 400, 'Available times from hour format error', "An allowed sending time's start is not in HH:MM form.", P],
  [187, 400, 'Available times to hour format error', "An allowed sending time's end is not in HH:MM form.", P],
  [188, 400, 'Available times from hour is greater than to hour', 'An allowed sending time starts after it ends.', P],
  [189, 400, 'Missing available time object property', 'An allowed sending time is missing its start or end.', P],
  [190, 400, 'Call Retries is specified but its value is empty', 'The call retries value is empty.', P],
  [191, 400, 'Cost limit is specified but its value is empty', 'The cost limit is empty.', P],
  [192, 400, 'Speech Retries is specified but its value is empty', 'The speech retries value is empty.', P],
  [193, 400, 'Speech timeout seconds is specified but its value is empty', 'The speech timeout is empty.', P],
  [194, 400, 'Available times is specified but its value is empty', 'The allowed sending times are empty.', P],
  [195, 400, 'No valid contacts external IDs', 'None of the contacts external IDs is valid.', P],
  [196, 400, 'Available times range is too short', 'An allowed sending time window is too short.', P],
  [422, 422, 'Input validation error', 'The provider rejected the data as not valid.', P],
];

export const NRS_ERROR_CODES: ReadonlyMap<number, NrsErrorCodeInfo> = new Map(
  ROWS.map(([code, httpStatus, description, sentence, kind]) => [
    code,
    { code, httpStatus, description, sentence, kind },
  ]),
);

export function nrsErrorInfo(code: number): NrsErrorCodeInfo | undefined {
  return NRS_ERROR_CODES.get(code);
}
