/**
 * Writes src/data/check-docs.generated.ts from docs/checks.md (npm run update-check-docs; the build runs it too), so every
 * check's documentation ships inside vpccni.
 */
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {CHECK_DOCS_MODULE, writeCheckDocsModule} from './check-docs-data.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
console.error(writeCheckDocsModule(root) ? `wrote ${CHECK_DOCS_MODULE} from docs/checks.md` : `${CHECK_DOCS_MODULE} is up to date`)
