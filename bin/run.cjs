#!/usr/bin/env node
'use strict'
/*
 * vpccni launcher. Loads the CommonJS bundle through vm.Script with a V8 code cache, because compiling the
 * ~0.9 MB bundle is most of a cold start on Node 20 (which has no module.enableCompileCache).
 * The cache lives in $XDG_CACHE_HOME/vpccni (else ~/.cache/vpccni), keyed by the bundle's size and mtime and the
 * Node version, is written atomically after the first run, and is only an optimisation: any failure to read or
 * write it is ignored, and V8 itself rejects data that does not fit. VPCCNI_CODE_CACHE=0 turns it off.
 */
const Module = require('node:module')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const vm = require('node:vm')

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs')
const source = fs.readFileSync(bundle, 'utf8')
const useCache = process.env.VPCCNI_CODE_CACHE !== '0'
let cacheFile
let cachedData
if (useCache) {
  const stat = fs.statSync(bundle)
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'vpccni')
  cacheFile = path.join(dir, `code-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.bin`)
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {}
}

const script = new vm.Script(Module.wrap(source), {cachedData, filename: bundle})
const bundleModule = new Module(bundle, module)
bundleModule.filename = bundle
bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle))
const dirname = path.dirname(bundle)
script.runInThisContext().call(bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, dirname)
bundleModule.loaded = true
// oclif loads the commands from the same bundle (package.json oclif.commands): let it find this instance.
Module._cache[bundle] = bundleModule

if (useCache && (!cachedData || script.cachedDataRejected)) {
  // Written at exit, so the cache also holds the functions this run compiled lazily.
  process.once('beforeExit', () => {
    try {
      fs.mkdirSync(path.dirname(cacheFile), {recursive: true})
      const partial = `${cacheFile}.${process.pid}`
      fs.writeFileSync(partial, script.createCachedData())
      fs.renameSync(partial, cacheFile)
      // Caches of earlier builds or Node versions are never read again.
      for (const old of fs.readdirSync(path.dirname(cacheFile))) {
        if (old.startsWith('code-') && old.endsWith('.bin') && old !== path.basename(cacheFile)) fs.rmSync(path.join(path.dirname(cacheFile), old), {force: true})
      }
    } catch {}
  })
}

bundleModule.exports.main(bundle)
