/** A response body cut around the top-level `<item>` elements of one set, e.g. `instanceTypeSet`. */
export interface XmlItems {
  after: string
  before: string
  items: string[]
}

/** Splits `<SET>...</SET>` (or `<SET/>`) into its top-level items, tracking nesting of inner `<item>` lists. */
export function splitXmlItems(xml: string, setName: string): XmlItems | undefined {
  const empty = xml.indexOf(`<${setName}/>`)
  if (empty >= 0) return {after: xml.slice(empty + setName.length + 3), before: xml.slice(0, empty), items: []}
  const open = xml.indexOf(`<${setName}>`)
  const close = xml.lastIndexOf(`</${setName}>`)
  if (open < 0 || close < 0) return undefined
  const bodyStart = open + setName.length + 2
  const items: string[] = []
  const tag = /<item>|<\/item>|<item\/>/g
  tag.lastIndex = bodyStart
  let depth = 0
  let itemStart = 0
  for (let match = tag.exec(xml); match && match.index < close; match = tag.exec(xml)) {
    if (match[0] === '<item/>') {
      if (depth === 0) items.push(match[0])
    } else if (match[0] === '<item>') {
      if (depth++ === 0) itemStart = match.index
    } else if (--depth === 0) {
      items.push(xml.slice(itemStart, match.index + '</item>'.length))
    }
  }

  return {after: xml.slice(close + setName.length + 3), before: xml.slice(0, open), items}
}

export function joinXmlItems(setName: string, parts: XmlItems, extra = ''): string {
  return `${parts.before}<${setName}>${parts.items.join('')}</${setName}>${extra}${parts.after}`
}

/** The text of the first `<name>` element in a fragment. */
export function xmlText(fragment: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(fragment)?.[1]
}
