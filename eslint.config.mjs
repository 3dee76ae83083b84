import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  {
    files: ['src/model/**/*.ts'],
    rules: {
      // The core stays pure: no Office, React, files or network.
      'no-restricted-imports': ['error', { patterns: ['../*', 'react*', 'exceljs', 'fs', 'path', 'office*', '@fluentui/*'] }],
    },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../office/*', '../xlsx/*', '../taskpane/*', '../cli/*', 'react*', 'exceljs', 'fs'] },
      ],
    },
  },
);
