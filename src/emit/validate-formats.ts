/**
 * Format checks of the generated validators, as regular expressions every target compiles the same
 * way (ASCII classes spelled out, no flags, no lookaround), plus the arithmetic each runtime does
 * itself (days of a month, leap seconds, IPv6 group counts). They follow ajv-formats' "full" mode,
 * the reference: see docs/validation.md for the rules.
 */
const HEX = "[0-9A-Fa-f]";
const UNRESERVED_SUB = "A-Za-z0-9._~!$&'()*+,;=\\-";
const PCT = `%${HEX}{2}`;
const PCHAR = `(?:[${UNRESERVED_SUB}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

export const FORMAT_PATTERNS = {
  /** Groups: year, month, day. */
  date: "^([0-9]{4})-([0-9]{2})-([0-9]{2})$",
  /** Groups: hour, minute, second, zone, zone sign, zone hour, zone minute. */
  time: "^([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\\.[0-9]+)?)([zZ]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?$",
  uuid: `^(?:[uU][rR][nN]:[uU][uU][iI][dD]:)?${HEX}{8}-(?:${HEX}{4}-){3}${HEX}{12}$`,
  email:
    "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$",
  ipv4: `^(?:${OCTET}\\.){3}${OCTET}$`,
  /**
   * RFC 3986 URI with a scheme. Group 1: an IP literal's inside (checked as IPv6 or IPvFuture by
   * the runtime). As in ajv-formats, the hierarchical part is never empty.
   */
  uri:
    `^[A-Za-z][A-Za-z0-9+.\\-]*:` +
    `(?:/?/(?:(?:[${UNRESERVED_SUB}:]|${PCT})*@)?(?:\\[([^\\]]*)\\]|(?:[${UNRESERVED_SUB}]|${PCT})*)(?::[0-9]*)?(?:/${SEGMENT})*` +
    `|/(?:${PCHAR}+(?:/${SEGMENT})*)?` +
    `|${PCHAR}+(?:/${SEGMENT})*)` +
    `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
  ipvFuture: `^[vV]${HEX}+\\.[${UNRESERVED_SUB}:]+$`,
  /** An IPv4 part inside a URI's IPv6 literal, where ajv-formats allows leading zeros. */
  uriIpv4: "^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$",
  /** One IPv6 group. */
  hexGroup: `^${HEX}{1,4}$`,
} as const;
