// Cross-checks the built .wasm files with Node's own engine before they are committed:
// every case in expected.properties must give the natively computed answer, and c-program.wasm
// must print c-program.stdout.expected. Run by build-wasm.sh when node is on the PATH.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { spawnSync } from 'node:child_process';

const dir = process.argv[2];

// WASI output goes straight to file descriptor 1, so this script runs
// itself in a child process in this mode to capture it.
if (process.argv[3] === 'run-c-program') {
  const wasi = new WASI({ version: 'preview1', args: [], env: {} });
  const { instance } = await WebAssembly.instantiate(readFileSync(`${dir}/c-program.wasm`), wasi.getImportObject());
  process.exit(wasi.start(instance));
}
const properties = Object.fromEntries(
  readFileSync(`${dir}/expected.properties`, 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));

let failures = 0;
for (const key of Object.keys(properties).filter((k) => k.endsWith('.args'))) {
  const [module, name] = key.split('.');
  const { instance } = await WebAssembly.instantiate(readFileSync(`${dir}/${module}.wasm`), {});
  instance.exports._initialize();
  const args = properties[key].split(' ').map(Number);
  const actual = String(instance.exports[module](...args)); // an i64 arrives as a BigInt
  const expected = properties[`${module}.${name}.expected`];
  const verdict = actual === expected ? 'ok' : `MISMATCH, native gave ${expected}`;
  if (actual !== expected) failures++;
  console.log(`${module}(${args.join(', ')}) = ${actual} ${verdict}`);
}

const child = spawnSync(process.execPath, ['--no-warnings', process.argv[1], dir, 'run-c-program'], { encoding: 'utf8' });
const programMatches = child.status === 0 && child.stdout === readFileSync(`${dir}/c-program.stdout.expected`, 'utf8');
if (!programMatches) failures++;
console.log(`c-program.wasm output ${programMatches ? 'ok' : 'MISMATCH:\n' + child.stdout + child.stderr}`);
process.exit(failures === 0 ? 0 : 1);
