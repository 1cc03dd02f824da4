// Values a hostile server can put in any header or URL, for tests of everything that shows captured values: the
// CLI's text and Markdown (test/robustness/hostile-input.test.ts) and, once the panel is rebuilt, the panel in a
// real browser (SECURITY.md, "What the extension renders").
export const HOSTILE_VALUES = {
  scriptTag: '<script>window.__pwned = 1</script>',
  imgOnerror: '<img src=x onerror="window.__pwned = 1">',
  svgOnload: '<svg onload="window.__pwned = 1">',
  javascriptUrl: 'javascript:window.__pwned=1',
  markdownLink: '[click](javascript:alert(1)) ![x](https://attacker.example/pixel.png)',
  ansiEscapes: '\u001b[2J\u001b[31mred\u001b]8;;https://attacker.example\u0007link\u001b]8;;\u0007',
  bidiOverride: 'https://app.example\u202e/moc.rekcatta',
  crlfInjection: 'value\r\nX-Injected: 1\r\n\r\n<html>',
  nul: 'a\u0000b',
  backticks: '```\n# heading\n```',
  tableBreak: '| cell | \n| --- |',
} as const;
