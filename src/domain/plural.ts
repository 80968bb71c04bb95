/**
 * A count as English: "1 package", "2 packages", "1 person", "3 people". The one place counts get
 * their noun, so a count of one never reads "1 packages".
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
