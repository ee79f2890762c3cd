import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {formatPath, isPathPrefix, parsePath} from '../../../src/core/managed-fields/field-path.js'
import {flattenObject} from '../../../src/core/managed-fields/flatten-object.js'
import {
  classifyOwners,
  indexManagedFields,
  type ManagedFieldsEntry,
} from '../../../src/core/managed-fields/ownership.js'
import {parseFieldsV1} from '../../../src/core/managed-fields/parse-fields-v1.js'

const AWS_NODE = '.spec.template.spec.containers[name="aws-node"]'

/** Two entries as EKS and `kubectl set env` write them (the shape of ../shared/docs/managed-fields.md §2). */
const ENTRIES: ManagedFieldsEntry[] = [
  {
    fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:spec': {'f:template': {'f:spec': {
        'f:containers': {'k:{"name":"aws-node"}': {
          '.': {}, 'f:env': {'k:{"name":"ENABLE_PREFIX_DELEGATION"}': {'.': {}, 'f:name': {}, 'f:value': {}}},
          'f:image': {}, 'f:name': {},
          'f:ports': {'k:{"containerPort":61678,"protocol":"TCP"}': {'.': {}, 'f:containerPort': {}}},
          'f:securityContext': {'f:capabilities': {'f:add': {}}},
        }},
        'f:tolerations': {},
      }}},
    },
    manager: 'eks',
    operation: 'Apply',
  },
  {
    fieldsV1: {'f:spec': {'f:template': {'f:spec': {'f:containers': {'k:{"name":"aws-node"}': {
      'f:env': {'k:{"name":"ENABLE_PREFIX_DELEGATION"}': {'f:value': {}}, 'k:{"name":"WARM_IP_TARGET"}': {'.': {}, 'f:name': {}, 'f:value': {}}},
    }}}}}},
    manager: 'kubectl-edit',
    operation: 'Update',
  },
  {fieldsV1: {'f:status': {'f:numberReady': {}}}, manager: 'kube-controller-manager', operation: 'Update', subresource: 'status'},
]

const test = suite('managed fields')

test('fieldsV1 keys become path segments in the syntax of EKS conflict messages', () => {
  const owned = parseFieldsV1(ENTRIES[0].fieldsV1)
  const leaves = owned.leaves.map((p) => formatPath(p))
  assert.ok(leaves.includes(`${AWS_NODE}.image`))
  assert.ok(leaves.includes(`${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`))
  assert.ok(leaves.includes(`${AWS_NODE}.ports[containerPort=61678,protocol="TCP"].containerPort`))
  assert.ok(owned.items.map((p) => formatPath(p)).includes(AWS_NODE), '"." marks the container item itself')
  assert.equal(parseFieldsV1({'f:securityContext': {'f:capabilities': {'f:add': {'v:"NET_ADMIN"': {}}}}}).leaves, [
    ['.securityContext', '.capabilities', '.add', '[="NET_ADMIN"]'],
  ])
})

test('an unknown fieldsV1 key is an error, not a silent skip', () => {
  assert.throws(() => parseFieldsV1({'x:odd': {}}), /unknown fieldsV1 key/)
})

test('ownership: eks alone, a user alone, shared, atomic lists owned as a whole, status ignored', () => {
  const index = indexManagedFields(ENTRIES)
  assert.equal(index.managers, ['eks', 'kubectl-edit'])
  assert.equal(index.ownerOf(parsePath(`${AWS_NODE}.image`)), {managers: ['eks'], owner: 'eks'})
  assert.is(index.ownerOf(parsePath(`${AWS_NODE}.env[name="WARM_IP_TARGET"].value`)).owner, 'user')
  assert.equal(index.ownerOf(parsePath(`${AWS_NODE}.env[name="ENABLE_PREFIX_DELEGATION"].value`)), {
    managers: ['eks', 'kubectl-edit'],
    owner: 'shared',
  })
  assert.is(index.ownerOf(parsePath('.spec.template.spec.tolerations')).owner, 'eks')
  assert.is(index.ownerOf(parsePath(`${AWS_NODE}.resources.requests.cpu`)).owner, 'unmanaged')
})

test('owner classes', () => {
  assert.is(classifyOwners([]), 'unmanaged')
  assert.is(classifyOwners(['kube-controller-manager']), 'system')
  assert.is(classifyOwners(['eks', 'kube-controller-manager']), 'eks')
  assert.is(classifyOwners(['helm']), 'user')
  assert.is(classifyOwners(['eks', 'helm']), 'shared')
})

test('[*] in a pattern matches any container', () => {
  assert.ok(isPathPrefix(parsePath('.spec.template.spec.containers[*].image'), parsePath(`${AWS_NODE}.image`)))
  assert.not.ok(isPathPrefix(parsePath('.spec.template.spec.containers[*].image'), parsePath('.spec.template.spec.volumes')))
})

test('flattening keys list items by their merge keys, defaults port protocol, keeps atomic lists whole', () => {
  const flat = flattenObject({spec: {containers: [{args: ['--a', '--b'], env: [{name: 'X', value: '1'}], name: 'c', ports: [{containerPort: 80}], securityContext: {}}]}})
  assert.equal([...flat.keys()], [
    '.spec.containers[name="c"].args',
    '.spec.containers[name="c"].env[name="X"].name',
    '.spec.containers[name="c"].env[name="X"].value',
    '.spec.containers[name="c"].name',
    '.spec.containers[name="c"].ports[containerPort=80,protocol="TCP"].containerPort',
    '.spec.containers[name="c"].securityContext',
  ])
  assert.equal(flat.get('.spec.containers[name="c"].args')?.value, ['--a', '--b'])
})

test('kubectl set env over an EKS env item: eks keeps the item (. and f:name), kubectl-set owns f:value, so a user owns the value', () => {
  const item = 'k:{"name":"aws-node"}'
  const env = (fields: Record<string, unknown>) => ({'f:spec': {'f:template': {'f:spec': {'f:containers': {[item]: {'f:env': {'k:{"name":"WARM_ENI_TARGET"}': fields}}}}}}})
  const index = indexManagedFields([
    {fieldsType: 'FieldsV1', fieldsV1: env({'.': {}, 'f:name': {}}), manager: 'eks', operation: 'Apply'},
    {fieldsType: 'FieldsV1', fieldsV1: env({'f:value': {}}), manager: 'kubectl-set', operation: 'Update'},
  ])
  assert.equal(index.ownerOf(parsePath(`${AWS_NODE}.env[name="WARM_ENI_TARGET"].value`)), {managers: ['kubectl-set'], owner: 'user'})
})

test.run()
