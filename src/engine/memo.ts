// Parsing the same URL again and again is most of what the engine spends on a big capture: a capture has a few
// thousand distinct URLs and hosts, each asked about by every entry and rule that touches it.

/**
 * `fn`, remembering its answers. `fn` must be pure and its answers immutable (strings, numbers, null). The memory
 * is bounded: past `limit` answers it starts over.
 */
export function memoize<T>(fn: (key: string) => T, limit = 50_000): (key: string) => T {
  const answers = new Map<string, T>();
  // The same URL is usually asked about several times in a row (one exchange's hops, one rule's checks).
  let lastKey: string | null = null;
  let lastAnswer: T;
  return (key) => {
    if (key === lastKey) return lastAnswer;
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      answer = fn(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    lastKey = key;
    lastAnswer = answer as T;
    return answer as T;
  };
}
