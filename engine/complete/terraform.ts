// Completion in Terraform files: top-level block types, the arguments of the common blocks
// (meta-arguments, variable and output arguments, the terraform block with a locked backend) and
// the tag keys terraform/required-tags asks for inside `tags = { … }`.
import type { SourceFile } from '../documents/source';
import type { CompletionItem } from './types';

/** The keys terraform/required-tags asks for by default. */
export const REQUIRED_TAG_KEYS = ['environment', 'service', 'team', 'cost-center'];

const block = (label: string, insertText: string, documentation: string): CompletionItem => ({ label, kind: 'class', detail: 'block', insertText, snippet: true, documentation });
const arg = (label: string, insertText: string, documentation: string, detail = 'argument'): CompletionItem => ({ label, kind: 'property', detail, insertText, snippet: true, documentation });

const TOP_LEVEL: CompletionItem[] = [
  block('resource', 'resource "${1:type}" "${2:name}" {\n\t$0\n}', 'A resource Terraform creates and manages.'),
  block('data', 'data "${1:type}" "${2:name}" {\n\t$0\n}', 'A data source: reads something that exists, without managing it.'),
  block('variable', 'variable "${1:name}" {\n\tdescription = "${2}"\n\ttype        = ${3:string}\n}', 'An input of the module, with a type and a description (terraform/variables-typed-documented).'),
  block('output', 'output "${1:name}" {\n\tdescription = "${2}"\n\tvalue       = ${3}\n}', 'A value the module exposes; add `sensitive = true` for secrets (terraform/sensitive-outputs).'),
  block('locals', 'locals {\n\t${1:name} = ${2}\n}', 'Named expressions used inside the module.'),
  block('module', 'module "${1:name}" {\n\tsource  = "${2}"\n\tversion = "${3:~> 1.0}"\n}', 'A module call; pin registry modules with `version` (terraform/pin-module-versions).'),
  block('provider', 'provider "${1:aws}" {\n\t$0\n}', 'Provider configuration (root modules only).'),
  block('terraform', 'terraform {\n\trequired_version = ">= ${1:1.10}"\n\n\trequired_providers {\n\t\t$0\n\t}\n}', 'Terraform settings: required version, providers, backend.'),
  block('moved', 'moved {\n\tfrom = ${1}\n\tto   = ${2}\n}', 'Records a rename so Terraform moves the state instead of recreating the object.'),
  block('import', 'import {\n\tto = ${1}\n\tid = "${2}"\n}', 'Brings an existing object under management.'),
  block('removed', 'removed {\n\tfrom = ${1}\n\n\tlifecycle {\n\t\tdestroy = false\n\t}\n}', 'Stops managing an object without destroying it.'),
  block('check', 'check "${1:name}" {\n\tassert {\n\t\tcondition     = ${2}\n\t\terror_message = "${3}"\n\t}\n}', 'A continuous validation evaluated on every plan and apply.'),
];

const META: CompletionItem[] = [
  arg('count', 'count = ${1:1}', 'How many instances to create.', 'meta-argument'),
  arg('for_each', 'for_each = ${1:var.items}', 'One instance per element of a map or set.', 'meta-argument'),
  arg('depends_on', 'depends_on = [${1}]', 'Dependencies Terraform cannot see from references.', 'meta-argument'),
  arg('provider', 'provider = ${1:aws.alias}', 'A non-default provider configuration.', 'meta-argument'),
  block('lifecycle', 'lifecycle {\n\t${1:prevent_destroy = true}\n}', 'create_before_destroy, prevent_destroy, ignore_changes, replace_triggered_by.'),
];

const tagsSnippet = (keys: string[], indent = '\t') =>
  `tags = {\n${keys.map((k, i) => `${indent}${k.includes('-') ? `"${k}"` : k} = "\${${i + 1}}"`).join('\n')}\n}`;

const BY_BLOCK: Record<string, CompletionItem[]> = {
  resource: [...META, arg('tags', tagsSnippet(REQUIRED_TAG_KEYS), 'Tags with the keys terraform/required-tags asks for (or set them once in the provider\'s `default_tags`).')],
  data: META.filter((m) => m.label !== 'lifecycle'),
  module: [
    arg('source', 'source = "${1}"', 'Where the module comes from: a local path, the registry, or git with `?ref=`.'),
    arg('version', 'version = "${1:~> 1.0}"', 'Version constraint for a registry module.'),
    arg('providers', 'providers = {\n\t${1:aws} = ${2:aws.alias}\n}', 'Provider configurations passed to the module.'),
    ...META.filter((m) => m.label !== 'lifecycle' && m.label !== 'provider'),
  ],
  variable: [
    arg('description', 'description = "${1}"', 'What the caller should pass.'),
    arg('type', 'type = ${1:string}', 'The type Terraform checks the value against.'),
    arg('default', 'default = ${1}', 'Makes the variable optional.'),
    arg('sensitive', 'sensitive = true', 'Hide the value in plan and apply output.'),
    arg('nullable', 'nullable = false', 'Reject null.'),
    block('validation', 'validation {\n\tcondition     = ${1}\n\terror_message = "${2}"\n}', 'A custom rule for the value.'),
  ],
  output: [
    arg('description', 'description = "${1}"', 'What the value is.'),
    arg('value', 'value = ${1}', 'The exposed value.'),
    arg('sensitive', 'sensitive = true', 'Hide the value in CLI output (terraform/sensitive-outputs).'),
    arg('depends_on', 'depends_on = [${1}]', 'Explicit dependencies.'),
  ],
  terraform: [
    arg('required_version', 'required_version = ">= ${1:1.10}"', 'Terraform versions allowed to run this configuration (terraform/required-version).'),
    block('required_providers', 'required_providers {\n\t${1:aws} = {\n\t\tsource  = "${2:hashicorp/aws}"\n\t\tversion = "~> ${3:6.0}"\n\t}\n}', 'Providers with their source and a version constraint (terraform/pin-provider-versions).'),
    block(
      'backend "s3"',
      'backend "s3" {\n\tbucket       = "${1:my-org-terraform-state}"\n\tkey          = "${2:service/environment}/terraform.tfstate"\n\tregion       = "${3:eu-west-1}"\n\tencrypt      = true\n\tuse_lockfile = true\n}',
      'Remote state in S3 with locking (terraform/remote-backend, terraform/state-locking).',
    ),
    block('cloud', 'cloud {\n\torganization = "${1}"\n\n\tworkspaces {\n\t\tname = "${2}"\n\t}\n}', 'State and runs in HCP Terraform.'),
  ],
  default_tags: [arg('tags', tagsSnippet(REQUIRED_TAG_KEYS), 'The required tag keys (terraform/required-tags).')],
  provider: [
    block('default_tags', `default_tags {\n\t${tagsSnippet(REQUIRED_TAG_KEYS).replace(/\n/g, '\n\t')}\n}`, 'Tags the AWS provider puts on every resource (terraform/required-tags).'),
    arg('region', 'region = ${1:var.region}', 'The provider region.'),
    arg('alias', 'alias = "${1}"', 'A second configuration of the same provider.'),
  ],
};

interface Frame {
  /** Block type (`resource`, `terraform` …) or, for an object, the attribute it is the value of. */
  name: string;
  object: boolean;
  open: number;
}

/**
 * The blocks and objects open at `offset`, outermost first, read from the text (it rarely parses
 * while being typed). Strings, comments and heredocs are skipped.
 */
function openFrames(text: string, offset: number): Frame[] {
  const stack: Frame[] = [];
  let i = 0;
  while (i < offset) {
    const c = text[i];
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? offset : e;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? offset : e + 2;
    } else if (c === '"') {
      i++;
      while (i < offset && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?\s*([A-Za-z_]\w*)[^\n]*\n/.exec(text.slice(i, i + 200));
      if (!m) {
        i += 2;
        continue;
      }
      const end = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
      const rest = text.slice(i + m[0].length, offset);
      const found = end.exec(rest);
      i = found ? i + m[0].length + found.index + found[0].length : offset;
    } else if (c === '{') {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const head = text.slice(lineStart, i);
      const attr = /([\w-]+)\s*=[^=]*$/.exec(head);
      const blockType = /^\s*([\w-]+)\b/.exec(head);
      if (attr) stack.push({ name: attr[1], object: true, open: i });
      else stack.push({ name: blockType?.[1] ?? '', object: false, open: i });
      i++;
    } else if (c === '}') {
      stack.pop();
      i++;
    } else i++;
  }
  return stack;
}

/** Keys already written at the first level of the object opened at `open`. */
function objectKeys(text: string, open: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const m of text.slice(open).matchAll(/[{}]|^[ \t]*"?([\w-]+)"?[ \t]*=/gm)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') {
      if (--depth === 0) break;
    } else if (depth === 1 && m[1]) keys.push(m[1].toLowerCase());
  }
  // Keys written on the opening line (`tags = { team = "x" }`).
  for (const m of text.slice(open + 1, Math.max(open + 1, text.indexOf('\n', open))).matchAll(/"?([\w-]+)"?\s*=/g)) keys.push(m[1].toLowerCase());
  return keys;
}

export function completeTerraform(file: SourceFile, offset: number): CompletionItem[] {
  const text = file.text;
  if (/\.tfvars$/i.test(file.path)) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  // Only where a block type, an argument name or an object key starts.
  if (!/^\s*"?[\w-]*$/.test(before)) return [];
  const frames = openFrames(text, lineStart);
  const inner = frames[frames.length - 1];
  if (!inner) return before.includes('"') ? [] : TOP_LEVEL;
  if (inner.object) {
    if (inner.name !== 'tags') return [];
    const present = objectKeys(text, inner.open);
    return REQUIRED_TAG_KEYS.filter((k) => !present.includes(k)).map((k, i) => ({
      label: k,
      kind: 'property',
      detail: 'required tag',
      insertText: `${k.includes('-') ? `"${k}"` : k} = "\${1}"`,
      snippet: true,
      sortText: `0${i}`,
      filterText: k,
      documentation: 'A tag terraform/required-tags asks for (configurable with its `tags` option).',
    }));
  }
  if (before.includes('"')) return [];
  const own = new Set(objectKeys(text, inner.open));
  return (BY_BLOCK[inner.name] ?? []).filter((i) => !own.has(i.label));
}
