// Lint: typescript-eslint's recommended rules, plus the type-aware checks that catch real bugs in
// Nest code (a promise nobody awaits, an async callback where a sync one is expected), and the
// project's layout rule: libs are imported through their public surface `@roundtable/<lib>` only.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', '.data/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Before the project's rules: eslint-config-prettier switches `curly` off, and the project's
  // `curly: 'all'` (which Prettier never conflicts with) must come after it to count.
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', '*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@roundtable/*/*'], message: 'Import a lib through its public surface: @roundtable/<lib>.' },
            { group: ['**/libs/*/src/*', '../../libs/**'], message: 'Import a lib as @roundtable/<lib>, not by path.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', curly: 'off' },
  },
  {
    // Scripts the app serves to browsers (progressive enhancement only; every page works without them).
    files: ['libs/*/src/assets/**/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', HTMLElement: 'readonly', Event: 'readonly' },
    },
  },
);
