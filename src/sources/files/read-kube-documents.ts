import {readFileSync} from 'node:fs'

import {parseAllDocuments} from 'yaml'

import {UserError} from '../../errors.js'

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString('utf8')
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error)
    throw new UserError(`cannot read ${file}: ${why}`)
  }
}

/**
 * The objects in a YAML or JSON file (JSON is YAML), or in standard input for `-`, as `kubectl get -o yaml|json`
 * writes them: one object, several documents, or a List.
 */
export async function readKubeDocuments(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown[]> {
  const name = file === '-' ? 'standard input' : file
  const text = file === '-' ? await readStdin(stdin) : readText(file)
  if (text.trim() === '') throw new UserError(`${name} is empty`, {hint: 'pipe in kubectl get ds aws-node -n kube-system -o yaml --show-managed-fields'})
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents)) throw new UserError(`${name} holds no YAML document`)
  for (const doc of documents) {
    const [error] = doc.errors
    if (error) throw new UserError(`${name} is not valid YAML or JSON: ${error.message.split('\n')[0]}`)
  }

  return documents.map((doc) => doc.toJS()).filter((value) => value !== null && value !== undefined)
}
