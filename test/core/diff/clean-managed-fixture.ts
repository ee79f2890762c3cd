import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {parseAllDocuments} from 'yaml'

import type {DiffInput} from '../../../src/core/diff/diff-report.js'
import {selectDiffInput} from '../../../src/core/diff/select-diff-input.js'
import {projectRoot} from '../../helpers/run-command.js'

export type Json = Record<string, any>

/** A fresh copy of the clean managed add-on fixture, for a test to edit the way a user would. */
export function cleanManaged(): DiffInput & {daemonSet: Json} {
  const text = readFileSync(join(projectRoot, 'test/fixtures/diff/clean-managed.yaml'), 'utf8')
  return selectDiffInput(parseAllDocuments(text).map((d) => d.toJS()), 'clean-managed') as DiffInput & {daemonSet: Json}
}

/** Records an edit the way the API server does: one more managedFields entry owning exactly those fields. */
export function addManager(ds: Json, manager: string, fieldsV1: Json): void {
  ds.metadata.managedFields.splice(1, 0, {apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1, manager, operation: 'Update', time: '2026-08-02T09:00:00Z'})
}
