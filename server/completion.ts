// Completion and hover requests: find the document's SourceFile (the linter's, when it is for the
// same version, so its parse is shared), ask the engine, convert the answer.
import type { CompletionItem, CompletionParams, Hover, HoverParams, InitializeParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, hover, preloadWorkflowService, SourceFile, type DocumentKind, type Finding } from '../engine/index';
import { toCompletionItem, toHover, uriToPath, wordRangeBefore } from './convert';
import type { Folder, Host } from './host';
import type { Linter } from './linter';

export const COMPLETION_CAPABILITIES: Pick<ServerCapabilities, 'completionProvider' | 'hoverProvider'> = {
  completionProvider: { triggerCharacters: ['.', ':', '=', '-', '/', ','], resolveProvider: false },
  hoverProvider: true,
};

export class CompletionService {
  private snippetSupport = true;
  private preloaded = false;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly host: Host,
    private readonly linter: Linter,
  ) {}

  initialize(params: InitializeParams) {
    this.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false;
  }

  /**
   * Diagnostics of a file were published. After the first workflow's, the Actions language service
   * loads in the background, ready for the first completion there. Not at start-up: it is a large
   * library that would hold up the first diagnostics, and only workflows need it.
   */
  published(kind: DocumentKind) {
    if (kind !== 'workflow' || this.preloaded) return;
    this.preloaded = true;
    setImmediate(() => void preloadWorkflowService());
  }

  /** The document as the engine sees it, and its findings when they are for this version. */
  private fileOf(uri: string): { file: SourceFile; findings?: readonly Finding[]; folder?: Folder } | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const abs = uriToPath(uri) ?? uri;
    const { folder, rel } = this.host.locate(abs);
    const cached = this.linter.results.get(uri);
    if (cached && cached.version === doc.version) return { file: cached.file, findings: cached.findings, folder };
    return { file: new SourceFile(rel, doc.getText(), undefined, doc.languageId), folder };
  }

  async completion(params: CompletionParams): Promise<CompletionItem[]> {
    const found = this.fileOf(params.textDocument.uri);
    if (!found) return [];
    const { file } = found;
    const offset = file.lines.offsetAt(params.position);
    const workspace = found.folder?.workspace ?? this.host.loose;
    const items = await complete(file, offset, { workspace });
    const fallback = wordRangeBefore(file, offset);
    return items.map((i) => toCompletionItem(file, i, fallback, this.snippetSupport));
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    const found = this.fileOf(params.textDocument.uri);
    if (!found) return null;
    const { file } = found;
    const h = await hover(file, file.lines.offsetAt(params.position), { findings: found.findings ?? this.linter.results.get(params.textDocument.uri)?.findings });
    return h ? toHover(file, h) : null;
  }
}
