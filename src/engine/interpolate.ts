const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Templates split at their placeholders, once each: literal, key, literal, key, …, literal. */
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills `{{name}}` placeholders. Throws on a missing value, so no message ships with a hole in it. */
export function interpolate(template: string, data: Readonly<Record<string, string>>): string {
  const parts = compile(template);
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    const value = data[key];
    if (value === undefined) throw new Error(`message placeholder {{${key}}} has no value in "${template}"`);
    text += value + (parts[i + 1] as string);
  }
  return text;
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
