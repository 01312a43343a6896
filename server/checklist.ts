// Serves the deployment checklist: the engine evaluates it from the index and the lint results.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import {
  MANUAL_STATE_FILE,
  TEAM_CHECKLIST_FILE,
  checklistMarkdown,
  upsertSection,
  evaluateChecklists,
  ownerOf,
  parseManualState,
  parseTeamChecklist,
  rules,
  serializeManualState,
  setManual,
  type ChecklistReport,
} from '../engine/index';
import {
  ChecklistChangedNotification,
  ChecklistMarkdownRequest,
  ChecklistRequest,
  ResetManualItemsRequest,
  SetManualItemRequest,
  type ChecklistResponse,
  type SetManualItemParams,
} from '../protocol/protocol';
import type { Folder, Host } from './host';
import type { Linter } from './linter';

/** Files besides infrastructure files whose change can flip an item. */
export const CHECKLIST_INPUTS = /(?:^|\/)(?:DEPLOYMENT\.md|deployment\.md|\.env\.(?:example|sample|template)|dependabot\.ya?ml|renovate\.json5?|\.renovaterc(?:\.json)?|\.gitlab-ci\.yml|Jenkinsfile|checklist\.(?:json|ya?ml))$/;

const FIRST_SCAN_WAIT_MS = 30_000;

export class ChecklistService {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly connection: Connection,
    private readonly host: Host,
    private readonly linter: Linter,
  ) {
    // Before the first scan is over the index is partial and items would flip from ✗ to ✓.
    connection.onRequest(ChecklistRequest, async () => {
      await Promise.race([linter.firstScan, new Promise((r) => setTimeout(r, FIRST_SCAN_WAIT_MS))]);
      await linter.engineReady(); // the checklist reads Terraform files
      return this.evaluate();
    });
    connection.onRequest(SetManualItemRequest, async (p: SetManualItemParams) => (await linter.engineReady(), this.setManual(p)));
    connection.onRequest(ResetManualItemsRequest, async () => (await linter.engineReady(), this.reset()));
    connection.onRequest(ChecklistMarkdownRequest, async (p?: { document?: string }) => (await linter.engineReady(), upsertSection(p?.document ?? '', checklistMarkdown(this.evaluate()))));
  }

  /** Tell the client to refresh, once a burst of changes is over. */
  changed() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connection.sendNotification(ChecklistChangedNotification), 250);
  }

  private folder(): Folder | undefined {
    return this.host.folders[0];
  }

  evaluate(): ChecklistResponse {
    const folder = this.folder();
    if (!folder) return { lists: [], errors: ['Open a folder to evaluate the deployment checklist.'] };
    const { defs, errors } = this.team(folder);
    const manual = parseManualState(readOr(path.join(folder.root, MANUAL_STATE_FILE)));
    const results = [...this.linter.results.values()].filter((l) => l.folder === folder);
    const report: ChecklistReport = evaluateChecklists({
      workspace: folder.workspace,
      knownRules: new Set(rules.map((r) => r.meta.id)),
      findings: (ids) => {
        const set = new Set(ids);
        return results.flatMap((l) => l.findings.filter((f) => set.has(f.ruleId)).map((finding) => ({ path: l.file.path, finding, file: l.file })));
      },
      manual,
      team: defs,
    });
    return { folder: folder.root, lists: report.lists, errors };
  }

  private team(folder: Folder) {
    const text = readOr(path.join(folder.root, TEAM_CHECKLIST_FILE));
    if (text === undefined) return { defs: undefined, errors: [] as string[] };
    const r = parseTeamChecklist(text);
    return { defs: r.defs, errors: r.errors.map((e) => `${TEAM_CHECKLIST_FILE}: ${e}`) };
  }

  private setManual(p: SetManualItemParams): ChecklistResponse {
    const folder = this.folder();
    if (!folder) return this.evaluate();
    const file = path.join(folder.root, MANUAL_STATE_FILE);
    const state = parseManualState(readOr(file));
    const key = `${ownerOf(p.list, p.item, this.team(folder).defs)}/${p.item}`;
    const next = setManual(state, key, p.done, safeUser(), new Date().toISOString());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serializeManualState(next));
    return this.evaluate();
  }

  private reset(): ChecklistResponse {
    const folder = this.folder();
    if (folder) {
      const file = path.join(folder.root, MANUAL_STATE_FILE);
      if (fs.existsSync(file)) fs.writeFileSync(file, serializeManualState({ version: 1, items: {} }));
    }
    return this.evaluate();
  }
}

function readOr(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function safeUser(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}
