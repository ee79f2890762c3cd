import {test} from 'uvu'
import * as assert from 'uvu/assert'

import {EKS_CLUSTER_NAME} from '../../src/core/eks-cluster-arn.js'

test('an EKS cluster name: letters, digits, - and _, a letter or digit first, 1 to 100 characters', () => {
  for (const name of ['a', 'Prod_1-a', '9lives', 'a'.repeat(100)]) assert.ok(EKS_CLUSTER_NAME.test(name), name)
  for (const name of ['', '-a', '_a', 'a.b', 'a/b', 'a b', 'a'.repeat(101), 'prod\n']) assert.not.ok(EKS_CLUSTER_NAME.test(name), JSON.stringify(name))
})

test.run()
