import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {readListPage} from '../../../src/sources/kubernetes/read-list-page.js'
import type {JsonObject} from '../../../src/sources/kubernetes/types.js'

const test = suite('readListPage: a list page read item by item gives what parsing it whole gives')

const names = (text: string) => readListPage(Buffer.from(text), (item: JsonObject) => item)

/** What JSON.parse of the whole page says: the items and metadata.continue. */
function whole(text: string) {
  const page = JSON.parse(text) as {items?: JsonObject[]; metadata?: {continue?: string}}
  return {continue: page.metadata?.continue || undefined, items: page.items ?? []}
}

const pages: Array<[string, string]> = [
  ['as kube-apiserver writes it', '{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"eyJ2Ijo"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}'],
  ['the last page: no continue', '{"kind":"PodList","metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"a"}}]}'],
  ['no items', '{"kind":"PodList","metadata":{},"items":[]}'],
  ['items null', '{"kind":"PodList","metadata":{},"items":null}'],
  ['items missing', '{"kind":"Status","metadata":{}}'],
  ['items before metadata, pretty-printed', '{\n  "items": [\n    {"a": [1, {"b": "]}"}]},\n    {"c": "\\"items\\":[{"}\n  ],\n  "metadata": {"continue": "x"}\n}'],
  ['strings with brackets, escaped quotes and backslashes', '{"metadata":{"continue":"t\\\\"},"items":[{"m":"{[\\"]}\\\\","n":"\\\\\\""},{"u":"żółw ☃ \\u2603"}]}'],
  ['another key named like items', '{"itemsX":[1,2],"spec":{"items":[{"no":1}]},"items":[{"yes":1}],"metadata":{}}'],
  ['items that are not objects (parsed whole)', '{"items":[1,"two",{"three":3},[4]],"metadata":{"continue":"c"}}'],
]

for (const [name, text] of pages) {
  test(name, () => {
    assert.equal(names(text), whole(text))
  })
}

test('each item is summarised once, in order', () => {
  const seen: string[] = []
  const page = readListPage(Buffer.from(pages[0][1]), (item: JsonObject) => seen.push((item.metadata as {name: string}).name))
  assert.equal([seen, page.items], [['a', 'b'], [1, 2]])
})

test('a page cut short, or not JSON, is a SyntaxError (the source names the path)', () => {
  for (const text of ['{"metadata":{},"items":[{"a":1},{"b":', '{"metadata":{},"items":[{"a":1}]', 'not json', '{"items":[{"a":1}],"metadata":{"continue":}']) {
    assert.throws(() => names(text), (error: unknown) => error instanceof SyntaxError, text)
  }
})

test.run()
