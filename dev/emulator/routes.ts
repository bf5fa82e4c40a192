import {
  createAttachment,
  createOrUpdateAttachments,
  getAttachments,
  getPageAttachments,
} from './confluence/attachments';
import {
  createPage,
  createPageProperty,
  deletePage,
  deletePageProperty,
  getPageById,
  getPageProperties,
  getPagePropertyById,
  getPages,
  getSpaceById,
  getSpaces,
  updatePage,
  updatePageProperty,
} from './confluence/pages';
import type { Route } from './http';
import { getAllBoards, getAllSprints } from './jira/agile';
import {
  findUsers,
  getBulkPermissions,
  getCurrentUser,
  getFields,
  getIssueLinkTypes,
  searchProjects,
} from './jira/meta';
import {
  deleteIssueProperty,
  getIssueProperty,
  getIssuePropertyKeys,
  setIssueProperty,
} from './jira/properties';
import { bulkFetch, getIssue, searchGet, searchPost } from './jira/search';

const JIRA = '/rest/api/3';
const AGILE = '/rest/agile/1.0';
const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

/** Every modelled operation, named by its operationId in Atlassian's OpenAPI specs. */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: `${JIRA}/myself`,
    operationId: 'getCurrentUser',
    family: 'jira',
    handler: getCurrentUser,
  },
  {
    method: 'GET',
    path: `${JIRA}/search/jql`,
    operationId: 'searchAndReconsileIssuesUsingJql',
    family: 'jira',
    handler: searchGet,
  },
  {
    method: 'POST',
    path: `${JIRA}/search/jql`,
    operationId: 'searchAndReconsileIssuesUsingJqlPost',
    family: 'jira',
    handler: searchPost,
  },
  {
    method: 'POST',
    path: `${JIRA}/issue/bulkfetch`,
    operationId: 'bulkFetchIssues',
    family: 'jira',
    handler: bulkFetch,
  },
  {
    method: 'GET',
    path: `${JIRA}/issue/{issueIdOrKey}`,
    operationId: 'getIssue',
    family: 'jira',
    handler: getIssue,
  },
  { method: 'GET', path: `${JIRA}/field`, operationId: 'getFields', family: 'jira', handler: getFields },
  {
    method: 'GET',
    path: `${JIRA}/issueLinkType`,
    operationId: 'getIssueLinkTypes',
    family: 'jira',
    handler: getIssueLinkTypes,
  },
  {
    method: 'GET',
    path: `${JIRA}/issue/{issueIdOrKey}/properties`,
    operationId: 'getIssuePropertyKeys',
    family: 'jira',
    handler: getIssuePropertyKeys,
  },
  {
    method: 'GET',
    path: `${JIRA}/issue/{issueIdOrKey}/properties/{propertyKey}`,
    operationId: 'getIssueProperty',
    family: 'jira',
    handler: getIssueProperty,
  },
  {
    method: 'PUT',
    path: `${JIRA}/issue/{issueIdOrKey}/properties/{propertyKey}`,
    operationId: 'setIssueProperty',
    family: 'jira',
    handler: setIssueProperty,
  },
  {
    method: 'DELETE',
    path: `${JIRA}/issue/{issueIdOrKey}/properties/{propertyKey}`,
    operationId: 'deleteIssueProperty',
    family: 'jira',
    handler: deleteIssueProperty,
  },
  {
    method: 'GET',
    path: `${JIRA}/user/search`,
    operationId: 'findUsers',
    family: 'jira',
    handler: findUsers,
  },
  {
    method: 'POST',
    path: `${JIRA}/permissions/check`,
    operationId: 'getBulkPermissions',
    family: 'jira',
    handler: getBulkPermissions,
  },
  {
    method: 'GET',
    path: `${JIRA}/project/search`,
    operationId: 'searchProjects',
    family: 'jira',
    handler: searchProjects,
  },
  {
    method: 'GET',
    path: `${AGILE}/board`,
    operationId: 'getAllBoards',
    family: 'jira',
    handler: getAllBoards,
  },
  {
    method: 'GET',
    path: `${AGILE}/board/{boardId}/sprint`,
    operationId: 'getAllSprints',
    family: 'jira',
    handler: getAllSprints,
  },
  {
    method: 'GET',
    path: `${V2}/spaces`,
    operationId: 'getSpaces',
    family: 'confluence-v2',
    handler: getSpaces,
  },
  {
    method: 'GET',
    path: `${V2}/spaces/{id}`,
    operationId: 'getSpaceById',
    family: 'confluence-v2',
    handler: getSpaceById,
  },
  { method: 'GET', path: `${V2}/pages`, operationId: 'getPages', family: 'confluence-v2', handler: getPages },
  {
    method: 'POST',
    path: `${V2}/pages`,
    operationId: 'createPage',
    family: 'confluence-v2',
    handler: createPage,
  },
  {
    method: 'GET',
    path: `${V2}/pages/{id}`,
    operationId: 'getPageById',
    family: 'confluence-v2',
    handler: getPageById,
  },
  {
    method: 'PUT',
    path: `${V2}/pages/{id}`,
    operationId: 'updatePage',
    family: 'confluence-v2',
    handler: updatePage,
  },
  {
    method: 'DELETE',
    path: `${V2}/pages/{id}`,
    operationId: 'deletePage',
    family: 'confluence-v2',
    handler: deletePage,
  },
  {
    method: 'GET',
    path: `${V2}/pages/{page-id}/properties`,
    operationId: 'getPageContentProperties',
    family: 'confluence-v2',
    handler: getPageProperties,
  },
  {
    method: 'POST',
    path: `${V2}/pages/{page-id}/properties`,
    operationId: 'createPageProperty',
    family: 'confluence-v2',
    handler: createPageProperty,
  },
  {
    method: 'GET',
    path: `${V2}/pages/{page-id}/properties/{property-id}`,
    operationId: 'getPageContentPropertiesById',
    family: 'confluence-v2',
    handler: getPagePropertyById,
  },
  {
    method: 'PUT',
    path: `${V2}/pages/{page-id}/properties/{property-id}`,
    operationId: 'updatePagePropertyById',
    family: 'confluence-v2',
    handler: updatePageProperty,
  },
  {
    method: 'DELETE',
    path: `${V2}/pages/{page-id}/properties/{property-id}`,
    operationId: 'deletePagePropertyById',
    family: 'confluence-v2',
    handler: deletePageProperty,
  },
  {
    method: 'GET',
    path: `${V2}/pages/{id}/attachments`,
    operationId: 'getPageAttachments',
    family: 'confluence-v2',
    handler: getPageAttachments,
  },
  {
    method: 'POST',
    path: `${V1}/content/{id}/child/attachment`,
    operationId: 'createAttachment',
    family: 'confluence-v1',
    handler: createAttachment,
  },
  {
    method: 'PUT',
    path: `${V1}/content/{id}/child/attachment`,
    operationId: 'createOrUpdateAttachments',
    family: 'confluence-v1',
    handler: createOrUpdateAttachments,
  },
  // Not in the current v1 spec (Atlassian moved listing to v2 getPageAttachments); the historical operationId.
  {
    method: 'GET',
    path: `${V1}/content/{id}/child/attachment`,
    operationId: 'getAttachments',
    family: 'confluence-v1',
    handler: getAttachments,
  },
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Matches a method and path against the route table; path parameters are URL-decoded. */
export function createRouter(
  routes: readonly Route[] = ROUTES,
): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map((route) => ({
    route,
    segments: route.path
      .split('/')
      .slice(1)
      .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s })),
  }));
  return (method, path) => {
    const parts = path.split('/').slice(1);
    for (const { route, segments } of compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < segments.length && matched; i++) {
        const segment = segments[i] as { literal: string } | { param: string };
        const part = parts[i] as string;
        if ('literal' in segment) matched = segment.literal === part;
        else if (part === '') matched = false;
        else {
          try {
            params[segment.param] = decodeURIComponent(part);
          } catch {
            matched = false;
          }
        }
      }
      if (matched) return { route, params };
    }
    return undefined;
  };
}
