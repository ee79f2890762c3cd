import {stripVTControlCharacters} from 'node:util'

/** Control characters but tab and line breaks (C0, DEL, C1): left over once terminal escape sequences are removed. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu

/** What Markdown (CommonMark, GFM tables and strikethrough) or inline HTML reads as syntax; any may be backslash-escaped. */
const SYNTAX = /[\\`*_[\]<>&|~]/g

/**
 * Text from the cluster (an event's message, a name, an error) as Markdown that shows it as it is: escape sequences and
 * control characters removed, whitespace with line breaks folded to one space (a line break would end the list item or
 * table row), and emphasis, code, links, HTML, entities and table pipes escaped.
 */
export const md = (text: number | string): string =>
  stripVTControlCharacters(String(text)).replaceAll(CONTROL, '').replaceAll(/\s*[\n\r]\s*|\t/g, ' ').replaceAll(SYNTAX, '\\$&')
