import type { CustomFieldIds, FieldDefinition } from './types';

type SystemFieldRow = [
  id: string,
  name: string,
  /** orderable, navigable, searchable as O/N/S or '-' */ flags: string,
  clauseNames: string[],
  schema?: FieldDefinition['schema'],
];

/** System fields as a real Jira Cloud site lists them (see shared/atlassian-samples/jira-field-list). */
const SYSTEM_FIELDS: SystemFieldRow[] = [
  [
    'statuscategorychangedate',
    'Status Category Changed',
    '-NS',
    ['statusCategoryChangedDate'],
    { type: 'datetime', system: 'statuscategorychangedate' },
  ],
  ['issuetype', 'Issue Type', 'ONS', ['issuetype', 'type'], { type: 'issuetype', system: 'issuetype' }],
  ['parent', 'Parent', '-N-', ['parent']],
  ['project', 'Project', '-NS', ['project'], { type: 'project', system: 'project' }],
  [
    'fixVersions',
    'Fix versions',
    'ONS',
    ['fixVersion'],
    { type: 'array', items: 'version', system: 'fixVersions' },
  ],
  ['statusCategory', 'Status Category', '-NS', ['statusCategory']],
  ['resolution', 'Resolution', 'ONS', ['resolution'], { type: 'resolution', system: 'resolution' }],
  [
    'resolutiondate',
    'Resolved',
    '-NS',
    ['resolutiondate', 'resolved'],
    { type: 'datetime', system: 'resolutiondate' },
  ],
  ['created', 'Created', '-NS', ['created', 'createdDate'], { type: 'datetime', system: 'created' }],
  ['priority', 'Priority', 'ONS', ['priority'], { type: 'priority', system: 'priority' }],
  ['labels', 'Labels', 'ONS', ['labels'], { type: 'array', items: 'string', system: 'labels' }],
  [
    'issuelinks',
    'Linked Issues',
    'ONS',
    ['issueLink'],
    { type: 'array', items: 'issuelinks', system: 'issuelinks' },
  ],
  ['assignee', 'Assignee', 'ONS', ['assignee'], { type: 'user', system: 'assignee' }],
  ['updated', 'Updated', '-NS', ['updated', 'updatedDate'], { type: 'datetime', system: 'updated' }],
  ['status', 'Status', '-NS', ['status'], { type: 'status', system: 'status' }],
  [
    'components',
    'Components',
    'ONS',
    ['component'],
    { type: 'array', items: 'component', system: 'components' },
  ],
  ['issuekey', 'Key', '-N-', ['id', 'issue', 'issuekey', 'key']],
  ['description', 'Description', 'ONS', ['description'], { type: 'string', system: 'description' }],
  ['summary', 'Summary', 'ONS', ['summary'], { type: 'string', system: 'summary' }],
  ['creator', 'Creator', '-NS', ['creator'], { type: 'user', system: 'creator' }],
  ['subtasks', 'Sub-tasks', '-N-', ['subtasks'], { type: 'array', items: 'issuelinks', system: 'subtasks' }],
  ['reporter', 'Reporter', 'ONS', ['reporter'], { type: 'user', system: 'reporter' }],
  ['duedate', 'Due date', 'ONS', ['due', 'duedate'], { type: 'date', system: 'duedate' }],
  ['security', 'Security Level', 'ONS', ['level'], { type: 'securitylevel', system: 'security' }],
  [
    'attachment',
    'Attachment',
    'O-S',
    ['attachments'],
    { type: 'array', items: 'attachment', system: 'attachment' },
  ],
];

/** Ids of fields whose values the emulator renders; issues always carry these keys in `*all`. */
export const RENDERED_SYSTEM_FIELDS = SYSTEM_FIELDS.map(([id]) => id).filter(
  (id) => id !== 'issuekey' && id !== 'statusCategory',
);

function customField(
  id: string,
  name: string,
  schemaType: string,
  custom: string,
  extraClauseNames: string[] = [],
  items?: string,
): FieldDefinition {
  const customId = Number(id.replace('customfield_', ''));
  const schema: NonNullable<FieldDefinition['schema']> = { type: schemaType, custom, customId };
  if (items !== undefined) schema.items = items;
  return {
    id,
    key: id,
    name,
    untranslatedName: name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name, ...extraClauseNames],
    schema,
  };
}

/** The `GET /rest/api/3/field` list of a site with these custom field ids. */
export function buildFieldList(ids: CustomFieldIds): FieldDefinition[] {
  const system: FieldDefinition[] = SYSTEM_FIELDS.map(([id, name, flags, clauseNames, schema]) => {
    const field: FieldDefinition = {
      id,
      key: id,
      name,
      custom: false,
      orderable: flags[0] === 'O',
      navigable: flags[1] === 'N',
      searchable: flags[2] === 'S',
      clauseNames,
    };
    if (schema) field.schema = schema;
    return field;
  });
  const custom: FieldDefinition[] = [
    customField(
      ids.development,
      'Development',
      'any',
      'com.atlassian.jira.plugins.jira-development-integration-plugin:devsummarycf',
    ),
    customField(ids.team, 'Team', 'any', 'com.atlassian.teams:rm-teams-custom-field-team', ['Team[Team]']),
    customField(ids.epicName, 'Epic Name', 'string', 'com.pyxis.greenhopper.jira:gh-epic-label'),
    customField(ids.epicLink, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'),
    customField(
      ids.startDate,
      'Start date',
      'date',
      'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
      ['Start date[Date]'],
    ),
    customField(
      ids.storyPoints,
      'Story point estimate',
      'number',
      'com.pyxis.greenhopper.jira:jsw-story-points',
    ),
    customField(ids.issueColor, 'Issue color', 'string', 'com.pyxis.greenhopper.jira:jsw-issue-color'),
    customField(ids.parentLink, 'Parent Link', 'any', 'com.atlassian.jpo:jpo-custom-field-parent'),
    customField(ids.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
    customField(ids.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', [], 'json'),
    customField(
      ids.flagged,
      'Flagged',
      'array',
      'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
      ['Flagged[Checkboxes]'],
      'option',
    ),
    customField(ids.targetStart, 'Target start', 'date', 'com.atlassian.jpo:jpo-custom-field-baseline-start'),
    customField(ids.targetEnd, 'Target end', 'date', 'com.atlassian.jpo:jpo-custom-field-baseline-end'),
    customField(
      ids.storyPointsLegacy,
      'Story Points',
      'number',
      'com.atlassian.jira.plugin.system.customfieldtypes:float',
      ['Story Points[Number]'],
    ),
  ];
  // Real sites list fields in no particular order; interleave so nobody relies on an order.
  const out: FieldDefinition[] = [];
  for (let i = 0; i < Math.max(system.length, custom.length); i++) {
    const s = system[i];
    const c = custom[i];
    if (s) out.push(s);
    if (c) out.push(c);
  }
  return out;
}
