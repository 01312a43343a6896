import type { DocumentKind } from '../types';
import { LineIndex } from '../text/line-index';
import { classify } from './classify';
import { parseDockerfile, type DockerfileModel } from './dockerfile';
import { parseYaml, type YamlModel } from './yaml';

/** One version of one file: its text, kind and (lazily, once) its parsed models. */
export class SourceFile {
  private _lines?: LineIndex;
  private _dockerfile?: DockerfileModel;
  private _yaml?: YamlModel;
  readonly kind: DocumentKind;

  /** `path` uses forward slashes; it is what findings and config globs refer to. */
  constructor(readonly path: string, readonly text: string, kind?: DocumentKind, languageId?: string) {
    this.kind = kind ?? classify(path, text, languageId);
  }

  get lines(): LineIndex {
    return (this._lines ??= new LineIndex(this.text));
  }

  get dockerfile(): DockerfileModel {
    return (this._dockerfile ??= parseDockerfile(this.text, this.lines));
  }

  get yaml(): YamlModel {
    return (this._yaml ??= parseYaml(this.text));
  }
}
