import type { DocumentKind } from '../types';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-].*)?\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const ACTION_NAME = /^action\.ya?ml$/i;
// Terraform's native syntax and variable files; `*.tf.json` (JSON syntax) is not linted.
const TERRAFORM_NAME = /\.(?:tf|tfvars)$/i;
const SNIFF = 4096;

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** Is this a file name the engine may lint (used by scans before reading the file)? */
export function isCandidateName(path: string): boolean {
  const name = basename(path);
  return DOCKERFILE_NAME.test(name) || YAML_NAME.test(name) || TERRAFORM_NAME.test(name) || name === '.dockerignore' || !name.includes('.');
}

/**
 * Decide what a file is from its path (forward slashes), the editor's language id if there is
 * one, and the start of its content.
 */
export function classify(path: string, text: string, languageId?: string): DocumentKind {
  const norm = path.replace(/\\/g, '/');
  const name = basename(norm);
  if (name === '.dockerignore' || /\.dockerignore$/i.test(name)) return 'dockerignore';
  if (languageId === 'dockerfile' || DOCKERFILE_NAME.test(name)) return 'dockerfile';
  if (TERRAFORM_NAME.test(name) || (languageId === 'terraform' && !/\.json$/i.test(name))) return 'terraform';
  if (languageId === 'github-actions-workflow' || WORKFLOW_PATH.test(norm)) return 'workflow';
  if (YAML_NAME.test(name) || languageId === 'yaml') {
    if (ACTION_NAME.test(name) && /^runs:/m.test(text.slice(0, 64 * 1024))) return 'workflow';
    if (COMPOSE_NAME.test(name)) return 'compose';
    return classifyYamlContent(text.slice(0, 64 * 1024));
  }
  if (!name.includes('.') && looksLikeDockerfile(text.slice(0, SNIFF))) return 'dockerfile';
  return 'unknown';
}

function classifyYamlContent(head: string): DocumentKind {
  if (/^apiVersion:/m.test(head) && /^kind:/m.test(head)) return 'kubernetes';
  // Lists and templated manifests put apiVersion/kind under an item or a template directive.
  // Indentation is matched with a class without line breaks: `^\s*` under /m retries every blank line
  // from every line start (quadratic on files of blank lines) and matches nothing more.
  if (/^[^\S\n\r\u2028\u2029]*(?:-\s+)?apiVersion:\s*\S/m.test(head) && /^[^\S\n\r\u2028\u2029]*kind:\s*\S/m.test(head)) return 'kubernetes';
  if (/^jobs:/m.test(head) && /^(?:on|"on"|'on'|true):/m.test(head)) return 'workflow';
  if (/^services:/m.test(head) && !/^apiVersion:/m.test(head)) return 'compose';
  return 'yaml';
}

function looksLikeDockerfile(head: string): boolean {
  if (head.includes('\u0000')) return false;
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^(?:FROM|ARG)\s+\S/i.test(line);
  }
  return false;
}
