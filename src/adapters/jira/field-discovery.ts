import { z } from 'zod';
import type { SiteFields } from '../../ports/jira';

const FieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .object({ type: z.string(), custom: z.string().optional(), items: z.string().optional() })
    .passthrough()
    .optional(),
});
const FieldListSchema = z.array(FieldSchema.passthrough());

export type JiraField = z.infer<typeof FieldSchema>;

const STORY_POINTS_NAMES = ['story points', 'story point estimate'];

/** Picks this site's custom field ids by their schema.custom type, then by well-known names. */
export function discoverSiteFields(body: unknown): SiteFields {
  const fields = FieldListSchema.parse(body);
  const byCustom = (type: string) => fields.find((f) => f.schema?.custom === type)?.id;
  const byName = (names: readonly string[], type: string) =>
    fields.find((f) => f.custom !== false && f.schema?.type === type && names.includes(f.name.toLowerCase()))
      ?.id;

  const found: SiteFields = {};
  const storyPoints =
    byCustom('com.pyxis.greenhopper.jira:jsw-story-points') ?? byName(STORY_POINTS_NAMES, 'number');
  const sprint = byCustom('com.pyxis.greenhopper.jira:gh-sprint');
  // The Atlassian Team field, then the older Advanced Roadmaps (Portfolio) team field, then a field named Team.
  const team =
    byCustom('com.atlassian.teams:rm-teams-custom-field-team') ??
    byCustom('com.atlassian.rm.teams:rm-teams-custom-field-team') ??
    fields.find((f) => f.custom === true && f.name.toLowerCase() === 'team')?.id;
  const startDate =
    byCustom('com.atlassian.jpo:jpo-custom-field-baseline-start') ??
    byName(['target start', 'start date'], 'date');
  const targetDate =
    byCustom('com.atlassian.jpo:jpo-custom-field-baseline-end') ??
    byName(['target end', 'due date (target)'], 'date');
  const epicLink = byCustom('com.pyxis.greenhopper.jira:gh-epic-link');
  if (storyPoints) found.storyPoints = storyPoints;
  if (sprint) found.sprint = sprint;
  if (team) found.team = team;
  if (startDate) found.startDate = startDate;
  if (targetDate) found.targetDate = targetDate;
  if (epicLink) found.epicLink = epicLink;
  return found;
}

/** `customfield_10014` → `cf[10014]`, the JQL form that works whatever the field is named. */
export function jqlFieldRef(fieldId: string): string {
  const match = /^customfield_(\d+)$/.exec(fieldId);
  return match ? `cf[${match[1]}]` : fieldId;
}
