/**
 * Text for a terminal: names and messages come from people's files, and a control character or an
 * escape sequence in a scheme name must not move the cursor, recolour the screen or reorder text.
 * Keeps line breaks and tabs and drops a carriage return; shows other C0 and C1 controls, DEL and the
 * bidirectional overrides as \uXXXX, so a NUL inside an amount is seen ("1\u000000"), not hidden ("100").
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\r' ? '' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
