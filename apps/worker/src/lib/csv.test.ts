import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.ts'

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Yes')).toBe('Yes')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(true)).toBe('true')
    expect(csvCell(null)).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling inner quotes (RFC 4180)', () => {
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('say "yes"')).toBe('"say ""yes"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\r')).toBe('"cr\r"')
  })

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a formula-looking cell %j with a leading apostrophe',
    (text) => {
      expect(csvCell(text).replace(/^"/, '').startsWith(`'`)).toBe(true)
    }
  )

  it('quotes after neutralising, so an injected quote cannot escape the cell', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })

  it('leaves numbers alone even when negative', () => {
    expect(csvCell(-1)).toBe('-1')
  })
})

describe('toCsv', () => {
  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
  })
})
