// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these are Compose's ${…} expressions, not JavaScript templates
import { describe, expect, it } from 'vitest';
import { interpolate } from './compose.js';

describe('interpolate (Compose rules)', () => {
  it.each([
    ['${A:-x}', {}, 'x'],
    ['${A:-x}', { A: '' }, 'x'],
    ['${A-x}', { A: '' }, ''],
    ['${A:-x}', { A: 'y' }, 'y'],
    ['$$A', { A: 'y' }, '$A'],
    ['${A:+set}', { A: 'y' }, 'set'],
    ['a ${B:-${C:-z}}', { C: 'c' }, 'a c'],
  ] as const)('%s with %j is %j', (text, shell, expected) => {
    expect(interpolate(text, shell)).toBe(expected);
  });
});
