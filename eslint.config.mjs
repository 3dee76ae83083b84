import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

/**
 * The rooms under src/ and what each may import (README, "How the code is laid out").
 * Adding a room is one line here. `rooms`: other rooms it may import; `types`: rooms it may
 * only name types from (`import type`), so an adapter can speak the core's words but not
 * calculate; `packages`: npm packages it may import ('node' = Node's built-in modules).
 * Any room or package not listed is an error, so ExcelJS (and src/xlsx) can never reach the
 * bundles Excel loads (taskpane, commands): none of the rooms those reach lists it.
 */
export const ROOMS = {
  model: { rooms: [], types: [], packages: [] },
  workbook: { rooms: ['model'], types: [], packages: ['@noble/hashes'] },
  office: { rooms: ['workbook'], types: ['model'], packages: [] },
  xlsx: { rooms: ['workbook'], types: ['model'], packages: ['exceljs', 'jszip', 'saxes', 'node'] },
  taskpane: { rooms: ['model', 'workbook', 'office'], types: [], packages: ['react', 'react-dom', '@fluentui/react-components'] },
  preview: {
    rooms: ['taskpane', 'xlsx', 'workbook'],
    types: ['model'],
    packages: ['react', 'react-dom', '@fluentui/react-components', 'exceljs'],
  },
  cli: { rooms: ['xlsx', 'workbook', 'model'], types: [], packages: ['node'] },
  sample: { rooms: ['workbook'], types: [], packages: [] },
  commands: { rooms: [], types: [], packages: [] },
};

/** The webpack entries Excel loads, by room (webpack.config.js); none may reach ExcelJS. */
export const EXCEL_LOADS = ['taskpane', 'commands'];

const WHERE = 'see ROOMS in eslint.config.mjs';
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src');
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The room a file or a resolved import lies in: its first folder under src/ ('' outside src/). */
function roomOf(absolute) {
  const relative = path.relative(SRC, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return '';
  return relative.split(path.sep)[0];
}

/** `react-dom/client` → `react-dom`, `@fluentui/react-components/x` → `@fluentui/react-components`. */
const packageOf = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/**
 * Every import, re-export and `import x = require()` of a file under src/ is resolved against the file
 * (so `./../xlsx/cells` and `../office/../xlsx/files` are the xlsx room) and checked against ROOMS:
 * the file's own room, a room it may import, a room it may take types from (type-only imports), or a
 * package on its list. A folder under src/ that is not a room is an error of its own.
 */
const roomsPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename;
        const room = roomOf(file);
        if (room === '') return {};
        const allowed = ROOMS[room];
        if (!allowed)
          return {
            Program(node) {
              context.report({ node, message: `src/${room} is not a room: add it to ROOMS with what it may import; ${WHERE}.` });
            },
          };
        const rooms = [...allowed.rooms, ...allowed.types.map((t) => `${t} (types only)`)].join(', ') || 'no other room';
        const check = (node, specifier, typeOnly) => {
          if (typeof specifier !== 'string') return;
          if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
            const name = packageOf(specifier);
            const ok = allowed.packages.includes(name) || (allowed.packages.includes('node') && NODE_MODULES.has(name));
            if (!ok)
              context.report({
                node,
                message: `'${specifier}': src/${room} may import only these packages: ${allowed.packages.join(', ') || 'none'}; ${WHERE}.`,
              });
            return;
          }
          const target = roomOf(path.resolve(path.dirname(file), specifier));
          if (target === room || allowed.rooms.includes(target)) return;
          if (typeOnly && allowed.types.includes(target)) return;
          const what = target === '' ? 'outside src/' : `src/${target}`;
          const types = allowed.types.includes(target) ? ' (only `import type` from there)' : '';
          context.report({
            node,
            message: `'${specifier}' is ${what}: src/${room} may import only: ${rooms}${types}; ${WHERE}.`,
          });
        };
        const onlyTypes = (node) =>
          node.importKind === 'type' ||
          node.exportKind === 'type' ||
          (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
        return {
          ImportDeclaration: (node) => check(node, node.source.value, onlyTypes(node)),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, onlyTypes(node)),
          ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
          TSImportEqualsDeclaration: (node) =>
            node.moduleReference.type === 'TSExternalModuleReference' &&
            check(node, node.moduleReference.expression.value, node.importKind === 'type'),
        };
      },
    },
  },
};

/** Every file under src/ goes through the room rule; import() and require() would slip past it. */
const roomRules = {
  files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
  plugins: { rooms: roomsPlugin },
  rules: {
    'rooms/imports': 'error',
    'no-restricted-syntax': [
      'error',
      { selector: 'ImportExpression', message: `Use a static import so the room rules can check it; ${WHERE}.` },
      {
        selector: "CallExpression[callee.name='require']",
        message: `Use a static import so the room rules can check it; ${WHERE}.`,
      },
    ],
  },
};

/**
 * Microsoft's Office Add-in rules: the ones the plugin's recommended config turns on (its parser, prettier and
 * typescript-eslint settings are not ours), all as errors: an exception is an
 * `// eslint-disable-next-line office-addins/<rule> -- <why>` comment at the line.
 */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => rule.startsWith('office-addins/'))
    .map((rule) => [rule, 'error']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  roomRules,
  {
    files: ['src/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
);
