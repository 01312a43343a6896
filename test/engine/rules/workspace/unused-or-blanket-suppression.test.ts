// The registry first: the rule reads it, and importing the rule module first would enter the cycle from the wrong end.
import { ruleTester } from '../../rule-tester';
import rule from '../../../../engine/rules/workspace/unused-or-blanket-suppression';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\n# shipready-ignore dockerfile/no-latest-tag -- pinned by the release tooling\nRUN npm ci\n',
    'FROM node:22-slim\n# shipready-ignore -- generated file, linted upstream\nRUN npm ci\n',
    '# shipready-ignore-file dockerfile/no-latest-tag,dockerfile/no-root-user\nFROM node:22-slim\n',
    'FROM node:22-slim\nRUN npm ci # shipready-ignore-line dockerfile/no-latest-tag\n',
    'FROM node:22-slim\n# hadolint ignore=DL3008\nRUN apt-get update\n',
    // A blanket -file or -line directive also suppresses this rule's own finding on its line (suppressions apply after the rules).
    { name: 'blanket file directive (suppresses its own finding)', code: '# shipready-ignore-file\nFROM node:22-slim\n' },
    { name: 'blanket line directive (suppresses its own finding)', code: 'FROM node:22-slim\nRUN npm ci # shipready-ignore-line\n' },
  ],
  invalid: [
    {
      name: 'blanket without a reason',
      code: 'FROM node:22-slim\n# shipready-ignore\nRUN npm ci\n',
      errors: [{ messageId: 'blanket', line: 2, column: 1, endLine: 2, endColumn: 19, fixes: ['Add a reason'] }],
      output: 'FROM node:22-slim\n# shipready-ignore -- reason\nRUN npm ci\n',
    },
    {
      name: 'blanket next-statement directive with an empty reason',
      code: 'FROM node:22-slim\n  # shipready-ignore --\nRUN npm ci\n',
      errors: [{ messageId: 'blanket', line: 2, column: 3, endLine: 2, endColumn: 24 }],
      output: 'FROM node:22-slim\n  # shipready-ignore -- reason\nRUN npm ci\n',
    },
    {
      name: 'an unknown id among known ones, with a close match',
      code: 'FROM node:22-slim\n# shipready-ignore dockerfile/no-latest-tag, dockerfile/no-latest-tags -- ok\nRUN npm ci\n',
      errors: [{ messageId: 'unknownRule', line: 2, column: 46, endLine: 2, endColumn: 71, fixes: ['Change to dockerfile/no-latest-tag'] }],
    },
    {
      name: 'a bare rule name gets its domain',
      code: 'FROM node:22-slim\nRUN npm ci # shipready-ignore-line no-latest-tag\n',
      errors: [{ messageId: 'unknownRule', line: 2, column: 36, endLine: 2, endColumn: 49, fixes: ['Change to dockerfile/no-latest-tag'] }],
      output: 'FROM node:22-slim\nRUN npm ci # shipready-ignore-line dockerfile/no-latest-tag\n',
    },
    {
      name: 'an id that is nothing like a rule',
      code: 'FROM node:22-slim\n# shipready-ignore dl3008 -- apt pins\nRUN apt-get update\n',
      errors: [{ messageId: 'unknownRule', line: 2, column: 20, endLine: 2, endColumn: 26, fixes: [] }],
      output: null,
    },
  ],
});
