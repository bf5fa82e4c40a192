import { parseEvidence, parseHandoverItem } from './evidence';

describe('evidence typed as one line', () => {
  it.each([
    ['PAY-12', { kind: 'issue', key: 'PAY-12' }],
    ['  DATA_2-7 ', { kind: 'issue', key: 'DATA_2-7' }],
    [
      'https://grafana.example.com/d/checkout?from=now-30d',
      { kind: 'link', url: 'https://grafana.example.com/d/checkout?from=now-30d' },
    ],
    ['http://intranet.example/report', { kind: 'link', url: 'http://intranet.example/report' }],
  ])('reads %j as evidence', (line, evidence) => {
    expect(parseEvidence(line)).toEqual(evidence);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>x</script>',
    'ftp://files.example.com/a',
    'pay-12',
    'PAY-0',
    'conversion went up',
    'https://',
    'https://exa mple.com',
    `https://example.com/${'x'.repeat(2100)}`,
  ])('refuses %j', (line) => {
    expect(parseEvidence(line)).toBeNull();
  });

  it('hands over an issue key as an issue and anything else as a description', () => {
    expect(parseHandoverItem(' PLAT-4 ')).toEqual({ kind: 'issue', key: 'PLAT-4' });
    expect(parseHandoverItem('Checkout dashboards in Grafana')).toEqual({
      kind: 'description',
      text: 'Checkout dashboards in Grafana',
    });
  });
});
