import type { DocumentKind } from '../types';
import { LineIndex } from '../text/line-index';
import { classify } from './classify';
import { parseDockerfile, type DockerfileModel } from './dockerfile';
import { parseYaml, type YamlModel } from './yaml';
import { parseTerraform, type TerraformModel } from './terraform';
import { LintMemo } from '../lint-memo';

/** One version of one file: its text, kind and (lazily, once) its parsed models. */
export class SourceFile {
  private _lines?: LineIndex;
  private _dockerfile?: DockerfileModel;
  private _yaml?: YamlModel;
  private _terraform?: TerraformModel;
  readonly kind: DocumentKind;

  private previous?: SourceFile;
  /** What the runner keeps between lints of this file's versions (engine/run.ts); set on a version that replaces another. */
  readonly lintMemo?: LintMemo;

  /**
   * `path` uses forward slashes; it is what findings and config globs refer to. `previous` is the
   * file's prior version: its YAML documents that did not change are reused instead of re-parsed.
   */
  constructor(readonly path: string, readonly text: string, kind?: DocumentKind, languageId?: string, previous?: SourceFile) {
    this.kind = kind ?? classify(path, text, languageId);
    if (previous && previous.kind === this.kind && this.kind !== 'dockerfile') {
      this.previous = previous;
      previous.previous = undefined; // never a chain of old versions
      this.lintMemo = previous.lintMemo ?? new LintMemo();
    }
  }

  /** Has a model of the file been parsed (YAML, Dockerfile or Terraform)? For tests of who parses what. */
  get parsed(): boolean {
    return !!(this._yaml || this._dockerfile || this._terraform);
  }

  get lines(): LineIndex {
    return (this._lines ??= new LineIndex(this.text));
  }

  get dockerfile(): DockerfileModel {
    return (this._dockerfile ??= parseDockerfile(this.text, this.lines));
  }

  /** The Terraform view of a `*.tf` / `*.tfvars` file (empty until initEngine() has resolved). */
  get terraform(): TerraformModel {
    if (!this._terraform?.hcl.ready) this._terraform = parseTerraform(this.path, this.text);
    return this._terraform;
  }

  get yaml(): YamlModel {
    if (!this._yaml) {
      this._yaml = parseYaml(this.text, this.previous?.handOverYaml());
      this.previous = undefined;
    }
    return this._yaml;
  }

  /** Give the parsed YAML to the next version (which moves its nodes); this file re-parses if asked again. */
  private handOverYaml(): YamlModel | undefined {
    const y = this._yaml;
    this._yaml = undefined;
    return y;
  }
}
