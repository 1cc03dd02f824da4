import { describe, expect, it } from 'vitest';
import { CATALOG, stackFixes } from '../../../src/engine/fixes/catalog';
import { STACK_IDS } from '../../../src/engine/fixes/stacks';
import { FIX_TOPICS } from '../../../src/engine/fixes/topics';

const values = {
  origin: 'https://app.example',
  methods: 'GET, POST, PUT',
  headers: 'Content-Type, Authorization',
  path: '/v1/items',
};

describe('fix catalog', () => {
  it('has every topic, and every stack for every topic', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...FIX_TOPICS].sort());
    for (const topic of FIX_TOPICS) expect(Object.keys(CATALOG[topic]).sort(), topic).toEqual([...STACK_IDS].sort());
  });

  it('fills snippets with the exchange values, detected stacks first', () => {
    const fixes = stackFixes(['allow-origin'], [{ stack: 'django', evidence: 'Server: WSGIServer/0.2' }], values);
    expect(fixes).toHaveLength(STACK_IDS.length);
    expect(fixes[0]).toMatchObject({ stack: 'django', detected: true, topic: 'allow-origin' });
    expect(fixes[0]?.code).toContain('https://app.example');
    expect(fixes.slice(1).every((f) => !f.detected)).toBe(true);
    expect(fixes.every((f) => !/\{\{/.test(f.code + f.summary))).toBe(true);
  });
});
