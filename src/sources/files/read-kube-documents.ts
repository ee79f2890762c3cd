import {parseAllDocuments} from 'yaml'

import {UserError} from '../../errors.js'
import {inputName, readTextFile} from '../read-text-file.js'

/**
 * The objects in a YAML or JSON file (JSON is YAML), or in standard input for `-`, as `kubectl get -o yaml|json`
 * writes them: one object, several documents, or a List. `emptyHint` says where such a file comes from, for an empty one.
 */
export async function readKubeDocuments(file: string, emptyHint: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown[]> {
  const name = inputName(file)
  const text = await readTextFile(file, stdin)
  if (text.trim() === '') throw new UserError(`${name} is empty`, {hint: emptyHint})
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents)) throw new UserError(`${name} holds no YAML document`)
  for (const doc of documents) {
    const [error] = doc.errors
    if (error) throw new UserError(`${name} is not valid YAML or JSON: ${error.message.split('\n')[0]}`)
  }

  return documents.map((doc) => doc.toJS()).filter((value) => value !== null && value !== undefined)
}
