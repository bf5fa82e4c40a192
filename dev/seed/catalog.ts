/** Team names, project keys and the vocabulary epics and stories are named from. */

export interface TeamTemplate {
  name: string;
  key: string;
  /** Initiative phrases in this team's domain, used as epic summaries. */
  initiatives: readonly string[];
}

export const DEMO_TEAMS: readonly TeamTemplate[] = [
  {
    name: 'Payments',
    key: 'PAY',
    initiatives: [
      'Apple Pay and Google Pay in the new checkout',
      '3-D Secure 2 challenge flow',
      'Card vault migration to PCI DSS 4.0',
      'SEPA Direct Debit for recurring orders',
      'Local payment methods: iDEAL, Bancontact, BLIK',
      'Refunds API v2',
      'Smart routing for payment retries',
      'Multi-currency settlement reports',
      'Pix instant payments',
      'Chargeback evidence automation',
      'Payment orchestration service',
      'Buy now, pay later at checkout',
    ],
  },
  {
    name: 'Identity',
    key: 'ID',
    initiatives: [
      'Passkey sign-in',
      'Guest checkout with account claim',
      'Single sign-on for the merchant dashboard',
      'Consent and privacy centre (GDPR, LGPD)',
      'Age verification for restricted goods',
      'Session service rewrite',
      'Risk-based step-up authentication',
      'Sign in with Apple and Google',
      'Password-less account recovery',
      'Customer identity graph',
      'Token exchange for partner apps',
      'Address book service',
    ],
  },
  {
    name: 'Mobile',
    key: 'MOB',
    initiatives: [
      'Native checkout screens on iOS',
      'Native checkout screens on Android',
      'Offline cart sync',
      'Order status push notifications',
      'Deep links into checkout',
      'Wallet passes for receipts',
      'WCAG 2.2 accessibility fixes in the apps',
      'App start under two seconds',
      'In-app localisation for twelve languages',
      'Crash-free sessions to 99.9%',
      'Tablet layouts for checkout',
      'Mobile feature-flag SDK',
    ],
  },
  {
    name: 'Data Platform',
    key: 'DATA',
    initiatives: [
      'Checkout funnel events in the lakehouse',
      'Real-time order stream',
      'Revenue dashboard per market',
      'Data contracts for payment events',
      'Feature store for fraud models',
      'GDPR deletion pipeline',
      'Experiment metrics service',
      'Currency reference data service',
      'Data quality checks on order tables',
      'Self-serve analytics for market teams',
      'Event schema registry',
      'Cost attribution per market',
    ],
  },
  {
    name: 'Platform',
    key: 'PLAT',
    initiatives: [
      'Multi-region deployment for checkout',
      'Service mesh roll-out',
      'Rate limiting at the edge',
      'Automated secrets rotation',
      'Kubernetes upgrade for checkout clusters',
      'Distributed tracing across checkout services',
      'Blue-green deploys for checkout APIs',
      'Feature flag platform',
      'Tax calculation service hardening',
      'CDN for static checkout assets',
      'Disaster recovery drill automation',
      'Postgres 16 migration',
    ],
  },
];

/** Further teams for larger programs. */
export const MORE_TEAMS: readonly { name: string; key: string }[] = [
  { name: 'Search', key: 'SRCH' },
  { name: 'Checkout Web', key: 'WEB' },
  { name: 'Notifications', key: 'NOTIF' },
  { name: 'Growth', key: 'GROW' },
  { name: 'Billing', key: 'BILL' },
  { name: 'Risk', key: 'RISK' },
  { name: 'Catalog', key: 'CAT' },
  { name: 'Pricing', key: 'PRICE' },
  { name: 'Logistics', key: 'LOG' },
  { name: 'Messaging', key: 'MSG' },
  { name: 'Analytics', key: 'ANLT' },
  { name: 'Security', key: 'SEC' },
  { name: 'Compliance', key: 'COMP' },
  { name: 'Onboarding', key: 'ONB' },
  { name: 'Fraud', key: 'FRAUD' },
  { name: 'Customer Care', key: 'CARE' },
  { name: 'Tax', key: 'TAX' },
  { name: 'Localisation', key: 'L10N' },
  { name: 'Merchant Tools', key: 'MERCH' },
  { name: 'Loyalty', key: 'LOYAL' },
];

export const GENERIC_INITIATIVES = [
  'Market launch readiness',
  'Latency budget for checkout APIs',
  'Localised customer emails',
  'Service ownership handover',
  'Audit logging for admin actions',
  'Self-service configuration for markets',
  'Retire the legacy order API',
  'SLOs and alerting for critical journeys',
  'Partner integration sandbox',
  'Cost reduction in non-production environments',
  'Customer support tooling',
  'Regulatory reporting automation',
] as const;

export const MARKETS = [
  'Germany',
  'France',
  'Spain',
  'Italy',
  'the Netherlands',
  'Poland',
  'Brazil',
  'Mexico',
  'Japan',
  'Australia',
  'Canada',
  'the UK',
] as const;

/** Work items under an epic; the epic's topic is appended. */
export const CHILD_TEMPLATES = [
  'Design the API contract',
  'Implement the service endpoints',
  'Build the checkout UI',
  'Write integration tests',
  'Add metrics, dashboards and alerts',
  'Update the runbook',
  'Roll out behind a feature flag',
  'Load test at three times peak traffic',
  'Security review',
  'Document for customer support',
  'Migrate existing data',
  'Remove the legacy code path',
  'Spike: compare vendors',
  'Handle error and timeout states',
  'Localise strings',
  'Add audit logging',
  'Accessibility pass',
  'Canary release in one market',
  'Backfill historical data',
  'Contract tests with partners',
  'Performance budget checks in CI',
  'Privacy impact assessment',
] as const;

export const SUBTASK_TEMPLATES = [
  'Code review fixes',
  'Update OpenAPI description',
  'QA sign-off',
  'Add unit tests',
  'Pair with support on FAQ',
] as const;

export const CHILD_LABELS = [
  [],
  [],
  ['backend'],
  ['frontend'],
  ['backend', 'api'],
  ['mobile'],
  ['tech-debt'],
  ['observability'],
] as const;

export const EXTRA_EPIC_LABELS = ['market-expansion', 'compliance', 'tech-debt', 'q-planning'] as const;

export const OUTSIDE_INITIATIVES = [
  'Internal developer portal',
  'Office network refresh',
  'Warehouse scanner firmware',
  'Quarterly access review',
  'Legacy reporting shutdown',
  'Vendor contract renewals tooling',
] as const;
