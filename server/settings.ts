// Settings are pulled per resource (workspace/configuration) and cached until they change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, type ShipreadySettings } from '../protocol/settings';

export class Settings {
  private readonly cache = new Map<string, Promise<ShipreadySettings>>();
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ShipreadySettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'shipready' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, p);
    }
    return p;
  }

  clear() {
    this.cache.clear();
  }

  forget(uri: string) {
    this.cache.delete(uri);
  }
}
