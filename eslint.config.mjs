import { builtinModules } from 'node:module';
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
  workbook: { rooms: ['model'], types: [], packages: [] },
  office: { rooms: ['workbook'], types: ['model'], packages: [] },
  xlsx: { rooms: ['workbook'], types: ['model'], packages: ['exceljs', 'jszip', 'node'] },
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
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `(?:${names.map(escape).join('|')})`;
// A relative import that climbs out of its folder into one of these rooms: '../xlsx/files', '../../model/types'.
// Not resolved against the file, so a sub-folder named like a room would count as that room.
const intoRoom = (names) => `^(?:\\.\\./)+(?:src/)?${anyOf(names)}(?:/|$)`;
const packageNames = (packages) =>
  packages.flatMap((name) => (name === 'node' ? [...builtinModules, ...builtinModules.map((m) => `node:${m}`)] : [name]));

/** One `no-restricted-imports` block per room, generated from ROOMS. */
function roomRules(room, { rooms, types, packages }) {
  const others = Object.keys(ROOMS).filter((other) => other !== room && !rooms.includes(other));
  const denied = others.filter((other) => !types.includes(other));
  const allowed = [...rooms, ...types.map((t) => `${t} (types only)`)].join(', ') || 'no other room';
  const allowedPackages = packageNames(packages);
  const patterns = [
    denied.length > 0 && { regex: intoRoom(denied), message: `src/${room} may import only: ${allowed}; ${WHERE}.` },
    types.length > 0 && {
      regex: intoRoom(types),
      allowTypeImports: true,
      message: `src/${room} may only import types (\`import type\`) from ${types.join(', ')}; ${WHERE}.`,
    },
    {
      // Any bare specifier (an npm package or a Node module) not on the room's list.
      regex: allowedPackages.length > 0 ? `^(?!${anyOf(allowedPackages)}(?:/|$))[^./]` : '^[^./]',
      message: `src/${room} may import only these packages: ${packages.join(', ') || 'none'}; ${WHERE}.`,
    },
  ].filter(Boolean);
  return {
    files: [`src/${room}/**/*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      // import() and require() would slip past the rule above.
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
}

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
  ...Object.entries(ROOMS).map(([room, allowed]) => roomRules(room, allowed)),
  {
    files: ['src/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
);
