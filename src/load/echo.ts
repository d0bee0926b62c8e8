// Values quoted back in findings are cut to a readable length: a 64,000-character cell or a
// megabyte-long header line is shown by its start and its length, never whole.

/** A value as a message or hint quotes it. */
export function echo(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}

/** The most a message or hint says, whatever it quotes (the longest of our own, the accepted period forms, is under 700): its start and end, the middle elided. */
export const MAX_MESSAGE = 1200;

export function capMessage(text: string): string {
  if (text.length <= MAX_MESSAGE) return text;
  return `${text.slice(0, MAX_MESSAGE - 100)} … (${text.length - MAX_MESSAGE + 20} characters left out) … ${text.slice(-80)}`;
}
