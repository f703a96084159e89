// Keeps the runtime layers apart, as VS Code's code-layering rule does: each top-level folder is a
// layer, and an import that crosses into a layer it may not use is reported where it is written.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** What each layer may import: other layers of ours, plus the platform groups 'electron', 'node', 'react'. */
export const LAYER_RULES = {
  contract: { layers: ['contract'], forbid: ['electron', 'node', 'react'] },
  'server-stub': { layers: ['contract', 'server-stub'], forbid: ['electron', 'react'] },
  main: { layers: ['contract', 'main'], forbid: ['react'] },
  preload: { layers: ['contract', 'preload'], forbid: ['node', 'react'] },
  renderer: { layers: ['contract', 'renderer'], forbid: ['electron', 'node'] },
  // The customer page: a browser page like the seat, but shares nothing with the seat's code.
  widget: { layers: ['contract', 'widget'], forbid: ['electron', 'node'] },
};

const OUR_LAYERS = [
  'contract',
  'server-stub',
  'main',
  'preload',
  'renderer',
  'widget',
  'e2e',
  'scripts',
  'eslint',
];

/** Classifies an import specifier as one of our layers, a platform group, or a plain package. */
export function classify(specifier, importerFile, rootDir) {
  if (specifier.startsWith('@contract/') || specifier === '@contract')
    return { kind: 'layer', name: 'contract' };
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = path.resolve(path.dirname(importerFile), specifier);
    const rel = path.relative(rootDir, target).split(path.sep);
    if (rel[0] === '..') return { kind: 'outside', name: specifier };
    return OUR_LAYERS.includes(rel[0]) ? { kind: 'layer', name: rel[0] } : { kind: 'root', name: rel[0] };
  }
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const top = bare.split('/')[0];
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(bare) || NODE_BUILTINS.has(top))
    return { kind: 'platform', name: 'node' };
  if (top === 'electron') return { kind: 'platform', name: 'electron' };
  if (top === 'react' || top === 'react-dom') return { kind: 'platform', name: 'react' };
  return { kind: 'package', name: specifier };
}

/** Returns why an import is not allowed, or null when it is. */
export function violation(importerFile, specifier, rootDir) {
  const rel = path.relative(rootDir, importerFile).split(path.sep);
  const layer = rel[0];
  const rule = LAYER_RULES[layer];
  if (!rule) return null;
  const target = classify(specifier, importerFile, rootDir);
  if (target.kind === 'layer' && !rule.layers.includes(target.name)) {
    return `${layer}/ may not import from ${target.name}/ (allowed: ${rule.layers.join(', ')})`;
  }
  if (target.kind === 'platform' && rule.forbid.includes(target.name)) {
    return `${layer}/ may not import ${target.name} modules ('${specifier}')`;
  }
  if (target.kind === 'outside')
    return `${layer}/ may not import from outside the repository ('${specifier}')`;
  return null;
}

function check(context, node) {
  if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
  const rootDir = context.settings?.layering?.rootDir ?? context.cwd;
  const why = violation(context.filename, node.value, rootDir);
  if (why) context.report({ node, message: why });
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce the runtime layer boundaries between contract, server, main, preload and renderer',
    },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration: (node) => check(context, node.source),
      ExportNamedDeclaration: (node) => check(context, node.source),
      ExportAllDeclaration: (node) => check(context, node.source),
      ImportExpression: (node) => check(context, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(context, node.arguments[0]);
      },
    };
  },
};

export default { rules: { layering: rule } };
