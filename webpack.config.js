/* Builds the task pane, the function file, the help page and the browser preview. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { productionManifest } = require('./scripts/production-manifest');
const { CONTENT_SECURITY_POLICY } = require('./scripts/csp');

/** The calculation worker's chunk, as src/taskpane/start-worker.ts names it. */
const WORKER_CHUNK = 'raaderum-calculation';

/** Where the add-in is hosted in production: RAADERUM_URL=https://raaderum.example.dk/ npm run build */
const PROD_URL = process.env.RAADERUM_URL || 'https://localhost:3000/';

/**
 * HTTPS for the dev server from office-addin-dev-certs' files when they exist
 * (`npx office-addin-dev-certs install` makes and trusts them). We never
 * install a CA from here: that needs sudo. Without them the dev server falls
 * back to plain HTTP on loopback, which the preview needs and Excel does not accept.
 */
function devCertificates() {
  if (process.env.RAADERUM_HTTP === '1') return undefined;
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const certificates = production ? undefined : devCertificates();
  // Every page carries the Content-Security-Policy in a meta tag (its template has the placeholder).
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, csp: CONTENT_SECURITY_POLICY });
  return {
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: { keep: /^cli\// } },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The browser build of ExcelJS without its polyfills; only the preview uses it.
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.bare.min.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules let webpack drop the Fluent UI components we do not use; types are checked by `tsc`.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: !production } },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        // A module that the pane and the worker use different parts of is still one module in one file.
        usedExports: false,
        cacheGroups: {
          // The calculation worker and the task pane share the engine (the workbook layer and the core):
          // one file that the pane loads as a script and the worker takes from the cache with
          // importScripts, instead of a second copy inside the worker's script.
          engine: {
            // @noble/hashes (the run log's input hash) with it: one copy, not one in the pane and one in the worker.
            test: /[\\/](src[\\/](model|workbook)|node_modules[\\/]@noble[\\/]hashes)[\\/]/,
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === WORKER_CHUNK,
            minChunks: 2,
            name: 'engine',
            enforce: true,
          },
        },
      },
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands', './src/commands/commands.html', ['commands']),
      page('preview', './src/preview/preview.html', ['preview']),
      page('help', './src/help.html', []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/sample/*.xlsx', to: 'assets/sample/[name][ext]', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? productionManifest(content.toString(), PROD_URL) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.PORT || 3000),
      host: 'localhost',
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certificates ? { type: 'https', options: certificates } : { type: 'http' },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
