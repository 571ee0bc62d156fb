import { cleanText, withoutControlCharacters } from './clean-text';

describe(cleanText.name, () => {
  it('keeps ordinary text, including angle brackets, as plain text', () => {
    expect(cleanText('  Churn < 5% & NPS > 40\r\nSecond line  ')).toBe('Churn < 5% & NPS > 40\nSecond line');
  });

  it('removes control and direction-override characters', () => {
    expect(cleanText('safe\u202Etxt.exe\u0000\u0007\u2066x\u2069\ufeff')).toBe('safetxt.exex');
  });

  it('shortens runs of blank lines and normalises to NFC', () => {
    expect(cleanText('a\n\n\n\n\nb')).toBe('a\n\nb');
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('turns anything but a string into an empty string', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(['x'])).toBe('');
  });
});

describe(withoutControlCharacters.name, () => {
  it('removes control and direction-override characters but keeps the shape of the text', () => {
    expect(withoutControlCharacters('a\u000c\u0000b\r\n\n\n\nc\u202e\td')).toBe('ab\n\n\n\nc\td');
  });
});
