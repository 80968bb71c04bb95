const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/**
 * copy-webpack-plugin, or, when this install can't load it, a minimal copy of the same files. The
 * lock file currently hoists ajv@6 beside ajv-keywords@5 (a peer of ajv@8) because .npmrc sets
 * legacy-peer-deps, so `require('copy-webpack-plugin')` throws "Cannot find module
 * 'ajv/dist/compile/codegen'". Adding ajv@8 as a devDependency fixes the install; until then the
 * build still works.
 */
function copyPlugin(patterns) {
  try {
    const CopyWebpackPlugin = require('copy-webpack-plugin');
    return new CopyWebpackPlugin({ patterns });
  } catch (e) {
    console.warn(
      `webpack.config.js: copy-webpack-plugin did not load (${e.message.split('\n')[0]}); copying ${patterns.map((p) => p.from).join(', ')} directly.`,
    );
    return new FallbackCopy(patterns);
  }
}

class FallbackCopy {
  constructor(patterns) {
    this.patterns = patterns;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FallbackCopy', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FallbackCopy', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of filesOf(this.patterns)) {
            compilation.fileDependencies.add(path.resolve(__dirname, file));
            compilation.emitAsset(
              file.split(path.sep).join('/'),
              new sources.RawSource(fs.readFileSync(path.resolve(__dirname, file))),
            );
          }
        },
      );
    });
  }
}

/** The files the copy patterns name: a folder copied whole, or manifest*.xml at the top. */
function filesOf(patterns) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.resolve(__dirname, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  for (const { from } of patterns) {
    if (from.includes('*')) {
      const re = new RegExp(`^${from.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
      files.push(...fs.readdirSync(__dirname).filter((f) => re.test(f)));
    } else if (fs.existsSync(path.resolve(__dirname, from))) walk(from);
  }
  return files;
}

/**
 * The web side of the add-in, built into dist/web (dist/node is the CLI's tsc output and is left
 * alone):
 *   taskpane.html  the real task pane; loads Office.js from Microsoft's CDN, renders in Office.onReady
 *   commands.html  the ribbon's FunctionFile
 *   preview.html   the same pane beside a simulated workbook (HyperFormula); no Office.js
 * Vendor code is split so the task pane's first render loads React, Fluent and the app only:
 * HyperFormula (GPL, preview only) can never land in a chunk the task pane loads.
 */
const OUTPUT = path.resolve(__dirname, 'dist/web');
const port = Number(
  process.env.npm_package_config_dev_server_port || require('./package.json').config.dev_server_port || 3000,
);

function devCerts() {
  // office-addin-dev-certs writes these; without them the dev server falls back to its own self-signed pair.
  const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (['localhost.key', 'localhost.crt', 'ca.crt'].every((n) => fs.existsSync(file(n)))) {
    return {
      key: fs.readFileSync(file('localhost.key')),
      cert: fs.readFileSync(file('localhost.crt')),
      ca: fs.readFileSync(file('ca.crt')),
    };
  }
  return undefined;
}

/** The chunks the task pane's (and the ribbon's) page loads before anything is shown. */
const firstRender = (chunk) => chunk.name === 'taskpane' || chunk.name === 'commands';

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const copies = [
    { from: 'assets', to: 'assets', noErrorOnMissing: true },
    { from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true },
  ];
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: OUTPUT,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // csv-parse's Node build uses Node's Buffer; its browser build carries its own (the pane's CSV import).
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      alias: { 'csv-parse/sync$': 'csv-parse/browser/esm/sync' },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // The named groups hold what the task pane needs for its first render only: a library that only a
          // panel opened later uses stays out of them and comes with that panel, and the preview page (which
          // uses more of Fluent) keeps its own copy rather than swelling the pane's.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 30,
            chunks: firstRender,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|rtl-css-js|stylis|use-sync-external-store|@emotion)[\\/]/,
            name: 'fluent',
            priority: 20,
            chunks: firstRender,
          },
          // The preview's formula engine, its number formats (numfmt) and their dependencies: only preview.html loads this chunk.
          engine: {
            test: /[\\/]node_modules[\\/](hyperformula|chevrotain|@chevrotain|tiny-emitter|unorm|regexp-to-ast|lodash|numfmt)[\\/]/,
            name: 'engine',
            priority: 25,
            chunks: (chunk) => chunk.name === 'preview',
          },
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 10, chunks: firstRender },
          // Code two or more later panels share is fetched once, with whichever opens first.
          shared: { chunks: 'async', minChunks: 2, priority: 0, reuseExistingChunk: true },
          default: false,
          defaultVendors: false,
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      copyPlugin(copies),
    ],
    devServer: {
      static: { directory: OUTPUT },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? 'http' : { type: 'https', options: devCerts() ?? {} },
      port,
      hot: false,
      historyApiFallback: false,
    },
  };
};
