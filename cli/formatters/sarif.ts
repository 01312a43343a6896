import type * as Sarif from 'sarif';
import type { Severity } from '../../engine/index';
import type { FormatInput } from './types';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it: rules with helpUri, results with regions. */
export function formatSarif({ results, rules, version }: FormatInput, shard?: { index: number; count: number }): string {
  const used = [...new Set(results.map((r) => r.finding.ruleId))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shipready',
            version,
            informationUri: 'https://github.com/shipready/shipready',
            rules: used.map((id) => {
              const meta = byId.get(id)?.meta;
              return {
                id,
                name: id.replace(/^[^/]+\//, '').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()),
                shortDescription: { text: meta?.summary ?? id },
                helpUri: meta?.docsUrl,
                help: { text: meta ? `${meta.summary}. See ${meta.docsUrl}` : id },
                defaultConfiguration: { level: meta ? LEVEL[meta.severity] : 'warning' },
                properties: { tags: [id.split('/')[0], meta?.type ?? 'problem'], sources: meta?.sources ?? [] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        // One category per shard lets code scanning keep each shard's results (upload each file).
        automationDetails: { id: shard ? `shipready/shard-${shard.index}-of-${shard.count}/` : 'shipready/' },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder of the Shipready configuration (or the current folder).' } } },
        results: results.map((r) => {
          const fix = r.fix;
          const location = { uri: encodeURI(r.rootPath), uriBaseId: '%SRCROOT%' };
          return {
            ruleId: r.finding.ruleId,
            ruleIndex: ruleIndex.get(r.finding.ruleId),
            level: LEVEL[r.finding.severity],
            message: { text: r.finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: location,
                  region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
                },
              },
            ],
            ...(fix
              ? {
                  fixes: [
                    {
                      description: { text: fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: location,
                          replacements: fix.edits.map((e) => ({
                            deletedRegion: { startLine: e.start.line + 1, startColumn: e.start.character + 1, endLine: e.end.line + 1, endColumn: e.end.character + 1 },
                            insertedContent: { text: e.newText },
                          })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
