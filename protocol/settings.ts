/** Severity as configured in settings and `.shipready.yaml`. */
export type SeveritySetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

/**
 * The `shipready.*` settings, as one typed object: the client's configuration middleware sends
 * exactly this shape, so the server never reads raw VS Code settings.
 */
export interface ShipreadySettings {
  /** Lint at all. */
  enable: boolean;
  /** Rule id → severity; applied on top of `.shipready.yaml`. */
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the workspace folder) never linted. */
  ignorePaths: string[];
  /** Delay between the last keystroke and the lint, in milliseconds. */
  lintDebounceMs: number;
  /** Lint every infrastructure file of the workspace at start-up, not only open ones. */
  scanWorkspace: boolean;
}

export const DEFAULT_SETTINGS: ShipreadySettings = {
  enable: true,
  rules: {},
  ignorePaths: [],
  lintDebounceMs: 200,
  scanWorkspace: true,
};

/** Merge whatever the client sent with defaults, dropping values of the wrong type. */
export function normalizeSettings(raw: unknown): ShipreadySettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ShipreadySettings, unknown>>;
  const severities = new Set(['off', 'hint', 'info', 'warning', 'error']);
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) if (typeof v === 'string' && severities.has(v)) rules[k] = v as SeveritySetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    ignorePaths: Array.isArray(r.ignorePaths) ? r.ignorePaths.filter((x): x is string => typeof x === 'string') : [],
    lintDebounceMs: typeof r.lintDebounceMs === 'number' && r.lintDebounceMs >= 0 ? r.lintDebounceMs : DEFAULT_SETTINGS.lintDebounceMs,
    scanWorkspace: typeof r.scanWorkspace === 'boolean' ? r.scanWorkspace : DEFAULT_SETTINGS.scanWorkspace,
  };
}
