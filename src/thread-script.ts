/**
 * The script of a worker thread named `name` (without extension) beside the module at `moduleUrl`:
 * `name.js` beside the bundle (dist/), or the TypeScript source through tsx when running from source
 * (tests, `npm run dev`, benchmarks).
 */
export function threadScript(moduleUrl: string, name: string, opts: { importCondition?: boolean } = {}): { filename: string; execArgv?: string[] } {
  const fromSource = moduleUrl.endsWith('.ts');
  const filename = new URL(fromSource ? `./${name}.ts` : `./${name}.js`, moduleUrl).href;
  // Under tsx (benchmarks, `npm run dev`) the thread inherits the loader with the rest of execArgv;
  // elsewhere (vitest) it gets just the loader: V8 flags such as --max-semi-space-size are refused there.
  // tsx in a worker thread fails to resolve a package whose exports name only an "import" condition
  // (eld, the classifier's language detector): asking for that condition by name lets it. Only the
  // threads that load such a package ask for it: on Node 26 the condition makes the parse thread's
  // CommonJS dependencies (rss-parser's entities) load a JSON map as JavaScript. The bundle in dist/
  // needs none of this.
  if (!fromSource) return { filename };
  const conditions = opts.importCondition ? ['--conditions=import'] : [];
  return process.execArgv.some((a) => a.includes('tsx'))
    ? { filename, execArgv: [...process.execArgv, ...conditions] }
    : { filename, execArgv: ['--import', 'tsx', ...conditions] };
}
