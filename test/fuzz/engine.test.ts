// Property-based robustness of the engine: random and mutated documents of every kind.
// Fixed seed and bounded runs under `npm test`; `npm run fuzz` runs the same properties longer.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KINDS, runs, checkInvariants, assertProperty } from './harness';
import { anyDoc, edited, mutated, seedCount } from './arbitraries';

describe('engine fuzz: no crash, ranges inside, clean fixes, deterministic', () => {
  for (const kind of KINDS) {
    it(`${kind}: random, token-soup and mutated documents (${seedCount(kind)} seeds)`, () => {
      assertProperty(fc.property(anyDoc(kind), (text) => void checkInvariants(kind, text)), runs(kind === 'dockerignore' ? 40 : 120));
    });
  }

  for (const kind of KINDS) {
    it(`${kind}: applying a finding's first fix removes that finding`, () => {
      assertProperty(fc.property(mutated(kind, 2), (text) => void checkInvariants(kind, text, { fixes: true })), runs(kind === 'dockerignore' ? 10 : 40));
    });
  }

  for (const kind of ['kubernetes', 'workflow', 'compose'] as const) {
    it(`${kind}: re-parsing an edited file incrementally gives the findings of a fresh parse`, () => {
      assertProperty(fc.property(edited(kind), ([before, after]) => void checkInvariants(kind, after, { previous: before })), runs(40));
    });
  }

  it('a file of one kind linted as another (wrong language id): no crash', () => {
    const pair = fc.tuple(fc.constantFrom(...KINDS), fc.constantFrom(...KINDS)).chain(([from, as]) => fc.tuple(fc.constant(as), mutated(from, 2)));
    assertProperty(fc.property(pair, ([as, text]) => void checkInvariants(as, text)), runs(60));
  });
});
