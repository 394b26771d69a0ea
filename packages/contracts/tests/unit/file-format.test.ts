import { identifyFileFormat, type FileFormat } from '../../src/index.js';
import { makeJpeg, makePng } from '../../../../tools/testing/images';
import { IPHONE_HEIC, PDF, PLAIN_HEIF, bmp, encodedByLibvips, ftyp } from './not-images';

const text = (value: string) => new TextEncoder().encode(value);
const latin1 = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));

describe('identifyFileFormat', () => {
  it('names the formats the workflow takes', async () => {
    expect(identifyFileFormat(await makePng())).toBe('png');
    expect(identifyFileFormat(await makeJpeg())).toBe('jpeg');
  });

  it('names WebP, GIF, TIFF and AVIF files written by libvips', async () => {
    const files = await encodedByLibvips();
    expect(identifyFileFormat(files.webp)).toBe('webp');
    expect(identifyFileFormat(files.gif)).toBe('gif');
    expect(identifyFileFormat(files.tiff)).toBe('tiff');
    expect(identifyFileFormat(files.avif)).toBe('avif');
  });

  it.each<[string, Uint8Array, FileFormat]>([
    ['an iPhone photo (ftyp heic, mif1 heic)', IPHONE_HEIC, 'heic'],
    ['a HEIF naming only its container (mif1, miaf)', PLAIN_HEIF, 'heif'],
    ['a HEIF image sequence (msf1)', ftyp('msf1', 'msf1', 'iso8'), 'heif'],
    ['an HEVC image sequence (msf1, hevc)', ftyp('msf1', 'msf1', 'hevc'), 'heic'],
    ['a HEIC with the heix brand', ftyp('heix', 'mif1', 'heix'), 'heic'],
    ['an AVIF whose major brand is mif1', ftyp('mif1', 'avif', 'mif1', 'miaf'), 'avif'],
    ['an animated AVIF (avis)', ftyp('avis', 'avis', 'msf1', 'miaf'), 'avif'],
    ['a GIF87a', latin1('GIF87a\x04\x00\x04\x00\x80\x00\x00'), 'gif'],
    ['a big-endian TIFF', latin1('MM\x00\x2a\x00\x00\x00\x08'), 'tiff'],
    ['a little-endian TIFF', latin1('II\x2a\x00\x08\x00\x00\x00'), 'tiff'],
    ['a 1x1 BMP', bmp(), 'bmp'],
    ['a PDF', PDF, 'pdf'],
  ])('names %s', (_case, bytes, format) => {
    expect(identifyFileFormat(bytes)).toBe(format);
  });

  it.each<[string, Uint8Array]>([
    ['a delivery note', text('Delivery note: 12 scones, bicycle courier\n')],
    ['UTF-8 with accents and a tab', text('Lieferschein:\tFahrrad für Müller\r\n')],
    ['an S3 error page', text('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied')],
    ['text starting with "BM"', text('BMW motorcycle, delivery 42 of 50')],
    // 1 + 2 * 600 bytes: the 1,024-byte sample ends inside an "é"
    ['text whose sample ends inside a character', text(`a${'é'.repeat(600)}`)],
  ])('names %s as text', (_case, bytes) => {
    expect(identifyFileFormat(bytes)).toBe('text');
  });

  it('names zero bytes as empty', () => {
    expect(identifyFileFormat(new Uint8Array())).toBe('empty');
  });

  it.each<[string, Uint8Array]>([
    ['an MP4 video (ftyp isom)', ftyp('isom', 'isom', 'iso2', 'mp41')],
    ['a WAV file (RIFF....WAVE)', latin1('RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['bytes with NUL in them', latin1('ab\x00cd')],
    ['invalid UTF-8', latin1('\xc3\x28 not text')],
    ['a truncated RIFF header', latin1('RIFF\x24\x00')],
    ['"BM" without a bitmap header', latin1('BM\x3a\x00\x00\x00\x01\x02\x03\x04')],
  ])('does not name %s', (_case, bytes) => {
    expect(identifyFileFormat(bytes)).toBe('unknown');
  });

  it('reads a view into a larger buffer from its own start', () => {
    const padded = new Uint8Array(IPHONE_HEIC.length + 3);
    padded.set(IPHONE_HEIC, 3);
    expect(identifyFileFormat(padded.subarray(3))).toBe('heic');
  });
});
