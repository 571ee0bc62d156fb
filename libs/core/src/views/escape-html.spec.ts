import nunjucks from 'nunjucks';
import { escapeHtml } from './escape-html';

describe(escapeHtml.name, () => {
  const typed = `Tom & "Jerry" <b>'s</b> C:\\path > ok`;

  it('escapes exactly as a template with autoescape does', () => {
    const environment = new nunjucks.Environment([], { autoescape: true });
    expect(escapeHtml(typed)).toBe(environment.renderString('{{ value }}', { value: typed }));
  });

  it('leaves text without special characters as it is', () => {
    expect(escapeHtml('Customer strategy, 2026')).toBe('Customer strategy, 2026');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });
});
