import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {parseAllDocuments} from 'yaml'

import type {DiffInput} from '../../../src/core/diff/diff-report.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {dropField} from '../../fixtures/diff/api-server.js'
import {projectRoot} from '../../helpers/run-command.js'

export type Json = Record<string, any>

/** A fresh copy of the clean managed add-on fixture, for a test to edit the way a user would. */
export function cleanManaged(): DiffInput & {daemonSet: Json} {
  const text = readFileSync(join(projectRoot, 'test/fixtures/diff/clean-managed.yaml'), 'utf8')
  return selectDiffInput(parseAllDocuments(text).map((d) => d.toJS()), 'clean-managed') as DiffInput & {daemonSet: Json}
}

/** The key paths a fieldsV1 trie owns outright: its `{}` leaves. */
function ownedLeaves(fieldsV1: Json, at: string[] = []): string[][] {
  return Object.entries(fieldsV1).flatMap(([key, child]) => {
    if (key === '.') return []
    return Object.keys(child as Json).length === 0 ? [[...at, key]] : ownedLeaves(child as Json, [...at, key])
  })
}

/** Records an edit the way the API server does an Update: the fields leave the other managers for this one. */
export function addManager(ds: Json, manager: string, fieldsV1: Json): void {
  for (const entry of ds.metadata.managedFields) for (const keys of ownedLeaves(fieldsV1)) dropField(entry.fieldsV1, keys)
  ds.metadata.managedFields.splice(1, 0, {apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1, manager, operation: 'Update', time: '2026-08-02T09:00:00Z'})
}
